import { authorize, canIWarnings, formatRulesList, listRules, resolveCanIResource, type AuthorizationRequest } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { bool, flag, parseFlags } from '../flags.js';
import { fail, usageError } from './errors.js';
import { requestUser } from './impersonation.js';
import { printWarning } from './warnings.js';

/**
 * `kubectl auth can-i VERB TYPE[/NAME] | NONRESOURCEURL [-n NS] [-A] [--subresource S] [-q]` and
 * `kubectl auth can-i --list [-n NS] [--no-headers]`, as kubectl v1.30 staging/src/k8s.io/kubectl/
 * pkg/cmd/auth/cani.go runs them: Complete (argument count, TYPE resolved by resourceFor with its
 * `the server doesn't have a resource type` warning), Validate (option clashes, `not namespace
 * scoped` and `not a known verb` warnings), then a SelfSubjectAccessReview answered by the
 * engine's RBAC authorizer — `yes`, or `no` with the review's reason (` - REASON`) and exit 1
 * (os.Exit(1), nothing on stderr) — or a SelfSubjectRulesReview printed as kubectl's table.
 * Warnings go through cli-runtime's WarningPrinter, whose messages here end in `\n` already:
 * kubectl prints an empty line after each.
 */
export function kubectlAuthCanI(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true },
    'all-namespaces': { short: 'A', value: false },
    quiet: { short: 'q', value: false },
    subresource: { value: true },
    list: { value: false },
    'no-headers': { value: false },
  });
  if (!r.ok) return usageError(ctx, r.error, 'auth can-i');
  const p = r.parsed;
  const list = bool(p, 'list');
  const quiet = bool(p, 'quiet');
  const all = bool(p, 'all-namespaces');
  const subresource = flag(p, 'subresource') ?? '';
  const args2 = p.positional;
  // Complete.
  let verb = '';
  let nonResourceURL: string | undefined;
  let target: ReturnType<typeof resolveCanIResource> | undefined;
  if (list) {
    if (args2.length !== 0) return fail(ctx, 'error: list option must be specified with no arguments');
  } else {
    if (args2.length !== 2) return fail(ctx, "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
    verb = args2[0] as string;
    const what = args2[1] as string;
    if (what.startsWith('/')) nonResourceURL = what;
    else {
      target = resolveCanIResource(what);
      if (target.warning) printWarning(ctx, `${target.warning}\n`);
    }
  }
  const namespace = all ? '' : flag(p, 'namespace') ?? ctx.namespace();
  // Validate.
  if (list) {
    if (quiet || all || subresource !== '') return fail(ctx, "error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
  } else if (nonResourceURL !== undefined) {
    if (subresource !== '') return fail(ctx, 'error: --subresource can not be used with NonResourceURL');
    for (const w of canIWarnings(verb, { nonResourceURL }, all)) printWarning(ctx, `${w}\n`);
  } else if (target && target.resource !== '') {
    // `!o.Resource.Empty()`: an empty TYPE (`can-i get ''`) skips the scope and verb warnings.
    for (const w of canIWarnings(verb, target, all)) printWarning(ctx, `${w}\n`);
  }
  if (bool(p, 'no-headers') && !list) return fail(ctx, 'error: --no-headers cannot be set without --list specified');

  const user = requestUser(ctx);
  const rbac = ctx.analysis().rbac;
  if (list) {
    ctx.out.out(formatRulesList(listRules(rbac, user, namespace), { noHeaders: bool(p, 'no-headers') }));
    return 0;
  }
  const req: AuthorizationRequest = nonResourceURL !== undefined
    ? { user: user.name, groups: user.groups, verb, nonResourceURL }
    : {
      user: user.name, groups: user.groups, verb, namespace,
      resource: target?.resource ?? '', apiGroup: target?.group ?? '',
      ...(subresource !== '' ? { subresource } : {}), ...(target?.name !== undefined ? { name: target.name } : {}),
    };
  const d = authorize(rbac, req);
  if (d.allowed) {
    if (!quiet) ctx.out.line('yes');
    return 0;
  }
  // fmt.Fprint("no"), then " - REASON" when the review gave one (RBAC: missing roles).
  if (!quiet) ctx.out.line(d.authorizerReason.length > 0 ? `no - ${d.authorizerReason}` : 'no');
  return 1;
}
