// One row per Restricted control, after kubernetes/pod-security-admission policy/check_*.go and
// their check_*_test.go cases (staging/src/k8s.io/pod-security-admission/policy/).
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../model/index.js';
import { modelPod, pod, type PodInput } from '../../../testing/security.js';
import { allowPrivilegeEscalation } from './allow-privilege-escalation.js';
import { capabilitiesRestricted } from './capabilities-restricted.js';
import type { PssCheck } from './check.js';
import { restrictedVolumes } from './restricted-volumes.js';
import { runAsNonRoot } from './run-as-non-root.js';
import { runAsUser } from './run-as-user.js';
import { seccompRestricted } from './seccomp-restricted.js';

const found = (check: PssCheck, input: PodInput) =>
  check.check(pod(input)).map((v) => ({ level: v.level, check: v.check, message: v.message, at: formatPath(v.ref.path) }));

const c = (securityContext: object, name = 'app') => ({ containers: [{ name, securityContext }] });
const APE = 'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)';
const DROP = 'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"])';

describe('Restricted checks', () => {
  it.each<[string, PssCheck, PodInput, { message: string; at: string }[]]>([
    // check_restrictedVolumes.go
    ['allowed volume types', restrictedVolumes, { volumes: ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'].map((type, i) => ({ name: `v${i}`, type })) }, []],
    ['nfs, and hostPath left to Baseline', restrictedVolumes, { volumes: [{ name: 'data', type: 'nfs' }, { name: 'host', type: 'hostPath' }] }, [
      { message: 'restricted volume types (volume "data" uses restricted volume type "nfs")', at: 'spec.volumes[0]' },
    ]],
    // check_allowPrivilegeEscalation.go
    ['allowPrivilegeEscalation false', allowPrivilegeEscalation, c({ allowPrivilegeEscalation: false }), []],
    ['allowPrivilegeEscalation unset', allowPrivilegeEscalation, { containers: [{ name: 'app' }] }, [{ message: APE, at: 'spec.containers[0].securityContext.allowPrivilegeEscalation' }]],
    ['allowPrivilegeEscalation true', allowPrivilegeEscalation, c({ allowPrivilegeEscalation: true }), [{ message: APE, at: 'spec.containers[0].securityContext.allowPrivilegeEscalation' }]],
    // check_runAsNonRoot.go
    ['pod runAsNonRoot true covers containers', runAsNonRoot, { securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }, { name: 'b' }] }, []],
    ['every container sets it', runAsNonRoot, c({ runAsNonRoot: true }), []],
    ['unset anywhere', runAsNonRoot, { containers: [{ name: 'app' }] }, [
      { message: 'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)', at: 'spec.containers[0].securityContext.runAsNonRoot' },
    ]],
    ['container false overrides pod true', runAsNonRoot, { securityContext: { runAsNonRoot: true }, ...c({ runAsNonRoot: false }) }, [
      { message: 'runAsNonRoot != true (container "app" must not set securityContext.runAsNonRoot=false)', at: 'spec.containers[0].securityContext.runAsNonRoot' },
    ]],
    ['pod false', runAsNonRoot, { securityContext: { runAsNonRoot: false }, containers: [{ name: 'app' }] }, [
      { message: 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)', at: 'spec.securityContext.runAsNonRoot' },
    ]],
    // check_runAsUser.go
    ['runAsUser unset or non-zero', runAsUser, { securityContext: { runAsUser: 1000 }, ...c({}) }, []],
    ['runAsUser 0 at both levels', runAsUser, { securityContext: { runAsUser: 0 }, ...c({ runAsUser: 0 }) }, [
      { message: 'runAsUser=0 (pod must not set runAsUser=0)', at: 'spec.securityContext.runAsUser' },
      { message: 'runAsUser=0 (container "app" must not set runAsUser=0)', at: 'spec.containers[0].securityContext.runAsUser' },
    ]],
    // check_seccompProfile_restricted.go
    ['pod RuntimeDefault covers containers', seccompRestricted, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app' }] }, []],
    ['container Localhost', seccompRestricted, c({ seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } }), []],
    ['unset', seccompRestricted, { containers: [{ name: 'app' }] }, [
      { message: 'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")', at: 'spec.containers[0].securityContext.seccompProfile.type' },
    ]],
    ['container Unconfined is Baseline\'s to report', seccompRestricted, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, ...c({ seccompProfile: { type: 'Unconfined' } }) }, []],
    // check_capabilities_restricted.go
    ['drop ALL, add NET_BIND_SERVICE', capabilitiesRestricted, c({ capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } }), []],
    ['no capabilities', capabilitiesRestricted, { containers: [{ name: 'app' }] }, [{ message: DROP, at: 'spec.containers[0].securityContext.capabilities.drop' }]],
    ['drop all in lower case does not count', capabilitiesRestricted, c({ capabilities: { add: [], drop: ['all'] } }), [{ message: DROP, at: 'spec.containers[0].securityContext.capabilities.drop' }]],
    ['add CHOWN (Baseline allows it, Restricted does not); SYS_TIME is Baseline\'s', capabilitiesRestricted, c({ capabilities: { add: ['CHOWN', 'SYS_TIME'], drop: ['ALL'] } }), [
      { message: 'unrestricted capabilities (container "app" must not include "CHOWN" in securityContext.capabilities.add)', at: 'spec.containers[0].securityContext.capabilities.add[0]' },
    ]],
  ])('%s', (_label, check, input, expected) => {
    const result = found(check, input);
    expect(result.map(({ message, at }) => ({ message, at }))).toEqual(expected);
    for (const v of result) expect(v).toMatchObject({ level: 'restricted', check: check.id });
  });

  // check_restrictedVolumes.go allows `image` volumes (Kubernetes 1.31+); the lab's API is 1.30,
  // whose Volume has no `image` field, so normalize/ refuses one as an unknown field and this row
  // can only be stated on a model pod.
  it('allowed volume types: image (1.31+, not readable by the lab\'s 1.30 API)', () => {
    expect(restrictedVolumes.check(modelPod({ volumes: [{ name: 'v0', type: 'image' }] }))).toEqual([]);
    expect(() => pod({ volumes: [{ name: 'v0', type: 'image' }] })).toThrow(/unknown field "spec.volumes\[0\].image"/);
  });
});
