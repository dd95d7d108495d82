import type { NetworkAnalysis, Protocol, ServiceTrap } from '../model/index.js';

/**
 * The classic trap (engine-spec §8): a connection to a Service port is DNATed to the endpoint's
 * target port before any policy sees it (docs "Virtual IPs and Service Proxies"; Calico and Cilium
 * evaluate NetworkPolicy on the translated packet), so a rule that admits the Service's port admits
 * nothing when the target port differs. Detected when the flow is denied on the target port but a
 * policy of the denying side would admit the Service port: that policy is named.
 */
export function serviceTrap(network: NetworkAnalysis, from: string, to: string, servicePort: number, targetPort: number, protocol: Protocol): ServiceTrap | undefined {
  if (servicePort === targetPort) return undefined;
  const atTarget = network.explain(from, to, targetPort, protocol);
  const atService = network.explain(from, to, servicePort, protocol);
  if (!atTarget || atTarget.allowed || !atService) return undefined;
  for (const side of ['ingress', 'egress'] as const) {
    const denied = atTarget[side], wouldAllow = atService[side];
    const policy = wouldAllow.allowedBy[0]?.policy;
    if (!denied.allowed && wouldAllow.allowed && wouldAllow.isolated && policy !== undefined) {
      return { servicePort, targetPort, policy, direction: wouldAllow.direction };
    }
  }
  return undefined;
}
