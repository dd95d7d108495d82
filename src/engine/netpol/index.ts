import type { Cluster, NetworkAnalysis, PendingDiagnostic } from '../model/index.js';
import { CompiledNetwork } from './analysis.js';
import { compile } from './compile.js';
import { CNI_INFO } from '../cluster/cni.js';
import { networkDiagnostics } from './diagnostics.js';

export { CompiledNetwork, MAX_CONNECTIVITY_FLOWS, type Matrix } from './analysis.js';

/**
 * Compile every policy into per-pod sets; the result answers and explains flows.
 * CNI (cluster/cni.ts): calico, cilium and kindnet (kind v0.24+) enforce NetworkPolicy; flannel and
 * the older kindnet do not, so there every flow is allowed while the policies still exist.
 */
export function compileNetwork(cluster: Cluster): { network: NetworkAnalysis; diagnostics: PendingDiagnostic[] } {
  const compiled = compile(cluster);
  const enforcing = CNI_INFO[cluster.config.cni].enforces;
  const network = new CompiledNetwork(compiled, enforcing);
  return { network, diagnostics: networkDiagnostics(cluster, compiled, network) };
}
