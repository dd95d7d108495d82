import { authorize, impersonate, LAB_USER_INFO, serviceAccountUser } from '../../engine/index.js';
import type {
  AuthorizationRequest, BindingInfo, Namespace, RbacAnalysis, RbacDecision, RbacRuleMiss, RoleInfo, SourceRef, Subject, UserInfo,
} from '../../engine/model/index.js';

/**
 * What the RBAC view shows — who can do what where — asked of the engine's authorizer
 * (engine/rbac authorize: the API server's RBACAuthorizer over the kubeadm bootstrap policy and the
 * scenario's objects). Nothing is re-derived here: each cell is one authorize() call and its
 * explanation is that call's reason (the grant, or each applying binding's rule misses and why
 * every other binding did not apply), reshaped for the panel with the YAML refs to reveal.
 */

/** A subject the panel offers: the lab user, the subjects the scenario's bindings name, its ServiceAccounts. */
export interface SubjectOption {
  /** Stable key: `lab`, `User:jane`, `Group:ops`, `ServiceAccount:dev/robot`. */
  readonly id: string;
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  readonly namespace?: string;
  /** The lab's own user (kubeadm's kubernetes-admin, with its groups). */
  readonly lab: boolean;
  /** Who the API server sees: `--as NAME`, a member of the group, the ServiceAccount's token. */
  readonly user: UserInfo;
}

const userOption = (name: string): SubjectOption => ({ id: `User:${name}`, kind: 'User', name, lab: false, user: impersonate(name) });
// A member of the group: `kubectl auth can-i --as someone --as-group G`; the user name is no one's.
const groupOption = (name: string): SubjectOption => ({ id: `Group:${name}`, kind: 'Group', name, lab: false, user: impersonate('', [name]) });
const saOption = (namespace: string, name: string): SubjectOption => ({
  id: `ServiceAccount:${namespace}/${name}`, kind: 'ServiceAccount', name, namespace, lab: false, user: serviceAccountUser(namespace, name),
});
export const LAB_SUBJECT: SubjectOption = { id: 'lab', kind: 'User', name: LAB_USER_INFO.name, lab: true, user: LAB_USER_INFO };

const KIND_ORDER = { User: 0, Group: 1, ServiceAccount: 2 } as const;

/**
 * The lab user first, then every subject a scenario binding names (a ServiceAccount's namespace
 * defaulted to its RoleBinding's; one in a ClusterRoleBinding without a namespace matches no one
 * and is left out) and every ServiceAccount the scenario declares, sorted by kind and name.
 */
export function knownSubjects(rbac: RbacAnalysis): SubjectOption[] {
  const found = new Map<string, SubjectOption>();
  const add = (o: SubjectOption) => { if (!found.has(o.id)) found.set(o.id, o); };
  for (const b of rbac.bindings) {
    if (b.system) continue;
    for (const s of b.subjects) {
      if (s.kind === 'User') add(userOption(s.name));
      else if (s.kind === 'Group') add(groupOption(s.name));
      else if (s.kind === 'ServiceAccount') {
        const ns = s.namespace || (b.kind === 'RoleBinding' ? b.namespace : '');
        if (ns) add(saOption(ns, s.name));
      }
    }
  }
  for (const sa of rbac.serviceAccounts) if (sa.declared) add(saOption(sa.namespace, sa.name));
  const rest = [...found.values()].filter((o) => o.id !== `User:${LAB_SUBJECT.name}`).sort((a, b) =>
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || cmp(a.namespace ?? '', b.namespace ?? '') || cmp(a.name, b.name));
  return [LAB_SUBJECT, ...rest];
}

/** Whether the scenario has RBAC of its own (the panel is shown only then). */
export function hasScenarioRbac(rbac: RbacAnalysis): boolean {
  return rbac.bindings.some((b) => !b.system) || rbac.roles.some((r) => !r.system)
    || rbac.clusterRoles.some((r) => !r.system) || rbac.serviceAccounts.some((s) => s.declared);
}

/** The scenario's namespaces (the ones kubeadm makes are left out unless something uses them), sorted. */
export function viewNamespaces(namespaces: readonly Namespace[], rbac: RbacAnalysis): string[] {
  const names = new Set(namespaces.filter((n) => !n.system).map((n) => n.name));
  for (const b of rbac.bindings) if (b.kind === 'RoleBinding' && !b.system) names.add(b.namespace);
  return [...names].sort(cmp);
}

/** The namespace the view opens on for a subject: that of the first scenario RoleBinding naming it, else default. */
export function firstNamespace(subject: SubjectOption, rbac: RbacAnalysis, namespaces: readonly string[]): string {
  for (const b of rbac.bindings) {
    if (b.kind !== 'RoleBinding' || b.system) continue;
    if (b.subjects.some((s) => subjectIs(subject, s, b.namespace))) return b.namespace;
  }
  if (subject.kind === 'ServiceAccount' && subject.namespace && namespaces.includes(subject.namespace)) return subject.namespace;
  return namespaces.includes('default') ? 'default' : namespaces[0] ?? 'default';
}

function subjectIs(o: SubjectOption, s: Subject, bindingNamespace: string): boolean {
  if (s.kind !== o.kind || s.name !== o.name) return false;
  return s.kind !== 'ServiceAccount' || (s.namespace || bindingNamespace) === o.namespace;
}

/** One row of the grid: a common resource (or subresource) and the verbs a request for it uses. */
export interface GridRow {
  /** As kubectl names it: `pods`, `pods/log`, `deployments.apps`. */
  readonly id: string;
  readonly resource: string;
  readonly apiGroup: string;
  readonly subresource?: string;
  readonly verbs: readonly string[];
}

export const GRID_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] as const;
const ALL = GRID_VERBS;
export const GRID_ROWS: readonly GridRow[] = [
  { id: 'pods', resource: 'pods', apiGroup: '', verbs: ALL },
  // `kubectl logs` GETs pods/log; `kubectl exec` POSTs (create) pods/exec.
  { id: 'pods/log', resource: 'pods', apiGroup: '', subresource: 'log', verbs: ['get'] },
  { id: 'pods/exec', resource: 'pods', apiGroup: '', subresource: 'exec', verbs: ['create'] },
  { id: 'deployments.apps', resource: 'deployments', apiGroup: 'apps', verbs: ALL },
  { id: 'services', resource: 'services', apiGroup: '', verbs: ALL },
  { id: 'configmaps', resource: 'configmaps', apiGroup: '', verbs: ALL },
  { id: 'secrets', resource: 'secrets', apiGroup: '', verbs: ALL },
  { id: 'serviceaccounts', resource: 'serviceaccounts', apiGroup: '', verbs: ALL },
  { id: 'roles.rbac.authorization.k8s.io', resource: 'roles', apiGroup: 'rbac.authorization.k8s.io', verbs: ALL },
  { id: 'rolebindings.rbac.authorization.k8s.io', resource: 'rolebindings', apiGroup: 'rbac.authorization.k8s.io', verbs: ALL },
];

export function gridRequest(subject: SubjectOption, namespace: string, row: GridRow, verb: string): AuthorizationRequest {
  return {
    user: subject.user.name, groups: subject.user.groups, verb, resource: row.resource, apiGroup: row.apiGroup, namespace,
    ...(row.subresource ? { subresource: row.subresource } : {}),
  };
}

/** Each row's answer per verb of GRID_VERBS: true/false, or null where the row's requests never use that verb. */
export interface GridLine {
  readonly row: GridRow;
  readonly cells: readonly (boolean | null)[];
}

export function accessGrid(rbac: RbacAnalysis, subject: SubjectOption, namespace: string): GridLine[] {
  return GRID_ROWS.map((row) => ({
    row,
    cells: GRID_VERBS.map((verb) => (row.verbs.includes(verb) ? authorize(rbac, gridRequest(subject, namespace, row, verb)).allowed : null)),
  }));
}

// ---------- the explanation of one cell ----------

/** Something the explanation names, with where it is written (absent for built-in objects). */
export interface Mention {
  /** `RoleBinding dev/jane-reads`, `ClusterRole view`, `User jane`: kinds and names as the API has them. */
  readonly label: string;
  readonly ref?: SourceRef;
}

export interface RuleLine {
  /** 1-based, as people count; `rules[number - 1]` in the YAML. */
  readonly number: number;
  readonly ref?: SourceRef;
  readonly misses: readonly RbacRuleMiss[];
}

export interface ApplyingLine {
  readonly binding: Mention;
  readonly role: Mention;
  readonly subject: string;
  /** missing: the role does not exist; empty: it has no rules; builtIn: a built-in binding of a built-in role (counted, not listed). */
  readonly state: 'missing' | 'empty' | 'builtIn' | 'rules';
  readonly rules: readonly RuleLine[];
}

export interface SkipLine {
  readonly binding: Mention;
  readonly role: string;
  readonly why: 'subject' | 'namespace' | 'cluster-scope';
  /** The binding's subjects (`User bob, Group ops`), for why = subject. */
  readonly subjects: string;
  /** The RoleBinding's own namespace, for why = namespace. */
  readonly namespace: string;
}

export type CellExplanation =
  | { readonly kind: 'superuser'; readonly group: string }
  | { readonly kind: 'allowed'; readonly binding: Mention; readonly role: Mention; readonly subject: string; readonly rule: RuleLine }
  | {
      readonly kind: 'denied';
      readonly applying: readonly ApplyingLine[];
      /** The scenario's bindings that do not apply, and built-in ones that would but for their namespace/scope. */
      readonly notApplying: readonly SkipLine[];
      /** Built-in bindings for other subjects, counted. */
      readonly builtInSkipped: number;
      /** The API server's Forbidden text. */
      readonly forbidden: string | null;
    };

/** `RoleBinding dev/jane-reads`, `ClusterRoleBinding ops-view`. */
export const bindingLabel = (b: BindingInfo): string => (b.kind === 'RoleBinding' ? `RoleBinding ${b.namespace ?? ''}/${b.name}` : `ClusterRoleBinding ${b.name}`);
/** `Role dev/pod-reader`, `ClusterRole view`. */
export const roleLabel = (r: RoleInfo): string => (r.kind === 'Role' ? `Role ${r.namespace ?? ''}/${r.name}` : `ClusterRole ${r.name}`);
const roleRefLabel = (b: BindingInfo): string => (b.roleRef.kind === 'Role' ? `Role ${b.namespace ?? ''}/${b.roleRef.name}` : `ClusterRole ${b.roleRef.name}`);
/** `User jane`, `Group ops`, `ServiceAccount dev/robot` (its namespace defaulted to the binding's). */
export const subjectLabel = (s: Subject, b: BindingInfo): string =>
  (s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace || b.namespace || ''}/${s.name}` : `${s.kind} ${s.name}`);

const mention = (label: string, ref: SourceRef | undefined): Mention => (ref ? { label, ref } : { label });

/** The decision for one cell, as the engine's authorizer gives it. */
export function decideCell(rbac: RbacAnalysis, subject: SubjectOption, namespace: string, row: GridRow, verb: string): RbacDecision {
  return authorize(rbac, gridRequest(subject, namespace, row, verb));
}

/** The engine's reason, reshaped: what allowed it, or each applying binding's rules and why the others missed. */
export function explainDecision(d: RbacDecision): CellExplanation {
  const grant = d.reason.allowedBy;
  if (grant?.kind === 'superuser') return { kind: 'superuser', group: grant.group };
  if (grant) {
    return {
      kind: 'allowed',
      binding: mention(bindingLabel(grant.binding), grant.binding.ref),
      role: mention(roleLabel(grant.role), grant.role.ref),
      subject: subjectLabel(grant.subject, grant.binding),
      rule: { number: grant.ruleIndex + 1, ...(grant.rule.ref ? { ref: grant.rule.ref } : {}), misses: [] },
    };
  }
  const applying: ApplyingLine[] = d.reason.applying.map((c) => {
    const base = { binding: mention(bindingLabel(c.binding), c.binding.ref), role: mention(roleLabel(c.role), c.role.ref), subject: subjectLabel(c.subject, c.binding) };
    const rules = c.rules.map((r) => ({ number: r.index + 1, ...(r.rule.ref ? { ref: r.rule.ref } : {}), misses: r.misses }));
    const state = !c.roleFound ? 'missing' : c.rules.length === 0 ? 'empty' : c.binding.system && c.role.system ? 'builtIn' : 'rules';
    return { ...base, state, rules };
  });
  const skips = d.reason.notApplying;
  const named = skips.filter((s) => !s.binding.system || s.why !== 'subject');
  return {
    kind: 'denied',
    applying,
    notApplying: named.map((s) => ({
      binding: mention(bindingLabel(s.binding), s.binding.ref),
      role: roleRefLabel(s.binding),
      why: s.why,
      subjects: s.subjects.length === 0 ? '—' : s.subjects.map((x) => subjectLabel(x, s.binding)).join(', '),
      namespace: s.binding.namespace ?? '',
    })),
    builtInSkipped: skips.length - named.length,
    forbidden: d.forbidden,
  };
}

/** `[get, list, watch]`, the core group as `""` (as the engine's text explanation lists them). */
export function listText(items: readonly string[]): string {
  return `[${items.map((i) => (i === '' ? '""' : i)).join(', ')}]`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
