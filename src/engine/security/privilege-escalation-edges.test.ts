// allowsPrivilegeEscalation beyond the kubelet's own cases (kubernetes pkg/securitycontext/util.go
// AddNoNewPrivileges: only an explicit allowPrivilegeEscalation=false sets no_new_privs).
import { describe, expect, it } from 'vitest';
import { first, pod } from '../../testing/security.js';
import { effectiveSecurityContext, type EffectiveSecurityContext } from './merge.js';
import { allowsPrivilegeEscalation } from './privilege-escalation.js';

describe('allowsPrivilegeEscalation: privileged written as false', () => {
  it('privileged: false is no exemption: an explicit false still sets no_new_privs', () => {
    const p = pod({ containers: [{ name: 'c', securityContext: { privileged: false, allowPrivilegeEscalation: false } }] });
    expect(allowsPrivilegeEscalation(effectiveSecurityContext(p, first(p)))).toBe(false);
  });

  it('privileged: false with nothing else allows escalation (unset is true)', () => {
    const p = pod({ containers: [{ name: 'c', securityContext: { privileged: false } }] });
    expect(allowsPrivilegeEscalation(effectiveSecurityContext(p, first(p)))).toBe(true);
  });
});

describe('allowsPrivilegeEscalation: privileged beside an explicit false', () => {
  // pkg/apis/core/validation ValidateSecurityContext refuses this pair ("cannot set
  // `allowPrivilegeEscalation` to false and `privileged` to true"); the function's own rule, for a
  // context that has both, is that privileged wins.
  it('privileged wins', () => {
    const sc: EffectiveSecurityContext = { privileged: true, allowPrivilegeEscalation: false };
    expect(allowsPrivilegeEscalation(sc)).toBe(true);
  });
});
