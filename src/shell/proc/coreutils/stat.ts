import { LAB_CREATED } from '../../clock.js';
import type { Ctx } from '../../context.js';
import type { Stat } from '../../sh/fs.js';
import type { Program } from '../../sh/system.js';
import { statOf } from './fileops.js';
import { L } from './getopt.js';
import { qAlways, readText, Tool, type ToolSpec } from './lib.js';

/**
 * stat: coreutils 9.1 src/stat.c (the default four-line record with `Device: 254,0` and a Birth
 * line, -c/--format and --printf with %a %A %b %B %d %D %f %F %g %G %h %i %n %N %o %s %u %U %x %X
 * %y %Y %z %Z %w %W, -t terse; `cannot statx 'F': …`) and busybox coreutils/stat.c
 * (`Device: fe00h/65024d`, no Birth line, `can't stat 'F': …`). The lab's files have no inode or
 * times of their own: the inode is a hash of the path and every time is the lab's creation time.
 */
const SPEC: ToolSpec = {
  gnu: { short: 'c:fLt', long: [L('format', 1, 'c'), L('printf', 1, 'printf'), L('dereference', 0, 'L'), L('file-system', 0, 'f'), L('terse', 0, 't'), L('cached', 1, 'cached')] },
  bb: { short: 'c:fLt' },
};

const inode = (path: string) => {
  let h = 2166136261;
  for (const c of path) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return 2300000 + (h % 100000);
};

function names(ctx: Ctx, file: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const line of (readText(ctx, file).text ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length > 2 && /^\d+$/.test(f[2] as string) && !map.has(Number(f[2]))) map.set(Number(f[2]), f[0] as string);
  }
  return map;
}

function modeString(st: Stat): string {
  const bits = 'rwxrwxrwx';
  let s = st.type === 'dir' ? 'd' : st.type === 'char' ? 'c' : '-';
  for (let i = 0; i < 9; i++) s += st.mode & (0o400 >> i) ? bits[i] : '-';
  if (st.mode & 0o1000) s = s.slice(0, 9) + (st.mode & 1 ? 't' : 'T');
  return s;
}

export const stat: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'stat', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  if (a.operands.length === 0) return t.gnu ? t.usage('missing operand') : t.usage();
  const users = names(ctx, '/etc/passwd');
  const groups = names(ctx, '/etc/group');
  const fmtOpt = a.opts.filter((o) => o.key === 'c' || o.key === 'printf').pop();
  const p2 = (n: number) => String(n).padStart(2, '0');
  const d = new Date(LAB_CREATED);
  const time = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.000000000 +0000`;
  const epoch = String(Math.floor(LAB_CREATED / 1000));
  let code = 0;
  let out = '';
  for (const op of a.operands) {
    const path = t.path(op);
    const st = statOf(ctx, path);
    if (typeof st === 'string') {
      t.err(t.gnu ? `cannot statx ${qAlways(op)}: ${t.strerror(st)}` : `can't stat '${op}': ${t.strerror(st)}`);
      code = 1;
      continue;
    }
    const blocks = st.type === 'dir' ? 8 : Math.ceil(st.size / 4096) * 8;
    const links = st.type === 'dir' ? 2 + (ctx.sys.fs.readdir(path) as string[]).filter((n) => { const s = statOf(ctx, `${path === '/' ? '' : path}/${n}`); return typeof s !== 'string' && s.type === 'dir'; }).length : 1;
    const kind = st.type === 'dir' ? 'directory' : st.type === 'char' ? 'character special file' : st.size === 0 ? 'regular empty file' : 'regular file';
    const raw = (st.type === 'dir' ? 0o40000 : st.type === 'char' ? 0o20000 : 0o100000) | st.mode;
    const field: Readonly<Record<string, () => string>> = {
      a: () => (st.mode & 0o7777).toString(8), A: () => modeString(st), b: () => String(blocks), B: () => '512',
      d: () => '65024', D: () => 'fe00', f: () => raw.toString(16), F: () => kind, g: () => String(st.gid),
      G: () => groups.get(st.gid) ?? 'UNKNOWN', h: () => String(links), i: () => String(inode(path)), n: () => op,
      N: () => (t.gnu ? qAlways(op) : `'${op}'`), o: () => '4096', s: () => String(st.size), u: () => String(st.uid),
      U: () => users.get(st.uid) ?? 'UNKNOWN', x: () => time, X: () => epoch, y: () => time, Y: () => epoch, z: () => time, Z: () => epoch,
      w: () => time, W: () => epoch, t: () => '0', T: () => '0', '%': () => '%',
    };
    if (fmtOpt) {
      const printf = fmtOpt.key === 'printf';
      let f = fmtOpt.value ?? '';
      if (printf) f = f.replace(/\\(n|t|\\|")/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
      out += f.replace(/%(.)?/g, (_m, c: string | undefined) => (c === undefined ? '%' : field[c]?.() ?? (t.gnu ? '?' : c))) + (printf ? '' : '\n');
      continue;
    }
    const user = users.get(st.uid) ?? 'UNKNOWN';
    const group = groups.get(st.gid) ?? 'UNKNOWN';
    if (a.opts.some((o) => o.key === 't')) {
      out += `${op} ${st.size} ${blocks} ${raw.toString(16)} ${st.uid} ${st.gid} fe00 ${inode(path)} ${links} 0 0 ${epoch} ${epoch} ${epoch} ${t.gnu ? `${epoch} ` : ''}4096\n`;
      continue;
    }
    out += `  File: ${t.gnu ? (op.includes('\n') ? qAlways(op) : op) : op}\n`;
    out += `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocks).padEnd(10)} IO Block: 4096   ${kind}\n`;
    out += `Device: ${t.gnu ? '254,0' : 'fe00h/65024d'}\tInode: ${String(inode(path)).padEnd(11)} Links: ${links}\n`;
    out += `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (${String(st.uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${group.padStart(8)})\n`;
    out += `Access: ${time}\nModify: ${time}\nChange: ${time}\n${t.gnu ? ` Birth: ${time}\n` : ''}`;
  }
  ctx.out.out(out);
  return code;
};
