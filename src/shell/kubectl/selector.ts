import type { Labels } from '../../engine/index.js';
import { isRecord } from '../objects.js';

/** One requirement of a label selector string (k8s.io/apimachinery pkg/labels/selector.go). */
interface Requirement {
  readonly key: string;
  readonly op: 'in' | 'notin' | 'exists' | '!';
  readonly values: readonly string[];
}

/** Parses `-l` syntax: `a=b,c!=d,e in (x,y),f notin (z),g,!h`. null when malformed. */
export function parseSelector(text: string): Requirement[] | null {
  const reqs: Requirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    if (p === '') return null;
    let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
    if (m) {
      reqs.push({ key: m[1]!, op: m[2] as 'in' | 'notin', values: m[3]!.split(',').map((v) => v.trim()) });
      continue;
    }
    m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(p);
    if (m) {
      reqs.push({ key: m[1]!, op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]!] });
      continue;
    }
    m = /^(!?)([\w./-]+)$/.exec(p);
    if (m) {
      reqs.push({ key: m[2]!, op: m[1] ? '!' : 'exists', values: [] });
      continue;
    }
    return null;
  }
  return reqs;
}

export function matches(reqs: readonly Requirement[], labels: Labels): boolean {
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = labels[r.key];
    switch (r.op) {
      case 'in': return has && r.values.includes(v as string);
      case 'notin': return !has || !r.values.includes(v as string);
      case 'exists': return has;
      case '!': return !has;
    }
  });
}

/**
 * metav1.FormatLabelSelector on a selector as written: `k=v` for matchLabels, `k in (a,b)`,
 * `k notin (a)`, `k`, `!k` for expressions, sorted by key; `<none>` when empty.
 */
export function formatLabelSelector(sel: unknown): string {
  if (!isRecord(sel)) return '<none>';
  const reqs: [string, string][] = [];
  const ml = sel['matchLabels'];
  if (isRecord(ml)) for (const [k, v] of Object.entries(ml)) reqs.push([k, `${k}=${String(v)}`]);
  const me = sel['matchExpressions'];
  if (Array.isArray(me)) {
    for (const e of me) {
      if (!isRecord(e)) continue;
      const key = String(e['key'] ?? '');
      const values = Array.isArray(e['values']) ? e['values'].map(String).sort() : [];
      switch (e['operator']) {
        case 'In': reqs.push([key, `${key} in (${values.join(',')})`]); break;
        case 'NotIn': reqs.push([key, `${key} notin (${values.join(',')})`]); break;
        case 'Exists': reqs.push([key, key]); break;
        case 'DoesNotExist': reqs.push([key, `!${key}`]); break;
      }
    }
  }
  if (reqs.length === 0) return '<none>';
  return reqs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((r) => r[1]).join(',');
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty (the LABELS column). */
export function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>';
}
