// One admission request, as k8s.io/pod-security-admission v0.30.0 admission/admission.go answers it
// (ValidatePod, ValidatePodController, EvaluatePod; rows after admission_test.go TestValidatePodAndController).
import { describe, expect, it } from 'vitest';
import type { Pod, PodSecurityConfig } from '../model/index.js';
import { load } from '../../testing/manifests.js';
import { buildPodSecurityConfig } from './config.js';
import { LAB_USER, admitPod, admitPodController } from './evaluate.js';

const c = (name: string, securityContext?: object) => ({ name, image: 'busybox', ...(securityContext ? { securityContext } : {}) });
function podOf(spec: Record<string, unknown> = {}, annotations?: Record<string, string>, name = 'p'): Pod {
  const p = load({ 'pod.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(annotations ? { annotations } : {}) }, spec: { containers: [c('app')], ...spec } }] }).scenario.pods[0];
  if (!p) throw new Error('no pod');
  return p;
}
const ns = (labels: Record<string, string>, name = 'team') => ({ name, labels: { 'kubernetes.io/metadata.name': name, ...labels } });
const PSA = 'pod-security.kubernetes.io/';
const config = (defaults = {}, exemptions = {}): PodSecurityConfig => buildPodSecurityConfig(defaults, exemptions).config;

const HARDENED = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [c('app', { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } })],
};
const BARE_RESTRICTED = 'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), ' +
  'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), ' +
  'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), ' +
  'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

describe('admitPod (ValidatePod + EvaluatePod)', () => {
  it('refuses with the Forbidden text, names the enforce policy, and adds no warning to a refused request', () => {
    const r = admitPod(podOf({}, undefined, 'web'), ns({ [`${PSA}enforce`]: 'restricted' }));
    expect(r.allowed).toBe(false);
    expect(r.error).toBe(`pods "web" is forbidden: violates PodSecurity "restricted:latest": ${BARE_RESTRICTED}`);
    expect(r.warnings).toEqual([]);
    expect(r.auditAnnotations).toEqual({ [`${PSA}enforce-policy`]: 'restricted:latest' });
    expect(r.verdicts.map((v) => v.mode)).toEqual(['enforce']);
    expect(r.verdicts[0]?.violations.map((v) => v.check)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
  });

  it('admits a pod that meets the level', () => {
    const r = admitPod(podOf(HARDENED), ns({ [`${PSA}enforce`]: 'restricted' }));
    expect(r).toMatchObject({ allowed: true, warnings: [], verdicts: [] });
  });

  it('warn admits with `would violate PodSecurity …`; audit annotates', () => {
    const r = admitPod(podOf({ hostNetwork: true }), ns({ [`${PSA}warn`]: 'baseline', [`${PSA}audit`]: 'restricted', [`${PSA}audit-version`]: 'v1.24' }));
    expect(r.allowed).toBe(true);
    expect(r.warnings).toEqual(['would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true)']);
    expect(r.auditAnnotations[`${PSA}audit-violations`]).toBe(`would violate PodSecurity "restricted:v1.24": host namespaces (hostNetwork=true), ${BARE_RESTRICTED}`);
    expect(r.verdicts.map((v) => v.mode)).toEqual(['audit', 'warn']);
  });

  it('a fully privileged namespace short-circuits (enforce-policy privileged:latest)', () => {
    expect(admitPod(podOf({ hostPID: true }), ns({}))).toMatchObject({ allowed: true, auditAnnotations: { [`${PSA}enforce-policy`]: 'privileged:latest' } });
  });

  it.each<[string, PodSecurityConfig, string | undefined, Record<string, unknown>, string]>([
    ['namespace', config({}, { namespaces: ['team'] }), undefined, {}, 'namespace'],
    ['user', config({}, { usernames: ['jane'] }), 'jane', {}, 'user'],
    ['runtimeClass', config({}, { runtimeClasses: ['gvisor'] }), undefined, { runtimeClassName: 'gvisor' }, 'runtimeClass'],
  ])('exemption by %s', (_label, cfg, user, spec, reason) => {
    const r = admitPod(podOf({ ...spec, hostNetwork: true }), ns({ [`${PSA}enforce`]: 'restricted' }), { config: cfg, ...(user ? { user } : {}) });
    expect(r).toMatchObject({ allowed: true, exempt: reason, auditAnnotations: { [`${PSA}exempt`]: reason } });
  });

  it('the lab user is kubeadm\'s kubernetes-admin', () => {
    expect(LAB_USER).toBe('kubernetes-admin');
    const r = admitPod(podOf({ hostNetwork: true }), ns({ [`${PSA}enforce`]: 'baseline' }), { config: config({}, { usernames: ['kubernetes-admin'] }) });
    expect(r.exempt).toBe('user');
  });

  it('the configuration\'s defaults apply to namespaces without labels', () => {
    const r = admitPod(podOf({ hostIPC: true }), ns({}), { config: config({ enforce: 'baseline', 'enforce-version': 'v1.25' }) });
    expect(r.error).toBe('pods "p" is forbidden: violates PodSecurity "baseline:v1.25": host namespaces (hostIPC=true)');
  });

  it('labels that do not parse still evaluate (enforce restricted, warn/audit privileged) and say why in the audit annotations', () => {
    const r = admitPod(podOf(HARDENED), ns({ [`${PSA}enforce`]: 'strict', [`${PSA}warn`]: 'nope' }));
    expect(r.allowed).toBe(true);
    expect(r.policyErrors).toHaveLength(2);
    expect(r.auditAnnotations[`${PSA}error`]).toBe('Failed to parse policy: [metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted, ' +
      'metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "nope": must be one of privileged, baseline, restricted]');
  });

  it('evaluates at the pinned version: restricted:v1.22 has no runAsUser check, v1.23 has', () => {
    const pod = podOf({ ...HARDENED, securityContext: { ...HARDENED.securityContext, runAsUser: 0 } });
    expect(admitPod(pod, ns({ [`${PSA}enforce`]: 'restricted', [`${PSA}enforce-version`]: 'v1.22' })).allowed).toBe(true);
    expect(admitPod(pod, ns({ [`${PSA}enforce`]: 'restricted', [`${PSA}enforce-version`]: 'v1.23' })).error)
      .toBe('pods "p" is forbidden: violates PodSecurity "restricted:v1.23": runAsUser=0 (pod must not set runAsUser=0)');
  });

  it('a version newer than the API server\'s policies evaluates as its newest (v1.29) but is named as written', () => {
    const r = admitPod(podOf({ hostPID: true }), ns({ [`${PSA}enforce`]: 'baseline', [`${PSA}enforce-version`]: 'v1.99' }));
    expect(r.error).toBe('pods "p" is forbidden: violates PodSecurity "baseline:v1.99": host namespaces (hostPID=true)');
  });

  it('takes the pod as stored: the v1.30 AppArmor field is mirrored into the deprecated annotation, and both are named', () => {
    const pod = podOf({ containers: [c('app', { appArmorProfile: { type: 'Unconfined' } })] });
    expect(admitPod(pod, ns({ [`${PSA}enforce`]: 'baseline' })).error).toBe('pods "p" is forbidden: violates PodSecurity "baseline:latest": ' +
      'forbidden AppArmor profiles (container "app" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/app="unconfined"")');
    const annotated = podOf({}, { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' });
    expect(admitPod(annotated, ns({ [`${PSA}enforce`]: 'baseline' })).error).toBe('pods "p" is forbidden: violates PodSecurity "baseline:latest": ' +
      'forbidden AppArmor profiles (container "app" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/app="unconfined"")');
  });
});

describe('admitPodController (ValidatePodController)', () => {
  it('never refuses: warn and audit only, on the template', () => {
    const r = admitPodController(podOf(), ns({ [`${PSA}enforce`]: 'restricted' }));
    expect(r.allowed).toBe(true);
    expect(r.error).toBeUndefined();
    expect(r.warnings).toEqual([`would violate PodSecurity "restricted:latest": ${BARE_RESTRICTED}`]);
  });

  it('skips evaluation when warn and audit are privileged, whatever enforce says', () => {
    const r = admitPodController(podOf(), ns({ [`${PSA}enforce`]: 'restricted', [`${PSA}warn`]: 'privileged' }));
    expect(r).toMatchObject({ allowed: true, warnings: [], verdicts: [], auditAnnotations: {} });
  });

  it('does not mirror AppArmor fields into annotations (only the Pod strategy does)', () => {
    const r = admitPodController(podOf({ containers: [c('app', { appArmorProfile: { type: 'Unconfined' } })] }), ns({ [`${PSA}warn`]: 'baseline' }));
    expect(r.warnings).toEqual(['would violate PodSecurity "baseline:latest": forbidden AppArmor profile (container "app" must not set AppArmor profile type to "Unconfined")']);
  });
});
