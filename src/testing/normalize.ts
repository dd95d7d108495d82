/**
 * Helpers for normalize/ tests: run parse + normalize on YAML strings and look at the
 * diagnostics the way a student would see them (code, message, path, line and column of the key).
 */
import type { Cluster, PendingDiagnostic } from '../engine/model/index.js';
import { formatPath } from '../engine/model/index.js';
import { normalize } from '../engine/normalize/index.js';
import { parseSources, type ParsedSources } from '../engine/parse/index.js';
import { scenarioOnly } from './manifests.js';

export interface SeenDiagnostic {
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly path: string;
  readonly file: string;
  /** 1-based, as parsed.locate resolves the ref (atKey respected). */
  readonly line: number;
  readonly column: number;
}

export interface Run {
  readonly parsed: ParsedSources;
  /** The scenario's own objects: the implicit system pods and namespaces (cluster/system.ts) left out. */
  readonly cluster: Cluster;
  /** Everything normalize/ built, system objects included. */
  readonly full: Cluster;
  readonly raw: readonly PendingDiagnostic[];
  readonly diagnostics: readonly SeenDiagnostic[];
  readonly errors: readonly SeenDiagnostic[];
}

/** One or more files (name → text); a bare string is `test.yaml`. */
export function run(files: string | Readonly<Record<string, string>>): Run {
  const sources = typeof files === 'string' ? [{ name: 'test.yaml', text: files }] : Object.entries(files).map(([name, text]) => ({ name, text }));
  const parsed = parseSources(sources);
  const { cluster, diagnostics } = normalize(parsed);
  const all = [...parsed.diagnostics, ...diagnostics];
  const seen = all.map((d): SeenDiagnostic => {
    const range = d.ref ? parsed.locate(d.ref, d.atKey) : null;
    return {
      severity: d.severity, code: d.code, message: d.message,
      path: d.ref ? formatPath(d.ref.path) : '', file: d.ref?.file ?? '',
      line: range?.line ?? 0, column: range?.column ?? 0,
    };
  });
  return { parsed, cluster: scenarioOnly(cluster), full: cluster, raw: all, diagnostics: seen, errors: seen.filter((d) => d.severity === 'error') };
}

/** A Pod manifest with one container; `spec` lines are appended (indented 2) after `containers`. */
export function pod(name: string, extra = '', opts: { namespace?: string; labels?: string; container?: string } = {}): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    ...(opts.namespace ? [`  namespace: ${opts.namespace}`] : []),
    ...(opts.labels ? [`  labels: ${opts.labels}`] : []),
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: nginx',
    ...(opts.container ? opts.container.split('\n').map((l) => `    ${l}`) : []),
    ...(extra ? extra.split('\n').map((l) => `  ${l}`) : []),
  ].join('\n');
}

/** A NetworkPolicy manifest in `default`; `spec` is the YAML body under `spec:` (indented by the caller as flow or block). */
export function netpol(name: string, spec: string, namespace = 'default'): string {
  return ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:',
    ...spec.split('\n').map((l) => `  ${l}`)].join('\n');
}

/** Line (1-based) of the first line of `text` containing `needle`, for asserting positions. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').includes(needle) && ++seen === occurrence) return i + 1;
  }
  return -1;
}
