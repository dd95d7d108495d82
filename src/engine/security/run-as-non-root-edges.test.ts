// kubernetes pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot: an image uid is
// checked with validation.IsValidUserID (0 <= uid <= math.MaxInt32, "must be between 0 and
// 2147483647, inclusive"); containerd's getUserFromImage reports a negative USER as a uid.
import { describe, expect, it } from 'vitest';
import { first, image, pod } from '../../testing/security.js';
import { effectiveSecurityContext } from './merge.js';
import { checkRunAsNonRoot } from './run-as-non-root.js';

function check(user: string) {
  const p = pod({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'c' }] });
  return checkRunAsNonRoot(effectiveSecurityContext(p, first(p)), image(user));
}

const invalid = (uid: string) =>
  `container has runAsNonRoot and image has an invalid user id (${uid}). (Must be 1-(2147483647)): must be between 0 and 2147483647, inclusive`;

describe('checkRunAsNonRoot: the image uid range', () => {
  it('MaxInt32 itself is a valid non-root uid', () => {
    expect(check('2147483647')).toEqual({ required: true, requiredFrom: 'pod', ok: true, message: null });
  });

  it('uid 1 passes', () => {
    expect(check('1:0')).toEqual({ required: true, requiredFrom: 'pod', ok: true, message: null });
  });

  it.each(['-1', '-2147483648'])('a negative USER (%s) is an invalid uid', (user) => {
    expect(check(user)).toEqual({ required: true, requiredFrom: 'pod', ok: false, message: invalid(user) });
  });

  it('USER -0 is uid 0: root', () => {
    expect(check('-0')).toEqual({ required: true, requiredFrom: 'pod', ok: false, message: 'container has runAsNonRoot and image will run as root' });
  });
});
