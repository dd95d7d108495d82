import type { Ctx } from '../context.js';
import { bool, flag, parseFlags } from '../flags.js';
import { isRecord } from '../objects.js';
import { appendDocument, CLUSTER_FILE, updateDocument } from '../yaml-edit.js';
import { fail, usageError } from './errors.js';
import { listItems, notFound } from './items.js';
import { findDoc } from './mutate.js';
import { resolveResource, unknownResource } from './resources.js';

/**
 * `kubectl label TYPE NAME k=v… [k-] [--overwrite]`, with kubectl's messages
 * (pkg/cmd/label/label.go): `pod/x labeled`, `unlabeled`, `not labeled`, and
 * `error: 'k' already has a value (v), and --overwrite is false`.
 */
export function kubectlLabel(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, { namespace: { short: 'n', value: true }, overwrite: { value: false }, all: { value: false } });
  if (!r.ok) return usageError(ctx, r.error, 'label');
  const p = r.parsed;
  const words = [...p.positional];
  let typeWord = words.shift();
  if (!typeWord) return fail(ctx, "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl label -h' for help and examples");
  let name: string | undefined;
  if (typeWord.includes('/')) [typeWord, name] = typeWord.split('/', 2) as [string, string];
  else name = words.shift();
  const type = resolveResource(typeWord);
  if (!type) return fail(ctx, unknownResource(typeWord));
  if (!name) return fail(ctx, "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl label -h' for help and examples");
  if (words.length === 0) return fail(ctx, "error: at least one label update is required\nSee 'kubectl label -h' for help and examples");
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const w of words) {
    if (w.endsWith('-') && !w.includes('=')) remove.push(w.slice(0, -1));
    else {
      const eq = w.indexOf('=');
      if (eq <= 0) return fail(ctx, `error: invalid label spec: ${w}`);
      set[w.slice(0, eq)] = w.slice(eq + 1);
    }
  }
  const ns = type.namespaced ? (flag(p, 'namespace') ?? ctx.namespace()) : undefined;
  const item = listItems(ctx, type, ns ?? null).find((i) => i.name === name);
  const doc = findDoc(ctx, type.kind, ns, name);
  if (!item && !doc) return fail(ctx, notFound(type, name));
  const current: Record<string, string> = { ...(item?.labels ?? {}) };
  if (doc) {
    const meta = doc.value['metadata'];
    const l = isRecord(meta) ? meta['labels'] : undefined;
    for (const k of Object.keys(current)) delete current[k];
    if (isRecord(l)) for (const [k, v] of Object.entries(l)) current[k] = String(v);
  }
  if (!bool(p, 'overwrite')) {
    for (const [k, v] of Object.entries(set)) {
      if (k in current && current[k] !== v) return fail(ctx, `error: '${k}' already has a value (${current[k]}), and --overwrite is false`);
    }
  }
  const next = { ...current, ...set };
  for (const k of remove) delete next[k];
  const label = `${type.singular}${type.group ? `.${type.group}` : ''}/${name}`;
  const changed = JSON.stringify(Object.entries(next).sort()) !== JSON.stringify(Object.entries(current).sort());
  if (!changed) {
    ctx.out.line(`${label} not labeled`);
    return 0;
  }
  if (doc) {
    ctx.setFiles(updateDocument(ctx.files, doc.file, doc.doc, (d) => {
      // Create the map from a plain object: with the YAML 1.1 schema, setIn's implicit map would be a !!omap.
      if (Object.keys(set).length > 0 && !d.hasIn(['metadata', 'labels'])) d.setIn(['metadata', 'labels'], d.createNode({}));
      for (const [k, v] of Object.entries(set)) d.setIn(['metadata', 'labels', k], v);
      for (const k of remove) d.deleteIn(['metadata', 'labels', k]);
      const labels = d.getIn(['metadata', 'labels']);
      if (labels && typeof labels === 'object' && 'items' in labels && Array.isArray(labels.items) && labels.items.length === 0) d.deleteIn(['metadata', 'labels']);
    }));
  } else if (type.kind === 'Namespace') {
    // An implicit namespace gets a document of its own to carry the labels.
    const own = Object.fromEntries(Object.entries(next).filter(([k]) => k !== 'kubernetes.io/metadata.name'));
    ctx.setFiles(appendDocument(ctx.files, CLUSTER_FILE, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: own } }));
  } else {
    return fail(ctx, `error: ${label} is managed by its controller; label its template instead`);
  }
  const removedOnly = Object.keys(set).length === 0;
  ctx.out.line(`${label} ${removedOnly ? 'unlabeled' : 'labeled'}`);
  return 0;
}
