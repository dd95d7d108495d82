// Each Pod Security Standards check against the cases of its upstream test,
// k8s.io/pod-security-admission v0.30.0 policy/check_<id>_test.go (the lab's v1.30 API server),
// written as manifests and read through the engine's parser and normalizer.
import { describe, expect, it } from 'vitest';
import { formatPath, type Pod } from '../../model/index.js';
import { load } from '../../../testing/manifests.js';
import { allowPrivilegeEscalation } from './allow-privilege-escalation.js';
import { appArmor } from './app-armor.js';
import { capabilitiesBaseline } from './capabilities-baseline.js';
import { capabilitiesRestricted } from './capabilities-restricted.js';
import { goQuote, type PssCheck } from './check.js';
import { hostNamespaces } from './host-namespaces.js';
import { hostPathVolumes } from './host-path-volumes.js';
import { hostPorts } from './host-ports.js';
import { privileged } from './privileged.js';
import { procMount } from './proc-mount.js';
import { restrictedVolumes } from './restricted-volumes.js';
import { runAsNonRoot } from './run-as-non-root.js';
import { runAsUser } from './run-as-user.js';
import { seccompBaseline } from './seccomp-baseline.js';
import { seccompRestricted } from './seccomp-restricted.js';
import { seLinux } from './se-linux.js';
import { sysctls } from './sysctls.js';
import { windowsHostProcess } from './windows-host-process.js';

type Spec = Record<string, unknown>;
const c = (name: string, securityContext?: object, more: object = {}) => ({ name, image: 'busybox', ...(securityContext ? { securityContext } : {}), ...more });

/** A Pod with this spec (containers default to one `a`), as normalize/ reads it. */
function podOf(spec: Spec, annotations?: Record<string, string>): Pod {
  const { scenario } = load({ 'pod.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(annotations ? { annotations } : {}) }, spec: { containers: [c('a')], ...spec } }] });
  const p = scenario.pods[0];
  if (!p) throw new Error('no pod');
  return p;
}

/** The check's revision for policy minor version `v` (default: the newest), run on the pod. */
function run(check: PssCheck, pod: Pod, v = 99): { reason: string; detail: string } | null {
  const revision = [...check.versions].reverse().find((r) => r.minimumVersion <= v);
  const r = revision?.checkPod(pod) ?? null;
  return r && { reason: r.reason, detail: r.detail };
}

const row = (reason: string, detail: string) => ({ reason, detail });

describe('Pod Security Standards checks (policy/check_*_test.go, v0.30.0)', () => {
  it.each<[string, PssCheck, Spec, Record<string, string> | undefined, ReturnType<typeof row> | null]>([
    // check_allowPrivilegeEscalation_test.go
    ['allowPrivilegeEscalation: multiple containers', allowPrivilegeEscalation,
      { containers: [c('a'), c('b', {}), c('c', { allowPrivilegeEscalation: true }), c('d', { allowPrivilegeEscalation: false })] }, undefined,
      row('allowPrivilegeEscalation != false', 'containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false')],
    ['allowPrivilegeEscalation: windows pod admitted without it', allowPrivilegeEscalation, { os: { name: 'windows' } }, undefined, null],
    ['allowPrivilegeEscalation: linux pod without a security context', allowPrivilegeEscalation, { os: { name: 'linux' } }, undefined,
      row('allowPrivilegeEscalation != false', 'container "a" must set securityContext.allowPrivilegeEscalation=false')],
    // check_appArmorProfile_test.go
    // (containers a and b exist: the API server refuses an annotation naming no container)
    ['appArmor: runtime/default and localhost annotations, other annotations', appArmor, { containers: [c('a'), c('b')] },
      { 'container.apparmor.security.beta.kubernetes.io/a': 'runtime/default', 'container.apparmor.security.beta.kubernetes.io/b': 'localhost/sec-profile01', env: 'prod' }, null],
    ['appArmor: pod RuntimeDefault', appArmor, { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }, undefined, null],
    ['appArmor: unconfined pod', appArmor, { securityContext: { appArmorProfile: { type: 'Unconfined' } } }, undefined,
      row('forbidden AppArmor profile', 'pod must not set AppArmor profile type to "Unconfined"')],
    ['appArmor: unconfined container', appArmor,
      { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [c('foo', { appArmorProfile: { type: 'Unconfined' } })] }, undefined,
      row('forbidden AppArmor profile', 'container "foo" must not set AppArmor profile type to "Unconfined"')],
    ['appArmor: unconfined init container', appArmor,
      { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [c('foo')], initContainers: [c('bar', { appArmorProfile: { type: 'Unconfined' } })] }, undefined,
      row('forbidden AppArmor profile', 'container "bar" must not set AppArmor profile type to "Unconfined"')],
    // check_capabilities_baseline_test.go
    ['capabilities_baseline: multiple containers', capabilitiesBaseline,
      { containers: [c('a', { capabilities: { add: ['FOO', 'BAR'] } }), c('b', { capabilities: { add: ['BAR', 'BAZ'] } })] }, undefined,
      row('non-default capabilities', 'containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add')],
    // check_capabilities_restricted_test.go
    ['capabilities_restricted: multiple containers', capabilitiesRestricted, {
      containers: [c('a', { capabilities: { add: ['FOO', 'BAR'] } }), c('b', { capabilities: { add: ['BAR', 'BAZ'] } }),
        c('c', { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } })],
    }, undefined, row('unrestricted capabilities',
      'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add')],
    ['capabilities_restricted: windows pod', capabilitiesRestricted, { os: { name: 'windows' } }, undefined, null],
    ['capabilities_restricted: linux pod without a security context', capabilitiesRestricted, { os: { name: 'linux' } }, undefined,
      row('unrestricted capabilities', 'container "a" must set securityContext.capabilities.drop=["ALL"]')],
    ['capabilities_restricted: drop "all" is not "ALL"', capabilitiesRestricted, { containers: [c('a', { capabilities: { drop: ['all'] } })] }, undefined,
      row('unrestricted capabilities', 'container "a" must set securityContext.capabilities.drop=["ALL"]')],
    // check_hostNamespaces_test.go
    ['hostNamespaces: all three', hostNamespaces, { hostNetwork: true, hostPID: true, hostIPC: true }, undefined,
      row('host namespaces', 'hostNetwork=true, hostPID=true, hostIPC=true')],
    // check_hostPathVolumes_test.go
    ['hostPathVolumes', hostPathVolumes, { volumes: [{ name: 'a', hostPath: { path: '/a' } }, { name: 'b', hostPath: { path: '/b' } }, { name: 'c', emptyDir: {} }] }, undefined,
      row('hostPath volumes', 'volumes "a", "b"')],
    // check_hostPorts_test.go
    ['hostPorts: one container, one host port', hostPorts,
      { containers: [c('a', undefined, { ports: [{ containerPort: 1 }] }), c('b', undefined, { ports: [{ containerPort: 2 }, { containerPort: 3, hostPort: 20 }] })] }, undefined,
      row('hostPort', 'container "b" uses hostPort 20')],
    ['hostPorts: multiple containers, multiple host ports (a sorted set of strings)', hostPorts, {
      containers: [c('a', undefined, { ports: [{ containerPort: 1 }] }),
        c('b', undefined, { ports: [{ containerPort: 2 }, { containerPort: 3, hostPort: 10 }, { containerPort: 4, hostPort: 20 }] }),
        c('c', undefined, { ports: [{ containerPort: 5 }, { containerPort: 6, hostPort: 10 }, { containerPort: 7, hostPort: 8080 }] })],
    }, undefined, row('hostPort', 'containers "b", "c" use hostPorts 10, 20, 8080')],
    ['hostPorts: hostNetwork defaults a pod\'s hostPort to its containerPort', hostPorts, { hostNetwork: true, containers: [c('a', undefined, { ports: [{ containerPort: 80 }] })] }, undefined,
      row('hostPort', 'container "a" uses hostPort 80')],
    // check_privileged_test.go
    ['privileged', privileged, {
      containers: [c('a'), c('b', {}), c('c', { privileged: false }), c('d', { privileged: true }), c('e', { privileged: true })],
    }, undefined, row('privileged', 'containers "d", "e" must not set securityContext.privileged=true')],
    // check_procMount_test.go
    ['procMount', procMount, {
      containers: [c('a'), c('b', {}), c('c', { procMount: 'Default' }), c('d', { procMount: 'Unmasked' }), c('e', { procMount: 'other' })],
    }, undefined, row('procMount', 'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"')],
    // check_runAsNonRoot_test.go
    ['runAsNonRoot: none set', runAsNonRoot, {}, undefined, row('runAsNonRoot != true', 'pod or container "a" must set securityContext.runAsNonRoot=true')],
    ['runAsNonRoot: pod false', runAsNonRoot, { securityContext: { runAsNonRoot: false } }, undefined, row('runAsNonRoot != true', 'pod must not set securityContext.runAsNonRoot=false')],
    ['runAsNonRoot: containers false under a pod true', runAsNonRoot, {
      securityContext: { runAsNonRoot: true },
      containers: [c('a'), c('b', {}), c('c', { runAsNonRoot: false }), c('d', { runAsNonRoot: false }), c('e', { runAsNonRoot: true }), c('f', { runAsNonRoot: true })],
    }, undefined, row('runAsNonRoot != true', 'containers "c", "d" must not set securityContext.runAsNonRoot=false')],
    ['runAsNonRoot: pod unset, containers fall through', runAsNonRoot, {
      containers: [c('a'), c('b', {}), c('d', { runAsNonRoot: true }), c('e', { runAsNonRoot: true })],
    }, undefined, row('runAsNonRoot != true', 'pod or containers "a", "b" must set securityContext.runAsNonRoot=true')],
    ['runAsNonRoot: explicit falses hide the unset ones', runAsNonRoot, { securityContext: { runAsNonRoot: false }, containers: [c('a'), c('b', { runAsNonRoot: false })] }, undefined,
      row('runAsNonRoot != true', 'pod and container "b" must not set securityContext.runAsNonRoot=false')],
    // check_runAsUser_test.go
    ['runAsUser: pod 0', runAsUser, { securityContext: { runAsUser: 0 } }, undefined, row('runAsUser=0', 'pod must not set runAsUser=0')],
    ['runAsUser: pod non-zero', runAsUser, { securityContext: { runAsUser: 1000 } }, undefined, null],
    ['runAsUser: containers 0', runAsUser, {
      securityContext: { runAsUser: 1000 }, containers: [c('a'), c('b', {}), c('c', { runAsUser: 0 }), c('d', { runAsUser: 0 }), c('e', { runAsUser: 1 })],
    }, undefined, row('runAsUser=0', 'containers "c", "d" must not set runAsUser=0')],
    // check_seLinuxOptions_test.go
    ['seLinuxOptions: invalid pod and containers', seLinux, {
      securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } },
      containers: [c('a', { seLinuxOptions: { type: 'container_t' } }), c('b', { seLinuxOptions: { type: 'container_init_t' } }),
        c('c', { seLinuxOptions: { type: 'container_kvm_t' } }), c('d', { seLinuxOptions: { type: 'bar' } }),
        c('e', { seLinuxOptions: { user: 'bar' } }), c('f', { seLinuxOptions: { role: 'baz' } })],
    }, undefined, row('seLinuxOptions', 'pod and containers "d", "e", "f" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set')],
    ['seLinuxOptions: bad type', seLinux, { securityContext: { seLinuxOptions: { type: 'bad' } } }, undefined,
      row('seLinuxOptions', 'pod set forbidden securityContext.seLinuxOptions: type "bad"')],
    ['seLinuxOptions: bad user', seLinux, { securityContext: { seLinuxOptions: { user: 'bad' } } }, undefined,
      row('seLinuxOptions', 'pod set forbidden securityContext.seLinuxOptions: user may not be set')],
    ['seLinuxOptions: container_engine_t is not allowed before policy v1.31', seLinux, { securityContext: { seLinuxOptions: { type: 'container_engine_t' } } }, undefined,
      row('seLinuxOptions', 'pod set forbidden securityContext.seLinuxOptions: type "container_engine_t"')],
    // check_seccompProfile_baseline_test.go (v1.19+ fields)
    ['seccompProfile_baseline: pod Unconfined', seccompBaseline, { securityContext: { seccompProfile: { type: 'Unconfined' } } }, undefined,
      row('seccompProfile', 'pod must not set securityContext.seccompProfile.type to "Unconfined"')],
    ['seccompProfile_baseline: pod and containers Unconfined', seccompBaseline, {
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      containers: [c('a'), c('b', {}), c('c', { seccompProfile: { type: 'Unconfined' } }), c('d', { seccompProfile: { type: 'Unconfined' } }),
        c('e', { seccompProfile: { type: 'RuntimeDefault' } }), c('f', { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } })],
    }, undefined, row('seccompProfile', 'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"')],
    // check_seccompProfile_restricted_test.go
    ['seccompProfile_restricted: none set', seccompRestricted, {}, undefined,
      row('seccompProfile', 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"')],
    ['seccompProfile_restricted: windows pod', seccompRestricted, { os: { name: 'windows' } }, undefined, null],
    ['seccompProfile_restricted: pod Unconfined', seccompRestricted, { securityContext: { seccompProfile: { type: 'Unconfined' } } }, undefined,
      row('seccompProfile', 'pod must not set securityContext.seccompProfile.type to "Unconfined"')],
    ['seccompProfile_restricted: containers Unconfined under a pod RuntimeDefault', seccompRestricted, {
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [c('a'), c('b', {}), c('c', { seccompProfile: { type: 'Unconfined' } }), c('d', { seccompProfile: { type: 'Unconfined' } }),
        c('e', { seccompProfile: { type: 'RuntimeDefault' } }), c('f', { seccompProfile: { type: 'RuntimeDefault' } })],
    }, undefined, row('seccompProfile', 'containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"')],
    ['seccompProfile_restricted: pod unset, containers fall through', seccompRestricted, {
      containers: [c('a'), c('b', {}), c('d', { seccompProfile: { type: 'RuntimeDefault' } }), c('e', { seccompProfile: { type: 'RuntimeDefault' } })],
    }, undefined, row('seccompProfile', 'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"')],
    // check_sysctls_test.go (v1.29 set)
    ['sysctls: forbidden ones, in order', sysctls, { securityContext: { sysctls: [{ name: 'a', value: 'a' }, { name: 'b', value: 'b' }] } }, undefined,
      row('forbidden sysctls', 'a, b')],
    ['sysctls: the v1.29 additions are safe', sysctls, { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '1' }, { name: 'net.ipv4.ip_local_reserved_ports', value: '1' }] } }, undefined, null],
    // check_windowsHostProcess_test.go
    ['windowsHostProcess', windowsHostProcess, {
      securityContext: { windowsOptions: { hostProcess: true } },
      containers: [c('a'), c('b', {}), c('c', { windowsOptions: {} }), c('d', { windowsOptions: { hostProcess: false } }),
        c('e', { windowsOptions: { hostProcess: true } }), c('f', { windowsOptions: { hostProcess: true } })],
    }, undefined, row('hostProcess', 'pod and containers "e", "f" must not set securityContext.windowsOptions.hostProcess=true')],
  ])('%s', (_label, check, spec, annotations, expected) => {
    expect(run(check, podOf(spec, annotations))).toEqual(expected);
  });

  // check_appArmorProfile_test.go's bogus annotations: a Pod carrying them is refused by
  // ValidateAppArmorPodAnnotations (container not found, invalid AppArmor profile name), so they
  // are checked where PodSecurity still meets them: a workload's pod template.
  it('appArmor: annotations, sorted as key="value" (pod template)', () => {
    const annotations = {
      'container.apparmor.security.beta.kubernetes.io/': 'bogus', 'container.apparmor.security.beta.kubernetes.io/a': '',
      'container.apparmor.security.beta.kubernetes.io/b': 'runtime/default', 'container.apparmor.security.beta.kubernetes.io/c': 'localhost/',
      'container.apparmor.security.beta.kubernetes.io/d': 'localhost/foo', 'container.apparmor.security.beta.kubernetes.io/e': 'unconfined',
      'container.apparmor.security.beta.kubernetes.io/f': 'unknown',
    };
    const labels = { app: 'p' };
    const { scenario } = load({ 'deploy.yaml': [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'p' },
      spec: { selector: { matchLabels: labels }, template: { metadata: { labels, annotations }, spec: { containers: [c('a')] } } } }] });
    const p = scenario.pods[0];
    if (!p) throw new Error('no pod');
    expect(run(appArmor, p)).toEqual(row('forbidden AppArmor profiles', 'annotations must not set AppArmor profile type to ' +
      '"container.apparmor.security.beta.kubernetes.io/="bogus"", "container.apparmor.security.beta.kubernetes.io/e="unconfined"", "container.apparmor.security.beta.kubernetes.io/f="unknown""'));
  });

  // check_restrictedVolumes_test.go: every restricted source, sorted by type name. Upstream's `c1`
  // (a volume with no source) is "unknown" there because its test skips defaulting; the API
  // server's SetDefaults_Volume makes it an emptyDir, which is allowed (so it is not listed here).
  it('restrictedVolumes: every restricted source, hostPath included', () => {
    const allowed = { configMap: { name: 'cm' }, csi: { driver: 'd' }, downwardAPI: {}, emptyDir: {}, ephemeral: {}, persistentVolumeClaim: { claimName: 'c' }, projected: { sources: [] }, secret: { secretName: 's' } };
    const restricted = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder',
      'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'];
    const volumes = [
      ...Object.entries(allowed).map(([type, body], i) => ({ name: `a${i + 1}`, [type]: body })),
      ...restricted.map((type, i) => ({ name: `b${i + 1}`, [type]: {} })),
      { name: 'c1' },
    ];
    const pod = podOf({ volumes });
    expect(run(restrictedVolumes, pod)).toEqual(row('restricted volume types',
      `volumes ${restricted.map((_, i) => `"b${i + 1}"`).join(', ')} use restricted volume types ` +
      '"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", ' +
      '"hostPath", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume"'));
  });

  // check_seccompProfile_baseline_test.go (v1.0–v1.18: the alpha annotations)
  it.each<[string, Record<string, string>, ReturnType<typeof row> | null]>([
    ['pod annotation', { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }, row('seccompProfile', 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"')],
    ['container annotations', { 'container.seccomp.security.alpha.kubernetes.io/a': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/b': 'unknown', 'container.seccomp.security.alpha.kubernetes.io/c': 'runtime/default' },
      row('seccompProfile', 'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown"')],
    ['pod and containers', { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/a': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/b': 'unknown' },
      row('seccompProfile', 'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown", seccomp.security.alpha.kubernetes.io/pod="unconfined"')],
    ['docker/default and localhost/ are allowed', { 'seccomp.security.alpha.kubernetes.io/pod': 'docker/default', 'container.seccomp.security.alpha.kubernetes.io/a': 'localhost/x' }, null],
  ])('seccompProfile_baseline v1.18 (annotations): %s', (_label, annotations, expected) => {
    const pod = podOf({ containers: [c('a'), c('b'), c('c')] }, annotations);
    expect(run(seccompBaseline, pod, 18)).toEqual(expected);
    expect(run(seccompBaseline, pod, 19)).toBeNull();
  });

  it.each<[number, string, ReturnType<typeof row> | null]>([
    [26, 'net.ipv4.ip_local_reserved_ports', row('forbidden sysctls', 'net.ipv4.ip_local_reserved_ports')],
    [27, 'net.ipv4.ip_local_reserved_ports', null],
    [28, 'net.ipv4.tcp_fin_timeout', row('forbidden sysctls', 'net.ipv4.tcp_fin_timeout')],
    [29, 'net.ipv4.tcp_fin_timeout', null],
  ])('sysctls at policy v1.%i: %s', (v, name, expected) => {
    expect(run(sysctls, podOf({ securityContext: { sysctls: [{ name, value: '1' }] } }), v)).toEqual(expected);
  });

  it.each([allowPrivilegeEscalation, capabilitiesRestricted, seccompRestricted].map((check) => [check.id, check] as const))(
    '%s exempts Windows pods from policy v1.25 only', (_id, check) => {
      expect(run(check, podOf({ os: { name: 'windows' } }), 24)).not.toBeNull();
      expect(run(check, podOf({ os: { name: 'windows' } }), 25)).toBeNull();
    });

  it('points at the offending fields', () => {
    const pod = podOf({ containers: [c('a', { privileged: true }), c('b'), c('c', { privileged: true })] });
    expect(privileged.versions[0]?.checkPod(pod)?.refs.map((r) => formatPath(r.path))).toEqual([
      'spec.containers[0].securityContext.privileged', 'spec.containers[2].securityContext.privileged',
    ]);
  });

  it.each([
    ['plain', '"plain"'], ['quote " and \\', '"quote \\" and \\\\"'], ['tab\tnewline\n', '"tab\\tnewline\\n"'],
    ['\x00\x7f', '"\\x00\\x7f"'], ['ünïcödé 한글', '"ünïcödé 한글"'], ['\u00ad\u200b', '"\\u00ad\\u200b"'], ['😀', '"😀"'],
  ])('Go %%q of %j', (input, quoted) => {
    expect(goQuote(input)).toBe(quoted);
  });
});
