import type { Ctx } from '../../context.js';
import { basename, dirname, STRERROR, type Errno } from '../../sh/fs.js';
import type { Program } from '../../sh/system.js';
import { Answers, statOf } from './fileops.js';
import { L } from './getopt.js';
import { qAlways, readText, Tool, type ToolSpec } from './lib.js';

/**
 * cp and mv: coreutils 9.1 src/cp.c, src/mv.c and src/copy.c (`cannot stat 'F'`,
 * `-r not specified; omitting directory 'D'`, `target 'T': Not a directory`, `'A' and 'B' are the
 * same file`, `cannot copy a directory, 'D', into itself, 'D/x'`, `cannot create regular file 'F'`,
 * `cannot move 'A' to 'B'`, -v `'A' -> 'B'` / `renamed 'A' -> 'B'`, -i `overwrite 'F'? `) and
 * busybox coreutils/cp.c, mv.c with libbb/copy_file.c (`can't stat`, `can't create`,
 * `can't rename`, `omitting directory`, `recursion detected`). The lab's file systems have no
 * rename: mv copies, then removes the source (an editor tab moves with its file).
 */
const CP: ToolSpec = {
  gnu: {
    short: 'abdfHilLnprst:uvxPRS:TZ',
    long: [L('archive', 0, 'a'), L('force', 0, 'f'), L('interactive', 0, 'i'), L('no-clobber', 0, 'n'), L('recursive', 0, 'r'),
      L('preserve', 2, 'preserve'), L('no-preserve', 1, 'no-preserve'), L('parents', 0, 'parents'), L('symbolic-link', 0, 's'),
      L('link', 0, 'l'), L('target-directory', 1, 't'), L('no-target-directory', 0, 'T'), L('update', 2, 'u'), L('verbose', 0, 'v')],
  },
  bb: { short: 'apdRrfilsLHPnvt:uT' },
};
const MV: ToolSpec = {
  gnu: {
    short: 'bfint:uvS:TZ',
    long: [L('force', 0, 'f'), L('interactive', 0, 'i'), L('no-clobber', 0, 'n'), L('target-directory', 1, 't'),
      L('no-target-directory', 0, 'T'), L('update', 2, 'u'), L('verbose', 0, 'v'), L('backup', 2, 'b'), L('suffix', 1, 'S')],
  },
  bb: { short: 'fint:vT' },
};

interface Job { t: Tool; ctx: Ctx; move: boolean; verbose: boolean; ask: 'i' | 'n' | null; answers: Answers; recursive: boolean }

function q(t: Tool, s: string): string {
  return t.gnu ? qAlways(s) : `'${s}'`;
}

/** Copies the tree at `src` to `dst` (both absolute); messages name `shownSrc` / `shownDst`. */
function copyTree(j: Job, src: string, dst: string, shownSrc: string, shownDst: string): boolean {
  const { t, ctx } = j;
  const st = statOf(ctx, src);
  if (typeof st === 'string') { t.err(`${t.gnu ? 'cannot stat' : "can't stat"} ${q(t, shownSrc)}: ${STRERROR[st]}`); return false; }
  if (st.type === 'dir') {
    const dst0 = statOf(ctx, dst);
    if (typeof dst0 === 'string') {
      const e = ctx.sys.fs.mkdir(dst);
      if (e) { t.err(t.gnu ? `cannot create directory ${q(t, shownDst)}: ${STRERROR[e]}` : `can't create directory ${q(t, shownDst)}: ${STRERROR[e]}`); return false; }
    }
    if (j.verbose && t.gnu) ctx.out.line(`${j.move ? 'renamed ' : ''}${q(t, shownSrc)} -> ${q(t, shownDst)}`);
    let ok = true;
    const names = ctx.sys.fs.readdir(src);
    for (const n of Array.isArray(names) ? names : []) {
      ok = copyTree({ ...j, verbose: j.verbose && !j.move }, `${src}/${n}`, `${dst}/${n}`, `${shownSrc.replace(/\/+$/, '')}/${n}`, `${shownDst.replace(/\/+$/, '')}/${n}`) && ok;
    }
    if (j.verbose && !t.gnu) ctx.out.line(`${q(t, shownSrc)} -> ${q(t, shownDst)}`);
    return ok;
  }
  const existing = statOf(ctx, dst);
  if (typeof existing !== 'string') {
    if (j.ask === 'n') return true;
    if (j.ask === 'i') {
      ctx.out.err(`${t.name}: overwrite ${q(t, shownDst)}? `);
      if (!j.answers.yes()) return true;
    }
  }
  const text = readText(ctx, src);
  if (text.errno) { t.err(t.gnu ? `cannot open ${q(t, shownSrc)} for reading: ${STRERROR[text.errno]}` : `can't open ${q(t, shownSrc)}: ${STRERROR[text.errno]}`); return false; }
  const e = ctx.sys.fs.write(dst, text.text, false);
  if (e) {
    if (j.move) t.err(t.gnu ? `cannot move ${q(t, shownSrc)} to ${q(t, shownDst)}: ${STRERROR[e]}` : `can't rename ${q(t, shownSrc)}: ${STRERROR[e]}`);
    else t.err(t.gnu ? `cannot create regular file ${q(t, shownDst)}: ${STRERROR[e]}` : `can't create ${q(t, shownDst)}: ${STRERROR[e]}`);
    return false;
  }
  if (j.verbose) ctx.out.line(`${j.move && t.gnu ? 'renamed ' : ''}${q(t, shownSrc)} -> ${q(t, shownDst)}`);
  return true;
}

function removeTree(ctx: Ctx, path: string): Errno | null {
  const st = statOf(ctx, path);
  if (typeof st === 'string') return st;
  if (st.type !== 'dir') return ctx.sys.fs.unlink(path);
  const names = ctx.sys.fs.readdir(path);
  for (const n of Array.isArray(names) ? names : []) removeTree(ctx, `${path}/${n}`);
  return ctx.sys.fs.rmdir(path);
}

function cpmv(move: boolean): Program {
  return (argv, ctx) => {
    const t = new Tool(ctx, argv[0] ?? (move ? 'mv' : 'cp'), move ? MV : CP);
    const a = t.parse(argv);
    if (typeof a === 'number') return a;
    const on = (k: string) => a.opts.some((o) => o.key === k);
    const askOpt = a.opts.filter((o) => o.key === 'i' || o.key === 'n' || o.key === 'f').pop()?.key;
    const j: Job = {
      t, ctx, move, verbose: on('v'), ask: askOpt === 'i' ? 'i' : askOpt === 'n' ? 'n' : null,
      answers: new Answers(ctx.stdin), recursive: move || on('r') || on('R') || on('a'),
    };
    const targetDir = a.opts.filter((o) => o.key === 't').pop()?.value ?? null;
    const ops = a.operands;
    if (targetDir === null && ops.length < 2) {
      if (!t.gnu) return t.usage();
      return ops.length === 0 ? t.usage('missing file operand') : t.usage(`missing destination file operand after ${qAlways(ops[0] as string)}`);
    }
    const dest = targetDir ?? (ops[ops.length - 1] as string);
    const sources = targetDir === null ? ops.slice(0, -1) : ops;
    const destPath = t.path(dest);
    const destSt = statOf(ctx, destPath);
    const destIsDir = typeof destSt !== 'string' && destSt.type === 'dir';
    if ((sources.length > 1 || targetDir !== null) && !destIsDir && t.gnu) {
      const err = typeof destSt === 'string' ? destSt : 'ENOTDIR';
      t.err(`${targetDir !== null ? 'target directory' : 'target'} ${qAlways(dest)}: ${STRERROR[err]}`);
      return 1;
    }
    let code = 0;
    for (const src of sources) {
      const srcPath = t.path(src);
      const srcSt = statOf(ctx, srcPath);
      const into = destIsDir || sources.length > 1 || targetDir !== null;
      const shownDst = into ? `${dest.replace(/\/+$/, '')}/${basename(src)}` : dest;
      const dstPath = into ? `${destPath === '/' ? '' : destPath}/${basename(srcPath)}` : destPath;
      if (typeof srcSt === 'string') {
        t.err(t.gnu ? `cannot stat ${qAlways(src)}: ${STRERROR[srcSt]}` : `${move ? "can't rename" : "can't stat"} '${src}': ${STRERROR[srcSt]}`);
        code = 1;
        continue;
      }
      if (into && !destIsDir) {
        // busybox with several sources and a target that is not a directory.
        t.err(typeof destSt === 'string' && move ? `can't rename '${src}': ${STRERROR[destSt]}` : typeof destSt === 'string' ? `can't create '${shownDst}': ${STRERROR[destSt]}` : `can't stat '${shownDst}': Not a directory`);
        code = 1;
        continue;
      }
      const dstSt = statOf(ctx, dstPath);
      if (typeof dstSt === 'string' && dstSt !== 'ENOENT') {
        t.err(`${t.gnu ? 'cannot stat' : "can't stat"} ${q(t, shownDst)}: ${STRERROR[dstSt]}`);
        code = 1;
        continue;
      }
      if (srcPath === dstPath) {
        if (move && !t.gnu) continue;
        t.err(`${q(t, src)} and ${q(t, shownDst)} are the same file`);
        code = 1;
        continue;
      }
      if (srcSt.type === 'dir') {
        if (!j.recursive) {
          t.err(t.gnu ? `-r not specified; omitting directory ${qAlways(src)}` : `omitting directory '${src.replace(/\/+$/, '')}'`);
          code = 1;
          continue;
        }
        if (dstPath.startsWith(`${srcPath}/`)) {
          if (move) t.err(t.gnu ? `cannot move ${qAlways(src)} to a subdirectory of itself, ${qAlways(shownDst)}` : `can't rename '${src}': Invalid argument`);
          else t.err(t.gnu ? `cannot copy a directory, ${qAlways(src)}, into itself, ${qAlways(shownDst)}` : `recursion detected, omitting directory '${shownDst}'`);
          code = 1;
          continue;
        }
        if (typeof dstSt !== 'string' && dstSt.type !== 'dir') {
          if (t.gnu) t.err(`cannot overwrite non-directory ${qAlways(shownDst)} with directory ${qAlways(src)}`);
          else t.err(move ? `can't rename '${src}': Not a directory` : `can't stat '${shownDst}/${basename(src)}': Not a directory`);
          code = 1;
          continue;
        }
      } else if (typeof dstSt === 'string' && dest.endsWith('/') && !into) {
        t.err(t.gnu ? `cannot create regular file ${qAlways(dest)}: Not a directory` : `can't create '${dest}': Is a directory`);
        code = 1;
        continue;
      }
      if (move && typeof dstSt === 'string' && typeof statOf(ctx, dirname(dstPath)) === 'string') {
        t.err(t.gnu ? `cannot move ${qAlways(src)} to ${qAlways(shownDst)}: No such file or directory` : `can't rename '${src}': No such file or directory`);
        code = 1;
        continue;
      }
      if (move && typeof dstSt !== 'string' && srcSt.type !== 'dir' && j.ask) {
        if (j.ask === 'n') continue;
        ctx.out.err(`${t.name}: overwrite ${q(t, shownDst)}? `);
        if (!j.answers.yes()) continue;
      }
      const ok = copyTree({ ...j, ask: move ? null : j.ask }, srcPath, dstPath, src, shownDst);
      if (!ok) { code = 1; continue; }
      if (move) {
        const e = removeTree(ctx, srcPath);
        if (e) { t.err(t.gnu ? `cannot remove ${qAlways(src)}: ${STRERROR[e]}` : `can't remove '${src}': ${STRERROR[e]}`); code = 1; }
      }
    }
    return code;
  };
}

export const cp = cpmv(false);
export const mv = cpmv(true);
