// One row per Baseline control, after kubernetes/pod-security-admission policy/check_*.go and
// their check_*_test.go cases (staging/src/k8s.io/pod-security-admission/policy/).
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../model/index.js';
import { pod, type PodInput } from '../../../testing/security.js';
import { appArmor } from './app-armor.js';
import { capabilitiesBaseline } from './capabilities-baseline.js';
import type { PssCheck } from './check.js';
import { hostNamespaces } from './host-namespaces.js';
import { hostPathVolumes } from './host-path-volumes.js';
import { hostPorts } from './host-ports.js';
import { privileged } from './privileged.js';
import { procMount } from './proc-mount.js';
import { seccompBaseline } from './seccomp-baseline.js';
import { seLinux } from './se-linux.js';
import { sysctls } from './sysctls.js';
import { windowsHostProcess } from './windows-host-process.js';

const found = (check: PssCheck, input: PodInput) =>
  check.check(pod(input)).map((v) => ({ level: v.level, check: v.check, message: v.message, at: formatPath(v.ref.path) }));

const c = (securityContext: object, name = 'app') => ({ containers: [{ name, securityContext }] });

describe('Baseline checks', () => {
  it.each<[string, PssCheck, PodInput, { message: string; at: string }[]]>([
    // check_hostNamespaces.go
    ['no host namespaces', hostNamespaces, {}, []],
    ['hostNetwork and hostPID', hostNamespaces, { hostNetwork: true, hostPID: true }, [
      { message: 'host namespaces (hostNetwork=true)', at: 'spec.hostNetwork' },
      { message: 'host namespaces (hostPID=true)', at: 'spec.hostPID' },
    ]],
    ['hostIPC', hostNamespaces, { hostIPC: true }, [{ message: 'host namespaces (hostIPC=true)', at: 'spec.hostIPC' }]],
    // check_privileged.go
    ['privileged false is fine', privileged, c({ privileged: false }), []],
    ['privileged true', privileged, c({ privileged: true }), [
      { message: 'privileged (container "app" must not set securityContext.privileged=true)', at: 'spec.containers[0].securityContext.privileged' },
    ]],
    ['privileged init container', privileged, { initContainers: [{ name: 'init', securityContext: { privileged: true } }] }, [
      { message: 'privileged (container "init" must not set securityContext.privileged=true)', at: 'spec.initContainers[0].securityContext.privileged' },
    ]],
    // check_capabilities_baseline.go
    ['adding defaults is fine', capabilitiesBaseline, c({ capabilities: { add: ['CHOWN', 'NET_BIND_SERVICE'], drop: [] } }), []],
    ['course notes SYS_TIME, NET_ADMIN', capabilitiesBaseline, c({ capabilities: { add: ['SYS_TIME', 'NET_ADMIN'], drop: [] } }), [
      { message: 'non-default capabilities (container "app" must not include "SYS_TIME" in securityContext.capabilities.add)', at: 'spec.containers[0].securityContext.capabilities.add[0]' },
      { message: 'non-default capabilities (container "app" must not include "NET_ADMIN" in securityContext.capabilities.add)', at: 'spec.containers[0].securityContext.capabilities.add[1]' },
    ]],
    ['NET_RAW is a runtime default but not addable', capabilitiesBaseline, c({ capabilities: { add: ['NET_RAW'], drop: [] } }), [
      { message: 'non-default capabilities (container "app" must not include "NET_RAW" in securityContext.capabilities.add)', at: 'spec.containers[0].securityContext.capabilities.add[0]' },
    ]],
    ['the comparison is case-sensitive', capabilitiesBaseline, c({ capabilities: { add: ['chown'], drop: [] } }), [
      { message: 'non-default capabilities (container "app" must not include "chown" in securityContext.capabilities.add)', at: 'spec.containers[0].securityContext.capabilities.add[0]' },
    ]],
    // check_hostPathVolumes.go
    ['emptyDir is fine', hostPathVolumes, { volumes: [{ name: 'tmp', type: 'emptyDir' }] }, []],
    ['hostPath', hostPathVolumes, { volumes: [{ name: 'tmp', type: 'emptyDir' }, { name: 'docker', type: 'hostPath' }] }, [
      { message: 'hostPath volumes (volume "docker")', at: 'spec.volumes[1]' },
    ]],
    // check_hostPorts.go
    ['hostPort 0 is fine', hostPorts, { containers: [{ name: 'app', hostPorts: [0] }] }, []],
    ['hostPort 8080', hostPorts, { containers: [{ name: 'app', hostPorts: [8080] }] }, [
      { message: 'hostPort (container "app" uses hostPort 8080)', at: 'spec.containers[0].ports' },
    ]],
    // pkg/apis/core/v1/defaults.go: with hostNetwork an unset hostPort becomes the containerPort,
    // and admission sees the defaulted pod.
    ['hostNetwork: a containerPort is a hostPort', hostPorts, { hostNetwork: true, containers: [{ name: 'app', ports: [8080] }] }, [
      { message: 'hostPort (container "app" uses hostPort 8080)', at: 'spec.containers[0].ports' },
    ]],
    ['containerPort alone is not a hostPort', hostPorts, { containers: [{ name: 'app', ports: [8080] }] }, []],
    // check_appArmorProfile.go
    ['RuntimeDefault and Localhost are fine', appArmor, { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, ...c({ appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } }) }, []],
    ['Unconfined at pod and container', appArmor, { securityContext: { appArmorProfile: { type: 'Unconfined' } }, ...c({ appArmorProfile: { type: 'Unconfined' } }) }, [
      { message: 'forbidden AppArmor profile (pod must not set AppArmor profile type to "Unconfined")', at: 'spec.securityContext.appArmorProfile.type' },
      { message: 'forbidden AppArmor profile (container "app" must not set AppArmor profile type to "Unconfined")', at: 'spec.containers[0].securityContext.appArmorProfile.type' },
    ]],
    ['annotation unconfined in a Deployment template', appArmor, {
      specPath: ['spec', 'template', 'spec'],
      annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined', 'container.apparmor.security.beta.kubernetes.io/b': 'localhost/x' },
    }, [
      { message: 'forbidden AppArmor profile (annotation container.apparmor.security.beta.kubernetes.io/app="unconfined")', at: 'spec.template.metadata.annotations.container.apparmor.security.beta.kubernetes.io/app' },
    ]],
    // check_seLinuxOptions.go
    ['container_t and level are fine', seLinux, c({ seLinuxOptions: { type: 'container_t', level: 's0:c123,c456' } }), []],
    ['container_engine_t is allowed since 1.31', seLinux, c({ seLinuxOptions: { type: 'container_engine_t' } }), []],
    ['spc_t and user', seLinux, { securityContext: { seLinuxOptions: { type: 'spc_t' } }, ...c({ seLinuxOptions: { user: 'system_u' } }) }, [
      { message: 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t")', at: 'spec.securityContext.seLinuxOptions.type' },
      { message: 'seLinuxOptions (container "app" set forbidden securityContext.seLinuxOptions: user may not be set)', at: 'spec.containers[0].securityContext.seLinuxOptions.user' },
    ]],
    // check_procMount_baseline.go
    ['procMount Default is fine', procMount, c({ procMount: 'Default' }), []],
    ['procMount Unmasked', procMount, c({ procMount: 'Unmasked' }), [
      { message: 'procMount (container "app" must not set securityContext.procMount to "Unmasked")', at: 'spec.containers[0].securityContext.procMount' },
    ]],
    // check_seccompProfile_baseline.go
    ['seccomp unset is fine at baseline', seccompBaseline, {}, []],
    ['seccomp Unconfined', seccompBaseline, { securityContext: { seccompProfile: { type: 'Unconfined' } }, ...c({ seccompProfile: { type: 'Unconfined' } }) }, [
      { message: 'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")', at: 'spec.securityContext.seccompProfile.type' },
      { message: 'seccompProfile (container "app" must not set securityContext.seccompProfile.type to "Unconfined")', at: 'spec.containers[0].securityContext.seccompProfile.type' },
    ]],
    // check_sysctls.go
    ['safe sysctls', sysctls, { securityContext: { sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }, { name: 'net.ipv4.tcp_rmem', value: '4096' }] } }, []],
    ['unsafe sysctl', sysctls, { securityContext: { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'kernel.msgmax', value: '1' }] } }, [
      { message: 'forbidden sysctls (kernel.msgmax)', at: 'spec.securityContext.sysctls[1].name' },
    ]],
    // check_windowsHostProcess.go
    ['hostProcess false is fine', windowsHostProcess, c({ windowsOptions: { hostProcess: false } }), []],
    ['hostProcess true', windowsHostProcess, { securityContext: { windowsOptions: { hostProcess: true } } }, [
      { message: 'hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)', at: 'spec.securityContext.windowsOptions.hostProcess' },
    ]],
  ])('%s', (_label, check, input, expected) => {
    const result = found(check, input);
    expect(result.map(({ message, at }) => ({ message, at }))).toEqual(expected);
    for (const v of result) expect(v).toMatchObject({ level: 'baseline', check: check.id });
  });
});
