import type { AdmissionReport, Analysis, ContainerReport, LevelVersion } from '../engine/index.js';
import type { RbacRule } from '../engine/index.js';
import { compactConnectivity, compactJson, forEachFlow, type CompactConnectivity, type ConnectivityForm } from './connectivity.js';

/** The CLI contract of engine-spec.md section 7, field for field. */
export interface ContractJson {
  diagnostics: { severity: string; message: string; file: string; line: number; column: number }[];
  namespaces: { name: string; labels: Record<string, string> }[];
  pods: {
    namespace: string;
    name: string;
    ip: string;
    containers: ContractContainer[];
  }[];
  policies: { namespace: string; name: string; policyTypes: string[]; selects: string[] }[];
  rbac: ContractRbac;
  /** The full form (§7), or at scale the compact one or none (§10, connectivity.ts). */
  connectivity: { from: string; to: string; port: number; protocol: string; allowed: boolean }[] | CompactConnectivity | { form: 'none' };
  admission: ContractAdmission;
}

/**
 * Pod Security Admission (engine-spec section 9): each namespace's levels; each warn, audit and
 * enforce verdict that found violations, in apply order (`object` is the request's: the Pod, or the
 * workload for its template; `owner` the workload of a pod its controller creates); the pods enforce
 * refused, with the API server's error and, for a workload's pod, its controller's event.
 */
export interface ContractAdmission {
  namespaces: { name: string; enforce: LevelVersion; warn: LevelVersion; audit: LevelVersion; exempt: boolean }[];
  decisions: { object: string; owner: string | null; mode: string; allowed: boolean; level: string; version: string; checks: string[]; message: string }[];
  rejected: { pod: string; owner: string | null; message: string; event: string | null }[];
}

export interface ContractContainer {
  name: string;
  image: {
    reference: string | null;
    registry: string | null;
    repository: string | null;
    tag: string | null;
    digest: string | null;
    pull: string;
    credentials: string | null;
  };
  state: string;
  message: string | null;
  uid: number;
  gid: number;
  username: string | null;
  privileged: boolean;
  capabilities: { bounding: string[]; effective: string[] };
}

/**
 * The contract is about the scenario's objects: the implicit system pods (CoreDNS, control plane,
 * kube-proxy, the CNI) and system namespaces nothing in the scenario uses are left out, as is
 * connectivity to and from system pods (NetworkAnalysis.connectivity already leaves it out).
 */
export function toContractJson(a: Analysis, form: ConnectivityForm = 'full'): ContractJson {
  return contract(a, form, true);
}

function podJson(p: Analysis['pods'][number]): ContractJson['pods'][number] {
  return { namespace: p.pod.namespace, name: p.pod.name, ip: p.pod.ip, containers: p.containers.map(containerJson) };
}

/** The contract; without `pods`, its pods list is left empty (writeContractJson writes them one by one). */
function contract(a: Analysis, form: ConnectivityForm, pods: boolean): ContractJson {
  return {
    diagnostics: a.diagnostics.map((d) => ({ severity: d.severity, message: d.message, file: d.file, line: d.line, column: d.column })),
    namespaces: a.cluster.namespaces.filter((n) => !n.system).map((n) => ({ name: n.name, labels: { ...n.labels } })),
    pods: pods ? a.pods.filter((p) => !p.pod.system).map(podJson) : [],
    policies: a.policies.map((p) => ({
      namespace: p.policy.namespace,
      name: p.policy.name,
      policyTypes: [...p.policy.policyTypes],
      selects: [...p.selects],
    })),
    rbac: rbacJson(a),
    connectivity: form === 'compact' ? compactConnectivity(a.network) : form === 'none' ? { form: 'none' }
      : a.network.connectivity().map((c) => ({ from: c.from, to: c.to, port: c.port, protocol: c.protocol, allowed: c.allowed })),
    admission: admissionJson(a.admission),
  };
}

function admissionJson(r: AdmissionReport): ContractAdmission {
  const lv = (x: LevelVersion): LevelVersion => ({ level: x.level, version: x.version });
  return {
    namespaces: r.namespaces.filter((n) => !n.system).map((n) => ({ name: n.name, enforce: lv(n.enforce), warn: lv(n.warn), audit: lv(n.audit), exempt: n.exempt })),
    decisions: r.decisions.map((d) => ({
      object: d.object, owner: d.owner ?? null, mode: d.mode, allowed: d.allowed, level: d.level, version: d.version,
      checks: d.violations.map((v) => v.check), message: d.message,
    })),
    rejected: r.rejected.map((p) => ({
      pod: p.key, owner: p.owner ? `${p.owner.kind}/${p.namespace}/${p.owner.name}` : null, message: p.message, event: p.event?.message ?? null,
    })),
  };
}

function containerJson(c: ContainerReport): ContractContainer {
  const ref = c.image.ref;
  const caps = c.security.capabilities;
  return {
    name: c.container.name,
    image: {
      reference: ref?.reference ?? null,
      registry: ref?.registry ?? null,
      repository: ref?.repository ?? null,
      tag: ref?.tag ?? null,
      digest: ref?.digest ?? null,
      pull: c.image.pull.state,
      credentials: c.image.pull.credentials,
    },
    state: c.state,
    message: c.message,
    uid: c.security.identity.uid,
    gid: c.security.identity.gid,
    username: c.security.identity.username,
    privileged: c.security.privileged,
    capabilities: { bounding: [...caps.bounding], effective: [...caps.effective] },
  };
}

/**
 * RBAC (engine-spec section 9): the scenario's Roles, ClusterRoles (an aggregated one with the
 * rules the aggregation controller gave it and where they came from), RoleBindings and
 * ClusterRoleBindings (`roleFound: false` for a binding to a missing role, which grants nothing),
 * and the ServiceAccounts that are declared or run a scenario pod, with the identity their token
 * carries and, per pod, whether the token is mounted. The built-in objects of a kubeadm cluster
 * are left out, as the system pods are.
 */
export interface ContractRbac {
  roles: { namespace: string; name: string; rules: ContractRule[] }[];
  clusterRoles: { name: string; aggregatedFrom: string[] | null; rules: ContractRule[] }[];
  bindings: {
    kind: string; namespace: string | null; name: string;
    roleRef: { kind: string; name: string }; roleFound: boolean;
    subjects: { kind: string; name: string; namespace: string | null }[];
  }[];
  serviceAccounts: {
    namespace: string; name: string; user: string; groups: string[];
    automountServiceAccountToken: boolean | null; pods: { pod: string; tokenMounted: boolean }[];
  }[];
}

interface ContractRule { apiGroups: string[]; resources: string[]; resourceNames: string[]; nonResourceURLs: string[]; verbs: string[] }

function rbacJson(a: Analysis): ContractRbac {
  const rule = (r: RbacRule): ContractRule => ({
    apiGroups: [...r.apiGroups], resources: [...r.resources], resourceNames: [...r.resourceNames], nonResourceURLs: [...r.nonResourceURLs], verbs: [...r.verbs],
  });
  const rbac = a.rbac;
  const roleExists = (kind: string, ns: string | null, name: string) => kind === 'Role'
    ? rbac.roles.some((r) => r.namespace === ns && r.name === name)
    : rbac.clusterRoles.some((r) => r.name === name);
  // The scenario's pods by ServiceAccount, in pod order (one pass: 70,000 pods × every account was quadratic).
  const podsOf = new Map<string, typeof a.pods[number][]>();
  for (const p of a.pods) {
    if (p.pod.system) continue;
    const k = `${p.pod.namespace}\u0000${p.pod.serviceAccountName}`;
    const list = podsOf.get(k);
    if (list) list.push(p);
    else podsOf.set(k, [p]);
  }
  return {
    roles: rbac.roles.filter((r) => !r.system).map((r) => ({ namespace: r.namespace, name: r.name, rules: r.rules.map(rule) })),
    clusterRoles: rbac.clusterRoles.filter((r) => !r.system).map((r) => ({ name: r.name, aggregatedFrom: r.aggregatedFrom ? [...r.aggregatedFrom] : null, rules: r.rules.map(rule) })),
    bindings: rbac.bindings.filter((b) => !b.system).map((b) => {
      const ns = b.kind === 'RoleBinding' ? b.namespace : null;
      return {
        kind: b.kind, namespace: ns, name: b.name,
        roleRef: { kind: b.roleRef.kind, name: b.roleRef.name }, roleFound: roleExists(b.roleRef.kind, ns, b.roleRef.name),
        subjects: b.subjects.map((s) => ({ kind: s.kind, name: s.name, namespace: s.namespace ?? null })),
      };
    }),
    serviceAccounts: rbac.serviceAccounts.flatMap((sa) => {
      const own = podsOf.get(`${sa.namespace}\u0000${sa.name}`) ?? [];
      if (!sa.declared && own.length === 0) return [];
      return [{
        namespace: sa.namespace, name: sa.name, user: sa.user.name, groups: [...sa.user.groups],
        automountServiceAccountToken: sa.automountServiceAccountToken ?? null,
        pods: own.map((p) => ({ pod: p.key, tokenMounted: p.serviceAccount.mountedIn.length > 0 })),
      }];
    }),
  };
}

/**
 * `analyze --json` written as it is made: the pods and the full form's entries are streamed in
 * chunks (never one string of every pod — 110 MB at 70,000 pods — nor of N² entries), byte for byte
 * what JSON.stringify(toContractJson(a), null, 2) gives; the compact form one line per entry
 * (connectivity.ts compactJson), the same data as toContractJson's.
 */
export function writeContractJson(a: Analysis, form: ConnectivityForm, write: (s: string) => void): void {
  const text = JSON.stringify({ ...contract(a, 'none', false), connectivity: [] }, null, 2);
  // Top-level keys at two spaces: a string value cannot hold a raw newline, so each is unique.
  const podsMarker = '\n  "pods": []';
  const marker = '\n  "connectivity": []';
  const atPods = text.indexOf(podsMarker);
  const at = text.lastIndexOf(marker);
  write(`${text.slice(0, atPods)}\n  "pods": [`);
  let chunk: string[] = [];
  let first = true;
  const flush = (force: boolean) => {
    if (force || chunk.length >= 2000) {
      write(chunk.join(''));
      chunk = [];
    }
  };
  // Pods in batches of 2,000, each one JSON.stringify of {"pods": batch} without its first and last
  // lines: the pods come out at the contract's depth, no per-pod call and re-indentation.
  const batch: ContractJson['pods'] = [];
  const writePods = () => {
    if (batch.length === 0) return;
    const s = JSON.stringify({ pods: batch }, null, 2);
    write(`${first ? '' : ','}${s.slice('{\n  "pods": ['.length, s.length - '\n  ]\n}'.length)}`);
    first = false;
    batch.length = 0;
  };
  for (const p of a.pods) {
    if (p.pod.system) continue;
    batch.push(podJson(p));
    if (batch.length >= 2000) writePods();
  }
  writePods();
  write(`${first ? ']' : '\n  ]'}${text.slice(atPods + podsMarker.length, at)}`);
  const rest = text.slice(at + marker.length);
  if (form === 'none') {
    write(`\n  "connectivity": ${JSON.stringify({ form: 'none' }, null, 2).replace(/\n/g, '\n  ')}${rest}\n`);
    return;
  }
  if (form === 'compact') {
    write(`\n  "connectivity": ${compactJson(compactConnectivity(a.network), '  ')}${rest}\n`);
    return;
  }
  write('\n  "connectivity": [');
  first = true;
  forEachFlow(a.network, (from, to, port, protocol, allowed) => {
    const entry = JSON.stringify({ from, to, port, protocol, allowed }, null, 2).replace(/\n/g, '\n    ');
    chunk.push(`${first ? '\n' : ',\n'}    ${entry}`);
    first = false;
    flush(false);
  });
  write(`${chunk.join('')}${first ? ']' : '\n  ]'}${rest}\n`);
}
