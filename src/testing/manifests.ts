/**
 * The one road from a test's objects to the engine's model: plain Kubernetes manifests are
 * written out as YAML and read back by the engine's own parser and normalizer, exactly as a
 * student's files are. Builders in src/testing/ produce manifests and call this, so every
 * verdict test also exercises validation and defaulting (policyTypes, protocol TCP, hostPort,
 * base64 and docker config decoding, implicit namespaces, pod IPs, workload expansion…):
 * a defaulting bug in normalize/ fails the verdict tables instead of hiding behind a helper
 * that applied its own defaults.
 */
import { stringify } from 'yaml';
import type { Cluster, PendingDiagnostic } from '../engine/model/index.js';
import { formatPath } from '../engine/model/index.js';
import { normalize } from '../engine/normalize/index.js';
import { PARSE_OPTIONS } from '../engine/parse/cache.js';
import { parseSources, type ParsedSources } from '../engine/parse/index.js';

/** A Kubernetes (or lab/v1) object as written in a file. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
  readonly [field: string]: unknown;
}

/**
 * YAML text of the documents, `---`-separated. Scalars are quoted as the engine's YAML 1.1 reader
 * needs (`"yes"`, `"0644"` stay strings); shared objects are written out, never as anchors.
 */
export function toYaml(docs: readonly object[]): string {
  return docs.map((d) => stringify(d, { ...PARSE_OPTIONS, aliasDuplicateObjects: false })).join('---\n');
}

export interface Loaded {
  readonly parsed: ParsedSources;
  /** Everything normalize/ built, the implicit system objects (cluster/system.ts) included. */
  readonly full: Cluster;
  /** The test's own objects: implicit system pods, namespaces and their ServiceAccounts left out. */
  readonly scenario: Cluster;
  /** Warnings and infos of parse and normalize (errors throw). */
  readonly diagnostics: readonly PendingDiagnostic[];
}

/**
 * Parse and normalize files of manifests (file name → documents, doc index = position). An error
 * diagnostic means the API server would refuse the object and normalize/ leaves it out: that is a
 * bug in the test's input, so it throws with the messages rather than letting a row silently test
 * a cluster without its object.
 */
export function load(files: Readonly<Record<string, readonly object[]>>): Loaded {
  const sources = Object.entries(files).filter(([, docs]) => docs.length > 0).map(([name, docs]) => ({ name, text: toYaml(docs) }));
  const parsed = parseSources(sources);
  const { cluster, diagnostics } = normalize(parsed);
  const all = [...parsed.diagnostics, ...diagnostics];
  const errors = all.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((d) => `${d.ref ? `${d.ref.file}#${d.ref.doc} ${formatPath(d.ref.path)}` : ''}: ${d.code}: ${d.message}`);
    throw new Error(`test manifests rejected by normalize/:\n${lines.join('\n')}\n\n${sources.map((s) => `# ${s.name}\n${s.text}`).join('\n')}`);
  }
  return { parsed, full: cluster, scenario: scenarioOnly(cluster), diagnostics: all };
}

/** A cluster without the implicit system pods and namespaces (and those namespaces' implicit ServiceAccounts). */
export function scenarioOnly(cluster: Cluster): Cluster {
  const systemNs = new Set(cluster.namespaces.filter((n) => n.system).map((n) => n.name));
  return {
    ...cluster,
    pods: cluster.pods.filter((p) => !p.system),
    namespaces: cluster.namespaces.filter((n) => !n.system),
    serviceAccounts: cluster.serviceAccounts.filter((sa) => sa.declared || !systemNs.has(sa.namespace)),
  };
}

/** `ns/name` or `name` (namespace `default`). */
export function splitId(id: string): [namespace: string, name: string] {
  const slash = id.indexOf('/');
  return slash === -1 ? ['default', id] : [id.slice(0, slash), id.slice(slash + 1)];
}
