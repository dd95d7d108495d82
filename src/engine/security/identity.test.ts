// uid/gid as the kubelet and containerd decide them: kubernetes pkg/kubelet/kuberuntime/
// security_context.go determineEffectiveSecurityContext (runAsUser, else the image uid from
// getImageUser; fsGroup + supplementalGroups), containerd pkg/oci/spec_opts.go WithUserID
// (gid = the uid's primary group in /etc/passwd, else 0) and WithUsername.
import { describe, expect, it } from 'vitest';
import type { ImageMeta, Pod, PodSecurityContext, ContainerSecurityContext } from '../model/index.js';
import { NGINX, NGINX_PASSWD, NGINX_UNPRIVILEGED, UBUNTU, UBUNTU_PASSWD, first, image, pod } from '../../testing/security.js';
import { resolveIdentity } from './identity.js';
import { effectiveSecurityContext, type EffectiveSecurityContext } from './merge.js';

function identityOf(podSc: PodSecurityContext | undefined, containerSc: ContainerSecurityContext | undefined, img: ImageMeta) {
  const p = pod({ ...(podSc ? { securityContext: podSc } : {}), containers: [{ name: 'c', ...(containerSc ? { securityContext: containerSc } : {}) }] });
  return resolveIdentity(p, effectiveSecurityContext(p, first(p)), img);
}

describe('resolveIdentity', () => {
  it.each([
    ['ubuntu, nothing set: root', undefined, undefined, UBUNTU, { uid: 0, gid: 0, username: 'root', uidFrom: 'default', gidFrom: 'image' }],
    ['course notes ubuntu-sleeper: pod runAsUser 1010 is nobody in ubuntu', { runAsUser: 1010 }, undefined, UBUNTU, { uid: 1010, gid: 0, username: null, uidFrom: 'pod', gidFrom: 'default' }],
    ['ubuntu runAsUser 1000 is ubuntu:1000', undefined, { runAsUser: 1000 }, UBUNTU, { uid: 1000, gid: 1000, username: 'ubuntu', uidFrom: 'container', gidFrom: 'image' }],
    ['course notes multi-container: the container overrides the pod', { runAsUser: 1001 }, { runAsUser: 1002 }, UBUNTU, { uid: 1002, gid: 0, username: null, uidFrom: 'container', gidFrom: 'default' }],
    ['runAsGroup from the pod beats /etc/passwd', { runAsGroup: 3000 }, { runAsUser: 1000 }, UBUNTU, { uid: 1000, gid: 3000, username: 'ubuntu', uidFrom: 'container', gidFrom: 'pod' }],
    ['runAsGroup: container over pod', { runAsGroup: 3000 }, { runAsGroup: 4000 }, UBUNTU, { uid: 0, gid: 4000, username: 'root', uidFrom: 'default', gidFrom: 'container' }],
    ['image USER 101 (nginx-unprivileged)', undefined, undefined, NGINX_UNPRIVILEGED, { uid: 101, gid: 101, username: 'nginx', uidFrom: 'image', gidFrom: 'image' }],
    ['image USER 1001:2000: the group part is ignored', undefined, undefined, image('1001:2000'), { uid: 1001, gid: 0, username: null, uidFrom: 'image', gidFrom: 'default' }],
    ['image USER 101:999: the passwd group, not 999', undefined, undefined, image('101:999', NGINX_PASSWD), { uid: 101, gid: 101, username: 'nginx', uidFrom: 'image', gidFrom: 'image' }],
    ['image USER nginx resolves through /etc/passwd', undefined, undefined, image('nginx', NGINX_PASSWD), { uid: 101, gid: 101, username: 'nginx', uidFrom: 'image', gidFrom: 'image' }],
    ['runAsUser beats the image USER', undefined, { runAsUser: 0 }, NGINX_UNPRIVILEGED, { uid: 0, gid: 0, username: 'root', uidFrom: 'container', gidFrom: 'image' }],
    ['nginx with no USER runs as root', undefined, undefined, NGINX, { uid: 0, gid: 0, username: 'root', uidFrom: 'default', gidFrom: 'image' }],
  ] as const)('%s', (_label, podSc, containerSc, img, expected) => {
    const { identity, unresolvedName } = identityOf(podSc, containerSc, img);
    expect({ ...identity, groups: undefined }).toEqual({ ...expected, groups: undefined });
    expect(unresolvedName).toBeNull();
  });

  it('flags a USER name the image does not have', () => {
    const { identity, unresolvedName } = identityOf(undefined, undefined, image('app', UBUNTU_PASSWD));
    expect(unresolvedName).toBe('app');
    expect(identity.username).toBeNull();
  });

  it.each([
    [{}, []],
    [{ fsGroup: 2000 }, [2000]],
    [{ supplementalGroups: [5000, 4000, 5000] }, [4000, 5000]],
    [{ fsGroup: 4000, supplementalGroups: [5000, 4000] }, [4000, 5000]],
  ])('groups from %j', (podSc, groups) => {
    expect(identityOf(podSc, undefined, UBUNTU).identity.groups).toEqual(groups);
  });
});

// containerd's CRI adds the groups of the image's /etc/group that list the user by name
// (internal/cri/server/container_create_linux.go: customopts.WithAdditionalGIDs(userstr)):
// `id` as root in busybox prints groups=0(root),10(wheel); in alpine root is in ten groups.
describe('groups from the image /etc/group (containerd WithAdditionalGIDs)', () => {
  const meta = (passwd: ImageMeta['passwd'], groups: ImageMeta['groups']) => ({ passwd, ...(groups ? { groups } : {}), source: 'catalogue' as const });
  const pod0 = { securityContext: undefined } as unknown as Pod;
  it.each([
    ['busybox root', meta([{ name: 'root', uid: 0, gid: 0 }], [{ name: 'wheel', gid: 10, members: ['root'] }]), [10]],
    ['a group that lists someone else', meta([{ name: 'root', uid: 0, gid: 0 }], [{ name: 'wheel', gid: 10, members: ['admin'] }]), []],
    ['no /etc/group facts', meta([{ name: 'root', uid: 0, gid: 0 }], undefined), []],
  ] as const)('%s', (_name, image, groups) => {
    expect(resolveIdentity(pod0, {} as EffectiveSecurityContext, image).identity.groups).toEqual(groups);
  });

  it('a uid without a passwd entry has no name, so no extra groups', () => {
    const sc = { runAsUser: { value: 1000, from: 'container' } } as unknown as EffectiveSecurityContext;
    expect(resolveIdentity(pod0, sc, meta([{ name: 'root', uid: 0, gid: 0 }], [{ name: 'wheel', gid: 10, members: ['root'] }])).identity.groups).toEqual([]);
  });
});
