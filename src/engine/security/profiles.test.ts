// The effective seccomp and AppArmor profile of a container, per upstream:
// - kubelet v1.30 pkg/kubelet/kuberuntime/helpers.go getSeccompProfile/fieldSeccompProfile: container
//   field, else pod field, else Unconfined (SeccompDefault off, as on a kubeadm cluster that does not
//   set seccompDefault); Localhost is filepath.Join(seccompProfileRoot, localhostProfile).
// - kubelet v1.30 pkg/security/apparmor/helpers.go GetProfile: container field, else the
//   container.apparmor.security.beta.kubernetes.io/NAME annotation (getProfileFromPodAnnotations),
//   else the pod field.
// - containerd 1.7 internal/cri/server/container_create_linux.go generateSeccompSpecOpts (no
//   filter for a privileged container) and generateApparmorSpecOpts (nothing set = RuntimeDefault per
//   kubernetes#51746 → cri-containerd.apparmor.d, except privileged; Localhost applies even then).
import { describe, expect, it } from 'vitest';
import type { ContainerSecurityContext, PodSecurityContext } from '../model/index.js';
import { UBUNTU, first, pod } from '../../testing/security.js';
import { analyzeSecurity } from './index.js';
import { joinPath } from './profiles/seccomp.js';
import { annotationProfile, attrCurrent } from './profiles/apparmor.js';

function report(podSc?: PodSecurityContext, containerSc?: ContainerSecurityContext, annotations?: Record<string, string>) {
  const p = pod({ ...(podSc ? { securityContext: podSc } : {}), ...(annotations ? { annotations } : {}),
    containers: [{ name: 'app', ...(containerSc ? { securityContext: containerSc } : {}) }] });
  return analyzeSecurity(p, first(p), UBUNTU).report;
}

describe('effective seccomp profile', () => {
  it.each<[string, PodSecurityContext | undefined, ContainerSecurityContext | undefined, object]>([
    ['nothing set: Unconfined (SeccompDefault is off), Seccomp 0', undefined, undefined,
      { requested: 'Unconfined', from: 'default', applied: 'Unconfined', mode: 0, file: null }],
    ['pod RuntimeDefault: filter, Seccomp 2', { seccompProfile: { type: 'RuntimeDefault' } }, undefined,
      { requested: 'RuntimeDefault', from: 'pod', applied: 'RuntimeDefault', mode: 2 }],
    ['container Unconfined overrides pod RuntimeDefault', { seccompProfile: { type: 'RuntimeDefault' } }, { seccompProfile: { type: 'Unconfined' } },
      { requested: 'Unconfined', from: 'container', applied: 'Unconfined', mode: 0 }],
    ['container RuntimeDefault overrides pod Unconfined', { seccompProfile: { type: 'Unconfined' } }, { seccompProfile: { type: 'RuntimeDefault' } },
      { requested: 'RuntimeDefault', from: 'container', mode: 2 }],
    ['Localhost: the file under /var/lib/kubelet/seccomp', undefined, { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } },
      { requested: 'Localhost', localhostProfile: 'profiles/audit.json', file: '/var/lib/kubelet/seccomp/profiles/audit.json', applied: 'Localhost', mode: 2 }],
    ['privileged: containerd installs no filter, whatever was asked', undefined, { privileged: true, seccompProfile: { type: 'RuntimeDefault' } },
      { requested: 'RuntimeDefault', applied: 'Unconfined', mode: 0 }],
    ['privileged with Localhost: still no filter', undefined, { privileged: true, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } },
      { requested: 'Localhost', applied: 'Unconfined', mode: 0 }],
  ])('%s', (_label, podSc, containerSc, expected) => {
    expect(report(podSc, containerSc).seccomp).toMatchObject(expected);
  });

  it('filepath.Join cleans the joined path', () => {
    expect(joinPath('/var/lib/kubelet/seccomp', './profiles//a.json')).toBe('/var/lib/kubelet/seccomp/profiles/a.json');
    expect(joinPath('/var/lib/kubelet/seccomp', 'a/../b.json')).toBe('/var/lib/kubelet/seccomp/b.json');
  });
});

describe('effective AppArmor profile', () => {
  const A = 'container.apparmor.security.beta.kubernetes.io/app';
  it.each<[string, PodSecurityContext | undefined, ContainerSecurityContext | undefined, Record<string, string> | undefined, object]>([
    ['nothing set: containerd applies its default profile', undefined, undefined, undefined,
      { requested: 'RuntimeDefault', from: 'default', applied: 'cri-containerd.apparmor.d' }],
    ['nothing set, privileged: unconfined', undefined, { privileged: true }, undefined,
      { requested: 'RuntimeDefault', applied: 'unconfined' }],
    ['RuntimeDefault, privileged: unconfined', undefined, { privileged: true, appArmorProfile: { type: 'RuntimeDefault' } }, undefined,
      { requested: 'RuntimeDefault', from: 'container', applied: 'unconfined' }],
    ['pod Unconfined', { appArmorProfile: { type: 'Unconfined' } }, undefined, undefined,
      { requested: 'Unconfined', from: 'pod', applied: 'unconfined' }],
    ['container Localhost over pod Unconfined', { appArmorProfile: { type: 'Unconfined' } }, { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-deny-write' } }, undefined,
      { requested: 'Localhost', from: 'container', localhostProfile: 'k8s-deny-write', applied: 'k8s-deny-write' }],
    ['Localhost applies to a privileged container too', undefined, { privileged: true, appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-deny-write' } }, undefined,
      { applied: 'k8s-deny-write' }],
    ['legacy annotation localhost/NAME', undefined, undefined, { [A]: 'localhost/k8s-deny-write' },
      { requested: 'Localhost', from: 'annotation', localhostProfile: 'k8s-deny-write', applied: 'k8s-deny-write' }],
    ['annotation wins over the pod field (GetProfile order)', { appArmorProfile: { type: 'RuntimeDefault' } }, undefined, { [A]: 'unconfined' },
      { requested: 'Unconfined', from: 'annotation', applied: 'unconfined' }],
  ])('%s', (_label, podSc, containerSc, annotations, expected) => {
    expect(report(podSc, containerSc, annotations).appArmor).toMatchObject(expected);
  });

  it('an annotation for another container is not this one\'s', () => {
    const p = pod({ annotations: { 'container.apparmor.security.beta.kubernetes.io/other': 'unconfined' }, containers: [{ name: 'app' }, { name: 'other' }] });
    const [app, other] = p.containers.map((ct) => analyzeSecurity(p, ct, UBUNTU).report.appArmor);
    expect(app).toMatchObject({ from: 'default', applied: 'cri-containerd.apparmor.d' });
    expect(other).toMatchObject({ from: 'annotation', applied: 'unconfined' });
  });

  it('annotation values as getProfileFromPodAnnotations reads them', () => {
    expect(annotationProfile('runtime/default')).toEqual({ type: 'RuntimeDefault' });
    expect(annotationProfile('unconfined')).toEqual({ type: 'Unconfined' });
    expect(annotationProfile('localhost/x')).toEqual({ type: 'Localhost', localhostProfile: 'x' });
    expect(annotationProfile('')).toBeUndefined();
    expect(annotationProfile(undefined)).toBeUndefined();
  });

  it('/proc/PID/attr/current: NAME (enforce), or unconfined (kubernetes.io AppArmor tutorial output)', () => {
    expect(attrCurrent(report().appArmor)).toBe('cri-containerd.apparmor.d (enforce)\n');
    expect(attrCurrent(report(undefined, { privileged: true }).appArmor)).toBe('unconfined\n');
  });
});

describe('no_new_privs', () => {
  it.each<[string, ContainerSecurityContext | undefined, boolean]>([
    ['unset: not set (AddNoNewPrivileges returns false for nil)', undefined, false],
    ['allowPrivilegeEscalation: false sets it', { allowPrivilegeEscalation: false }, true],
    ['allowPrivilegeEscalation: true', { allowPrivilegeEscalation: true }, false],
    ['privileged: escalation allowed', { privileged: true }, false],
  ])('%s', (_label, sc, expected) => {
    const r = report(undefined, sc);
    expect(r.noNewPrivs).toBe(expected);
    expect(r.allowPrivilegeEscalation).toBe(!expected);
  });
});

describe('Localhost without a file name', () => {
  // `localhostProfile: ""` passes validation (validateLocalDescendingPath has nothing to say) but not
  // the kubelet's fieldSeccompProfile: generateContainerConfig fails after the runAsNonRoot check, so
  // the container waits in CreateContainerConfigError with the error's text (startContainer).
  it('is the kubelet\'s error, and the container does not start', async () => {
    const { analyze } = await import('../index.js');
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: busybox\n    securityContext: {seccompProfile: {type: Localhost, localhostProfile: ""}}\n';
    const c = analyze([{ name: 'p.yaml', text }]).pods.find((p) => p.key === 'default/p')?.containers[0];
    expect(c?.security.seccomp.error).toBe('localhostProfile must be set if seccompProfile type is Localhost.');
    expect(c?.state).toBe('CreateContainerConfigError');
    expect(c?.message).toBe('localhostProfile must be set if seccompProfile type is Localhost.');
  });
});
