import { forEachFlow, type ConnectivityForm } from './connectivity.js';
import type { Analysis, Diagnostic } from '../engine/index.js';

/** `file:line:col: severity: message`, the form editors and CI logs understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}:${d.line}:${d.column}` : 'scenario';
  return `${where}: ${d.severity}: ${d.message}`;
}

/** The people's version of `analyze --json`: diagnostics, then a summary. */
export function formatAnalysis(a: Analysis, form: ConnectivityForm = 'full'): string {
  const out: string[] = a.diagnostics.map(formatDiagnostic);
  if (out.length > 0) out.push('');
  const cni = a.cluster.config.cni;
  // The scenario's objects only: the implicit system pods and namespaces are not listed.
  const pods = a.pods.filter((p) => !p.pod.system);
  const namespaces = a.cluster.namespaces.filter((n) => !n.system);
  out.push(
    `Cluster: CNI ${cni} (${a.network.enforcing ? 'enforces NetworkPolicy' : 'does NOT enforce NetworkPolicy'}), ` +
      `${count(namespaces.length, 'namespace')}, ${count(pods.length, 'pod')}, ${count(a.policies.length, 'network policy', 'network policies')}`,
  );

  if (pods.length > 0) {
    out.push('', 'Pods');
    for (const p of pods) {
      out.push(`  ${p.key}  ${p.pod.ip}  ${p.status}  ${p.ready}  PSS ${p.pss.level}`);
      for (const c of [...p.initContainers, ...p.containers]) {
        const id = c.security.identity;
        const caps = c.security.capabilities;
        const user = id.username ? `${id.uid}(${id.username})` : `${id.uid}`;
        const image = c.image.ref?.reference ?? c.container.image;
        // A container behind a stuck init container has not been started, so nothing was pulled for it yet.
        const pulled = c.state === 'PodInitializing' ? 'not pulled yet'
          : c.image.pull.credentials ? `pulled with ${c.image.pull.credentials}` : c.image.pull.state;
        out.push(`    ${c.container.kind === 'initContainer' ? 'init ' : ''}${c.container.name}: ${image} (${pulled}), ${c.state}`);
        out.push(`      uid=${user} gid=${id.gid}${c.security.privileged ? ' privileged' : ''}; capabilities: ${caps.bounding.length} bounding, ${caps.effective.length} effective${caps.added.length ? `; +${caps.added.join(' +')}` : ''}${caps.dropped.length ? `; -${caps.dropped.join(' -')}` : ''}`);
        if (c.message) out.push(`      ${c.message}`);
      }
    }
  }

  if (a.policies.length > 0) {
    out.push('', 'Network policies');
    for (const p of a.policies) {
      const selects = p.selects.length ? p.selects.join(', ') : '(no pods)';
      out.push(`  ${p.key}  [${p.policy.policyTypes.join(', ')}]  selects ${selects}`);
    }
  }

  out.push(...admissionLines(a));

  out.push(...connectivityLines(a, form));
  out.push(...rbacLines(a));
  return out.join('\n') + '\n';
}

/**
 * RBAC: the scenario's roles (rule count; an aggregated ClusterRole with where its rules came
 * from) and bindings (`role not found` when the binding grants nothing), then which ServiceAccount
 * each scenario pod runs as and whether its token is mounted. Built-in objects are left out.
 */
function rbacLines(a: Analysis): string[] {
  const rbac = a.rbac;
  const roles = [...rbac.roles.filter((r) => !r.system).map((r) => `  Role ${r.namespace}/${r.name}: ${count(r.rules.length, 'rule')}`),
    ...rbac.clusterRoles.filter((r) => !r.system).map((r) => `  ClusterRole ${r.name}: ${count(r.rules.length, 'rule')}${r.aggregatedFrom ? ` (aggregated from ${r.aggregatedFrom.join(', ') || 'nothing'})` : ''}`)];
  const bindings = rbac.bindings.filter((b) => !b.system).map((b) => {
    const name = b.kind === 'RoleBinding' ? `${b.namespace}/${b.name}` : b.name;
    const roleName = b.roleRef.kind === 'Role' && b.kind === 'RoleBinding' ? `${b.namespace}/${b.roleRef.name}` : b.roleRef.name;
    const found = b.roleRef.kind === 'Role' && b.kind === 'RoleBinding'
      ? rbac.roles.some((r) => r.namespace === b.namespace && r.name === b.roleRef.name)
      : rbac.clusterRoles.some((r) => r.name === b.roleRef.name);
    const subjects = b.subjects.map((s) => (s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace ?? (b.kind === 'RoleBinding' ? b.namespace : '')}/${s.name}` : `${s.kind} ${s.name}`)).join(', ') || 'no subjects';
    return `  ${b.kind} ${name}: ${b.roleRef.kind} ${roleName}${found ? '' : ' (role not found)'} -> ${subjects}`;
  });
  const pods = a.pods.filter((p) => !p.pod.system);
  const tokens = pods.map((p) => {
    const sa = p.serviceAccount;
    const token = sa.mountedIn.length > 0 ? `token mounted at ${sa.mountPath}` : sa.automount ? 'token not mounted (a volume already uses its path)' : `token not mounted (automountServiceAccountToken: false on the ${sa.decidedBy === 'pod' ? 'pod' : 'ServiceAccount'})`;
    return `  ${p.key}: ServiceAccount ${p.pod.namespace}/${sa.serviceAccount} (${sa.user.name}), ${token}`;
  });
  if (roles.length + bindings.length === 0 && tokens.length === 0) return [];
  const out = ['', 'RBAC'];
  out.push(...roles, ...bindings);
  if (tokens.length > 0) out.push('', 'ServiceAccounts', ...tokens);
  return out;
}

/**
 * Pod Security Admission: namespaces whose policy is not privileged everywhere (or that are exempt),
 * then each pod the enforce level refused with the API server's text (a workload's pod with its
 * controller's FailedCreate event).
 */
function admissionLines(a: Analysis): string[] {
  const lv = (x: { level: string; version: string }) => `${x.level}:${x.version}`;
  const namespaces = a.admission.namespaces.filter((n) => !n.system && (n.exempt || [n.enforce, n.warn, n.audit].some((m) => m.level !== 'privileged')));
  if (namespaces.length === 0 && a.admission.rejected.length === 0) return [];
  const out = ['', 'Pod Security Admission'];
  for (const n of namespaces) {
    out.push(`  namespace ${n.name}: ${n.exempt ? 'exempt' : `enforce ${lv(n.enforce)}, warn ${lv(n.warn)}, audit ${lv(n.audit)}`}`);
  }
  for (const p of a.admission.rejected) {
    const owner = p.owner ? ` (${p.owner.kind} ${p.owner.name})` : '';
    out.push(`  not created  ${p.key}${owner}: ${p.event?.message ?? p.message}`);
  }
  return out;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Per port, how many pairs are allowed and denied; the full form lists each denied pair, the compact
 * one only counts (its JSON lists the allowed destinations), none leaves the section out.
 */
function connectivityLines(a: Analysis, form: ConnectivityForm): string[] {
  // Past the engine's bound the section says why it is missing (the diagnostic above has the numbers).
  const bound = a.diagnostics.find((d) => d.code === 'connectivity-bounded');
  if (bound) return ['', `Connectivity: not listed: ${bound.params.flows} entries is over the limit of ${bound.params.limit} (kslab explain answers one connection)`];
  if (form === 'none') return [];
  const byPort = new Map<string, { allowed: number; denied: string[]; deniedCount: number }>();
  forEachFlow(a.network, (from, to, port, protocol, allowed) => {
    const key = `${port}/${protocol}`;
    let entry = byPort.get(key);
    if (!entry) byPort.set(key, (entry = { allowed: 0, denied: [], deniedCount: 0 }));
    if (allowed) entry.allowed += 1;
    else {
      entry.deniedCount += 1;
      if (form === 'full') entry.denied.push(`${from} -> ${to}`);
    }
  });
  if (byPort.size === 0) return [];
  const out = ['', form === 'full' ? 'Connectivity' : 'Connectivity (compact: denied pairs counted, not listed; --connectivity=full lists them)'];
  for (const [port, e] of byPort) {
    out.push(`  ${port}: ${e.allowed} allowed, ${e.deniedCount} denied`);
    for (const d of e.denied) out.push(`    denied  ${d}`);
  }
  return out;
}
