// The engine never throws on student input (engine-spec.md section 2): any securityContext the
// model can hold, any image USER and /etc/passwd, gives a report.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// modelPod, not pod(): the point is values normalize/ would refuse (runAsUser -5), straight into the engine.
import { first, image, modelPod as pod } from '../../testing/security.js';
import { analyzeSecurity, podSecurityStandards } from './index.js';

const capName = fc.oneof(fc.constantFrom('ALL', 'all', 'CHOWN', 'cap_sys_time', 'NET_ADMIN', 'SYS_ADMIN'), fc.string());
const sc = fc.record({
  runAsUser: fc.option(fc.integer({ min: -5, max: 70000 }), { nil: undefined }),
  runAsGroup: fc.option(fc.integer({ min: 0, max: 70000 }), { nil: undefined }),
  runAsNonRoot: fc.option(fc.boolean(), { nil: undefined }),
  privileged: fc.option(fc.boolean(), { nil: undefined }),
  allowPrivilegeEscalation: fc.option(fc.boolean(), { nil: undefined }),
  capabilities: fc.option(fc.record({ add: fc.array(capName, { maxLength: 4 }), drop: fc.array(capName, { maxLength: 4 }) }), { nil: undefined }),
  seccompProfile: fc.option(fc.record({ type: fc.constantFrom('RuntimeDefault', 'Localhost', 'Unconfined', ''), localhostProfile: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['type'] }), { nil: undefined }),
  appArmorProfile: fc.option(fc.record({ type: fc.oneof(fc.constantFrom('RuntimeDefault', 'Localhost', 'Unconfined'), fc.string()), localhostProfile: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['type'] }), { nil: undefined }),
  procMount: fc.option(fc.constantFrom('Default', 'Unmasked', ''), { nil: undefined }),
}, { requiredKeys: [] });

describe('security never throws', () => {
  it('on arbitrary securityContexts, profiles, AppArmor annotations, users and passwd files', () => {
    fc.assert(fc.property(sc, sc, fc.option(fc.string(), { nil: undefined }),
      fc.array(fc.record({ name: fc.string(), uid: fc.nat(70000), gid: fc.nat(70000) }), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('container.apparmor.security.beta.kubernetes.io/c', 'container.apparmor.security.beta.kubernetes.io/x', 'other'), fc.string()),
      (podSc, containerSc, user, passwd, annotations) => {
        const p = pod({ securityContext: podSc, annotations, containers: [{ name: 'c', securityContext: containerSc }] });
        const { report } = analyzeSecurity(p, first(p), image(user, passwd));
        // Invariants: effective ⊆ bounding, and effective is empty for non-root.
        expect(report.capabilities.effective.every((c) => report.capabilities.bounding.includes(c))).toBe(true);
        if (report.identity.uid !== 0) expect(report.capabilities.effective).toEqual([]);
        // A privileged container never has a seccomp filter; no_new_privs is the opposite of escalation.
        if (report.privileged) expect(report.seccomp.mode).toBe(0);
        expect(report.noNewPrivs).toBe(!report.allowPrivilegeEscalation);
        const pss = podSecurityStandards(p);
        expect(pss.level === 'restricted').toBe(pss.violations.length === 0);
      }), { numRuns: 300 });
  });
});
