import type { Program } from '../../sh/system.js';
import { visible as printable } from '../../escape.js';
import { statOf } from './fileops.js';
import { L, type Opt } from './getopt.js';
import { Tool, type ToolSpec } from './lib.js';
import { compile, type Syntax } from './regex.js';

/**
 * grep, egrep, fgrep: GNU grep 3.8 src/grep.c (patterns from -e/-f/the first operand, one per
 * line; -i -v -w -x -c -l -L -q -s -o -n -b -H -h -m; -A/-B/-C/-NUM context with `--` between
 * groups, `:` after selected and `-` after context lines; -r searches `.` when given no file;
 * `grep: F: Is a directory`; status 0 selected, 1 none, 2 trouble; `binary file matches` on
 * stderr; --color as GREP_COLORS' defaults) and busybox 1.37.0 findutils/grep.c (`bad regex 'P': …`,
 * directories read as empty without -r, `invalid number 'x'`). egrep/fgrep on Debian are scripts
 * running `grep -E`/`grep -F`, so their messages say `grep`.
 */
const SPEC: ToolSpec = {
  gnu: {
    short: '0123456789A:B:C:D:EFGHIPTUVX:abcd:e:f:hiLlm:noqRrsuvwxyZz',
    long: [L('extended-regexp', 0, 'E'), L('fixed-strings', 0, 'F'), L('basic-regexp', 0, 'G'), L('perl-regexp', 0, 'P'),
      L('regexp', 1, 'e'), L('file', 1, 'f'), L('ignore-case', 0, 'i'), L('no-ignore-case', 0, 'no-i'), L('word-regexp', 0, 'w'),
      L('line-regexp', 0, 'x'), L('null-data', 0, 'z'), L('no-messages', 0, 's'), L('invert-match', 0, 'v'),
      L('max-count', 1, 'm'), L('byte-offset', 0, 'b'), L('line-number', 0, 'n'), L('no-line-number', 0, 'no-n'),
      L('line-buffered', 0, 'lb'), L('with-filename', 0, 'H'), L('no-filename', 0, 'h'), L('label', 1, 'label'),
      L('only-matching', 0, 'o'), L('quiet', 0, 'q'), L('silent', 0, 'q'), L('binary-files', 1, 'binary-files'), L('text', 0, 'a'),
      L('directories', 1, 'd'), L('devices', 1, 'D'), L('recursive', 0, 'r'), L('dereference-recursive', 0, 'R'),
      L('include', 1, 'include'), L('exclude', 1, 'exclude'), L('exclude-from', 1, 'exclude-from'), L('exclude-dir', 1, 'exclude-dir'),
      L('files-without-match', 0, 'L'), L('files-with-matches', 0, 'l'), L('count', 0, 'c'), L('initial-tab', 0, 'T'), L('null', 0, 'Z'),
      L('before-context', 1, 'B'), L('after-context', 1, 'A'), L('context', 1, 'C'), L('group-separator', 1, 'group-separator'),
      L('no-group-separator', 0, 'no-group-separator'), L('color', 2, 'color'), L('colour', 2, 'color'), L('binary', 0, 'U')],
  },
  bb: { short: 'lnqvscFiHhe:f:LorRm:wxA:B:C:EaI', long: [L('color', 2, 'bb-color'), L('colour', 2, 'bb-color')] },
  status: 2,
  bbStatus: 2,
  gnuUsageLine: 'Usage: grep [OPTION]... PATTERNS [FILE]...',
  helpKey: 'grep',
};

const SGR = { match: '\x1b[01;31m\x1b[K', file: '\x1b[35m\x1b[K', line: '\x1b[32m\x1b[K', sep: '\x1b[36m\x1b[K', end: '\x1b[m\x1b[K' };

export const grep: Program = (argv, ctx) => {
  const called = argv[0] ?? 'grep';
  const applet = called.slice(called.lastIndexOf('/') + 1);
  const gnuHost = ctx.sys.flavor !== 'busybox';
  const t = new Tool(ctx, gnuHost && applet !== 'grep' ? 'grep' : called, SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const opts: Opt[] = a.opts;
  const on = (k: string) => opts.some((o) => o.key === k);
  const val = (k: string) => opts.filter((o) => o.key === k).pop()?.value ?? null;
  let syntax: Syntax = applet === 'egrep' ? 'extended' : applet === 'fgrep' ? 'fixed' : 'basic';
  for (const o of opts) {
    if (o.key === 'E') syntax = 'extended';
    else if (o.key === 'F') syntax = 'fixed';
    else if (o.key === 'G') syntax = 'basic';
    else if (o.key === 'P') syntax = 'perl';
  }
  const num = (k: string, bad: (v: string) => string): number | null => {
    const v = val(k);
    if (v === null) return null;
    if (!/^\d+$/.test(v)) throw new GrepExit(bad(v));
    return Number(v);
  };
  let after: number;
  let before: number;
  let max: number | null;
  try {
    const ctxErr = (v: string) => (t.gnu ? `${v}: invalid context length argument` : `invalid number '${v}'`);
    const digits = opts.filter((o) => /^\d$/.test(o.key)).map((o) => o.key).join('');
    const both = num('C', ctxErr) ?? (digits ? Number(digits) : 0);
    after = num('A', ctxErr) ?? both;
    before = num('B', ctxErr) ?? both;
    max = num('m', (v) => (t.gnu ? 'invalid max count' : `invalid number '${v}'`));
  } catch (e) {
    if (!(e instanceof GrepExit)) throw e;
    t.err(e.message);
    return 2;
  }
  // Patterns: -e and -f, else the first operand; each may hold several lines.
  const patterns: string[] = [];
  const operands = [...a.operands];
  let given = false;
  for (const o of opts) {
    if (o.key === 'e') { patterns.push(...(o.value ?? '').split('\n')); given = true; }
    if (o.key === 'f') {
      given = true;
      const r = t.read(o.value ?? '');
      if (r.errno) { t.err(`${o.value}: ${t.strerror(r.errno)}`); return 2; }
      patterns.push(...r.text.split('\n').filter((_l, i, arr) => i < arr.length - 1 || arr[i] !== ''));
    }
  }
  if (!given) {
    if (operands.length === 0) return t.usage();
    patterns.push(...(operands.shift() as string).split('\n'));
  }
  const icase = on('i') || on('y');
  const res: RegExp[] = [];
  for (const p of patterns) {
    const c = compile(p, syntax, t.gnu, { icase, word: on('w'), line: on('x') });
    if (typeof c === 'string') {
      t.err(t.gnu ? c : `bad regex '${p}': ${c}`);
      return 2;
    }
    if (t.gnu) for (const w of c.warnings) t.err(w);
    res.push(c.re);
  }
  const recursive = on('r') || on('R');
  const files = operands.length ? operands : recursive && t.gnu ? ['.'] : ['-'];
  const implicitDot = operands.length === 0 && recursive && t.gnu;
  const single = operands.length <= 1;
  let withName = on('H') ? true : on('h') ? false : !single;
  const color = t.gnu && (val('color') === 'always' || (val('color') === 'auto' && ctx.tty.out) || (on('color') && val('color') === null && ctx.tty.out));
  const invert = on('v');
  const quiet = on('q');
  const count = on('c');
  const listMatch = on('l');
  const listNon = on('L');
  const only = on('o');
  const lineNo = on('n');
  const byteOff = t.gnu && on('b');
  const silent = on('s');
  const groupSep = on('no-group-separator') ? null : (val('group-separator') ?? '--');
  // Coloured output is styled for the terminal (escape.ts): the lines' data is made visible first,
  // so the only raw escape sequences in it are grep's own colours.
  const v = (s: string) => (color ? printable(s) : s);
  const paint = (s: string, c: string) => (color && s !== '' ? `${c}${printable(s)}${SGR.end}` : s);
  let matchedAny = false;
  let trouble = false;
  let printedGroup = false;
  let out = '';

  const matches = (line: string): boolean => res.some((re) => { re.lastIndex = 0; return re.test(line); });
  const prefix = (name: string, n: number, off: number, sep: string) =>
    (withName ? paint(name, SGR.file) + paint(sep, SGR.sep) : '') + (lineNo ? paint(String(n), SGR.line) + paint(sep, SGR.sep) : '') + (byteOff ? `${off}${sep}` : '');
  const highlight = (line: string): string => {
    if (!color || invert) return v(line);
    const re = new RegExp(res.map((r) => `(?:${r.source})`).join('|'), `g${icase ? 'i' : ''}`);
    let shown = '';
    let at = 0;
    for (const m of line.matchAll(re)) {
      if (m[0] === '') continue;
      shown += v(line.slice(at, m.index)) + paint(m[0], SGR.match);
      at = m.index + m[0].length;
    }
    return shown + v(line.slice(at));
  };

  const search = (name: string, text: string): void => {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const binary = t.gnu && text.includes('\0') && !on('a');
    let selected = 0;
    let lastPrinted = -1;
    let firstInFile = true;
    let pendingAfter = 0;
    const offsets: number[] = [];
    let off = 0;
    for (const l of lines) { offsets.push(off); off += new TextEncoder().encode(l).length + 1; }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      const hit = matches(line) !== invert;
      if (!hit) {
        if (pendingAfter > 0 && !count && !listMatch && !listNon && !quiet && !binary) {
          if (!only) out += `${prefix(name, i + 1, offsets[i] as number, '-')}${v(line)}\n`;
          lastPrinted = i;
          pendingAfter--;
        }
        continue;
      }
      if (max !== null && selected >= max) break;
      selected++;
      matchedAny = true;
      if (quiet) throw new GrepExit('');
      if (count || listMatch || listNon || binary) continue;
      // Leading context, and `--` when this group does not touch the last one.
      const from = Math.max(0, i - before, lastPrinted + 1);
      if ((before > 0 || after > 0) && groupSep !== null && printedGroup && (firstInFile || from > lastPrinted + 1)) out += `${paint(groupSep, SGR.sep)}\n`;
      firstInFile = false;
      if (!only) for (let k = from; k < i; k++) out += `${prefix(name, k + 1, offsets[k] as number, '-')}${v(lines[k] as string)}\n`;
      if (only) {
        if (!invert) {
          for (const re of res) {
            re.lastIndex = 0;
            for (let m = re.exec(line); m; m = re.exec(line)) {
              if (m[0] === '') { re.lastIndex++; continue; }
              const byteAt = (offsets[i] as number) + new TextEncoder().encode(line.slice(0, m.index)).length;
              out += `${prefix(name, i + 1, byteAt, ':')}${paint(m[0], SGR.match)}\n`;
            }
          }
        }
      } else out += `${prefix(name, i + 1, offsets[i] as number, ':')}${highlight(line)}\n`;
      printedGroup = true;
      lastPrinted = i;
      pendingAfter = after;
      if (max !== null && selected >= max) {
        // GNU prints the trailing context of the last selected line.
        for (let k = i + 1; k < lines.length && pendingAfter > 0 && !only; k++, pendingAfter--) {
          if (matches(lines[k] as string) !== invert) break;
          out += `${prefix(name, k + 1, offsets[k] as number, '-')}${v(lines[k] as string)}\n`;
          lastPrinted = k;
        }
        break;
      }
    }
    if (count) out += `${withName ? `${paint(name, SGR.file)}${paint(':', SGR.sep)}` : ''}${selected}\n`;
    if (listMatch && selected > 0) out += `${paint(name, SGR.file)}\n`;
    if (listNon && selected === 0) out += `${paint(name, SGR.file)}\n`;
    if (binary && selected > 0 && !count && !listMatch && !listNon) {
      ctx.out.out(out, color);
      out = '';
      t.err(`${name}: binary file matches`);
    }
  };

  const visit = (name: string, path: string | null, top: boolean): void => {
    if (path === null) { search(t.gnu ? (val('label') ?? '(standard input)') : '(standard input)', t.read('-').text ?? ''); return; }
    const st = statOf(ctx, path);
    if (typeof st !== 'string' && st.type === 'dir') {
      if (!recursive) {
        if (t.gnu) { if (!silent) t.err(`${name}: Is a directory`); trouble = true; }
        return;
      }
      if (top && single && !on('h')) withName = true;
      const names = ctx.sys.fs.readdir(path);
      for (const n of Array.isArray(names) ? names : []) {
        visit(implicitDot && name === '.' ? n : `${name.replace(/\/+$/, '')}/${n}`, `${path === '/' ? '' : path}/${n}`, false);
      }
      return;
    }
    const r = t.read(name);
    if (r.errno) {
      if (!silent) t.err(`${name}: ${t.strerror(r.errno)}`);
      trouble = true;
      return;
    }
    search(name, r.text);
  };

  try {
    for (const f of files) visit(f, f === '-' ? null : t.path(f), true);
  } catch (e) {
    if (!(e instanceof GrepExit)) throw e;
    ctx.out.out(out, color);
    return 0;
  }
  ctx.out.out(out, color);
  if (trouble && !(quiet && matchedAny)) return 2;
  return matchedAny ? 0 : 1;
};

class GrepExit extends Error {}

export const GREP_PROGRAMS: Readonly<Record<string, Program>> = { grep, egrep: grep, fgrep: grep };
