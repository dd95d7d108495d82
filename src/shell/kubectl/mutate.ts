import type { Ctx } from '../context.js';
import { objectNamespace, type DocObject } from '../objects.js';
import { appendDocument, CLUSTER_FILE } from '../yaml-edit.js';
import type { ResourceType } from './resources.js';

/** The document of an object, by kind, namespace and name. */
export function findDoc(ctx: Ctx, kind: string, namespace: string | undefined, name: string): DocObject | undefined {
  return ctx.objects().find((o) => o.kind === kind && o.name === name && objectNamespace(o) === namespace);
}

/** kubectl's AlreadyExists error. */
export function alreadyExists(type: ResourceType, name: string): string {
  return `Error from server (AlreadyExists): ${type.plural}${type.group ? `.${type.group}` : ''} "${name}" already exists`;
}

/** Adds a new object to the cluster: a new document in cluster.yaml. */
export function createObject(ctx: Ctx, value: Record<string, unknown>): void {
  ctx.setFiles(appendDocument(ctx.files, CLUSTER_FILE, value));
}

/** Stable JSON of an object (keys sorted) to compare what apply saw before. */
export function canonical(v: unknown): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (x && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort((x as Record<string, unknown>)[k])]));
    return x;
  };
  return JSON.stringify(sort(v));
}

export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}
