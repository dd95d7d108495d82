import type { Ctx } from '../../context.js';
import { STRERROR, type Errno, type Stat } from '../../sh/fs.js';
import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { qAlways, Tool, type ToolSpec } from './lib.js';

/**
 * rm, rmdir, mkdir, touch: coreutils src/rm.c + remove.c (`cannot remove 'F': …`, `-r` walks the
 * tree, `refusing to remove '.' or '..' directory`, the `--preserve-root` failsafe, -i asks on
 * stderr and reads the answer from stdin, -v `removed 'F'`), src/rmdir.c (`failed to remove 'D': …`),
 * src/mkdir.c (`cannot create directory ‘D’: …` in locale quotes, -p, -v `mkdir: created directory
 * 'D'`), src/touch.c (`cannot touch 'F': …`); busybox coreutils/rm.c + libbb/remove_file.c
 * (`can't remove 'F'`, `'D' is a directory`), rmdir.c, mkdir.c + libbb/make_directory.c, touch.c.
 * busybox's `rm -r /` would empty the container before failing on `/`; the lab only prints that
 * last line and keeps the files.
 */

/** Yes/no answers read from standard input, one line per question (rpmatch: y or Y). */
export class Answers {
  private lines: string[];
  constructor(stdin: string) { this.lines = stdin.split('\n'); }
  yes(): boolean { return /^[yY]/.test(this.lines.shift() ?? ''); }
}

/** stat(2): ENOTDIR (not ENOENT) when a leading component is a file, whatever the Fs says. */
export function statOf(ctx: Ctx, path: string): Stat | Errno {
  const st = ctx.sys.fs.stat(path);
  if (st !== 'ENOENT') return st;
  for (let p = path.slice(0, path.lastIndexOf('/')); p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const up = ctx.sys.fs.stat(p);
    if (typeof up !== 'string') return up.type === 'dir' ? 'ENOENT' : 'ENOTDIR';
  }
  return 'ENOENT';
}

const RM: ToolSpec = {
  gnu: {
    short: 'dfirvIR',
    long: [L('force', 0, 'f'), L('interactive', 2, 'interactive'), L('one-file-system', 0, 'x1'), L('no-preserve-root', 0, 'npr'),
      L('preserve-root', 2, 'pr'), L('recursive', 0, 'r'), L('dir', 0, 'd'), L('verbose', 0, 'v')],
  },
  bb: { short: 'fiRrv' },
};

export const rm: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'rm', RM);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const on = (k: string) => a.opts.some((o) => o.key === k);
  // -f and -i: the last one given wins.
  const lastFI = a.opts.filter((o) => o.key === 'f' || o.key === 'i').pop()?.key;
  const force = lastFI === 'f';
  const interactive = lastFI === 'i';
  const recursive = on('r') || on('R');
  const verbose = on('v');
  const answers = new Answers(ctx.stdin);
  if (a.operands.length === 0) return force ? 0 : t.gnu ? t.usage('missing operand') : t.usage();
  let code = 0;
  const fail = (shown: string, e: Errno) => {
    t.err(t.gnu ? `cannot remove ${qAlways(shown)}: ${STRERROR[e]}` : `can't remove '${shown}': ${STRERROR[e]}`);
    code = 1;
  };
  const remove = (path: string, shown: string, st: Stat): void => {
    if (st.type === 'dir') {
      if (interactive) {
        ctx.out.err(t.gnu ? `${t.name}: descend into directory ${qAlways(shown)}? ` : `${t.name}: descend into directory '${shown}'? `);
        if (!answers.yes()) return;
      }
      const names = ctx.sys.fs.readdir(path);
      if (Array.isArray(names)) {
        for (const n of names) {
          const child = `${path === '/' ? '' : path}/${n}`;
          const cst = statOf(ctx, child);
          if (typeof cst !== 'string') remove(child, `${shown.replace(/\/+$/, '')}/${n}`, cst);
        }
      }
      if (interactive) {
        ctx.out.err(`${t.name}: remove directory ${t.gnu ? qAlways(shown) : `'${shown}'`}? `);
        if (!answers.yes()) return;
      }
      const e = ctx.sys.fs.rmdir(path);
      if (e) fail(shown, e);
      else if (verbose) ctx.out.line(t.gnu ? `removed directory ${qAlways(shown)}` : `removed directory: '${shown}'`);
      return;
    }
    if (interactive) {
      const kind = st.size === 0 ? 'regular empty file' : 'regular file';
      ctx.out.err(t.gnu ? `${t.name}: remove ${kind} ${qAlways(shown)}? ` : `${t.name}: remove '${shown}'? `);
      if (!answers.yes()) return;
    }
    const e = ctx.sys.fs.unlink(path);
    if (e) fail(shown, e);
    else if (verbose) ctx.out.line(t.gnu ? `removed ${qAlways(shown)}` : `removed '${shown}'`);
  };
  for (const op of a.operands) {
    const base = op.replace(/\/+$/, '').split('/').pop() ?? '';
    if (recursive && (base === '.' || base === '..')) {
      t.err(t.gnu ? `refusing to remove '.' or '..' directory: skipping ${qAlways(op)}` : "can't remove '.' or '..'");
      code = 1;
      continue;
    }
    const path = t.path(op);
    if (recursive && path === '/') {
      if (t.gnu && !on('npr')) {
        t.err(op === '/' ? "it is dangerous to operate recursively on '/'" : `it is dangerous to operate recursively on ${qAlways(op)} (same as '/')`);
        t.err('use --no-preserve-root to override this failsafe');
      } else t.err(t.gnu ? "cannot remove '/': Device or resource busy" : "can't remove '/': Device or resource busy");
      code = 1;
      continue;
    }
    const st = statOf(ctx, path);
    if (typeof st === 'string') {
      if (!(force && st === 'ENOENT')) fail(op, st);
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      if (!t.gnu && (base === '.' || base === '..')) { t.err("can't remove '.' or '..'"); code = 1; continue; }
      if (t.gnu && on('d')) {
        const e = ctx.sys.fs.rmdir(path);
        if (e) fail(op, e);
        else if (verbose) ctx.out.line(`removed directory ${qAlways(op)}`);
        continue;
      }
      if (t.gnu) fail(op, 'EISDIR');
      else { t.err(`'${op.replace(/\/+$/, '') || '/'}' is a directory`); code = 1; }
      continue;
    }
    remove(path, op, st);
  }
  return code;
};

const RMDIR: ToolSpec = {
  gnu: { short: 'pv', long: [L('ignore-fail-on-non-empty', 0, 'ign'), L('parents', 0, 'p'), L('verbose', 0, 'v')] },
  bb: { short: 'pv' },
};

export const rmdir: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'rmdir', RMDIR);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  if (a.operands.length === 0) return t.gnu ? t.usage('missing operand') : t.usage();
  const parents = a.opts.some((o) => o.key === 'p');
  const verbose = a.opts.some((o) => o.key === 'v');
  const ignore = a.opts.some((o) => o.key === 'ign');
  let code = 0;
  for (const op of a.operands) {
    let shown = op;
    for (;;) {
      if (verbose) ctx.out.line(`${t.name}: removing directory, ${t.gnu ? qAlways(shown) : `'${shown}'`}`);
      const e = ctx.sys.fs.rmdir(t.path(shown));
      if (e) {
        if (!(ignore && e === 'ENOTEMPTY')) {
          t.err(t.gnu ? `failed to remove ${qAlways(shown)}: ${STRERROR[e]}` : `'${shown}': ${STRERROR[e]}`);
          code = 1;
        }
        break;
      }
      if (!parents) break;
      const up = shown.replace(/\/+$/, '').replace(/\/?[^/]*$/, '');
      if (up === '' || up === '/' || up === '.') break;
      shown = up;
    }
  }
  return code;
};

const MKDIR: ToolSpec = {
  gnu: { short: 'pm:vZ', long: [L('mode', 1, 'm'), L('parents', 0, 'p'), L('verbose', 0, 'v'), L('context', 2, 'Z')] },
  bb: { short: 'm:pv' },
};

export const mkdir: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'mkdir', MKDIR);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const mode = a.opts.filter((o) => o.key === 'm').pop()?.value;
  if (mode !== undefined && mode !== null && !/^[0-7]{1,4}$/.test(mode) && !/^([ugoa]*[-+=][rwxXst]*,?)+$/.test(mode)) {
    t.err(t.gnu ? `invalid mode ${t.ql(mode)}` : `invalid mode '${mode}'`);
    return 1;
  }
  if (a.operands.length === 0) return t.gnu ? t.usage('missing operand') : t.usage();
  const parents = a.opts.some((o) => o.key === 'p');
  const verbose = a.opts.some((o) => o.key === 'v');
  const created = (shown: string) => { if (verbose) ctx.out.line(t.gnu ? `${t.name}: created directory ${qAlways(shown)}` : `created directory: '${shown}'`); };
  const fail = (shown: string, e: Errno) => {
    t.err(t.gnu ? `cannot create directory ${t.ql(shown)}: ${STRERROR[e]}` : `can't create directory '${shown}': ${STRERROR[e]}`);
    return 1;
  };
  let code = 0;
  for (const op of a.operands) {
    if (!parents) {
      const e = ctx.sys.fs.mkdir(t.path(op));
      if (e) code = fail(op, e);
      else created(op);
      continue;
    }
    // -p: each component in turn; an existing directory is fine.
    const parts = op.split('/');
    for (let i = 1; i <= parts.length; i++) {
      if (parts[i - 1] === '' && i < parts.length) continue;
      const prefix = parts.slice(0, i).join('/');
      if (prefix === '') continue;
      const st = statOf(ctx, t.path(prefix));
      if (typeof st !== 'string') {
        if (st.type === 'dir') continue;
        code = fail(t.gnu ? prefix : `${prefix}/`, 'ENOTDIR');
        break;
      }
      const e = ctx.sys.fs.mkdir(t.path(prefix));
      if (e) { code = fail(t.gnu || i === parts.length ? prefix : `${prefix}/`, e); break; }
      created(t.gnu || i === parts.length ? prefix : `${prefix}/`);
    }
  }
  return code;
};

const TOUCH: ToolSpec = {
  gnu: {
    short: 'acd:fhmr:t:',
    long: [L('time', 1, 'time'), L('no-create', 0, 'c'), L('date', 1, 'd'), L('no-dereference', 0, 'h'), L('reference', 1, 'r')],
  },
  bb: { short: 'cd:t:r:hma' },
};

export const touch: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'touch', TOUCH);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  if (a.operands.length === 0) return t.gnu ? t.usage('missing file operand') : t.usage();
  const noCreate = a.opts.some((o) => o.key === 'c');
  let code = 0;
  for (const op of a.operands) {
    const path = t.path(op);
    const st = statOf(ctx, path);
    if (typeof st !== 'string' || noCreate) continue;
    const e = ctx.sys.fs.write(path, '', true);
    if (e) {
      t.err(t.gnu ? `cannot touch ${qAlways(op)}: ${STRERROR[e]}` : `${op}: ${STRERROR[e]}`);
      code = 1;
    }
  }
  return code;
};
