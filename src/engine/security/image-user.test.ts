// containerd internal/cri/server/images/image_status.go getUserFromImage (image_status_test.go):
// only the part before ':' counts; a base-10 int64 is a uid, anything else a name; empty ⇒ nothing
// (the kubelet's getImageUser, pkg/kubelet/kuberuntime/helpers.go, then means uid 0).
import { describe, expect, it } from 'vitest';
import { imageUser } from './image-user.js';

describe('imageUser', () => {
  it.each([
    [undefined, { kind: 'root' }],
    ['', { kind: 'root' }],
    ['0', { kind: 'uid', uid: 0 }],
    ['1000', { kind: 'uid', uid: 1000 }],
    ['101:101', { kind: 'uid', uid: 101 }],
    ['1000:0', { kind: 'uid', uid: 1000 }],
    ['nginx', { kind: 'name', name: 'nginx' }],
    ['app:app', { kind: 'name', name: 'app' }],
    ['app:1000', { kind: 'name', name: 'app' }],
    [':1000', { kind: 'root' }],
    ['1000x', { kind: 'name', name: '1000x' }],
    ['99999999999999999999', { kind: 'name', name: '99999999999999999999' }],
  ])('USER %j', (user, expected) => {
    expect(imageUser(user)).toEqual(expected);
  });
});
