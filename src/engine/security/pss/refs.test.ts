// Where each Pod Security Standards check points (CheckResult.refs: never part of upstream's text,
// the lab's pointer to the fields that made the check fail), and the singular wordings of
// k8s.io/pod-security-admission v0.30.0 policy/check_*.go (pluralize: one volume, one annotation,
// one container "uses" a hostPort).
import { describe, expect, it } from 'vitest';
import { formatPath, type Pod } from '../../model/index.js';
import { load } from '../../../testing/manifests.js';
import { appArmor } from './app-armor.js';
import type { PssCheck } from './check.js';
import { PSS_CHECKS } from './index.js';
import { restrictedVolumes } from './restricted-volumes.js';
import { runAsNonRoot } from './run-as-non-root.js';
import { seccompBaseline } from './seccomp-baseline.js';
import { seccompRestricted } from './seccomp-restricted.js';

const c = (name: string, securityContext?: object, more: object = {}) => ({ name, image: 'busybox', ...(securityContext ? { securityContext } : {}), ...more });

function podOf(spec: Record<string, unknown>, annotations?: Record<string, string>, template = false): Pod {
  const full = { containers: [c('a')], ...spec };
  const labels = { app: 'p' };
  const doc = template
    ? { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'p' }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels, ...(annotations ? { annotations } : {}) }, spec: full } } }
    : { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(annotations ? { annotations } : {}) }, spec: full };
  const p = load({ 'pod.yaml': [doc] }).scenario.pods[0];
  if (!p) throw new Error('no pod');
  return p;
}

/** The newest revision's result: detail and the refs as `file#doc path`. */
function run(check: PssCheck, pod: Pod, v = 99) {
  const revision = [...check.versions].reverse().find((r) => r.minimumVersion <= v);
  const r = revision?.checkPod(pod);
  return r && { detail: r.detail, refs: r.refs.map((x) => `${x.file}#${x.doc} ${formatPath(x.path)}`) };
}

const S = 'pod.yaml#0 spec';

describe('every check points at the fields that failed it', () => {
  // One pod that breaks every check, with an init container first (visitContainers' order).
  const pod = podOf({
    hostPID: true, hostIPC: true,
    securityContext: {
      runAsNonRoot: false, runAsUser: 0, seccompProfile: { type: 'Unconfined' }, appArmorProfile: { type: 'Unconfined' },
      seLinuxOptions: { type: 'x', user: 'u', role: 'r' }, windowsOptions: { hostProcess: true },
      sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'kernel.msgmax', value: '1' }],
    },
    initContainers: [c('i', {
      privileged: true, runAsUser: 0, runAsNonRoot: false, procMount: 'Unmasked', capabilities: { add: ['CHOWN', 'SYS_ADMIN'], drop: ['ALL'] },
      seccompProfile: { type: 'Unconfined' }, appArmorProfile: { type: 'Unconfined' }, seLinuxOptions: { role: 'r' },
    }, { ports: [{ containerPort: 1, hostPort: 81 }] })],
    containers: [c('a', { allowPrivilegeEscalation: false }), c('b', { windowsOptions: { hostProcess: true }, capabilities: { add: ['NET_BIND_SERVICE', 'NET_RAW'] } })],
    volumes: [{ name: 'v', hostPath: { path: '/' } }, { name: 'w', nfs: { server: 's', path: '/' } }],
  });
  const I = `${S}.initContainers[0].securityContext`;
  const A = `${S}.containers[0].securityContext`;
  const B = `${S}.containers[1].securityContext`;
  const P = `${S}.securityContext`;

  it.each<[string, string, string[]]>([
    ['windowsHostProcess', 'pod and container "b" must not set securityContext.windowsOptions.hostProcess=true', [`${P}.windowsOptions.hostProcess`, `${B}.windowsOptions.hostProcess`]],
    ['hostNamespaces', 'hostPID=true, hostIPC=true', [`${S}.hostPID`, `${S}.hostIPC`]],
    ['privileged', 'container "i" must not set securityContext.privileged=true', [`${I}.privileged`]],
    ['capabilities_baseline', 'containers "i", "b" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add',
      [`${I}.capabilities.add[1]`, `${B}.capabilities.add[1]`]],
    ['hostPathVolumes', 'volume "v"', [`${S}.volumes[0]`]],
    ['hostPorts', 'container "i" uses hostPort 81', [`${S}.initContainers[0].ports`]],
    ['appArmorProfile', 'pod and container "i" must not set AppArmor profile type to "Unconfined"', [`${P}.appArmorProfile.type`, `${I}.appArmorProfile.type`]],
    ['seLinuxOptions', 'pod and container "i" set forbidden securityContext.seLinuxOptions: type "x"; user may not be set; role may not be set',
      [`${P}.seLinuxOptions.type`, `${P}.seLinuxOptions.user`, `${P}.seLinuxOptions.role`, `${I}.seLinuxOptions.role`]],
    ['procMount', 'container "i" must not set securityContext.procMount to "Unmasked"', [`${I}.procMount`]],
    ['seccompProfile_baseline', 'pod and container "i" must not set securityContext.seccompProfile.type to "Unconfined"', [`${P}.seccompProfile.type`, `${I}.seccompProfile.type`]],
    ['sysctls', 'kernel.msgmax', [`${P}.sysctls[1].name`]],
    ['restrictedVolumes', 'volumes "v", "w" use restricted volume types "hostPath", "nfs"', [`${S}.volumes[0]`, `${S}.volumes[1]`]],
    ['allowPrivilegeEscalation', 'containers "i", "b" must set securityContext.allowPrivilegeEscalation=false', [`${I}.allowPrivilegeEscalation`, `${B}.allowPrivilegeEscalation`]],
    ['runAsNonRoot', 'pod and container "i" must not set securityContext.runAsNonRoot=false', [`${P}.runAsNonRoot`, `${I}.runAsNonRoot`]],
    ['runAsUser', 'pod and container "i" must not set runAsUser=0', [`${P}.runAsUser`, `${I}.runAsUser`]],
    ['seccompProfile_restricted', 'pod and container "i" must not set securityContext.seccompProfile.type to "Unconfined"', [`${P}.seccompProfile.type`, `${I}.seccompProfile.type`]],
    ['capabilities_restricted', 'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "i", "b" must not include "CHOWN", "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add',
      [`${I}.capabilities.add[0]`, `${I}.capabilities.add[1]`, `${A}.capabilities.drop`, `${B}.capabilities.drop`, `${B}.capabilities.add[1]`]],
  ])('%s', (id, detail, refs) => {
    const check = PSS_CHECKS.find((k) => k.id === id);
    if (!check) throw new Error(id);
    expect(run(check, pod)).toEqual({ detail, refs });
  });

  it('the implicit failures point at each container\'s unset field', () => {
    const bare = podOf({ containers: [c('a'), c('b', { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }), c('c')] });
    expect(run(runAsNonRoot, bare)?.refs).toEqual([`${S}.containers[0].securityContext.runAsNonRoot`, `${S}.containers[2].securityContext.runAsNonRoot`]);
    expect(run(seccompRestricted, bare)?.refs).toEqual([`${S}.containers[0].securityContext.seccompProfile.type`, `${S}.containers[2].securityContext.seccompProfile.type`]);
  });

  it('an explicit false hides the unset containers, in the refs too', () => {
    const p = podOf({ containers: [c('a'), c('b', { runAsNonRoot: false, seccompProfile: { type: 'Unconfined' } })] });
    expect(run(runAsNonRoot, p)).toEqual({ detail: 'container "b" must not set securityContext.runAsNonRoot=false', refs: [`${S}.containers[1].securityContext.runAsNonRoot`] });
    expect(run(seccompRestricted, p)).toEqual({
      detail: 'container "b" must not set securityContext.seccompProfile.type to "Unconfined"', refs: [`${S}.containers[1].securityContext.seccompProfile.type`],
    });
  });
});

describe('annotations are pointed at in the metadata beside the PodSpec', () => {
  it('AppArmor: one forbidden annotation of a pod template ("annotation", singular)', () => {
    const p = podOf({}, { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined' }, true);
    expect(run(appArmor, p)).toEqual({
      detail: 'annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="unconfined""',
      refs: ['pod.yaml#0 spec.template.metadata.annotations.container.apparmor.security.beta.kubernetes.io/a'],
    });
  });

  it('seccomp v1.18: the annotations in sorted order, each with its ref', () => {
    const p = podOf({ containers: [c('b'), c('a')] }, {
      'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/b': 'x', 'container.seccomp.security.alpha.kubernetes.io/a': 'y',
    });
    expect(run(seccompBaseline, p, 18)).toEqual({
      detail: 'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="y", container.seccomp.security.alpha.kubernetes.io/b="x", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
      refs: [
        'pod.yaml#0 metadata.annotations.container.seccomp.security.alpha.kubernetes.io/a',
        'pod.yaml#0 metadata.annotations.container.seccomp.security.alpha.kubernetes.io/b',
        'pod.yaml#0 metadata.annotations.seccomp.security.alpha.kubernetes.io/pod',
      ],
    });
  });

  it('seccomp v1.18: an annotation for a name that is no container of the pod is not read', () => {
    const p = podOf({}, { 'container.seccomp.security.alpha.kubernetes.io/other': 'unconfined' });
    expect(run(seccompBaseline, p, 18)).toBeNull();
  });
});

describe('singular wordings', () => {
  it('one restricted volume "uses" one restricted volume type', () => {
    expect(run(restrictedVolumes, podOf({ volumes: [{ name: 'v', nfs: { server: 's', path: '/' } }] }))?.detail)
      .toBe('volume "v" uses restricted volume type "nfs"');
  });

  it('two volumes of one type: plural volumes, singular type', () => {
    expect(run(restrictedVolumes, podOf({ volumes: [{ name: 'v', hostPath: { path: '/a' } }, { name: 'w', hostPath: { path: '/b' } }] }))?.detail)
      .toBe('volumes "v", "w" use restricted volume type "hostPath"');
  });
});
