import { LAB_CREATED, LAB_NOW } from '../../clock.js';
import type { Ctx } from '../../context.js';
import type { Stat } from '../../sh/fs.js';
import type { Program } from '../../sh/system.js';
import { visible as printable } from '../../escape.js';
import { statOf } from './fileops.js';
import { L } from './getopt.js';
import { qAlways, qShell, readText, Tool, type ToolSpec } from './lib.js';

/**
 * ls: coreutils src/ls.c and busybox coreutils/ls.c. Output to a terminal is in columns (GNU's
 * calculate_columns() over an 80-column line, padded with tabs as indent() does, names needing
 * quotes shell-quoted and the others indented one space; busybox: the widest name + 2, spaces,
 * names coloured), anything else one name per line — `ctx.tty.out` says which. -l prints GNU's
 * aligned columns (`total` in 1K blocks of 4K ext4 blocks) or busybox's `%-10s %4u %-8s %-8s %9u`.
 * Files carry no times in the lab: every entry shows the lab's creation time (10 minutes ago).
 * `cannot access 'F': …` exits 2 (GNU); busybox says `ls: F: …` and exits 1.
 */
const SPEC: ToolSpec = {
  gnu: {
    short: 'abcdfghiklmnopqrstuvw:xABCDFGHI:LNQRST:UXZ1',
    long: [L('all', 0, 'a'), L('almost-all', 0, 'A'), L('directory', 0, 'd'), L('human-readable', 0, 'h'), L('recursive', 0, 'R'),
      L('reverse', 0, 'r'), L('color', 2, 'color'), L('classify', 2, 'F'), L('format', 1, 'format'), L('full-time', 0, 'full-time'),
      L('group-directories-first', 0, 'gdf'), L('numeric-uid-gid', 0, 'n'), L('width', 1, 'w'), L('size', 0, 's'), L('inode', 0, 'i'),
      L('indicator-style', 1, 'indicator-style'), L('literal', 0, 'N'), L('quoting-style', 1, 'quoting-style'), L('sort', 1, 'sort'),
      L('time', 1, 'time'), L('time-style', 1, 'time-style'), L('tabsize', 1, 'T'), L('hide', 1, 'hide'), L('ignore', 1, 'I'),
      L('dereference', 0, 'L'), L('no-group', 0, 'G'), L('si', 0, 'si'), L('context', 0, 'Z'), L('author', 0, 'author')],
  },
  bb: { short: 'Cadi1lgnsxAkFpRQctuSXrvLHhT:w:', long: [L('color', 2, 'color'), L('full-time', 0, 'full-time'), L('group-directories-first', 0, 'gdf')] },
  status: 2,
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Entry { name: string; path: string; st: Stat }

function modeString(st: Stat): string {
  const t = st.type === 'dir' ? 'd' : st.type === 'char' ? 'c' : '-';
  const m = st.mode;
  const bit = (b: number, c: string) => (m & b ? c : '-');
  let s = t + bit(0o400, 'r') + bit(0o200, 'w') + bit(0o100, 'x') + bit(0o40, 'r') + bit(0o20, 'w') + bit(0o10, 'x') + bit(0o4, 'r') + bit(0o2, 'w');
  s += m & 0o1000 ? (m & 0o1 ? 't' : 'T') : bit(0o1, 'x');
  return s;
}

function idNames(ctx: Ctx, file: string): Map<number, string> {
  const r = readText(ctx, file);
  const map = new Map<number, string>();
  for (const line of (r.text ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length > 2 && /^\d+$/.test(f[2] as string) && !map.has(Number(f[2]))) map.set(Number(f[2]), f[0] as string);
  }
  return map;
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = 'KMGTPE';
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return `${v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))}${units[u]}`;
}

/** 1K blocks on ext4 (4K blocks): what `total` adds up. */
const blocks = (st: Stat) => (st.type === 'dir' ? 4 : Math.ceil(st.size / 4096) * 4);

export const ls: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'ls', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const on = (k: string) => a.opts.some((o) => o.key === k);
  const longFmt = on('l') || on('n') || on('g') || on('o');
  const showAll = on('a') || on('f');
  const almost = on('A');
  const tty = ctx.tty.out;
  const fmt = a.opts.filter((o) => ['1', 'C', 'x', 'l', 'n', 'g', 'o'].includes(o.key)).pop()?.key;
  const columns = !longFmt && (fmt === 'C' || fmt === 'x' || (fmt === undefined && tty));
  const across = fmt === 'x';
  const width = Number(a.opts.filter((o) => o.key === 'w').pop()?.value ?? ctx.env.COLUMNS ?? 80) || 80;
  const colorOpt = a.opts.filter((o) => o.key === 'color').pop();
  const color = t.gnu ? colorOpt !== undefined && (colorOpt.value === null || colorOpt.value === 'always' || colorOpt.value === 'yes' || colorOpt.value === 'force' || (colorOpt.value === 'auto' && tty))
    : colorOpt ? colorOpt.value !== 'never' && colorOpt.value !== 'no' && colorOpt.value !== 'none' && (colorOpt.value === 'always' || tty) : tty;
  const quote = t.gnu && tty && !on('N');
  const users = idNames(ctx, '/etc/passwd');
  const groups = idNames(ctx, '/etc/group');
  const now = LAB_NOW + (ctx.runtime.clock[ctx.sys.key] ?? 0) * 1000;
  let code = 0;
  let out = '';

  const indicator = (e: Entry) => (on('F') && e.st.type === 'dir') || (on('p') && e.st.type === 'dir') ? '/' : on('F') && e.st.type === 'file' && e.st.mode & 0o111 ? '*' : '';
  // Coloured output is styled for the terminal (escape.ts): its data is made visible first, so the
  // only raw escape sequences in it are ls's own colours.
  const paint = (e: Entry, raw: string) => {
    if (!color) return raw;
    const text = printable(raw);
    if (t.gnu) return e.st.type === 'dir' ? `\x1b[01;34m${text}\x1b[0m` : e.st.mode & 0o111 && e.st.type === 'file' ? `\x1b[01;32m${text}\x1b[0m` : text;
    const exe = e.st.type === 'file' && e.st.mode & 0o111;
    return `\x1b[${e.st.type === 'dir' || exe ? 1 : 0};${e.st.type === 'dir' ? 34 : exe ? 32 : e.st.type === 'char' ? 33 : 0}m${text}\x1b[m`;
  };
  const sortEntries = (list: Entry[]) => {
    list.sort((x, y) => {
      if (on('S')) return y.st.size - x.st.size || (x.name < y.name ? -1 : 1);
      return x.name < y.name ? -1 : x.name > y.name ? 1 : 0;
    });
    if (on('gdf')) list.sort((x, y) => Number(y.st.type === 'dir') - Number(x.st.type === 'dir'));
    if (on('r')) list.reverse();
    return list;
  };
  const date = () => {
    const d = new Date(LAB_CREATED);
    const recent = now - LAB_CREATED < 182 * 24 * 3600 * 1000 && LAB_CREATED <= now + 3600 * 1000;
    const p2 = (n: number) => String(n).padStart(2, '0');
    return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, t.gnu ? ' ' : ' ')} ${recent ? `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}` : ` ${d.getUTCFullYear()}`}`;
  };
  const shown = (e: Entry, anyQuoted: boolean) => {
    if (!quote) return e.name;
    const q = qShell(e.name);
    return q !== e.name ? q : anyQuoted ? ` ${e.name}` : e.name;
  };

  const list = (entries: Entry[], withTotal: boolean): void => {
    const anyQuoted = quote && entries.some((e) => qShell(e.name) !== e.name);
    if (longFmt) {
      if (withTotal) {
        const total = entries.reduce((s, e) => s + blocks(e.st), 0);
        out += t.gnu ? `total ${on('h') ? human(total * 1024) : total}\n` : on('h') ? `total ${human(total * 1024).padEnd(7)}\n` : `total ${total}\n`;
      }
      const rows = entries.map((e) => {
        const links = e.st.type === 'dir' ? 2 + countSubdirs(ctx, e.path) : 1;
        const owner = on('n') ? String(e.st.uid) : (users.get(e.st.uid) ?? String(e.st.uid));
        const group = on('n') ? String(e.st.gid) : (groups.get(e.st.gid) ?? String(e.st.gid));
        const size = on('h') ? human(e.st.size) : String(e.st.size);
        return { e, mode: modeString(e.st), links: String(links), owner: color ? printable(owner) : owner, group: color ? printable(group) : group, size };
      });
      const w = (k: 'links' | 'owner' | 'group' | 'size') => Math.max(0, ...rows.map((r) => r[k].length));
      for (const r of rows) {
        const name = paint(r.e, shown(r.e, anyQuoted)) + indicator(r.e);
        if (t.gnu) {
          const who = [on('g') ? null : r.owner.padEnd(w('owner')), on('o') ? null : r.group.padEnd(w('group'))].filter((x) => x !== null).join(' ');
          out += `${r.mode} ${r.links.padStart(w('links'))} ${who} ${r.size.padStart(w('size'))} ${date()} ${name}\n`;
        } else {
          out += `${r.mode} ${r.links.padStart(4)} ${on('g') ? '' : `${r.owner.padEnd(8)} `}${r.group.padEnd(8)} ${on('h') ? r.size.padStart(7) : r.size.padStart(9)} ${date()} ${name}\n`;
        }
      }
      return;
    }
    const names = entries.map((e) => shown(e, anyQuoted) + indicator(e));
    if (!columns || names.length === 0) {
      out += entries.map((e) => `${paint(e, shown(e, anyQuoted))}${indicator(e)}\n`).join('');
      return;
    }
    if (!t.gnu) {
      // display_files(): column width from the names alone; pad by printed columns.
      const colW = Math.max(...entries.map((e) => e.name.length)) + 2;
      const ncols = Math.max(1, Math.floor(width / colW));
      const nrows = Math.ceil(names.length / ncols);
      for (let r = 0; r < nrows; r++) {
        let line = '';
        let column = 0;
        let nexttab = 0;
        for (let c = 0; c < ncols; c++) {
          const i = across ? r * ncols + c : c * nrows + r;
          if (i >= names.length) continue;
          if (column > 0) { line += ' '.repeat(Math.max(0, nexttab - column)); column = nexttab; }
          nexttab = column + colW;
          const e = entries[i] as Entry;
          line += paint(e, quote ? shown(e, anyQuoted) : e.name) + indicator(e);
          column += (names[i] as string).length;
        }
        out += `${line}\n`;
      }
      return;
    }
    out += gnuColumns(names, entries.map((e) => (n: string) => paint(e, n)), width, across, color ? 0 : 8);
  };

  const listDir = (dirPath: string, label: string, header: boolean): void => {
    const names = ctx.sys.fs.readdir(dirPath);
    if (!Array.isArray(names)) {
      t.err(t.gnu ? `cannot open directory ${qAlways(label)}: ${t.strerror(names)}` : `${label}: ${t.strerror(names)}`);
      code = t.gnu ? 2 : 1;
      return;
    }
    if (header) out += `${color ? printable(label) : label}:\n`;
    const visible = names.filter((n) => showAll || almost || !n.startsWith('.'));
    const entries: Entry[] = [];
    if (showAll) for (const n of ['.', '..']) entries.push({ name: n, path: n === '.' ? dirPath : dirPath.replace(/\/[^/]*$/, '') || '/', st: statOf(ctx, dirPath) as Stat });
    for (const n of visible) {
      const path = `${dirPath === '/' ? '' : dirPath}/${n}`;
      const st = statOf(ctx, path);
      if (typeof st !== 'string') entries.push({ name: n, path, st });
    }
    sortEntries(entries);
    list(entries, true);
    if (on('R')) {
      for (const e of entries) {
        if (e.st.type !== 'dir' || e.name === '.' || e.name === '..') continue;
        out += '\n';
        listDir(e.path, `${label === '/' ? '' : label.replace(/\/$/, '')}/${e.name}`, true);
      }
    }
  };

  const operands = a.operands.length ? a.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const op of operands) {
    const path = t.path(op);
    const st = statOf(ctx, path);
    if (typeof st === 'string') {
      t.err(t.gnu ? `cannot access ${qAlways(op)}: ${t.strerror(st)}` : `${op}: ${t.strerror(st)}`);
      code = t.gnu ? 2 : 1;
      continue;
    }
    (st.type === 'dir' && !on('d') ? dirs : files).push({ name: op, path, st });
  }
  sortEntries(files);
  sortEntries(dirs);
  if (files.length) list(files, false);
  const header = operands.length > 1 || on('R');
  dirs.forEach((d, i) => {
    if (files.length || i > 0) out += '\n';
    listDir(d.path, d.name, header);
  });
  ctx.out.out(out, color);
  return code;
};

function countSubdirs(ctx: Ctx, path: string): number {
  const names = ctx.sys.fs.readdir(path);
  if (!Array.isArray(names)) return 0;
  return names.filter((n) => { const st = statOf(ctx, `${path === '/' ? '' : path}/${n}`); return typeof st !== 'string' && st.type === 'dir'; }).length;
}

/** GNU's print_many_per_line() / print_horizontal() with calculate_columns() and indent(). */
function gnuColumns(names: string[], paints: ((n: string) => string)[], lineLength: number, across: boolean, tabsize: number): string {
  const n = names.length;
  const maxIdx = Math.max(1, Math.floor(lineLength / 3));
  const maxCols = Math.min(maxIdx, n);
  let cols = 1;
  let widths: number[] = [names[0]?.length ?? 0];
  for (let c = maxCols; c >= 1; c--) {
    const rows = Math.ceil(n / c);
    const w = Array<number>(c).fill(3);
    names.forEach((name, i) => {
      const col = across ? i % c : Math.floor(i / rows);
      if (col >= c) return;
      w[col] = Math.max(w[col] as number, name.length + (col === c - 1 ? 0 : 2));
    });
    if (w.reduce((s, x) => s + x, 0) < lineLength || c === 1) { cols = c; widths = w; break; }
  }
  const rows = Math.ceil(n / cols);
  const indent = (from: number, to: number): string => {
    let s = '';
    let f = from;
    while (f < to) {
      if (tabsize !== 0 && Math.floor(to / tabsize) > Math.floor((f + 1) / tabsize)) { s += '\t'; f += tabsize - (f % tabsize); } else { s += ' '; f++; }
    }
    return s;
  };
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    let line = '';
    for (let c = 0; c < cols; c++) {
      const i = across ? r * cols + c : c * rows + r;
      if (i >= n) break;
      const name = names[i] as string;
      line += (paints[i] as (s: string) => string)(name);
      const next = across ? i + 1 : i + rows;
      if (next >= n || (across && c === cols - 1)) break;
      line += indent(pos + name.length, pos + (widths[c] as number));
      pos += widths[c] as number;
    }
    out += `${line}\n`;
  }
  return out;
}
