import type { Ctx } from '../../context.js';
import type { Stat } from '../../sh/fs.js';
import { patternToRegExp } from '../../sh/glob.js';
import type { Program } from '../../sh/system.js';
import { statOf } from './fileops.js';
import { Tool } from './lib.js';
import { runChild } from './run.js';

/**
 * find (the part people use): GNU findutils 4.9 find/parser.c and busybox findutils/find.c.
 * Paths (default `.`), then an expression of tests -name -iname -path -ipath -type -empty,
 * actions -print -print0 -exec CMD {} ; / + -delete -prune -quit, operators ! -not -a -and -o
 * -or ( ), options -maxdepth -mindepth. Entries come in name order (real find follows the
 * directory's order on disk). Errors: `find: ‘nope’: No such file or directory` (GNU, locale
 * quotes) / `find: nope: …`, ``unknown predicate `-x'``, ``missing argument to `-name'``.
 */
interface Node { test: (e: Entry) => boolean }
interface Entry { path: string; shown: string; st: Stat; depth: number; name: string }

class FindError extends Error {}

function isEmpty(ctx: Ctx, e: Entry): boolean {
  if (e.st.type === 'dir') { const n = ctx.sys.fs.readdir(e.path); return Array.isArray(n) && n.length === 0; }
  return e.st.size === 0;
}

export const find: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'find', { gnu: { short: '' }, bb: { short: '' } });
  if (t.gnu && argv.length === 2 && (argv[1] === '--help' || argv[1] === '--version')) return t.parse(argv) as number;
  let i = 1;
  while (i < argv.length && /^-[HLP]$/.test(argv[i] as string)) i++;
  const paths: string[] = [];
  while (i < argv.length && (argv[i] === '-' || !/^[-!(]/.test(argv[i] as string))) paths.push(argv[i++] as string);
  if (paths.length === 0) paths.push('.');
  const args = argv.slice(i);
  let maxDepth = Infinity;
  let minDepth = 0;
  let hasAction = false;
  let quit = false;
  let pruned = false;
  let out = '';
  let code = 0;
  const missing = (p: string) => new FindError(t.gnu ? `missing argument to \`${p}'` : `${p} requires an argument`);
  let k = 0;
  const glob = (pat: string, icase: boolean) => {
    try { const re = patternToRegExp(pat); return new RegExp(re.source, icase ? 'i' : ''); } catch { return /$^/; }
  };
  const primary = (): Node => {
    const p = args[k++] as string;
    const arg = (): string => { if (k >= args.length) throw missing(p); return args[k++] as string; };
    switch (p) {
      case '(': { const n = or(); if (args[k] !== ')') throw new FindError(t.gnu ? "invalid expression; I was expecting to find a ')' somewhere but did not see one." : 'invalid expression'); k++; return n; }
      case '!': case '-not': { const n = primary(); return { test: (e) => !n.test(e) }; }
      case '-name': case '-iname': { const re = glob(arg(), p === '-iname'); return { test: (e) => re.test(e.name) }; }
      case '-path': case '-ipath': case '-wholename': { const re = glob(arg(), p === '-ipath'); return { test: (e) => re.test(e.shown) }; }
      case '-type': {
        const v = arg();
        if (!/^[fdlcbps]$/.test(v)) throw new FindError(t.gnu ? `Unknown argument to -type: ${v}` : `invalid argument '${v}' to '-type'`);
        return { test: (e) => (v === 'f' ? e.st.type === 'file' : v === 'd' ? e.st.type === 'dir' : v === 'c' ? e.st.type === 'char' : false) };
      }
      case '-maxdepth': case '-mindepth': {
        const v = arg();
        if (!/^\d+$/.test(v)) throw new FindError(t.gnu ? `Expected a positive decimal integer argument to ${p}, but got ${t.ql(v)}` : `invalid number '${v}'`);
        if (p === '-maxdepth') maxDepth = Number(v); else minDepth = Number(v);
        return { test: () => true };
      }
      case '-empty': return { test: (e) => isEmpty(ctx, e) };
      case '-true': return { test: () => true };
      case '-false': return { test: () => false };
      case '-print': hasAction = true; return { test: (e) => { out += `${e.shown}\n`; return true; } };
      case '-print0': hasAction = true; return { test: (e) => { out += `${e.shown}\0`; return true; } };
      case '-prune': return { test: (e) => { if (e.st.type === 'dir') pruned = true; return true; } };
      case '-quit': return { test: () => { quit = true; return true; } };
      case '-delete': hasAction = true; return { test: (e) => { const err = e.st.type === 'dir' ? ctx.sys.fs.rmdir(e.path) : ctx.sys.fs.unlink(e.path); if (err) { t.err(`cannot delete ${t.gnu ? t.ql(e.shown) : `'${e.shown}'`}: ${t.strerror(err)}`); code = 1; } return !err; } };
      case '-exec': case '-ok': {
        hasAction = true;
        const cmd: string[] = [];
        while (k < args.length && args[k] !== ';' && !(args[k] === '+' && args[k - 1] === '{}')) cmd.push(args[k++] as string);
        if (k >= args.length || cmd.length === 0) throw missing(p);
        k++;
        return {
          test: (e) => {
            ctx.out.out(out);
            out = '';
            const status = runChild(ctx, cmd.map((w) => w.split('{}').join(e.shown)), '');
            if (status === null) { t.err(`${t.ql(cmd[0] ?? '')}: No such file or directory`); code = 1; return false; }
            return status === 0;
          },
        };
      }
      default:
        if (p === ')' || p === '-o' || p === '-a') throw new FindError(t.gnu ? `invalid expression; you have used a binary operator '${p}' with nothing before it.` : 'invalid expression');
        throw new FindError(t.gnu ? `unknown predicate \`${p}'` : `unrecognized: ${p}`);
    }
  };
  const and = (): Node => {
    let left = primary();
    while (k < args.length && args[k] !== '-o' && args[k] !== '-or' && args[k] !== ')') {
      if (args[k] === '-a' || args[k] === '-and') k++;
      const l = left;
      const r = primary();
      left = { test: (e) => l.test(e) && r.test(e) };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (args[k] === '-o' || args[k] === '-or') {
      k++;
      const l = left;
      const r = and();
      left = { test: (e) => l.test(e) || r.test(e) };
    }
    return left;
  };
  let expr: Node = { test: () => true };
  try {
    if (args.length) expr = or();
    if (k < args.length) throw new FindError(t.gnu ? `paths must precede expression: \`${args[k]}'` : `unrecognized: ${args[k]}`);
  } catch (e) {
    if (!(e instanceof FindError)) throw e;
    t.err(e.message);
    if (!t.gnu && e.message.startsWith('unrecognized')) return t.usage();
    return 1;
  }
  const visit = (path: string, shown: string, depth: number): void => {
    if (quit) return;
    const st = statOf(ctx, path);
    if (typeof st === 'string') {
      t.err(t.gnu ? `${t.ql(shown)}: ${t.strerror(st)}` : `${shown}: ${t.strerror(st)}`);
      code = 1;
      return;
    }
    const name = depth === 0 ? shown : shown.slice(shown.lastIndexOf('/') + 1);
    pruned = false;
    if (depth >= minDepth && depth <= maxDepth) {
      const e = { path, shown, st, depth, name };
      if (expr.test(e) && !hasAction) out += `${shown}\n`;
    }
    if (st.type !== 'dir' || depth >= maxDepth || pruned) return;
    const names = ctx.sys.fs.readdir(path);
    for (const n of Array.isArray(names) ? names : []) visit(`${path === '/' ? '' : path}/${n}`, `${shown === '/' ? '' : shown.replace(/\/+$/, '')}/${n}`, depth + 1);
  };
  for (const p of paths) visit(t.path(p), p, 0);
  ctx.out.out(out);
  return code;
};
