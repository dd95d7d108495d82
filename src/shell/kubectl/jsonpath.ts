/**
 * The part of kubectl's JSONPath (k8s.io/client-go/util/jsonpath) people type: `{.a.b}`,
 * `{.items[*].metadata.name}`, `{.items[0].x}`, `{.a['k.with.dots']}`, `{range .items[*]}…{end}`,
 * and quoted text `{"\n"}`. Several results of one expression are joined by a space.
 */
export function jsonpath(template: string, data: unknown): { ok: true; text: string } | { ok: false; error: string } {
  const tokens: { kind: 'text' | 'expr'; value: string }[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      tokens.push({ kind: 'text', value: template.slice(i) });
      break;
    }
    if (open > i) tokens.push({ kind: 'text', value: template.slice(i, open) });
    const close = template.indexOf('}', open);
    if (close < 0) return { ok: false, error: `error: error parsing jsonpath ${template}, unclosed action` };
    tokens.push({ kind: 'expr', value: template.slice(open + 1, close).trim() });
    i = close + 1;
  }
  const render = (from: number, to: number, ctx: unknown): string => {
    let out = '';
    for (let t = from; t < to; t++) {
      const tok = tokens[t]!;
      if (tok.kind === 'text') {
        out += tok.value;
        continue;
      }
      const v = tok.value;
      if (v.startsWith('range ')) {
        let depth = 1;
        let end = t + 1;
        for (; end < to; end++) {
          const e = tokens[end]!;
          if (e.kind === 'expr' && e.value.startsWith('range ')) depth++;
          if (e.kind === 'expr' && e.value === 'end' && --depth === 0) break;
        }
        for (const x of evaluate(v.slice(6).trim(), ctx)) out += render(t + 1, end, x);
        t = end;
        continue;
      }
      const lit = /^"((?:[^"\\]|\\.)*)"$/.exec(v) ?? /^'([^']*)'$/.exec(v);
      if (lit) {
        out += lit[1]!.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        continue;
      }
      out += evaluate(v, ctx).map(show).join(' ');
    }
    return out;
  };
  return { ok: true, text: render(0, tokens.length, data) };
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

function evaluate(path: string, root: unknown): unknown[] {
  let p = path.startsWith('$') ? path.slice(1) : path;
  let cur: unknown[] = [root];
  while (p.length) {
    let m: RegExpExecArray | null;
    if ((m = /^\.\.?([\w-]+)/.exec(p))) {
      const key = m[1]!;
      cur = cur.flatMap((c) => (c && typeof c === 'object' && !Array.isArray(c) && key in c ? [(c as Record<string, unknown>)[key]] : []));
    } else if ((m = /^\[\*\]/.exec(p)) || (m = /^\.\*/.exec(p))) {
      cur = cur.flatMap((c) => (Array.isArray(c) ? c : c && typeof c === 'object' ? Object.values(c) : []));
    } else if ((m = /^\[(-?\d+)\]/.exec(p))) {
      const n = Number(m[1]);
      cur = cur.flatMap((c) => (Array.isArray(c) ? [c[n < 0 ? c.length + n : n]].filter((x) => x !== undefined) : []));
    } else if ((m = /^\[['"]([^'"]+)['"]\]/.exec(p))) {
      const key = m[1]!;
      cur = cur.flatMap((c) => (c && typeof c === 'object' && key in c ? [(c as Record<string, unknown>)[key]] : []));
    } else if ((m = /^\.$/.exec(p))) {
      // `{.}`: the current object.
    } else {
      return [];
    }
    p = p.slice(m[0].length);
  }
  return cur;
}
