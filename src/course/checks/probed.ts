import type { CheckContext, CheckOutcome, ProbedCheck } from '../model.js';

const glob = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(value);

/**
 * A probe from the terminal transcript (what wget/nc/curl/nslookup reached, after DNS and DNAT, as
 * the engine judged it): tool-agnostic, so `nc -zv`, `wget -T 2` and `curl -m 2` all count.
 */
export function checkProbed(check: ProbedCheck, ctx: CheckContext): CheckOutcome {
  const all = ctx.transcript.flatMap((e) => e.probes ?? []);
  const matching = all.filter((p) =>
    glob(check.to, p.to) && (check.port === undefined || p.port === check.port) &&
    (check.from === undefined || glob(check.from, p.from)) && (check.service === undefined || p.service?.key === check.service));
  const target = `${check.to}${check.port !== undefined ? `:${check.port}` : ''}`;
  if (matching.length === 0) return { passed: false, why: [`no probe to ${target} yet`] };
  if (check.which === 'any') {
    return matching.some((p) => p.outcome === check.outcome)
      ? { passed: true, why: [] }
      : { passed: false, why: [`no probe to ${target} ended ${check.outcome}`] };
  }
  const last = matching[matching.length - 1];
  return last?.outcome === check.outcome
    ? { passed: true, why: [] }
    : { passed: false, why: [`the last probe to ${target} ended ${last?.outcome ?? 'nowhere'}, not ${check.outcome}`] };
}
