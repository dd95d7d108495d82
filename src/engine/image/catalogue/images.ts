/**
 * Built-in facts about common public images: the Dockerfile USER and the /etc/passwd users, per tag
 * where it matters. Sources are the official images' Dockerfiles (docker-library/*, nginxinc/*,
 * bitnami/containers), e.g. nginx: `groupadd --system --gid 101 nginx && useradd ... --uid 101 nginx`;
 * node: `groupadd --gid 1000 node && useradd --uid 1000 --gid node ... node`; mysql, redis and postgres
 * (Debian) create their user as 999:999; redis:alpine 999:1000, postgres:alpine 70:70;
 * nginxinc/nginx-unprivileged ends with `USER $UID` (101); bitnami images end with `USER 1001`.
 * None of the official images set USER: they start as root (entrypoints drop privileges themselves).
 */
import type { GroupEntry, PasswdEntry } from '../../model/index.js';
import { alpine, alpineGroups, busybox, busyboxGroups, debian11, debian12, oraclelinux, ubuntu2204, ubuntu2404, withUsers } from './passwd.js';

export interface CatalogueEntry {
  readonly user?: string;
  readonly passwd: readonly PasswdEntry[];
  readonly groups?: readonly GroupEntry[];
}

/** Tags of Debian-based images built on bullseye (11) or older. */
const oldDebian = /(?:^|-)(?:bullseye|buster|stretch|jessie|11|10|9)(?:$|-|\.)/;
const isAlpine = (tag: string) => /alpine/.test(tag);
const debianFor = (tag: string) => (oldDebian.test(tag) ? debian11 : debian12);

/** Ubuntu 23.04 and later carry `ubuntu` (1000:1000); `latest` is 24.04. */
function ubuntu(tag: string): CatalogueEntry {
  const m = /^(\d{2})\.(\d{2})/.exec(tag);
  if (m) return { passwd: Number(m[1]) * 100 + Number(m[2]) >= 2304 ? ubuntu2404 : ubuntu2204 };
  const old = ['jammy', 'kinetic', 'focal', 'bionic', 'xenial', 'trusty'];
  return { passwd: old.some((name) => tag.startsWith(name)) ? ubuntu2204 : ubuntu2404 };
}

function debianOrAlpine(extra: readonly (readonly [string, number, number])[], alpineExtra = extra) {
  return (tag: string): CatalogueEntry => ({
    passwd: isAlpine(tag) ? withUsers(alpine, alpineExtra) : withUsers(debianFor(tag), extra),
    ...(isAlpine(tag) ? { groups: alpineGroups } : {}),
  });
}

const nginxUser = [['nginx', 101, 101]] as const;

/** Keyed by Docker Hub repository path (`library/nginx`, `nginxinc/nginx-unprivileged`). */
export const catalogue: Readonly<Record<string, (tag: string) => CatalogueEntry>> = {
  'library/ubuntu': ubuntu,
  'library/debian': (tag) => ({ passwd: debianFor(tag) }),
  'library/busybox': () => ({ passwd: busybox, groups: busyboxGroups }),
  'library/alpine': () => ({ passwd: alpine, groups: alpineGroups }),
  'library/nginx': debianOrAlpine(nginxUser),
  'nginxinc/nginx-unprivileged': (tag) => ({ user: '101', passwd: debianOrAlpine(nginxUser)(tag).passwd }),
  // mysql:8 and later are built on oraclelinux; the `-debian` variants on Debian.
  'library/mysql': (tag) => ({ passwd: withUsers(/debian/.test(tag) ? debianFor(tag) : oraclelinux, [['mysql', 999, 999]]) }),
  'library/redis': debianOrAlpine([['redis', 999, 999]], [['redis', 999, 1000]]),
  'library/postgres': debianOrAlpine([['postgres', 999, 999]], [['postgres', 70, 70]]),
  'library/httpd': debianOrAlpine([]),
  'library/node': debianOrAlpine([['node', 1000, 1000]]),
  'library/python': debianOrAlpine([]),
};

/** Every bitnami image runs as 1001, a uid its /etc/passwd does not name. */
export function bitnami(): CatalogueEntry {
  return { user: '1001', passwd: debian12 };
}
