#!/usr/bin/env node
/**
 * Generates, from kubernetes-types (v1.30) via ts-json-schema-generator:
 *  - src/schema/kubernetes.schema.json: JSON Schema for the editor (monaco-yaml) and `kubectl explain`,
 *    with descriptions, dispatching on apiVersion+kind (allOf of if/then, so unknown and lab/v1 kinds
 *    are not flagged by a failing anyOf) and additionalProperties:false so typos are caught.
 *  - src/engine/normalize/fields.json: the compact field tree the engine's strict validation walks
 *    (type expressions only, definitions shared by name).
 * Run: `npm run schema` (about 3 s). Both outputs are committed; rerun after upgrading kubernetes-types.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const generated = createGenerator({
  path: join(root, 'src/schema/kinds.ts'),
  tsconfig: join(root, 'tsconfig.json'),
  type: 'KubernetesKinds',
  jsDoc: 'extended',
  additionalProperties: false,
  skipTypeCheck: true,
  expose: 'export',
  topRef: false,
}).createSchema('KubernetesKinds');

const definitions = { ...generated.definitions };

// resource.Quantity unmarshals from a JSON number too (`cpu: 0.5`); kubernetes-types says string.
definitions.Quantity = { type: ['string', 'number'], description: firstParagraph(definitions.Quantity.description) };
// FieldsV1 is free-form JSON (managedFields); the TS interface is empty, which would forbid every key.
definitions.FieldsV1 = { type: 'object', description: firstParagraph(definitions.FieldsV1.description) };

/** The lab's own kinds (engine-spec sections 1 and 5); written by hand, same style, named definitions. */
const protocol = { type: 'string', enum: ['TCP', 'UDP', 'SCTP'], description: 'Protocol. Defaults to "TCP".' };
const object = (description, properties, required = []) => ({ type: 'object', description, additionalProperties: false, required, properties });
const ref = (name) => ({ $ref: `#/definitions/${name}` });
const labDefinitions = {
  ExternalHostSpec: object('A machine outside the cluster.', {
    ip: { type: 'string', description: 'IP address of the host (IPv4 or IPv6).' },
    ports: { type: 'array', description: 'Ports the host listens on.', items: ref('ExternalHostPort') },
  }, ['ip']),
  ExternalHostPort: object('A port an external host listens on.', {
    port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Port number, 1-65535.' },
    protocol,
  }, ['port']),
  RegistrySpec: object('A simulated container registry.', {
    server: { type: 'string', description: 'Host[:port] as written in image references; Docker Hub is "docker.io".' },
    private: { type: 'boolean', description: 'Whether pulls need credentials. Defaults to true.' },
    credentials: { type: 'array', description: 'Username/password pairs the registry accepts.', items: ref('RegistryCredential') },
    images: { type: 'array', description: 'Repositories the registry holds; a missing repository or tag fails every pull.', items: ref('RegistryImage') },
  }, ['server']),
  RegistryCredential: object('A username/password pair the registry accepts.', {
    username: { type: 'string' },
    password: { type: 'string' },
  }, ['username', 'password']),
  RegistryImage: object('A repository held by the registry.', {
    repository: { type: 'string', description: 'Path within the registry, e.g. "nginx" or "team/app".' },
    tags: { type: 'array', items: { type: 'string' }, description: 'Tags present.' },
    user: { type: 'string', description: 'The image\'s USER (e.g. "1000", "app", "1000:1000"); absent means root.' },
  }, ['repository']),
  ClusterSpec: object('Lab cluster settings.', {
    cni: { type: 'string', enum: ['calico', 'cilium', 'flannel', 'kindnet', 'kindnet-legacy'], description: 'Network plugin. calico, cilium and kindnet (as kind ships it since v0.24) enforce NetworkPolicy; flannel and kindnet-legacy (kind before v0.24) do not. Defaults to "calico".' },
    podCIDR: { type: 'string', description: 'Range pod IPs are assigned from. Defaults to "10.244.0.0/16".' },
    podSecurity: ref('PodSecurityConfiguration'),
  }),
  // The PodSecurity admission plugin's configuration (pod-security.admission.config.k8s.io/v1
  // PodSecurityConfiguration), which a real cluster reads from --admission-control-config-file.
  PodSecurityConfiguration: object('Pod Security Admission configuration: the policy of namespaces without pod-security.kubernetes.io labels, and what is never checked. kubeadm sets none: every mode privileged:latest, no exemptions.', {
    defaults: ref('PodSecurityDefaults'),
    exemptions: ref('PodSecurityExemptions'),
  }),
  PodSecurityDefaults: object('The level and version of each mode for a namespace that does not label it.', Object.fromEntries(['enforce', 'audit', 'warn'].flatMap((mode) => [
    [mode, { type: 'string', enum: ['privileged', 'baseline', 'restricted'], description: `Level of the ${mode} mode. Defaults to "privileged".` }],
    [`${mode}-version`, { type: 'string', description: `Policy version of the ${mode} mode: "latest" or "v1.N". Defaults to "latest".` }],
  ]))),
  PodSecurityExemptions: object('Requests Pod Security Admission never evaluates.', {
    usernames: { type: 'array', items: { type: 'string' }, description: 'Requesting users (e.g. "system:serviceaccount:kube-system:replicaset-controller").' },
    runtimeClasses: { type: 'array', items: { type: 'string' }, description: 'Pods with one of these spec.runtimeClassName.' },
    namespaces: { type: 'array', items: { type: 'string' }, description: 'Namespaces whose pods are never checked.' },
  }),
};
const labKinds = {
  ExternalHost: labKind('ExternalHost', 'A machine outside the cluster (lab/v1): traffic to and from it is simulated.'),
  Registry: labKind('Registry', 'A simulated container registry (lab/v1): which images it has and who may pull them.'),
  Cluster: labKind('Cluster', 'Lab cluster settings (lab/v1); at most one.'),
};
Object.assign(definitions, labDefinitions);
Object.assign(definitions, labKinds);

const kinds = Object.entries(generated.properties).map(([key, ref]) => {
  const slash = key.lastIndexOf('/');
  return { apiVersion: key.slice(0, slash), kind: key.slice(slash + 1), def: ref.$ref.replace('#/definitions/', '') };
});
for (const kind of Object.keys(labKinds)) kinds.push({ apiVersion: 'lab/v1', kind, def: kind });

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kubernetes objects simulated by Kube Security Lab (kubernetes-types 1.30) and lab/v1 kinds',
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: { type: 'string', examples: [...new Set(kinds.map((k) => k.apiVersion))] },
    kind: { type: 'string', examples: kinds.map((k) => k.kind) },
  },
  allOf: kinds.map((k) => ({
    if: { required: ['apiVersion', 'kind'], properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } } },
    then: { $ref: `#/definitions/${k.def}` },
  })),
  definitions: sortKeys(definitions),
};
writeFileSync(join(root, 'src/schema/kubernetes.schema.json'), `${JSON.stringify(schema, null, 1)}\n`);

/**
 * Compact tree: { kinds: {"apiVersion/kind": Def}, types: {Def: {field: expr}} }. An expr is a
 * scalar (`string`, `bytes`, `boolean`, `int32`, `int64`, `quantity`, `intstr`, `any`), a definition name,
 * `[]expr` (array) or `{}expr` (map with string keys).
 */
// Go int64 fields among these kinds (the TS types only say number); the rest are int32. Used in
// the decoder's wording ("... of type int64").
const INT64 = new Set(['runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups', 'activeDeadlineSeconds',
  'terminationGracePeriodSeconds', 'startingDeadlineSeconds', 'expirationSeconds', 'generation',
  'observedGeneration', 'deletionGracePeriodSeconds', 'gracePeriodSeconds', 'successfulJobsHistoryLimit']);
const types = {};
function expr(node, field) {
  if (!node || typeof node !== 'object') return 'any';
  if (node.$ref) {
    const name = node.$ref.replace('#/definitions/', '');
    if (name === 'Quantity') return 'quantity';
    const target = definitions[name];
    if (target && !target.properties) return expr(target, field);
    visit(name);
    return name;
  }
  const t = node.type;
  if (Array.isArray(t)) {
    if (t.includes('number') && t.includes('string')) return 'intstr';
    return 'any';
  }
  if (node.anyOf || node.oneOf) return 'any';
  if (t === 'string') return 'string';
  if (t === 'boolean') return 'boolean';
  if (t === 'number' || t === 'integer') return INT64.has(field) ? 'int64' : 'int32';
  if (t === 'array') return `[]${expr(node.items, field)}`;
  if (t === 'object') {
    if (node.properties) return inlineObject(node, field);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') return `{}${expr(node.additionalProperties, field)}`;
    return 'any';
  }
  return 'any';
}
function inlineObject(node, field) {
  // Anonymous object types are named after their field, which never clashes with K8s type names.
  const name = `_${field}`;
  types[name] = fieldsOf(node);
  return name;
}
function fieldsOf(node) {
  const out = {};
  for (const [k, v] of Object.entries(node.properties ?? {})) out[k] = expr(v, k);
  return out;
}
function visit(name) {
  if (name in types) return;
  const def = definitions[name];
  types[name] = {};
  types[name] = def?.properties ? fieldsOf(def) : {};
}
const fieldKinds = {};
for (const k of kinds) {
  visit(k.def);
  fieldKinds[`${k.apiVersion}/${k.kind}`] = k.def;
}
// Go's []byte maps (k8s.io/api core/v1 types.go: Secret.Data, ConfigMap.BinaryData): kubernetes-types
// says string; the decoder's wording says []uint8.
types.Secret.data = '{}bytes';
types.ConfigMap.binaryData = '{}bytes';
writeFileSync(join(root, 'src/engine/normalize/fields.json'), `${JSON.stringify({ kinds: fieldKinds, types: sortKeys(types) })}\n`);
console.log(`kubernetes.schema.json: ${kinds.length} kinds, ${Object.keys(definitions).length} definitions; fields.json: ${Object.keys(types).length} types`);

function labKind(kind, description) {
  return object(description, {
    apiVersion: { type: 'string', const: 'lab/v1' },
    kind: { type: 'string', const: kind },
    metadata: ref('ObjectMeta'),
    spec: ref(`${kind}Spec`),
  }, ['apiVersion', 'kind', 'metadata']);
}
function firstParagraph(text) {
  return typeof text === 'string' ? text.split('\n\n')[0] : undefined;
}
function sortKeys(obj) {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
