import { admitPod } from '../../engine/index.js';
import type { AdmissionCheck, CheckContext, CheckOutcome } from '../model.js';
import { globMatcher } from './pod.js';

/**
 * Admission checks: what the PodSecurity plugin did with a pod in the apply the engine ran
 * (engine/admission). Refused pods are in `admission.rejected` and nowhere else; an admitted pod is
 * a pod of the analysis, and with a level it must pass that level now (admitPod, the plugin's own
 * evaluation), not only have been created before the namespace was labelled.
 */
export function checkAdmission(check: AdmissionCheck, ctx: CheckContext): CheckOutcome {
  const match = globMatcher(check.pod);
  const { admission } = ctx.analysis;
  const refused = admission.rejected.filter((p) => match(p.key));
  const created = ctx.analysis.pods.filter((p) => match(p.key));
  const why: string[] = [];
  if (!check.admitted) {
    if (refused.length === 0 && created.length === 0) why.push(`no pod ${check.pod} was refused`);
    for (const p of refused) {
      if (check.level !== undefined && p.level !== check.level) why.push(`pod ${p.key} was refused by ${p.level}:${p.version}, expected ${check.level}`);
    }
    for (const p of created) why.push(`pod ${p.key} was admitted`);
    return { passed: why.length === 0, why };
  }
  if (created.length === 0) why.push(refused.length > 0 ? `pod ${refused[0]?.key ?? check.pod} was refused: ${refused[0]?.message ?? ''}` : `no pod ${check.pod}`);
  for (const p of refused) if (created.length > 0) why.push(`pod ${p.key} was refused: ${p.message}`);
  if (check.level !== undefined) {
    for (const p of created) {
      const ns = p.pod.namespace;
      const enforce = admission.namespaces.find((n) => n.name === ns)?.enforce;
      if (!enforce || enforce.level !== check.level) {
        why.push(`namespace ${ns} enforces ${enforce ? `${enforce.level}:${enforce.version}` : 'privileged:latest'}, expected ${check.level}`);
        continue;
      }
      const labels = ctx.analysis.cluster.namespaces.find((n) => n.name === ns)?.labels ?? {};
      const now = admitPod(p.pod, { name: ns, labels }, { config: admission.config });
      if (!now.allowed) why.push(`pod ${p.key} runs, but ${check.level} would refuse it now: ${now.error ?? ''}`);
    }
  }
  return { passed: why.length === 0, why };
}
