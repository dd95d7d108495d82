import type { Cluster, ClusterConfig, PendingDiagnostic, SourceRef } from '../model/index.js';
import type { ParsedSources } from '../parse/index.js';
import { assemble, MAX_PODS } from './assemble.js';
import { Collected } from './collected.js';
import { readDocument, type ObjectDoc } from './document.js';
import { readKind, type Commit } from './read-kind.js';

export interface Normalized {
  readonly cluster: Cluster;
  readonly diagnostics: readonly PendingDiagnostic[];
}

/**
 * What `normalize` keeps between calls when asked to (incremental/): per document value object
 * (parse/ hands the same object back while the document's data is unchanged) and position, what
 * reading it gave. Reading a document depends on nothing but its value and position, so replaying
 * the memo gives exactly what reading again would; the objects it made are frozen by the first
 * assemble and shared from then on (nothing downstream mutates them).
 */
export type NormalizeMemo = WeakMap<object, Map<string, DocRead>>;

interface DocRead {
  /** What reading pushed before the object was known (a document that is no object, no kind). */
  readonly pushed: readonly PendingDiagnostic[];
  readonly object: ObjectDoc | null;
  readonly commit: Commit | null;
  /** The object's own diagnostics, and whether one is an error (then it is left out). */
  readonly diags: readonly PendingDiagnostic[];
  readonly hasError: boolean;
}

/**
 * Documents → frozen Cluster: validation (strict fields), defaults, implicit objects, workload
 * expansion, IPs. An object with an error diagnostic is left out (the API server would refuse it);
 * everything else still analyses. Never throws: a bug in a reader becomes a diagnostic on that
 * document instead of taking the whole scenario down.
 */
export function normalize(parsed: ParsedSources, memo?: NormalizeMemo): Normalized {
  const diagnostics: PendingDiagnostic[] = [];
  const collected = new Collected();
  for (const doc of parsed.docs) {
    if (!doc.ok || doc.empty) continue;
    // Past the pod bound a Pod is left out (assemble.ts boundPods says so): not read at all.
    if (collected.podDrafts.length > MAX_PODS && isPod(doc.value)) {
      collected.podsUnread++;
      continue;
    }
    const keyed = memo && typeof doc.value === 'object' && doc.value !== null ? doc.value : null;
    const at = `${doc.file}\u0000${doc.index}`;
    let read = keyed ? memo?.get(keyed)?.get(at) : undefined;
    if (!read) {
      read = readOne(doc.value, { file: doc.file, doc: doc.index, path: [] });
      if (keyed && memo) {
        const held = memo.get(keyed);
        if (held) held.set(at, read);
        else memo.set(keyed, new Map([[at, read]]));
      }
    }
    for (const d of read.pushed) diagnostics.push(d);
    if (!read.object || !read.commit) continue;
    for (const d of read.diags) diagnostics.push(d);
    if (!read.hasError) collected.add(read.object, read.commit, diagnostics);
  }
  const config: ClusterConfig = collected.clusterConfig ?? { cni: 'calico', podCIDR: '10.244.0.0/16' };
  return { cluster: assemble(collected, config, diagnostics), diagnostics };
}

function isPod(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Pod';
}

function readOne(value: unknown, root: SourceRef): DocRead {
  const pushed: PendingDiagnostic[] = [];
  try {
    const object = readDocument(value, root, pushed);
    if (!object) return { pushed, object: null, commit: null, diags: [], hasError: false };
    const commit = readKind(object);
    return { pushed, object, commit, diags: [...object.diags.list], hasError: object.diags.hasError };
  } catch (e) {
    pushed.push({
      severity: 'error', code: 'internal',
      message: `internal error while reading this document: ${e instanceof Error ? e.message : String(e)}`,
      ref: root,
    });
    return { pushed, object: null, commit: null, diags: [], hasError: false };
  }
}
