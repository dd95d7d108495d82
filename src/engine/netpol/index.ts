import type { Cluster, NetworkAnalysis, PendingDiagnostic } from '../model/index.js';
import { CompiledNetwork } from './analysis.js';
import { compile } from './compile.js';
import { networkDiagnostics } from './diagnostics.js';

export { CompiledNetwork, type Matrix } from './analysis.js';

/**
 * Compile every policy into per-pod sets; the result answers and explains flows.
 * CNI: calico and cilium enforce NetworkPolicy; flannel and kindnet (older versions) do not,
 * so there every flow is allowed while the policies still exist.
 */
export function compileNetwork(cluster: Cluster): { network: NetworkAnalysis; diagnostics: PendingDiagnostic[] } {
  const compiled = compile(cluster);
  const enforcing = cluster.config.cni === 'calico' || cluster.config.cni === 'cilium';
  const network = new CompiledNetwork(compiled, enforcing);
  return { network, diagnostics: networkDiagnostics(cluster, compiled, network) };
}
