/**
 * /etc/passwd of the base images the catalogue builds on (name, uid, primary gid).
 * Sources: `cat /etc/passwd` of ubuntu:24.04 quoted in jupyterhub/repo2docker#1346; Debian's
 * base-passwd (debuerreotype/docker-debian-artifacts#26: bookworm dropped `gnats` and moved `_apt`
 * to 42); alpine's alpine-baselayout (quoted in skilld-labs/skilld-docker-container#46);
 * busybox's buildroot skeleton; oraclelinux's setup package.
 */
import type { GroupEntry, PasswdEntry } from '../../model/index.js';

type Row = readonly [name: string, uid: number, gid: number];
const rows = (list: readonly Row[]): readonly PasswdEntry[] => list.map(([name, uid, gid]) => ({ name, uid, gid }));

const debianCommon: readonly Row[] = [
  ['root', 0, 0], ['daemon', 1, 1], ['bin', 2, 2], ['sys', 3, 3], ['sync', 4, 65534], ['games', 5, 60],
  ['man', 6, 12], ['lp', 7, 7], ['mail', 8, 8], ['news', 9, 9], ['uucp', 10, 10], ['proxy', 13, 13],
  ['www-data', 33, 33], ['backup', 34, 34], ['list', 38, 38], ['irc', 39, 39],
];

/** Debian 12 (bookworm) and later, Ubuntu 24.04 base: no `gnats`, `_apt` is 42. */
export const debian12 = rows([...debianCommon, ['_apt', 42, 65534], ['nobody', 65534, 65534]]);
/** Debian 11 (bullseye) and earlier, Ubuntu up to 22.04: `gnats` 41 and `_apt` 100. */
export const debian11 = rows([...debianCommon, ['gnats', 41, 41], ['nobody', 65534, 65534], ['_apt', 100, 65534]]);
/** Ubuntu 23.04 and later add the non-root `ubuntu` user (1000:1000). */
export const ubuntu2404 = [...debian12, ...rows([['ubuntu', 1000, 1000]])];
export const ubuntu2204 = debian11;

export const alpine = rows([
  ['root', 0, 0], ['bin', 1, 1], ['daemon', 2, 2], ['adm', 3, 4], ['lp', 4, 7], ['sync', 5, 0], ['shutdown', 6, 0],
  ['halt', 7, 0], ['mail', 8, 12], ['news', 9, 13], ['uucp', 10, 14], ['operator', 11, 0], ['man', 13, 15],
  ['postmaster', 14, 12], ['cron', 16, 16], ['ftp', 21, 21], ['sshd', 22, 22], ['at', 25, 25], ['squid', 31, 31],
  ['xfs', 33, 33], ['games', 35, 35], ['cyrus', 85, 12], ['vpopmail', 89, 89], ['ntp', 123, 123],
  ['smmsp', 209, 209], ['guest', 405, 100], ['nobody', 65534, 65534],
]);

export const busybox = rows([
  ['root', 0, 0], ['daemon', 1, 1], ['bin', 2, 2], ['sys', 3, 3], ['sync', 4, 100], ['mail', 8, 8],
  ['www-data', 33, 33], ['operator', 37, 37], ['nobody', 65534, 65534],
]);

export const oraclelinux = rows([
  ['root', 0, 0], ['bin', 1, 1], ['daemon', 2, 2], ['adm', 3, 4], ['lp', 4, 7], ['sync', 5, 0], ['shutdown', 6, 0],
  ['halt', 7, 0], ['mail', 8, 12], ['operator', 11, 0], ['games', 12, 100], ['ftp', 14, 50], ['nobody', 65534, 65534],
]);

/** What the engine assumes for an image it does not know. */
export const rootOnly = rows([['root', 0, 0]]);

export function withUsers(base: readonly PasswdEntry[], extra: readonly Row[]): readonly PasswdEntry[] {
  return [...base, ...rows(extra)];
}

/**
 * /etc/group lines that list members, where a base image has them: busybox's buildroot skeleton
 * (`wheel:x:10:root`), alpine-baselayout's (root is in bin, daemon, sys, adm, disk, wheel, floppy,
 * dialout, tape and video). Debian and Ubuntu list no members for root. containerd adds these groups
 * to the process (cri WithAdditionalGIDs), so `id` as root in busybox prints `groups=0(root),10(wheel)`.
 */
export const busyboxGroups: readonly GroupEntry[] = [{ name: 'wheel', gid: 10, members: ['root'] }];
export const alpineGroups: readonly GroupEntry[] = [
  { name: 'bin', gid: 1, members: ['root', 'bin', 'daemon'] }, { name: 'daemon', gid: 2, members: ['root', 'bin', 'daemon'] },
  { name: 'sys', gid: 3, members: ['root', 'bin', 'adm'] }, { name: 'adm', gid: 4, members: ['root', 'adm', 'daemon'] },
  { name: 'disk', gid: 6, members: ['root', 'adm'] }, { name: 'wheel', gid: 10, members: ['root'] },
  { name: 'floppy', gid: 11, members: ['root'] }, { name: 'dialout', gid: 20, members: ['root'] },
  { name: 'tape', gid: 26, members: ['root'] }, { name: 'video', gid: 27, members: ['root'] },
];
