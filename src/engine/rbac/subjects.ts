import type { Subject, UserInfo } from '../model/index.js';
import { isDNS1123Label, isDNS1123Subdomain } from '../normalize/names.js';

/**
 * Who is who: ServiceAccount identities (k8s.io/apiserver pkg/authentication/serviceaccount/util.go),
 * the groups every authenticated request carries, impersonation (pkg/endpoints/filters/impersonation.go)
 * and which binding subjects apply to a user (pkg/registry/rbac/validation/rule.go appliesTo).
 */

export const SERVICE_ACCOUNT_USERNAME_PREFIX = 'system:serviceaccount:';
export const ALL_SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';
export const AUTHENTICATED_GROUP = 'system:authenticated';
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';
export const ANONYMOUS_USER = 'system:anonymous';
/** user.SystemPrivilegedGroup: the API server allows its members everything before asking RBAC. */
export const PRIVILEGED_GROUP = 'system:masters';

/**
 * The lab's own user: kubeadm's admin.conf client certificate (v1.29+: CN kubernetes-admin,
 * O kubeadm:cluster-admins, bound to cluster-admin by the `kubeadm:cluster-admins`
 * ClusterRoleBinding; super-admin.conf carries system:masters instead). `kubectl auth whoami`
 * shows these two groups.
 */
export const LAB_USER: UserInfo = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', AUTHENTICATED_GROUP] };

/** MakeUsername: `system:serviceaccount:NS:NAME`. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_USERNAME_PREFIX}${namespace}:${name}`;
}

/** MakeGroupNames: `system:serviceaccounts`, `system:serviceaccounts:NS`. */
export function serviceAccountGroups(namespace: string): string[] {
  return [ALL_SERVICE_ACCOUNTS_GROUP, `${ALL_SERVICE_ACCOUNTS_GROUP}:${namespace}`];
}

/** What a ServiceAccount token authenticates as: its user and groups, plus system:authenticated. */
export function serviceAccountUser(namespace: string, name: string): UserInfo {
  return { name: serviceAccountUsername(namespace, name), groups: [...serviceAccountGroups(namespace), AUTHENTICATED_GROUP] };
}

/**
 * SplitUsername: `system:serviceaccount:NS:NAME` → [NS, NAME] when NS is a valid namespace name
 * (DNS label) and NAME a valid ServiceAccount name (DNS subdomain); null otherwise.
 */
export function splitServiceAccountUsername(username: string): [string, string] | null {
  if (!username.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX)) return null;
  const parts = username.slice(SERVICE_ACCOUNT_USERNAME_PREFIX.length).split(':');
  if (parts.length !== 2) return null;
  const [namespace = '', name = ''] = parts;
  if (isDNS1123Label(namespace).length > 0 || isDNS1123Subdomain(name).length > 0) return null;
  return [namespace, name];
}

/** MatchesUsername: is `username` the ServiceAccount NS/NAME (exact)? */
export function matchesServiceAccount(namespace: string, name: string, username: string): boolean {
  return username === serviceAccountUsername(namespace, name);
}

/**
 * The user the API server sees for `kubectl --as USER [--as-group G]...` (impersonation.go): a
 * ServiceAccount username gets its two groups unless groups were given; then system:authenticated
 * is added unless a given group already is system:authenticated or system:unauthenticated
 * (for system:anonymous: system:unauthenticated unless given).
 */
export function impersonate(as: string, asGroups: readonly string[] = []): UserInfo {
  const groups = [...asGroups];
  const saParts = splitServiceAccountUsername(as);
  if (saParts && asGroups.length === 0) groups.push(...serviceAccountGroups(saParts[0]));
  if (as !== ANONYMOUS_USER) {
    if (!groups.some((g) => g === AUTHENTICATED_GROUP || g === UNAUTHENTICATED_GROUP)) groups.push(AUTHENTICATED_GROUP);
  } else if (!groups.includes(UNAUTHENTICATED_GROUP)) {
    groups.push(UNAUTHENTICATED_GROUP);
  }
  return { name: as, groups };
}

/**
 * appliesToUser: a User subject by name, a Group subject by membership, a ServiceAccount subject by
 * the username `system:serviceaccount:NS:NAME`, where NS defaults to `namespace` (the RoleBinding's
 * namespace; '' for a ClusterRoleBinding, where a ServiceAccount without namespace matches no one).
 * Unknown kinds match no one.
 */
export function subjectAppliesTo(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const saNamespace = subject.namespace ? subject.namespace : namespace;
      if (saNamespace === '') return false;
      return matchesServiceAccount(saNamespace, subject.name, user.name);
    }
    default:
      return false;
  }
}

/** appliesTo: the index of the first subject that applies, or -1. */
export function appliesTo(user: UserInfo, subjects: readonly Subject[], namespace: string): number {
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i];
    if (s && subjectAppliesTo(user, s, namespace)) return i;
  }
  return -1;
}

/**
 * rule.go describeSubject: `Kind "name"`, a ServiceAccount as `"name/namespace"` (its own
 * namespace, else the binding's).
 */
export function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') {
    return `${subject.kind} ${goQuote(`${subject.name}/${subject.namespace ? subject.namespace : bindingNamespace}`)}`;
  }
  return `${subject.kind} ${goQuote(subject.name)}`;
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
/** Go's unicode.IsPrint (letters, marks, numbers, punctuation, symbols and the ASCII space). */
export const isPrint = (ch: string): boolean => /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch);

/** Go's %q (strconv.Quote): printable runes as they are, the rest escaped. */
export function goQuote(s: string): string {
  let q = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') q += `\\${ch}`;
    else if (isPrint(ch)) q += ch;
    else if (ch === '\x07') q += '\\a';
    else if (ch === '\b') q += '\\b';
    else if (ch === '\f') q += '\\f';
    else if (ch === '\n') q += '\\n';
    else if (ch === '\r') q += '\\r';
    else if (ch === '\t') q += '\\t';
    else if (ch === '\v') q += '\\v';
    else if (c < 0x80) q += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x10000) q += `\\u${c.toString(16).padStart(4, '0')}`;
    else q += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${q}"`;
}
