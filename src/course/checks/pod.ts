import type { ContainerReport, PodReport } from '../../engine/index.js';
import type { CapabilityExpectation, CheckContext, CheckOutcome, PodCheck } from '../model.js';

/** `default/web-*` → a matcher; `*` is the only wildcard (a Deployment's pods are `web-0`, …). */
export function globMatcher(pattern: string): (key: string) => boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (key) => re.test(key);
}

const show = (v: unknown) => (v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

function capsWhy(where: string, set: 'effective' | 'bounding', have: readonly string[], want: CapabilityExpectation | undefined): string[] {
  if (!want) return [];
  const why: string[] = [];
  // Capability names as `added` reads them: any case, with or without `CAP_` (the engine's sets have neither).
  const name = (c: string) => c.toUpperCase().replace(/^CAP_/, '');
  for (const c of want.includes ?? []) if (!have.includes(name(c))) why.push(`${where}: ${c} is not in the ${set} capability set`);
  for (const c of want.excludes ?? []) if (have.includes(name(c))) why.push(`${where}: ${c} is in the ${set} capability set`);
  return why;
}

/** The image check accepts the normalized reference, Docker's short form, or the text as written. */
function imageWhy(where: string, c: ContainerReport, want: string): string[] {
  const ref = c.image.ref;
  const forms = [ref?.reference, ref?.familiar, c.container.image];
  return forms.includes(want) ? [] : [`${where}: image is ${ref?.reference ?? c.container.image}, expected ${want}`];
}

function containerWhy(pod: PodReport, c: ContainerReport, check: PodCheck): string[] {
  const where = `${pod.key} container ${c.container.name}`;
  const why: string[] = [];
  const id = c.security.identity;
  const expect = (label: string, have: unknown, want: unknown) => {
    if (want !== undefined && have !== want) why.push(`${where}: ${label} is ${show(have)}, expected ${show(want)}`);
  };
  expect('state', c.state, check.state);
  expect('uid', id.uid, check.uid);
  expect('uid source', id.uidFrom, check.uidFrom);
  expect('gid', id.gid, check.gid);
  expect('username', id.username, check.username);
  expect('privileged', c.security.privileged, check.privileged);
  expect('pull', c.image.pull.state, check.pull);
  expect('pull credentials', c.image.pull.credentials, check.credentials);
  if (check.image !== undefined) why.push(...imageWhy(where, c, check.image));
  why.push(...capsWhy(where, 'effective', c.security.capabilities.effective, check.effective));
  why.push(...capsWhy(where, 'bounding', c.security.capabilities.bounding, check.bounding));
  if (check.added !== undefined) {
    const have = [...c.security.capabilities.added].sort();
    const want = [...new Set(check.added.map((n) => n.toUpperCase().replace(/^CAP_/, '')))].sort();
    if (have.join(',') !== want.join(',')) {
      why.push(`${where}: capabilities added to the runtime's default set are [${have.join(', ')}], expected exactly [${want.join(', ')}]`);
    }
  }
  return why;
}

export function checkPod(check: PodCheck, ctx: CheckContext): CheckOutcome {
  const match = globMatcher(check.pod);
  const pods = ctx.analysis.pods.filter((p) => match(p.key));
  if (check.exists === false) {
    return pods.length === 0 ? { passed: true, why: [] } : { passed: false, why: [`pod ${pods[0]?.key ?? check.pod} exists`] };
  }
  if (pods.length === 0) return { passed: false, why: [`no pod ${check.pod}`] };
  const why: string[] = [];
  for (const pod of pods) {
    if (check.status !== undefined && pod.status !== check.status) why.push(`${pod.key}: status is ${pod.status}, expected ${check.status}`);
    for (const s of check.imagePullSecrets ?? []) {
      if (!pod.pod.imagePullSecrets.includes(s)) why.push(`${pod.key}: imagePullSecrets does not list ${s}`);
    }
    const containers = check.container === undefined ? pod.containers : pod.containers.filter((c) => c.container.name === check.container);
    if (containers.length === 0) why.push(`${pod.key}: no container ${check.container ?? ''}`.trimEnd());
    for (const c of containers) why.push(...containerWhy(pod, c, check));
  }
  return { passed: why.length === 0, why };
}
