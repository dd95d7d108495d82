import type { CheckContext, CheckOutcome, FlowCheck } from '../model.js';

/** A connection is allowed or denied, exactly as the engine's policy evaluation decides. */
export function checkFlow(check: FlowCheck, ctx: CheckContext): CheckOutcome {
  const net = ctx.analysis.network;
  const label = `${check.from} → ${check.to}:${check.port}/${check.protocol}`;
  for (const end of [check.from, check.to]) {
    if (!net.endpoint(end)) return { passed: false, why: [`no endpoint ${end}`] };
  }
  const allowed = net.allowed(check.from, check.to, check.port, check.protocol);
  if (allowed === check.allowed) return { passed: true, why: [] };
  return { passed: false, why: [`${label} is ${allowed ? 'allowed' : 'denied'}, expected ${check.allowed ? 'allowed' : 'denied'}`] };
}
