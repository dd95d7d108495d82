import { analyze } from '../analyze.js';
import type { Analysis, SourceFile } from '../model/index.js';
import { IncrementalAnalyzer } from './index.js';

/**
 * Everything an Analysis says, as plain data (the network through its queries), for the tests that
 * compare an incremental analysis with a cold one (incremental.test.ts, bench-cluster.test.ts).
 */
export function view(a: Analysis) {
  const n = a.network;
  const ids = n.endpoints.map((e) => e.id);
  const pairs = ids.flatMap((f) => ids.filter((t) => t !== f).slice(0, 4).map((t) => [f, t] as const)).slice(0, 60);
  return {
    diagnostics: a.diagnostics, cluster: a.cluster, pods: a.pods, policies: a.policies, services: a.services,
    rbac: a.rbac, admission: a.admission, nodes: a.nodes, sources: a.sources,
    endpoints: n.endpoints, enforcing: n.enforcing, connectivity: n.connectivity(),
    isolation: ids.map((id) => n.isolation(id)), ports: ids.map((id) => n.portsOf(id)), allPorts: n.allPorts(),
    explain: pairs.map(([f, t]) => [n.explain(f, t, 80, 'TCP'), n.allowed(f, t, 443, 'TCP'), n.explainIcmp(f, t)]),
    located: a.pods.map((p) => a.locate(p.pod.ref)),
    // Nodes inside documents: a label's key and value, a policy's selector.
    inside: [
      ...a.pods.map((p) => a.locate({ ...p.pod.ref, path: [...p.pod.ref.path, 'metadata', 'labels', 'app'] })),
      ...a.policies.map((p) => a.locate({ ...p.policy.ref, path: [...p.policy.ref.path, 'spec', 'podSelector'] })),
    ],
  };
}

export type Files = SourceFile[];
/** An edit of the files; `history` holds every earlier state, to go back to one. */
export type Edit = (files: Files, history: readonly Files[]) => Files;

/**
 * Walks `edits` from `start` with one IncrementalAnalyzer and hands each result's view, beside a
 * cold analysis's, to `same` (the test's assertion).
 */
export function follows(start: Files, edits: readonly Edit[], same: (incremental: unknown, cold: unknown) => void): void {
  const inc = new IncrementalAnalyzer();
  let files = start;
  const history: Files[] = [files];
  same(view(inc.analyze(files)), view(analyze(files)));
  for (const e of edits) {
    files = e(files, history);
    history.push(files);
    same(view(inc.analyze(files)), view(analyze(files)));
  }
}
