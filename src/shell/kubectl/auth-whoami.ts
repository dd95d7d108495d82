import { LAB_NOW } from '../clock.js';
import type { Ctx } from '../context.js';
import { escapeTerminal } from '../escape.js';
import { flag, parseFlags } from '../flags.js';
import { usageError } from './errors.js';
import { requestUser } from './impersonation.js';
import { checkOutputFormat, kubeTable, printObject } from './print.js';

/**
 * `kubectl auth whoami [-o yaml|json|jsonpath…]` (kubectl v1.30 pkg/cmd/auth/whoami.go): a
 * SelfSubjectReview (authentication.k8s.io/v1) of the user the request authenticates as — the lab
 * user, or the impersonated one. Without -o, printTableSelfSubjectAccessReview through
 * printers.GetNewTabWriter: `ATTRIBUTE  VALUE`, `Username`, `Groups` as Go's %v (`[a b]`);
 * kubeadm's admin certificate and impersonation carry no UID and no extra. With -o, the object the
 * API server returns (pkg/registry/authentication/selfsubjectreview/rest.go: creationTimestamp
 * set to now, status.userInfo).
 */
export function kubectlAuthWhoami(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, { output: { short: 'o', value: true }, 'show-managed-fields': { value: false }, template: { value: true }, 'allow-missing-template-keys': { value: true, optional: 'true' } });
  if (!r.ok) return usageError(ctx, r.error, 'auth whoami');
  // No Args validator on the cobra command: extra words are ignored.
  const output = flag(r.parsed, 'output');
  const user = requestUser(ctx);
  if (output === undefined) {
    const rows = [['ATTRIBUTE', 'VALUE'], ['Username', escapeTerminal(user.name)], ...(user.groups.length ? [['Groups', `[${user.groups.map(escapeTerminal).join(' ')}]`]] : [])];
    ctx.out.out(kubeTable(rows));
    return 0;
  }
  if (!checkOutputFormat(ctx, output)) return 1;
  const review = {
    apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview',
    metadata: { creationTimestamp: new Date(LAB_NOW).toISOString().replace(/\.\d{3}Z$/, 'Z') },
    status: { userInfo: { ...(user.groups.length ? { groups: [...user.groups] } : {}), username: user.name } },
  };
  return printObject(ctx, review, output, '', { typed: true });
}
