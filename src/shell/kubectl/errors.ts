import type { Ctx } from '../context.js';

/** cobra's flag error: `error: unknown flag: --x` then the help hint. */
export function usageError(ctx: Ctx, message: string, sub: string): number {
  ctx.out.errLine(`error: ${message}`);
  ctx.out.errLine(`See 'kubectl ${sub} --help' for usage.`);
  return 1;
}

export function fail(ctx: Ctx, message: string): number {
  ctx.out.errLine(message);
  return 1;
}
