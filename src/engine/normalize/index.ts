import type { Cluster, PendingDiagnostic } from '../model/index.js';
import type { ParsedSources } from '../parse/index.js';

export interface Normalized {
  readonly cluster: Cluster;
  readonly diagnostics: readonly PendingDiagnostic[];
}

/** Documents → frozen Cluster: validation (strict fields), defaults, implicit objects, workload expansion, IPs. */
export function normalize(parsed: ParsedSources): Normalized {
  void parsed;
  return {
    cluster: {
      config: { cni: 'calico', podCIDR: '10.244.0.0/16' },
      namespaces: [{ name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' }, declared: false }],
      pods: [], workloads: [], policies: [], secrets: [], serviceAccounts: [], services: [],
      externalHosts: [], registries: [], others: [],
    },
    diagnostics: [],
  };
}
