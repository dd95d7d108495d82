import type {
  AuthorizationRequest, BindingCheck, BindingInfo, BindingSkip, RbacDecision, RbacRuleMiss, RoleInfo, SourceRef, Subject,
} from '../model/index.js';
import type { FormatOptions, Locale } from './explanation.js';
import { en, ko, type RbacText } from './rbac-text.js';

/**
 * The one plain-text rendering of an RBAC decision (CLI, terminal, UI), in the netpol
 * explanation's manner: a verdict sentence with the binding, role and rule that allowed; or, when
 * denied, every binding that applies to the user with each rule's misses (verb, group, resource,
 * name, URL — built-in bindings in one line), the bindings that do not apply (a RoleBinding of
 * another namespace named, built-in ones counted) and the API server's Forbidden text.
 */
export function formatRbacDecision(d: RbacDecision, locale: Locale, options: FormatOptions = {}): string {
  const t = locale === 'ko' ? ko : en;
  const req = d.reason.request;
  const at = (ref: SourceRef | undefined): string => {
    const r = ref && options.locate ? options.locate(ref) : null;
    return r ? ` [${r.file}:${r.line}:${r.column}]` : '';
  };
  const head = { user: req.user, verb: req.verb, what: what(t, req), scope: scope(t, req) };
  const grant = d.reason.allowedBy;
  if (grant) {
    if (grant.kind === 'superuser') return t.may(head) + t.becauseSuperuser({ group: grant.group });
    return t.may(head) + t.becauseRule({
      binding: binding(grant.binding), role: role(grant.role), subject: subject(grant.subject, grant.binding), rule: `rules[${grant.ruleIndex}]`,
    }) + at(grant.rule.ref ?? grant.binding.ref);
  }

  const lines = [t.mayNot(head)];
  const applying = d.reason.applying;
  if (applying.length === 0) lines.push(t.noneApplying({ user: req.user, scope: scope(t, req) }));
  else {
    lines.push(t.applyingTitle({ user: req.user }));
    for (const c of applying) lines.push(...bindingLines(t, c, at));
  }
  const skips = d.reason.notApplying;
  const named = skips.filter((s) => !s.binding.system || s.why !== 'subject');
  const systemCount = skips.length - named.length;
  if (named.length > 0 || systemCount > 0) {
    lines.push(t.notApplyingTitle);
    for (const s of named) lines.push(`  ${skipLine(t, s, req.user)}${at(s.binding.ref)}`);
    if (systemCount > 0) lines.push(`  ${t.skipSystem({ count: String(systemCount) })}`);
  }
  if (d.forbidden) lines.push(t.apiAnswer({ message: d.forbidden }));
  return lines.join('\n');
}

function bindingLines(t: RbacText, c: BindingCheck, at: (ref: SourceRef | undefined) => string): string[] {
  const v = { binding: binding(c.binding), role: role(c.role), subject: subject(c.subject, c.binding) };
  if (!c.roleFound) return [`  ${t.bindingMissingRole(v)}${at(c.binding.ref)}`];
  if (c.rules.length === 0) return [`  ${t.bindingEmptyRole(v)}${at(c.binding.ref)}`];
  if (c.binding.system && c.role.system) return [`  ${t.bindingSystemNoRule({ ...v, count: String(c.rules.length) })}`];
  const out = [`  ${t.bindingNoRule(v)}${at(c.binding.ref)}`];
  for (const r of c.rules) out.push(`    - rules[${r.index}]${at(r.rule.ref)}: ${r.misses.map((m) => miss(t, m)).join('; ')}`);
  return out;
}

function miss(t: RbacText, m: RbacRuleMiss): string {
  const v = { wanted: m.wanted, listed: list(m.listed) };
  if (m.hint === 'no-name') return t.noName(v);
  const text = t.miss[m.reason](v);
  return m.hint === 'parent-only' ? text + t.parentOnly(v) : text;
}

function skipLine(t: RbacText, s: BindingSkip, user: string): string {
  const v = { binding: binding(s.binding), role: roleRef(s.binding), user, namespace: s.binding.namespace ?? '', subjects: subjects(s.subjects, s.binding) };
  if (s.why === 'namespace') return t.skipNamespace(v);
  if (s.why === 'cluster-scope') return t.skipClusterScope(v);
  return t.skipSubject(v);
}

/** `[get, list, watch]`, the core group as `""`. */
function list(items: readonly string[]): string {
  return `[${items.map((i) => (i === '' ? '""' : i)).join(', ')}]`;
}

function what(t: RbacText, req: AuthorizationRequest): string {
  if (req.nonResourceURL !== undefined) return t.what.url({ url: req.nonResourceURL });
  const base = req.subresource ? `${req.resource ?? ''}/${req.subresource}` : req.resource ?? '';
  const resource = req.apiGroup ? qualify(base, req.apiGroup) : base;
  return req.name ? t.what.named({ resource, name: req.name }) : t.what.resource({ resource });
}

/** `deployments.apps`, `deployments.apps/scale` (kubectl's way of naming a resource of a group). */
function qualify(resource: string, group: string): string {
  const slash = resource.indexOf('/');
  return slash < 0 ? `${resource}.${group}` : `${resource.slice(0, slash)}.${group}${resource.slice(slash)}`;
}

function scope(t: RbacText, req: AuthorizationRequest): string {
  if (req.nonResourceURL !== undefined) return '';
  return req.namespace ? t.scope.namespace({ namespace: req.namespace }) : t.scope.cluster;
}

function binding(b: BindingInfo): string {
  return b.kind === 'RoleBinding' ? `RoleBinding ${b.namespace ?? ''}/${b.name}` : `ClusterRoleBinding ${b.name}`;
}

function role(r: RoleInfo): string {
  return r.kind === 'Role' ? `Role ${r.namespace ?? ''}/${r.name}` : `ClusterRole ${r.name}`;
}

function roleRef(b: BindingInfo): string {
  return b.roleRef.kind === 'Role' ? `Role ${b.namespace ?? ''}/${b.roleRef.name}` : `ClusterRole ${b.roleRef.name}`;
}

/** `User jane`, `Group system:authenticated`, `ServiceAccount dev/robot` (its namespace defaulted to the binding's). */
function subject(s: Subject, b: BindingInfo): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace || b.namespace || ''}/${s.name}` : `${s.kind} ${s.name}`;
}

function subjects(list: readonly Subject[], b: BindingInfo): string {
  return list.length === 0 ? '—' : list.map((s) => subject(s, b)).join(', ');
}
