// Edges of the container identity: containerd pkg/oci/spec_opts.go WithUserID (the gid is the
// primary group of the passwd entry with that uid, wherever it is in the file, else 0) and
// WithUsername; the kubelet's determineEffectiveSecurityContext (fsGroup, even 0, joins the
// supplementary groups: `if podSc.FSGroup != nil`); containerd cri WithAdditionalGIDs (the groups
// of /etc/group that list the user, but not the user's own group).
import { describe, expect, it } from 'vitest';
import type { ContainerSecurityContext, ImageMeta, PodSecurityContext } from '../model/index.js';
import { first, pod } from '../../testing/security.js';
import { alpine, alpineGroups } from '../image/catalogue/passwd.js';
import { resolveIdentity } from './identity.js';
import { effectiveSecurityContext } from './merge.js';

function identityOf(img: ImageMeta, podSc?: PodSecurityContext, containerSc?: ContainerSecurityContext) {
  const p = pod({ ...(podSc ? { securityContext: podSc } : {}), containers: [{ name: 'c', ...(containerSc ? { securityContext: containerSc } : {}) }] });
  return resolveIdentity(p, effectiveSecurityContext(p, first(p)), img);
}

/** An /etc/passwd where root is not the first line. */
const rootLast: ImageMeta = { passwd: [{ name: 'app', uid: 1000, gid: 1000 }, { name: 'root', uid: 0, gid: 0 }], source: 'registry' };
const alpineMeta = (user?: string): ImageMeta => ({ ...(user !== undefined ? { user } : {}), passwd: alpine, groups: alpineGroups, source: 'catalogue' });

describe('resolveIdentity: the passwd entry is found by uid or name, not by position', () => {
  it('no USER: root is looked up as uid 0', () => {
    expect(identityOf(rootLast).identity).toMatchObject({ uid: 0, gid: 0, username: 'root', uidFrom: 'default', gidFrom: 'image' });
  });
  it('runAsUser 1000 is the entry with uid 1000', () => {
    expect(identityOf(rootLast, undefined, { runAsUser: 1000 }).identity).toMatchObject({ uid: 1000, gid: 1000, username: 'app', gidFrom: 'image' });
  });
  it('an image USER name the image lacks: uid 0 and no entry, so gid 0 from nowhere', () => {
    const { identity, unresolvedName } = identityOf({ ...rootLast, user: 'ghost' });
    expect(identity).toMatchObject({ uid: 0, gid: 0, username: null, uidFrom: 'image', gidFrom: 'default', groups: [] });
    expect(unresolvedName).toBe('ghost');
  });
  it('an image USER name it has: uid and gid from that entry', () => {
    const { identity, unresolvedName } = identityOf({ ...rootLast, user: 'app' });
    expect(identity).toMatchObject({ uid: 1000, gid: 1000, username: 'app', uidFrom: 'image', gidFrom: 'image' });
    expect(unresolvedName).toBeNull();
  });
  it('runAsGroup without a passwd entry for the uid', () => {
    expect(identityOf(rootLast, { runAsGroup: 3000 }, { runAsUser: 4242 }).identity).toMatchObject({ uid: 4242, gid: 3000, username: null, gidFrom: 'pod' });
  });
});

describe('resolveIdentity: supplementary groups', () => {
  it('fsGroup 0 is a group too', () => {
    expect(identityOf(rootLast, { fsGroup: 0 }, { runAsUser: 1000 }).identity.groups).toEqual([0]);
  });
  it('alpine\'s bin (uid 1, group 1) is in daemon and sys from /etc/group; its own group is not repeated', () => {
    expect(identityOf(alpineMeta(), undefined, { runAsUser: 1 }).identity).toMatchObject({ uid: 1, gid: 1, username: 'bin', groups: [2, 3] });
  });
  it('an image USER name picks up its groups the same way', () => {
    expect(identityOf(alpineMeta('daemon')).identity).toMatchObject({ uid: 2, gid: 2, username: 'daemon', groups: [1, 4] });
  });
  // containerd pkg/oci/spec_opts.go WithAdditionalGIDs, getSupplementalGroupsFromPath's filter:
  // `if g.Name == username { return false }`, then any group whose member list names the user. The
  // group left out is the one named after the user, not the one whose gid the process runs with.
  it('the group left out is the one named after the user, whatever runAsGroup is (alpine adm: uid 3, group adm 4)', () => {
    expect(identityOf(alpineMeta(), undefined, { runAsUser: 3 }).identity).toMatchObject({ uid: 3, gid: 4, username: 'adm', groups: [3, 6] });
    expect(identityOf(alpineMeta(), undefined, { runAsUser: 3, runAsGroup: 3 }).identity).toMatchObject({ uid: 3, gid: 3, username: 'adm', groups: [3, 6] });
    expect(identityOf(alpineMeta(), undefined, { runAsUser: 0, runAsGroup: 10 }).identity.groups).toEqual([1, 2, 3, 4, 6, 10, 11, 20, 26, 27]);
  });
  it('numbers sort as numbers, with the pod\'s groups', () => {
    expect(identityOf(alpineMeta(), { fsGroup: 20, supplementalGroups: [9] }).identity.groups).toEqual([1, 2, 3, 4, 6, 9, 10, 11, 20, 26, 27]);
  });
});
