// Levels as pod-security-admission evaluates them: Baseline = no Baseline check fails; Restricted =
// Baseline plus the Restricted checks (policy/registry.go, checks.go).
import { describe, expect, it } from 'vitest';
import { pod, type PodInput } from '../../../testing/security.js';
import { PSS_CHECKS, evaluatePss } from './index.js';

const RESTRICTED: PodInput = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{ name: 'app', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } } }],
  initContainers: [{ name: 'init', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: [], drop: ['ALL'] } } }],
};

describe('evaluatePss', () => {
  it.each<[string, PodInput, string, string[]]>([
    ['a fully hardened pod', RESTRICTED, 'restricted', []],
    ['a bare pod: baseline, with every restricted gap listed', {}, 'baseline',
      ['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted', 'capabilities_restricted']],
    ['course notes SYS_TIME + NET_ADMIN: privileged only', { containers: [{ name: 'ubuntu-sleeper', securityContext: { capabilities: { add: ['SYS_TIME', 'NET_ADMIN'], drop: [] } } }] }, 'privileged',
      ['capabilities_baseline', 'capabilities_baseline', 'allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted', 'capabilities_restricted']],
    ['the init container counts', { ...RESTRICTED, initContainers: [{ name: 'init', securityContext: { privileged: true, capabilities: { add: [], drop: ['ALL'] } } }] }, 'privileged',
      ['privileged', 'allowPrivilegeEscalation']],
    ['hostNetwork alone breaks baseline', { ...RESTRICTED, hostNetwork: true }, 'privileged', ['hostNamespaces']],
    ['runAsUser 0 breaks only restricted', { ...RESTRICTED, securityContext: { ...RESTRICTED.securityContext, runAsUser: 0 } }, 'baseline', ['runAsUser']],
  ])('%s', (_label, input, level, checks) => {
    const result = evaluatePss(pod(input));
    expect(result.level).toBe(level);
    expect(result.violations.map((v) => v.check)).toEqual(checks);
  });

  it('names each check once and gives its control', () => {
    const ids = PSS_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(PSS_CHECKS.find((c) => c.id === 'runAsUser')?.control).toBe('Running as Non-root user');
  });
});
