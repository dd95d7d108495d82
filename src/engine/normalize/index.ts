import type { Cluster, ClusterConfig, PendingDiagnostic } from '../model/index.js';
import type { ParsedSources } from '../parse/index.js';
import { assemble } from './assemble.js';
import { Collected } from './collected.js';
import { readDocument } from './document.js';
import { readKind } from './read-kind.js';

export interface Normalized {
  readonly cluster: Cluster;
  readonly diagnostics: readonly PendingDiagnostic[];
}

/**
 * Documents → frozen Cluster: validation (strict fields), defaults, implicit objects, workload
 * expansion, IPs. An object with an error diagnostic is left out (the API server would refuse it);
 * everything else still analyses. Never throws: a bug in a reader becomes a diagnostic on that
 * document instead of taking the whole scenario down.
 */
export function normalize(parsed: ParsedSources): Normalized {
  const diagnostics: PendingDiagnostic[] = [];
  const collected = new Collected();
  for (const doc of parsed.docs) {
    if (!doc.ok || doc.empty) continue;
    const root = { file: doc.file, doc: doc.index, path: [] };
    try {
      const object = readDocument(doc.value, root, diagnostics);
      if (!object) continue;
      const commit = readKind(object);
      diagnostics.push(...object.diags.list);
      if (!object.diags.hasError) collected.add(object, commit, diagnostics);
    } catch (e) {
      diagnostics.push({
        severity: 'error', code: 'internal',
        message: `internal error while reading this document: ${e instanceof Error ? e.message : String(e)}`,
        ref: root,
      });
    }
  }
  const config: ClusterConfig = collected.clusterConfig ?? { cni: 'calico', podCIDR: '10.244.0.0/16' };
  return { cluster: assemble(collected, config, diagnostics), diagnostics };
}
