import type { Analysis, ContainerReport } from '../engine/index.js';

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
  connectivity: { from: string; to: string; port: number; protocol: string; allowed: boolean }[];
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
export function toContractJson(a: Analysis): ContractJson {
  return {
    diagnostics: a.diagnostics.map((d) => ({ severity: d.severity, message: d.message, file: d.file, line: d.line, column: d.column })),
    namespaces: a.cluster.namespaces.filter((n) => !n.system).map((n) => ({ name: n.name, labels: { ...n.labels } })),
    pods: a.pods.filter((p) => !p.pod.system).map((p) => ({
      namespace: p.pod.namespace,
      name: p.pod.name,
      ip: p.pod.ip,
      containers: p.containers.map(containerJson),
    })),
    policies: a.policies.map((p) => ({
      namespace: p.policy.namespace,
      name: p.policy.name,
      policyTypes: [...p.policy.policyTypes],
      selects: [...p.selects],
    })),
    connectivity: a.network.connectivity().map((c) => ({ from: c.from, to: c.to, port: c.port, protocol: c.protocol, allowed: c.allowed })),
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
