// kubernetes pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot and
// security_context_others_test.go TestVerifyRunAsNonRoot: the same cases, messages without the
// `(pod: …, container: …)` suffix that the pipeline appends.
import { describe, expect, it } from 'vitest';
import type { ContainerSecurityContext, ImageMeta, PodSecurityContext } from '../model/index.js';
import { NGINX, NGINX_UNPRIVILEGED, first, image, pod } from '../../testing/security.js';
import { effectiveSecurityContext } from './merge.js';
import { checkRunAsNonRoot } from './run-as-non-root.js';

const ROOT_IMAGE = "container has runAsNonRoot and image will run as root";
const RUN_AS_ZERO = "container's runAsUser breaks non-root policy";

function check(podSc: PodSecurityContext | undefined, containerSc: ContainerSecurityContext | undefined, img: ImageMeta) {
  const p = pod({ ...(podSc ? { securityContext: podSc } : {}), containers: [{ name: 'c', ...(containerSc ? { securityContext: containerSc } : {}) }] });
  return checkRunAsNonRoot(effectiveSecurityContext(p, first(p)), img);
}

describe('checkRunAsNonRoot', () => {
  it.each([
    ['not set: root image passes', undefined, undefined, NGINX, { required: false, requiredFrom: null, ok: true, message: null }],
    ['false: root image passes', undefined, { runAsNonRoot: false }, NGINX, { required: false, requiredFrom: 'container', ok: true, message: null }],
    ['container false beats pod true', { runAsNonRoot: true }, { runAsNonRoot: false }, NGINX, { required: false, requiredFrom: 'container', ok: true, message: null }],
    ['pod true, image without USER', { runAsNonRoot: true }, undefined, NGINX, { required: true, requiredFrom: 'pod', ok: false, message: ROOT_IMAGE }],
    ['pod true, image USER 0', { runAsNonRoot: true }, undefined, image('0'), { required: true, requiredFrom: 'pod', ok: false, message: ROOT_IMAGE }],
    ['pod true, image USER 101', { runAsNonRoot: true }, undefined, NGINX_UNPRIVILEGED, { required: true, requiredFrom: 'pod', ok: true, message: null }],
    ['container true, runAsUser 0', undefined, { runAsNonRoot: true, runAsUser: 0 }, NGINX_UNPRIVILEGED, { required: true, requiredFrom: 'container', ok: false, message: RUN_AS_ZERO }],
    ['pod runAsUser 0 is inherited', { runAsUser: 0 }, { runAsNonRoot: true }, NGINX_UNPRIVILEGED, { required: true, requiredFrom: 'container', ok: false, message: RUN_AS_ZERO }],
    ['runAsUser 1000 on a root image passes: the image is not asked', { runAsNonRoot: true, runAsUser: 1000 }, undefined, NGINX, { required: true, requiredFrom: 'pod', ok: true, message: null }],
    ['container runAsUser 1000 overrides pod runAsUser 0', { runAsNonRoot: true, runAsUser: 0 }, { runAsUser: 1000 }, NGINX, { required: true, requiredFrom: 'pod', ok: true, message: null }],
    ['runAsGroup 0 plays no part', { runAsNonRoot: true, runAsGroup: 0 }, undefined, NGINX_UNPRIVILEGED, { required: true, requiredFrom: 'pod', ok: true, message: null }],
    ['non-numeric image user', { runAsNonRoot: true }, undefined, image('nginx'), {
      required: true, requiredFrom: 'pod', ok: false,
      message: 'container has runAsNonRoot and image has non-numeric user (nginx), cannot verify user is non-root',
    }],
    ['image USER 0:1000 is root', { runAsNonRoot: true }, undefined, image('0:1000'), { required: true, requiredFrom: 'pod', ok: false, message: ROOT_IMAGE }],
    ['image uid above MaxInt32', { runAsNonRoot: true }, undefined, image('2147483648'), {
      required: true, requiredFrom: 'pod', ok: false,
      message: 'container has runAsNonRoot and image has an invalid user id (2147483648). (Must be 1-(2147483647)): must be between 0 and 2147483647, inclusive',
    }],
  ] as const)('%s', (_label, podSc, containerSc, img, expected) => {
    expect(check(podSc, containerSc, img)).toEqual(expected);
  });
});
