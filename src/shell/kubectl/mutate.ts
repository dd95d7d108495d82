import type { Document } from 'yaml';
import type { Ctx } from '../context.js';
import { isNamespaced, objectNamespace, type DocObject } from '../objects.js';
import { appendDocument, CLUSTER_FILE, removeDocument, updateDocument } from '../yaml-edit.js';
import { qualifiedPlural, type ResourceType } from './resources.js';

/**
 * The cluster is the editor's files: creating an object appends a document to cluster.yaml,
 * replacing one rewrites its document, deleting one removes it. What kubectl would find in the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation is kept in the runtime's
 * `applied` record: `kind/namespace/name` → canonical JSON of the last applied object, or ''
 * for an object created without it (kubectl run, kubectl create).
 */

/** The document of an object, by kind, namespace and name. */
export function findDoc(ctx: Ctx, kind: string, namespace: string | undefined, name: string): DocObject | undefined {
  return ctx.objects().find((o) => o.kind === kind && o.name === name && objectNamespace(o) === namespace);
}

/** Every document declaring that object (a file applied over an existing object makes two). */
export function findDocs(ctx: Ctx, kind: string, namespace: string | undefined, name: string): DocObject[] {
  return ctx.objects().filter((o) => o.kind === kind && o.name === name && objectNamespace(o) === namespace);
}

/** kubectl's AlreadyExists error (apimachinery errors.NewAlreadyExists: `%s %q already exists`). */
export function alreadyExists(type: ResourceType, name: string): string {
  return `Error from server (AlreadyExists): ${qualifiedPlural(type)} "${name}" already exists`;
}

/** The status message alone (for the wrapped forms `failed to create …: <msg>`). */
export function alreadyExistsMessage(type: ResourceType, name: string): string {
  return `${qualifiedPlural(type)} "${name}" already exists`;
}

export function notFoundMessage(type: ResourceType, name: string): string {
  return `${qualifiedPlural(type)} "${name}" not found`;
}

/** Adds a new object to the cluster: a new document in cluster.yaml. `lastApplied`: apply / --save-config. */
export function createObject(ctx: Ctx, value: Record<string, unknown>, lastApplied = false): void {
  ctx.setFiles(appendDocument(ctx.files, CLUSTER_FILE, value));
  const key = keyOf(value);
  if (key) ctx.runtime.applied = { ...ctx.runtime.applied, [key]: lastApplied ? canonical(value) : '' };
}

/** Replaces an object's document with a new value (comments above it are kept). */
export function replaceObject(ctx: Ctx, doc: DocObject, value: Record<string, unknown>): void {
  ctx.setFiles(updateDocument(ctx.files, doc.file, doc.doc, (d: Document.Parsed) => {
    d.contents = d.createNode(value, { aliasDuplicateObjects: false }) as Document.Parsed['contents'];
  }));
}

/** Removes an object's document and forgets what was applied. */
export function deleteObject(ctx: Ctx, doc: DocObject): void {
  ctx.setFiles(removeDocument(ctx.files, doc.file, doc.doc));
  forgetApplied(ctx, objectKey(doc.kind, objectNamespace(doc), doc.name));
}

export function forgetApplied(ctx: Ctx, key: string): void {
  if (!Object.hasOwn(ctx.runtime.applied, key)) return;
  const applied = { ...ctx.runtime.applied };
  delete applied[key];
  ctx.runtime.applied = applied;
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

/** `kind/namespace/name` of a plain object (its namespace defaulted to `default` when namespaced). */
export function keyOf(value: Record<string, unknown>): string | null {
  const kind = value['kind'];
  const meta = value['metadata'];
  if (typeof kind !== 'string' || typeof meta !== 'object' || meta === null) return null;
  const m = meta as Record<string, unknown>;
  if (typeof m['name'] !== 'string') return null;
  const ns = isNamespaced(kind) ? (typeof m['namespace'] === 'string' ? m['namespace'] : 'default') : undefined;
  return objectKey(kind, ns, m['name']);
}
