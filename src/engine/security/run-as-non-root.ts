import type { ImageMeta, NonRootCheck } from '../model/index.js';
import { imageUser } from './image-user.js';
import type { EffectiveSecurityContext } from './merge.js';

const MAX_INT32 = 2147483647;

/**
 * The kubelet's check at container creation (kubernetes pkg/kubelet/kuberuntime/
 * security_context_others.go verifyRunAsNonRoot), on the effective securityContext:
 * - runAsNonRoot unset or false: nothing to check;
 * - runAsUser set (container or pod): only 0 fails — the image is not consulted;
 * - otherwise the image's user: a name cannot be verified and fails; uid 0 (also no USER) fails;
 *   a uid outside 0..2147483647 fails as invalid.
 * runAsGroup plays no part. Messages are the kubelet's, without its `(pod: …, container: …)` suffix.
 */
export function checkRunAsNonRoot(sc: EffectiveSecurityContext, image: ImageMeta): NonRootCheck {
  const setting = sc.runAsNonRoot;
  if (!setting || !setting.value) {
    return { required: false, requiredFrom: setting?.from ?? null, ok: true, message: null };
  }
  const fail = (message: string): NonRootCheck => ({ required: true, requiredFrom: setting.from, ok: false, message });
  const ok: NonRootCheck = { required: true, requiredFrom: setting.from, ok: true, message: null };

  if (sc.runAsUser) {
    return sc.runAsUser.value === 0 ? fail("container's runAsUser breaks non-root policy") : ok;
  }
  const user = imageUser(image.user);
  switch (user.kind) {
    case 'name':
      return fail(`container has runAsNonRoot and image has non-numeric user (${user.name}), cannot verify user is non-root`);
    case 'root':
      return fail('container has runAsNonRoot and image will run as root');
    case 'uid':
      if (user.uid === 0) return fail('container has runAsNonRoot and image will run as root');
      if (user.uid < 0 || user.uid > MAX_INT32) {
        return fail(
          `container has runAsNonRoot and image has an invalid user id (${user.uid}). (Must be 1-(${MAX_INT32})): ` +
          `must be between 0 and ${MAX_INT32}, inclusive`,
        );
      }
      return ok;
  }
}
