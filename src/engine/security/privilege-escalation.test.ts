// kubernetes pkg/securitycontext/util.go AddNoNewPrivileges (no_new_privs only for an explicit
// false) and pkg/apis/core/validation ValidateSecurityContext (false is rejected next to privileged).
import { describe, expect, it } from 'vitest';
import type { ContainerSecurityContext } from '../model/index.js';
import { first, pod } from '../../testing/security.js';
import { effectiveSecurityContext } from './merge.js';
import { allowsPrivilegeEscalation } from './privilege-escalation.js';

describe('allowsPrivilegeEscalation', () => {
  it.each<[string, ContainerSecurityContext | undefined, boolean]>([
    ['unset: allowed', undefined, true],
    ['explicit true', { allowPrivilegeEscalation: true }, true],
    ['explicit false: no_new_privs', { allowPrivilegeEscalation: false }, false],
    ['privileged: always allowed', { privileged: true }, true],
    ['SYS_ADMIN added with false: still no_new_privs', { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'], drop: [] } }, false],
  ])('%s', (_label, sc, expected) => {
    const p = pod({ containers: [{ name: 'c', ...(sc ? { securityContext: sc } : {}) }] });
    expect(allowsPrivilegeEscalation(effectiveSecurityContext(p, first(p)))).toBe(expected);
  });
});
