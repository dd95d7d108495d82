import type { Program } from '../../sh/system.js';
import { L, type Opt } from './getopt.js';
import { fromUtf8, gnuSuffixNumber, qAlways, Tool, utf8, type ReadResult, type ToolSpec } from './lib.js';

/**
 * head and tail: coreutils src/head.c and src/tail.c (`invalid number of lines: ‘x’`,
 * `cannot open 'F' for reading: …`, `error reading 'F': Is a directory`, `==> F <==` headers,
 * negative counts elide from the end, `tail -n +N` starts at line N, the obsolete `-3`, `-3c`, `+3`
 * first argument) and busybox coreutils/head.c, tail.c (plain getopt for head, getopt32 for tail;
 * `invalid number 'x'`, `tail: no files` when nothing could be opened). `tail -f` cannot wait in
 * the lab: it prints what the file holds and ends.
 */
const HEAD: ToolSpec = {
  gnu: { short: 'c:n:qvz', long: [L('bytes', 1, 'c'), L('lines', 1, 'n'), L('quiet', 0, 'q'), L('silent', 0, 'q'), L('verbose', 0, 'v'), L('zero-terminated', 0, 'z')] },
  bb: { short: 'n:c:qv', noLong: true },
};
const TAIL: ToolSpec = {
  gnu: {
    short: 'c:n:fFqs:vz',
    long: [L('bytes', 1, 'c'), L('lines', 1, 'n'), L('follow', 2, 'f'), L('quiet', 0, 'q'), L('silent', 0, 'q'), L('verbose', 0, 'v'),
      L('sleep-interval', 1, 's'), L('retry', 0, 'retry'), L('pid', 1, 'pid'), L('zero-terminated', 0, 'z'), L('max-unchanged-stats', 1, 'm')],
  },
  bb: { short: 'fc:n:qs:vF' },
};

interface Count {
  n: number;
  bytes: boolean;
  /** head: all but the last n; tail: from the n-th (`+N`). */
  flip: boolean;
}

const UINTMAX = 18446744073709551615n;

/** GNU's count: `[+-]` then a number with xstrtol suffixes; errors in head/tail's words. */
function gnuCount(raw: string, bytes: boolean, tail: boolean, ql: (s: string) => string): Count | string {
  const sign = raw[0] === '-' || (tail && raw[0] === '+') ? raw[0] : '';
  const shown = sign === '-' ? raw.slice(1) : raw;
  const body = (sign ? raw.slice(1) : raw).replace(/^\s*\+?/, '');
  const what = bytes ? 'bytes' : 'lines';
  const n = gnuSuffixNumber(body);
  if (n === null) return `invalid number of ${what}: ${ql(shown)}`;
  if (/^\d+$/.test(body) && BigInt(body) > UINTMAX) return `invalid number of ${what}: ${ql(shown)}: Value too large for defined data type`;
  return { n, bytes, flip: tail ? sign === '+' : sign === '-' };
}

function bbCount(raw: string, bytes: boolean, tail: boolean): Count | string {
  const sign = raw[0] === '-' || (tail && raw[0] === '+') ? raw[0] : '';
  const m = /^(\d+)([bkm]?)$/.exec(sign ? raw.slice(1) : raw);
  if (!m || m[1]!.length > 19) return `invalid number '${sign ? raw.slice(1) : raw}'`;
  const n = Number(m[1]) * (m[2] === 'b' ? 512 : m[2] === 'k' ? 1024 : m[2] === 'm' ? 1048576 : 1);
  return { n, bytes, flip: tail ? sign === '+' : sign === '-' };
}

/** The part of `text` head or tail prints. */
function slice(text: string, c: Count, tail: boolean): string {
  if (c.bytes) {
    const b = utf8(text);
    if (tail) return fromUtf8(c.flip ? b.subarray(Math.max(0, c.n - 1)) : b.subarray(Math.max(0, b.length - c.n)));
    return fromUtf8(c.flip ? b.subarray(0, Math.max(0, b.length - c.n)) : b.subarray(0, c.n));
  }
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lines = text === '' ? 0 : starts.length;
  const at = (k: number) => (k >= lines ? text.length : (starts[k] as number));
  if (tail) return c.flip ? text.slice(at(Math.max(0, c.n - 1))) : text.slice(at(Math.max(0, lines - c.n)));
  return c.flip ? text.slice(0, at(Math.max(0, lines - c.n))) : text.slice(0, at(c.n));
}

function headTail(tail: boolean): Program {
  return (argv, ctx) => {
    const t = new Tool(ctx, argv[0] ?? (tail ? 'tail' : 'head'), tail ? TAIL : HEAD);
    // The obsolete first argument: `-3`, `-3c`, `+3` (tail), `-5v` (GNU).
    let args = argv;
    let obsolete: string | null = null;
    const first = argv[1] ?? '';
    if ((/^-\d/.test(first) || (tail && /^\+\d/.test(first))) && !(t.gnu && !tail && first.startsWith('+'))) {
      obsolete = first;
      args = [argv[0] ?? '', ...argv.slice(2)];
    }
    const a = t.parse(args);
    if (typeof a === 'number') return a;
    let count: Count | string = { n: 10, bytes: false, flip: false };
    if (obsolete !== null) {
      if (t.gnu) {
        const m = /^([+-])(\d*)([bkm]?)([cblqvf]*)$/.exec(obsolete);
        if (!m) return t.usage(`invalid option -- '${obsolete.replace(/^[+-]\d*/, '')[0] ?? ''}'`);
        const unit = m[3] === 'b' ? 512 : m[3] === 'k' ? 1024 : m[3] === 'm' ? 1048576 : 1;
        count = { n: Number(m[2] || '10') * unit, bytes: (m[4] ?? '').includes('c'), flip: tail && m[1] === '+' };
        if ((m[4] ?? '').includes('v')) a.opts.unshift({ key: 'v', value: null, spelled: '-v' });
        if ((m[4] ?? '').includes('q')) a.opts.unshift({ key: 'q', value: null, spelled: '-q' });
      } else count = bbCount(obsolete.slice(obsolete[0] === '-' ? 1 : 0), false, tail);
      if (!t.gnu && tail && obsolete.startsWith('+') && typeof count !== 'string') count.flip = true;
    }
    for (const o of a.opts as Opt[]) {
      if (o.key !== 'n' && o.key !== 'c') continue;
      count = t.gnu ? gnuCount(o.value ?? '', o.key === 'c', tail, (x) => t.ql(x)) : bbCount(o.value ?? '', o.key === 'c', tail);
      if (typeof count === 'string') break;
    }
    if (typeof count === 'string') { t.err(count); return 1; }
    if (tail && !t.gnu && count.flip && count.n === 0) count.n = 1;
    const quiet = a.opts.some((o) => o.key === 'q');
    const verbose = a.opts.some((o) => o.key === 'v');
    const follow = a.opts.some((o) => o.key === 'f' || o.key === 'F');
    const files = a.operands.length ? a.operands : ['-'];
    if (t.gnu && tail && a.opts.some((o) => o.key === 'F') && files.includes('-') && a.operands.length === 0) {
      t.err("cannot follow '-' by name");
      return 1;
    }
    const label = (f: string) => (f === '-' && (t.gnu || !tail) ? 'standard input' : f);
    let code = 0;
    let out = '';
    let firstHeader = true;
    const opened: { f: string; r: ReadResult }[] = [];
    for (const f of files) {
      const r = t.read(f);
      if (r.errno === 'ENOENT' || r.errno === 'EACCES' || r.errno === 'ENOTDIR' || r.errno === 'EPERM') {
        code = 1;
        if (t.gnu) t.err(`cannot open ${qAlways(f)} for reading: ${t.strerror(r.errno)}`);
        else t.err(tail ? `can't open '${f}': ${t.strerror(r.errno)}` : `${f}: ${t.strerror(r.errno)}`);
        continue;
      }
      if (t.gnu || !tail) { emit(f, r); continue; }
      opened.push({ f, r });
    }
    if (!t.gnu && tail) {
      if (opened.length === 0) { ctx.out.out(out); t.err('no files'); return 1; }
      for (const { f, r } of opened) emit(f, r, opened.length);
    }
    if (t.gnu && tail && follow && code !== 0 && files.every((f) => t.read(f).errno !== undefined)) {
      ctx.out.out(out);
      t.err('no files remaining');
      return 1;
    }
    ctx.out.out(out);
    return code;

    function emit(f: string, r: ReadResult, n = files.length): void {
      const header = verbose || (!quiet && n > 1);
      if (header) {
        out += `${firstHeader ? '' : '\n'}==> ${label(f)} <==\n`;
        firstHeader = false;
      }
      if (r.errno) {
        code = 1;
        ctx.out.out(out);
        out = '';
        if (t.gnu) t.err(`error reading ${qAlways(f)}: ${t.strerror(r.errno)}`);
        else t.err(tail ? `read error: ${t.strerror(r.errno)}` : `${f}: Input/output error`);
        return;
      }
      out += slice(r.text, count as Count, tail);
    }
  };
}

export const head = headTail(false);
export const tail = headTail(true);
