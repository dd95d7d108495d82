import type { CheckContext, CheckOutcome, FlowCheck } from '../model.js';

/** A dotted IPv4 address (a host outside the cluster that no lab/v1 ExternalHost declares). */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * A connection is allowed or denied, exactly as the engine's policy evaluation decides. An end may
 * also be a bare address no endpoint has: the engine then judges the pod's egress toward it, or
 * the pod's ingress from it (so "only 192.168.5.10" can be told from a /16 by any other address).
 */
export function checkFlow(check: FlowCheck, ctx: CheckContext): CheckOutcome {
  const net = ctx.analysis.network;
  const label = `${check.from} → ${check.to}:${check.port}/${check.protocol}`;
  const known = (end: string) => net.endpoint(end) !== undefined;
  let allowed: boolean | undefined;
  if (known(check.from) && known(check.to)) allowed = net.allowed(check.from, check.to, check.port, check.protocol);
  else if (known(check.from) && IPV4.test(check.to)) allowed = net.explainToAddress(check.from, check.to, check.port, check.protocol)?.allowed;
  else if (IPV4.test(check.from) && known(check.to)) allowed = net.explainIngressFromAddress(check.from, check.to, check.port, check.protocol)?.allowed;
  if (allowed === undefined) {
    const missing = [check.from, check.to].find((end) => !known(end)) ?? check.from;
    return { passed: false, why: [`no endpoint ${missing}`] };
  }
  if (allowed === check.allowed) return { passed: true, why: [] };
  return { passed: false, why: [`${label} is ${allowed ? 'allowed' : 'denied'}, expected ${check.allowed ? 'allowed' : 'denied'}`] };
}
