import type { Ctx } from '../context.js';
import { kubectlAuthCanI } from './auth-can-i.js';
import { kubectlAuthWhoami } from './auth-whoami.js';
import { fail, usageErrorf } from './errors.js';

const AUTH_HELP = `Inspect authorization.

Available Commands:
  can-i         Check whether an action is allowed
  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects
  whoami        Experimental: Check self subject attributes

Usage:
  kubectl auth [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** `kubectl auth can-i|whoami` (kubectl pkg/cmd/auth/auth.go). */
export function kubectlAuth(args: string[], ctx: Ctx): number {
  const at = args.findIndex((a) => !a.startsWith('-'));
  const sub = at < 0 ? undefined : args[at];
  const rest = args.filter((_, i) => i !== at);
  if (sub === 'can-i') return kubectlAuthCanI(rest, ctx);
  if (sub === 'whoami') return kubectlAuthWhoami(rest, ctx);
  if (sub === 'reconcile') return fail(ctx, 'error: the lab does not reconcile RBAC objects; use kubectl apply -f');
  // cmdutil.DefaultSubCommandRun(streams.ErrOut): RequireNoArguments, else the help on stderr and exit 1.
  if (sub !== undefined) return usageErrorf(ctx, `unknown command "${sub}"`, 'auth');
  ctx.out.err(AUTH_HELP);
  return 1;
}
