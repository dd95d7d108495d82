// kubernetes pkg/securitycontext/util.go DetermineEffectiveSecurityContext (util_test.go cases):
// the pod contributes seLinuxOptions, windowsOptions, runAsUser, runAsGroup, runAsNonRoot; a field
// the container sets wins.
import { describe, expect, it } from 'vitest';
import { first, pod } from '../../testing/security.js';
import { effectiveSecurityContext } from './merge.js';

describe('effectiveSecurityContext', () => {
  it('is empty when neither level sets anything', () => {
    expect(effectiveSecurityContext(pod(), first(pod()))).toEqual({});
  });

  it.each([
    ['runAsUser from the pod', { runAsUser: 1010 }, {}, 'runAsUser', { value: 1010, from: 'pod' }],
    ['runAsUser: container over pod', { runAsUser: 1001 }, { runAsUser: 1002 }, 'runAsUser', { value: 1002, from: 'container' }],
    ['runAsUser 0 in the container still overrides', { runAsUser: 1001 }, { runAsUser: 0 }, 'runAsUser', { value: 0, from: 'container' }],
    ['runAsGroup from the pod', { runAsGroup: 3000 }, { runAsUser: 5 }, 'runAsGroup', { value: 3000, from: 'pod' }],
    ['runAsNonRoot: container false over pod true', { runAsNonRoot: true }, { runAsNonRoot: false }, 'runAsNonRoot', { value: false, from: 'container' }],
    ['runAsNonRoot from the pod', { runAsNonRoot: true }, {}, 'runAsNonRoot', { value: true, from: 'pod' }],
    ['seLinuxOptions replaced whole', { seLinuxOptions: { level: 's0:c1', type: 'container_t' } }, { seLinuxOptions: { user: 'u' } }, 'seLinuxOptions', { value: { user: 'u' }, from: 'container' }],
    ['seccompProfile from the pod', { seccompProfile: { type: 'RuntimeDefault' } }, {}, 'seccompProfile', { value: { type: 'RuntimeDefault' }, from: 'pod' }],
    ['hostProcess from the pod', { windowsOptions: { hostProcess: true } }, { windowsOptions: {} }, 'hostProcess', { value: true, from: 'pod' }],
  ] as const)('%s', (_label, podSc, containerSc, field, expected) => {
    const p = pod({ securityContext: podSc, containers: [{ name: 'c', securityContext: containerSc }] });
    expect(effectiveSecurityContext(p, first(p))[field]).toEqual(expected);
  });

  it('takes container-only fields from the container alone', () => {
    const p = pod({ containers: [{ name: 'c', securityContext: {
      privileged: true, allowPrivilegeEscalation: true, readOnlyRootFilesystem: true, procMount: 'Default',
      capabilities: { add: ['SYS_TIME'], drop: [] },
    } }] });
    expect(effectiveSecurityContext(p, first(p))).toEqual({
      privileged: true, allowPrivilegeEscalation: true, readOnlyRootFilesystem: true, procMount: 'Default',
      capabilities: { add: ['SYS_TIME'], drop: [] },
    });
  });
});
