import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { qShell, Tool, utf8, type ToolSpec } from './lib.js';

/**
 * cat: coreutils src/cat.c (`cat: FILE: strerror`, names quoted with quotef; -n/-b numbering `%6d\t`
 * continued across files, -A = -vET, -s squeezes blank lines) and busybox coreutils/cat.c
 * (`cat: can't open 'FILE': …`, `cat: read error: Is a directory`; -n/-b go through nl's code, which
 * ends a last partial line with a newline).
 */
const SPEC: ToolSpec = {
  gnu: {
    short: 'benstuvAET',
    long: [L('show-all', 0, 'A'), L('number-nonblank', 0, 'b'), L('show-ends', 0, 'E'), L('number', 0, 'n'),
      L('squeeze-blank', 0, 's'), L('show-tabs', 0, 'T'), L('show-nonprinting', 0, 'v')],
  },
  bb: { short: 'nbvteA' },
};

/** `cat -v`: ^X for control bytes, M- for the high half, ^? for DEL (bytes, as the C code sees them). */
export function showNonprinting(text: string, tabs: boolean): string {
  if (!/[^\t\n\x20-\x7e]/.test(text)) return tabs ? text.replace(/\t/g, '^I') : text;
  let out = '';
  for (const b of utf8(text)) {
    let c = b;
    let pre = '';
    if (c >= 128) { pre = 'M-'; c -= 128; }
    if (c === 9 && pre === '' && !tabs) out += '\t';
    else if (c === 10 && pre === '') out += '\n';
    else if (c < 32) out += `${pre}^${String.fromCharCode(c + 64)}`;
    else if (c === 127) out += `${pre}^?`;
    else out += pre + String.fromCharCode(c);
  }
  return out;
}

export const cat: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'cat', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const on = (k: string) => a.opts.some((o) => o.key === k);
  const all = on('A');
  const nonprint = all || on('v') || on('e') || on('t');
  const ends = all || on('E') || on('e');
  const tabs = all || on('T') || on('t');
  const nonblank = on('b');
  const number = nonblank || on('n');
  const squeeze = t.gnu && on('s');
  const files = a.operands.length ? a.operands : ['-'];
  let lineNo = 0;
  let atLineStart = true;
  let blanks = 0;
  let code = 0;
  let out = '';
  const plain = !number && !squeeze && !nonprint && !ends;
  for (const f of files) {
    const { text, errno: e } = t.read(f);
    if (e) {
      if (t.gnu) t.err(`${qShell(f)}: ${t.strerror(e)}`);
      else t.err(e === 'EISDIR' ? `read error: ${t.strerror(e)}` : `can't open '${f}': ${t.strerror(e)}`);
      code = 1;
      continue;
    }
    if (plain) { out += text; continue; }
    const parts = text.split('\n');
    parts.forEach((line, i) => {
      const last = i === parts.length - 1;
      if (last && line === '') return;
      const nl = !last;
      if (atLineStart && line === '' && nl) {
        blanks++;
        if (squeeze && blanks > 1) return;
      } else if (atLineStart) blanks = 0;
      let s = line;
      if (nonprint) s = showNonprinting(s, tabs);
      else if (tabs) s = s.replace(/\t/g, '^I');
      if (atLineStart && number && !(nonblank && line === '')) s = `${String(++lineNo).padStart(6)}\t${s}`;
      out += s;
      if (nl) out += ends ? '$\n' : '\n';
      else if (!t.gnu && number) out += '\n';
      atLineStart = nl || (!t.gnu && number);
    });
  }
  ctx.out.out(out);
  return code;
};
