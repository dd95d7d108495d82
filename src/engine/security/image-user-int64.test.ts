// containerd internal/cri/server/images/image_status.go getUserFromImage: the part before ':' is a
// uid when strconv.ParseInt(s, 10, 64) accepts it: an optional sign, decimal digits, and the int64
// range [-9223372036854775808, 9223372036854775807] inclusive; anything else is a user name.
import { describe, expect, it } from 'vitest';
import { imageUser } from './image-user.js';

describe('imageUser: what ParseInt(s, 10, 64) accepts', () => {
  it.each([
    ['+5', { kind: 'uid', uid: 5 }],
    ['-1', { kind: 'uid', uid: -1 }],
    ['9223372036854775807', { kind: 'uid', uid: Number(2n ** 63n - 1n) }],
    ['-9223372036854775808', { kind: 'uid', uid: Number(-(2n ** 63n)) }],
    ['9223372036854775808', { kind: 'name', name: '9223372036854775808' }],
    ['-9223372036854775809', { kind: 'name', name: '-9223372036854775809' }],
    ['0x10', { kind: 'name', name: '0x10' }],
    [' 1', { kind: 'name', name: ' 1' }],
  ])('USER %j', (user, expected) => {
    expect(imageUser(user)).toEqual(expected);
  });
});
