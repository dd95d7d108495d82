import { parseAllDocuments } from 'yaml';
import { isManifestFile, KUBE_YAML_OPTIONS, type SourceFile } from '../engine/index.js';

/** One object as written in the editor: where it is and its plain value. */
export interface DocObject {
  readonly file: string;
  readonly doc: number;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** metadata.namespace as written, undefined when absent. */
  readonly namespace: string | undefined;
  readonly value: Record<string, unknown>;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Every document of every file that names an object. Independent of the engine's verdicts: the
 * shell needs to know which document to rewrite (`label`, `delete`, `edit`), even for objects the
 * engine refused.
 */
export function indexObjects(files: readonly SourceFile[]): DocObject[] {
  const out: DocObject[] = [];
  for (const file of files) {
    if (!isManifestFile(file.name)) continue; // the engine's rule: a Dockerfile tab holds no objects
    let docs;
    try {
      docs = parseAllDocuments(file.text, KUBE_YAML_OPTIONS);
    } catch {
      continue;
    }
    if (!Array.isArray(docs)) continue;
    docs.forEach((d, index) => {
      let value: unknown;
      try {
        value = d.errors.length ? undefined : d.toJS({ maxAliasCount: 1000 });
      } catch {
        value = undefined;
      }
      if (!isRecord(value)) return;
      const meta = value['metadata'];
      const kind = value['kind'];
      if (!isRecord(meta) || typeof kind !== 'string' || typeof meta['name'] !== 'string') return;
      const ns = meta['namespace'];
      out.push({
        file: file.name,
        doc: index,
        apiVersion: typeof value['apiVersion'] === 'string' ? value['apiVersion'] : '',
        kind,
        name: meta['name'],
        namespace: typeof ns === 'string' ? ns : undefined,
        value,
      });
    });
  }
  return out;
}

/** Kinds that live outside namespaces. */
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'ClusterRole', 'ClusterRoleBinding', 'Cluster', 'Registry', 'ExternalHost', 'PersistentVolume', 'StorageClass']);

export function isNamespaced(kind: string): boolean {
  return !CLUSTER_SCOPED.has(kind);
}

/** The namespace an object lands in (`default` when metadata.namespace is absent). */
export function objectNamespace(o: DocObject): string | undefined {
  return isNamespaced(o.kind) ? (o.namespace ?? 'default') : undefined;
}
