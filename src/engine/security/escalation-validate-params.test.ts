// The escalation conflict's diagnostic carries its parts as params (field, the %#v value, the
// detail), as every field.Invalid of normalize/ does, so a translated message can be rebuilt from
// them (issue 15: escalation-validate.ts 93:80 survived its mutation run with the params emptied).
// Upstream: kubernetes v1.30 pkg/apis/core/validation/validation.go ValidateSecurityContext.
import { describe, expect, it } from 'vitest';
import { normalizePod, withContext } from '../../testing/profile-validation.js';
import { PRIVILEGED_DETAIL, SYS_ADMIN_DETAIL, securityContextLiteral } from './escalation-validate.js';

const conflicts = (sc: object) => normalizePod(withContext(sc)).diagnostics.filter((d) => d.code === 'security-context-invalid');

describe('params of the escalation conflict', () => {
  it('privileged: the securityContext\'s path, its value and the detail', () => {
    const sc = { privileged: true, allowPrivilegeEscalation: false };
    expect(conflicts(sc).map((d) => d.params)).toEqual([
      { field: 'spec.containers[0].securityContext', value: securityContextLiteral(sc), detail: PRIVILEGED_DETAIL },
    ]);
  });

  it('CAP_SYS_ADMIN: the same field and value, its own detail', () => {
    const sc = { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } };
    expect(conflicts(sc).map((d) => d.params)).toEqual([
      { field: 'spec.containers[0].securityContext', value: securityContextLiteral(sc), detail: SYS_ADMIN_DETAIL },
    ]);
  });
});
