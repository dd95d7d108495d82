import type { FieldSource, Identity, ImageMeta, PasswdEntry, Pod } from '../model/index.js';
import { imageUser } from './image-user.js';
import type { EffectiveSecurityContext, Sourced } from './merge.js';

export interface IdentityResult {
  readonly identity: Identity;
  /** The image USER is a name that the image's /etc/passwd does not have (containerd then fails). */
  readonly unresolvedName: string | null;
}

/**
 * Who the container's main process runs as.
 * uid: runAsUser (container, else pod), else the image USER (numeric part of `uid[:gid]`, or a name
 * looked up in the image's /etc/passwd), else 0.
 * gid: runAsGroup (container, else pod), else the primary group of that user in the image's
 * /etc/passwd, else 0 — containerd's oci.WithUserID / WithUsername (pkg/oci/spec_opts.go). The
 * group of an image `USER uid:gid` never reaches containerd: the kubelet passes only the uid it got
 * from ImageStatus.
 * groups: fsGroup and supplementalGroups (kubelet determineEffectiveSecurityContext), plus the groups
 * of the image's /etc/group that list the user by name, but for the group named after the user
 * (containerd WithAdditionalGIDs, the `Merge` supplementalGroupsPolicy), sorted, unique.
 */
export function resolveIdentity(pod: Pod, sc: EffectiveSecurityContext, image: ImageMeta): IdentityResult {
  let uid: number;
  let uidFrom: FieldSource;
  let entry: PasswdEntry | undefined;
  let unresolvedName: string | null = null;

  if (sc.runAsUser) {
    uid = sc.runAsUser.value;
    uidFrom = sc.runAsUser.from;
    entry = image.passwd.find((e) => e.uid === uid);
  } else {
    const user = imageUser(image.user);
    if (user.kind === 'uid') {
      uid = user.uid;
      uidFrom = 'image';
      entry = image.passwd.find((e) => e.uid === uid);
    } else if (user.kind === 'name') {
      entry = image.passwd.find((e) => e.name === user.name);
      uid = entry?.uid ?? 0;
      uidFrom = 'image';
      if (!entry) unresolvedName = user.name;
    } else {
      uid = 0;
      uidFrom = 'default';
      entry = image.passwd.find((e) => e.uid === 0);
    }
  }

  const group: Sourced<number> | undefined = sc.runAsGroup;
  const gid = group ? group.value : entry?.gid ?? 0;
  const gidFrom: FieldSource = group ? group.from : entry ? 'image' : 'default';

  const podSc = pod.securityContext;
  // containerd's filter (pkg/oci/spec_opts.go WithAdditionalGIDs, getSupplementalGroupsFromPath):
  // a group that lists the user, except the group *named* after the user, whatever the process gid.
  const fromImage = entry ? (image.groups ?? []).filter((g) => g.members.includes(entry.name) && g.name !== entry.name).map((g) => g.gid) : [];
  const extra = [...(podSc?.fsGroup !== undefined ? [podSc.fsGroup] : []), ...(podSc?.supplementalGroups ?? []), ...fromImage];
  const groups = [...new Set(extra)].sort((a, b) => a - b);

  return {
    identity: { uid, gid, username: entry?.name ?? null, uidFrom, gidFrom, groups },
    unresolvedName,
  };
}
