import { formatGoTime, LAB_NOW } from '../clock.js';
import type { Ctx } from '../context.js';
import { hexId } from '../encode.js';
import { bool, flag, flagAll, parseFlags } from '../flags.js';
import { isNamespaced, isRecord } from '../objects.js';
import { applyMerge } from './apply.js';
import { admittedPodSpec, defaultPodSpec } from './defaults.js';
import { goYaml } from './encoding.js';
import { fail, usageError } from './errors.js';
import { canonical, findDocs, objectKey } from './mutate.js';
import { resourceByKind } from './resources.js';
import { readSources } from './sources.js';
import { apiObject, lastAppliedOf, sortKeys } from './api-object.js';
import { listItems, type Item } from './items.js';

/**
 * `kubectl diff -f FILE|-` (kubectl pkg/cmd/diff/diff.go): the live object and the object as the
 * server would store it after the apply, each written as YAML to `/tmp/LIVE-N/<group.>v1.Kind.ns.name`
 * and `/tmp/MERGED-N/…`, compared with `diff -u -N` (GNU diffutils unified format, 3 lines of
 * context). Exit status 0: no differences, 1: differences, >1: an error (kubectl-cluster-ops.md).
 */
export function kubectlDiff(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    filename: { short: 'f', value: true }, namespace: { short: 'n', value: true }, recursive: { short: 'R', value: false },
    'server-side': { value: false }, 'force-conflicts': { value: false }, 'field-manager': { value: true }, prune: { value: false },
    selector: { short: 'l', value: true }, concurrency: { value: true }, 'show-managed-fields': { value: false },
  });
  if (!r.ok) return usageError(ctx, r.error, 'diff');
  const p = r.parsed;
  const files = flagAll(p, 'filename');
  if (files.length === 0) return fail(ctx, "error: must specify one of -f and -k\nSee 'kubectl diff -h' for help and examples", 1);
  const read = readSources(ctx, files, bool(p, 'recursive'));
  if (!read.ok) return fail(ctx, read.error, 1);
  const seed = hexId(`diff/${ctx.runtime.history.length}`, 20);
  const liveDir = `/tmp/LIVE-${parseInt(seed.slice(0, 8), 16) % 4000000000}`;
  const mergedDir = `/tmp/MERGED-${parseInt(seed.slice(8, 16), 16) % 4000000000}`;
  let changed = false;
  for (const src of read.sources) {
    for (const o of src.objects) {
      const v = o.value;
      const kind = typeof v['kind'] === 'string' ? v['kind'] : '';
      const apiVersion = typeof v['apiVersion'] === 'string' ? v['apiVersion'] : '';
      const meta = isRecord(v['metadata']) ? v['metadata'] : {};
      const name = typeof meta['name'] === 'string' ? meta['name'] : '';
      if (!kind || !apiVersion || !name) return fail(ctx, `error: error validating "${src.name}": error validating data: ${!apiVersion ? 'apiVersion not set' : !kind ? 'kind not set' : 'name not set'}; if you choose to ignore these errors, turn validation off with --validate=false`, 1);
      const type = resourceByKind(kind, apiVersion);
      const namespaced = type ? type.namespaced : isNamespaced(kind);
      const ns = namespaced ? (typeof meta['namespace'] === 'string' ? meta['namespace'] : flag(p, 'namespace') ?? ctx.namespace()) : undefined;
      const key = objectKey(kind, ns, name);
      const docs = findDocs(ctx, kind, ns, name).filter((d) => !(src.tab !== null && d.file === src.tab && d.doc === o.doc));
      let liveValue: Record<string, unknown> | null = docs[0]?.value ?? null;
      const lastRaw = ctx.runtime.applied[key];
      if (!liveValue && src.tab !== null) liveValue = lastRaw ? JSON.parse(lastRaw) as Record<string, unknown> : v;
      const merged = liveValue ? applyMerge(liveValue, v, lastRaw ? JSON.parse(lastRaw) : undefined) as Record<string, unknown> : v;
      const file = `${type?.group ? `${type.group}.` : ''}${apiVersion.slice(apiVersion.lastIndexOf('/') + 1)}.${kind}.${ns ? `${ns}.` : ''}${name}`;
      const item = type ? listItems(ctx, type, ns ?? null).find((i) => i.name === name) : undefined;
      const liveObj = liveValue ? served(liveValue, ns, kind, name, ctx, item) : null;
      const mergedObj = served(merged, ns, kind, name, ctx, item);
      // The registry bumps metadata.generation when the spec changes (objects that keep one).
      const lm = liveObj && isRecord(liveObj['metadata']) ? liveObj['metadata'] : null;
      const mm = isRecord(mergedObj['metadata']) ? mergedObj['metadata'] : null;
      if (lm && mm && typeof lm['generation'] === 'number' && canonical(liveObj?.['spec']) !== canonical(mergedObj['spec'])) mm['generation'] = lm['generation'] + 1;
      // The dry-run apply patch carries the new last-applied-configuration too (a tab never
      // applied is the live object itself: nothing to compare).
      const selfOnly = src.tab !== null && lastRaw === undefined && docs.length === 0;
      if (mm && !selfOnly) mm['annotations'] = sortKeys({ ...(isRecord(mm['annotations']) ? mm['annotations'] : {}), 'kubectl.kubernetes.io/last-applied-configuration': lastAppliedOf(v, ns) });
      const left = liveObj ? goYaml(liveObj) : '';
      const right = goYaml(mergedObj);
      const text = unifiedDiff(left, right, `${liveDir}/${file}`, `${mergedDir}/${file}`);
      if (text) {
        changed = true;
        ctx.out.out(`diff -u -N ${liveDir}/${file} ${mergedDir}/${file}\n${text}`);
      }
    }
  }
  return changed ? 1 : 0;
}

/** The object as the server holds it (pods admitted and defaulted), without managedFields. */
function served(v: Record<string, unknown>, ns: string | undefined, kind: string, name: string, ctx: Ctx, item: Item | undefined): Record<string, unknown> {
  if (item) {
    const meta = isRecord(v['metadata']) ? v['metadata'] : {};
    const labels = isRecord(meta['labels']) ? Object.fromEntries(Object.entries(meta['labels']).map(([k, x]) => [k, String(x)])) : {};
    const obj = apiObject({ ...item, raw: v, labels }, ctx);
    delete (obj['metadata'] as Record<string, unknown>)['managedFields'];
    return obj;
  }
  const out: Record<string, unknown> = structuredClone(v);
  const meta: Record<string, unknown> = isRecord(out['metadata']) ? out['metadata'] : {};
  out['metadata'] = { ...meta, ...(ns !== undefined ? { namespace: ns } : {}), creationTimestamp: '2024-05-20T08:50:00Z' };
  if (kind === 'Pod') {
    const nodeName = ctx.analysis().pods.find((x) => x.pod.namespace === ns && x.pod.name === name)?.pod.nodeName;
    out['spec'] = admittedPodSpec(defaultPodSpec(out['spec']), { podKey: `${ns ?? 'default'}/${name}`, ...(nodeName ? { nodeName } : {}) });
  }
  return out;
}

/** GNU diff's `--- file\tYYYY-MM-DD HH:MM:SS.nnnnnnnnn +0000` header time (the lab's clock). */
function stamp(ms: number): string {
  const t = formatGoTime(ms).replace(' +0000 UTC', '');
  return `${t}.000000000 +0000`;
}

/**
 * GNU diffutils `diff -u -N`: an LCS edit script of the lines, hunks with 3 lines of context,
 * `@@ -l,s +l,s @@` (a count of 1 is omitted; an empty range is `l-1,0`). '' when equal.
 */
export function unifiedDiff(a: string, b: string, aName: string, bName: string): string {
  if (a === b) return '';
  const x = a === '' ? [] : a.replace(/\n$/, '').split('\n');
  const y = b === '' ? [] : b.replace(/\n$/, '').split('\n');
  // LCS table (files here are small).
  const n = x.length;
  const m = y.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { op: ' ' | '-' | '+'; line: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) { ops.push({ op: ' ', line: x[i] as string, ai: i, bi: j }); i++; j++; }
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) { ops.push({ op: '-', line: x[i] as string, ai: i, bi: j }); i++; }
    else { ops.push({ op: '+', line: y[j] as string, ai: i, bi: j }); j++; }
  }
  // Group changes into hunks with 3 lines of context.
  const changedIdx = ops.map((o, k) => (o.op === ' ' ? -1 : k)).filter((k) => k >= 0);
  let out = `--- ${aName}\t${stamp(LAB_NOW)}\n+++ ${bName}\t${stamp(LAB_NOW + 4000)}\n`;
  let k = 0;
  while (k < changedIdx.length) {
    let start = Math.max(0, (changedIdx[k] as number) - 3);
    let end = Math.min(ops.length, (changedIdx[k] as number) + 4);
    k++;
    while (k < changedIdx.length && (changedIdx[k] as number) - 3 <= end) {
      end = Math.min(ops.length, (changedIdx[k] as number) + 4);
      k++;
    }
    start = Math.max(0, start);
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.op !== '+').length;
    const bCount = hunk.filter((o) => o.op !== '-').length;
    const first = hunk[0] as (typeof ops)[number];
    const aStart = aCount === 0 ? first.ai : first.ai + 1;
    const bStart = bCount === 0 ? first.bi : first.bi + 1;
    const range = (s: number, c: number) => (c === 1 ? `${s}` : `${s},${c}`);
    out += `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@\n`;
    for (const o of hunk) out += `${o.op}${o.line}\n`;
  }
  return out;
}
