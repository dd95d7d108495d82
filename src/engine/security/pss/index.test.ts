// The evaluator as policy/registry.go builds it (k8s.io/pod-security-admission v0.30.0): check
// order (Baseline IDs sorted, then Restricted IDs sorted), overrides, versions, `latest`.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../model/index.js';
import { load } from '../../../testing/manifests.js';
import { PSS_CHECKS, PSS_REGISTRY, evaluatePodSecurity, evaluatePss } from './index.js';

function podOf(spec: Record<string, unknown>): Pod {
  const p = load({ 'pod.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'busybox' }], ...spec } }] }).scenario.pods[0];
  if (!p) throw new Error('no pod');
  return p;
}

const HARDENED = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{ name: 'app', image: 'busybox', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } } }],
  initContainers: [{ name: 'init', image: 'busybox', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
};

describe('the check registry', () => {
  it('has v1.29 as its newest policy version (sysctls), which `latest` and newer versions evaluate as', () => {
    expect(PSS_REGISTRY.maxVersion).toBe(29);
    expect(PSS_REGISTRY.checksAt('restricted', 'latest')).toEqual(PSS_REGISTRY.checksAt('restricted', 35));
  });

  it('orders Baseline IDs, then Restricted IDs, each sorted; Restricted replaces three Baseline checks', () => {
    expect(PSS_REGISTRY.checksAt('baseline', 'latest').map((c) => c.id)).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'privileged', 'procMount',
      'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess',
    ]);
    expect(PSS_REGISTRY.checksAt('restricted', 'latest').map((c) => c.id)).toEqual([
      'appArmorProfile', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'sysctls', 'windowsHostProcess',
      'allowPrivilegeEscalation', 'capabilities_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted',
    ]);
  });

  it.each<[number, string[]]>([
    // Before v1.8 Restricted has no allowPrivilegeEscalation; before v1.19 no seccompProfile_restricted
    // (the annotation-reading Baseline check stays); before v1.22 capabilities_baseline stays; runAsUser from v1.23.
    [7, ['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess', 'restrictedVolumes', 'runAsNonRoot']],
    [18, ['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess', 'allowPrivilegeEscalation', 'restrictedVolumes', 'runAsNonRoot']],
    [21, ['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'sysctls', 'windowsHostProcess', 'allowPrivilegeEscalation', 'restrictedVolumes', 'runAsNonRoot', 'seccompProfile_restricted']],
    [22, ['appArmorProfile', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'sysctls', 'windowsHostProcess', 'allowPrivilegeEscalation', 'capabilities_restricted', 'restrictedVolumes', 'runAsNonRoot', 'seccompProfile_restricted']],
  ])('restricted:v1.%i runs the checks of that version', (v, ids) => {
    expect(PSS_REGISTRY.checksAt('restricted', v).map((c) => c.id)).toEqual(ids);
  });

  it('a bare pod at restricted:latest fails four checks, in order', () => {
    expect(evaluatePodSecurity(podOf({}), 'restricted', 'latest').map((o) => `${o.reason} (${o.detail})`)).toEqual([
      'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)',
      'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"])',
      'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)',
      'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    ]);
    expect(evaluatePodSecurity(podOf({}), 'privileged', 'latest')).toEqual([]);
    expect(evaluatePodSecurity(podOf({}), 'baseline', 'latest')).toEqual([]);
  });

  it('restricted:v1.21 still reports added capabilities as Baseline words them and asks for no drop', () => {
    const pod = podOf({ containers: [{ name: 'app', image: 'busybox', securityContext: { capabilities: { add: ['SYS_TIME'] } } }] });
    expect(evaluatePodSecurity(pod, 'restricted', 21).map((o) => o.check.id)).toEqual(['capabilities_baseline', 'allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(evaluatePodSecurity(pod, 'restricted', 25).find((o) => o.check.id === 'capabilities_restricted')?.detail)
      .toBe('container "app" must set securityContext.capabilities.drop=["ALL"]; container "app" must not include "SYS_TIME" in securityContext.capabilities.add');
  });

  it('names each check once, with its control', () => {
    const ids = PSS_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(PSS_CHECKS.find((c) => c.id === 'runAsUser')?.control).toBe('Running as Non-root user');
  });
});

describe('evaluatePss (the inspector: level met at latest, and why)', () => {
  it.each<[string, Record<string, unknown>, string, string[]]>([
    ['a fully hardened pod', HARDENED, 'restricted', []],
    ['a bare pod: baseline, with every restricted gap', {}, 'baseline', ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']],
    ['course notes SYS_TIME + NET_ADMIN: privileged', { containers: [{ name: 'ubuntu-sleeper', image: 'ubuntu', securityContext: { capabilities: { add: ['SYS_TIME', 'NET_ADMIN'] } } }] }, 'privileged',
      ['capabilities_baseline', 'allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']],
    ['the init container counts', { ...HARDENED, initContainers: [{ name: 'init', image: 'busybox', securityContext: { privileged: true, capabilities: { drop: ['ALL'] } } }] }, 'privileged',
      ['privileged', 'allowPrivilegeEscalation']],
    ['hostNetwork breaks Baseline twice (the defaulted hostPort too)', { ...HARDENED, hostNetwork: true, containers: [{ ...HARDENED.containers[0], ports: [{ containerPort: 8080 }] }] }, 'privileged', ['hostNamespaces', 'hostPorts']],
    ['runAsUser 0 breaks only Restricted', { ...HARDENED, securityContext: { ...HARDENED.securityContext, runAsUser: 0 } }, 'baseline', ['runAsUser']],
  ])('%s', (_label, spec, level, checks) => {
    const result = evaluatePss(podOf(spec));
    expect(result.level).toBe(level);
    expect(result.violations.map((v) => v.check)).toEqual(checks);
    for (const v of result.violations) expect(v.message).toBe(`${v.reason} (${v.detail})`);
  });
});
