import type { Ctx } from '../context.js';

/**
 * cobra's flag error (templates.FlagErrorFunc): `error: unknown flag: --x` then the help hint
 * `See 'kubectl SUB --help' for usage.` (kubectl-00-common.md §1).
 */
export function usageError(ctx: Ctx, message: string, sub: string): number {
  ctx.out.errLine(`error: ${message}`);
  ctx.out.errLine(`See 'kubectl ${sub} --help' for usage.`);
  return 1;
}

/**
 * cmdutil.CheckErr → fatal (kubectl pkg/cmd/util/helpers.go): the message on stderr, a newline
 * added only when it does not end with one, exit code 1.
 */
export function fail(ctx: Ctx, message: string, code = 1): number {
  ctx.out.err(message.endsWith('\n') ? message : `${message}\n`);
  return code;
}

/** cmdutil.UsageErrorf: `error: MSG` and `See 'kubectl SUB -h' for help and examples`. */
export function usageErrorf(ctx: Ctx, message: string, sub: string): number {
  return fail(ctx, `error: ${message}\nSee 'kubectl ${sub} -h' for help and examples`);
}
