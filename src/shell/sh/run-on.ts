import type { Ctx } from '../context.js';
import type { System } from './system.js';

/**
 * Runs one program on another machine (`kubectl exec POD -- CMD`, `docker exec`): its output goes
 * where the caller's does; its stdin is what the caller passes (`-i`). Null when the program is
 * not installed there (the runtime's "executable file not found").
 */
export function runOn(ctx: Ctx, sys: System, argv: string[], stdin: string, cwd = '/', tty = false): number | null {
  const prog = sys.resolve(argv[0] ?? '');
  if (!prog) return null;
  const saved = { stdin: ctx.stdin, sys: ctx.sys, env: ctx.env, cwd: ctx.cwd, interp: ctx.interp, tty: ctx.tty };
  ctx.stdin = stdin;
  ctx.sys = sys;
  ctx.env = { ...sys.env };
  ctx.cwd = cwd;
  ctx.interp = null;
  // `kubectl exec -t` gives the command a terminal; without it stdout is a pipe back to kubectl.
  ctx.tty = { in: tty, out: tty, err: tty };
  try {
    return prog(argv, ctx);
  } finally {
    Object.assign(ctx, saved);
  }
}
