import type { PendingDiagnostic, SourceRef } from '../model/index.js';
import { Diags } from './diag.js';
import { structFor, versionsOf } from './field-tree.js';
import { checkLabels } from './labels.js';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPathSegmentName } from './names.js';
import { checkFields } from './strict-fields.js';
import { at, isObj, str, type Obj } from './values.js';

/** Kinds that are not namespaced (metadata.namespace is ignored). */
const CLUSTER_SCOPED = new Set([
  'v1/Namespace', 'lab/v1/Cluster', 'lab/v1/Registry', 'lab/v1/ExternalHost',
  'rbac.authorization.k8s.io/v1/ClusterRole', 'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
]);

/** Kinds whose names only need to be a path segment (pkg/apis/rbac/validation ValidateRBACName). */
const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].map((k) => `rbac.authorization.k8s.io/v1/${k}`));

export interface ObjectDoc {
  readonly value: Obj;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** The defaulted namespace (`default`), undefined for cluster-scoped kinds. */
  readonly namespace?: string;
  readonly root: SourceRef;
  readonly diags: Diags;
  /** False for kinds the lab does not simulate (kept as `others`). */
  readonly simulated: boolean;
}

/**
 * The checks every document goes through before its kind is read: a mapping, apiVersion and kind
 * set (kubectl's client-side `apiVersion not set` / `kind not set`), a simulated kind (else
 * "not simulated", or kubectl's `no matches for kind` when the kind exists under another
 * apiVersion), strict fields, metadata.name (`Required value: name or generateName is required`)
 * and the name syntax of pkg/apis/core/validation (namespaces: DNS label; others: DNS subdomain).
 * Returns null when the document cannot be an object at all; its diagnostics are in `out`.
 */
export function readDocument(value: unknown, root: SourceRef, out: PendingDiagnostic[]): ObjectDoc | null {
  const diags = new Diags(root);
  if (!isObj(value)) {
    const what = Array.isArray(value) ? 'a list' : `a ${typeof value === 'string' ? 'string' : 'scalar'}`;
    diags.add('error', 'not-a-mapping', `the document is ${what}, not an object (a mapping with apiVersion, kind and metadata)`, [], { got: what });
    out.push(...diags.list);
    return null;
  }
  const apiVersion = str(value.apiVersion) ?? '';
  const kind = str(value.kind) ?? '';
  if (apiVersion === '') diags.add('error', 'missing-field', 'apiVersion not set', value.apiVersion === undefined ? [] : ['apiVersion'], { field: 'apiVersion' });
  if (kind === '') diags.add('error', 'missing-field', 'kind not set', value.kind === undefined ? [] : ['kind'], { field: 'kind' });
  if (diags.hasError) {
    out.push(...diags.list);
    return null;
  }

  const name = str(at(value, 'metadata', 'name')) ?? '';
  const key = `${apiVersion}/${kind}`;
  const namespaced = !CLUSTER_SCOPED.has(key);
  const nsValue = str(at(value, 'metadata', 'namespace'));
  const namespace = namespaced ? (nsValue || 'default') : undefined;
  const object = namespace !== undefined ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
  const objDiags = new Diags(root, object);

  const struct = structFor(apiVersion, kind);
  if (struct === undefined) {
    const versions = versionsOf(kind);
    if (versions.length > 0) {
      objDiags.add('error', 'unknown-kind', `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)} (${kind} is ${versions.join(', ')})`, ['apiVersion'], { kind, apiVersion, expected: versions.join(', ') });
    } else {
      objDiags.add('info', 'not-simulated', `${kind} (${apiVersion}) is not simulated: it is kept and listed, but nothing in the lab uses it`, ['kind'], { kind, apiVersion });
    }
    return { value, apiVersion, kind, name, ...(nsValue ? { namespace: nsValue } : {}), root, diags: objDiags, simulated: false };
  }

  checkFields(value, struct, objDiags);
  if (name === '') objDiags.required('missing-field', ['metadata', 'name'], 'name or generateName is required');
  else {
    // Namespaces are DNS labels; Services DNS-1035 labels (their name is a DNS label and an env var
    // prefix: pkg/apis/core/validation ValidateServiceName); everything else a DNS subdomain.
    // RBAC objects only need a path segment name (ValidateRBACName): `system:basic-user` is fine.
    const msgs = kind === 'Namespace' ? isDNS1123Label(name) : kind === 'Service' && apiVersion === 'v1' ? isDNS1035Label(name)
      : RBAC_KINDS.has(key) ? isValidPathSegmentName(name) : isDNS1123Subdomain(name);
    for (const msg of msgs) objDiags.invalid('name-invalid', ['metadata', 'name'], name, msg);
  }
  if (namespaced && nsValue) for (const msg of isDNS1123Label(nsValue)) objDiags.invalid('name-invalid', ['metadata', 'namespace'], nsValue, msg);
  checkLabels(at(value, 'metadata', 'labels'), ['metadata', 'labels'], objDiags);
  return { value, apiVersion, kind, name, ...(namespace !== undefined ? { namespace } : {}), root, diags: objDiags, simulated: true };
}
