// Facts: ubuntu:24.04 /etc/passwd (jupyterhub/repo2docker#1346: `ubuntu:x:1000:1000`, absent in
// 22.04); docker-library/nginx Dockerfile (nginx 101:101, no USER); nginxinc/docker-nginx-unprivileged
// (USER 101); docker-library/node (node 1000:1000); docker-library/mysql, redis, postgres (999);
// bitnami/containers (USER 1001); alpine-baselayout passwd; busybox buildroot skeleton.
import { describe, expect, it } from 'vitest';
import type { ImageRef, PasswdEntry } from '../../model/index.js';
import { normalizeImage } from '../reference/index.js';
import { imageMeta } from './lookup.js';

const ref = (image: string): ImageRef => {
  const r = normalizeImage(image);
  if (!r.ok) throw new Error(r.error);
  return r.ref;
};
const uidOf = (passwd: readonly PasswdEntry[], name: string) => passwd.find((e) => e.name === name);

describe('catalogue: USER and passwd users', () => {
  it.each([
    // image, USER, [name, uid, gid] that must exist, name that must not
    ['ubuntu', undefined, ['ubuntu', 1000, 1000], null],
    ['ubuntu:24.04', undefined, ['ubuntu', 1000, 1000], 'gnats'],
    ['ubuntu:noble', undefined, ['ubuntu', 1000, 1000], null],
    ['ubuntu:22.04', undefined, ['gnats', 41, 41], 'ubuntu'],
    ['ubuntu:jammy', undefined, ['nobody', 65534, 65534], 'ubuntu'],
    ['ubuntu:20.04', undefined, ['_apt', 100, 65534], 'ubuntu'],
    ['debian', undefined, ['_apt', 42, 65534], 'gnats'],
    ['debian:bullseye', undefined, ['gnats', 41, 41], null],
    ['busybox', undefined, ['www-data', 33, 33], 'ubuntu'],
    ['alpine:3.20', undefined, ['guest', 405, 100], 'www-data'],
    ['nginx', undefined, ['nginx', 101, 101], null],
    ['nginx:1.27-alpine', undefined, ['nginx', 101, 101], 'www-data'],
    ['nginxinc/nginx-unprivileged', '101', ['nginx', 101, 101], null],
    ['mysql:8.4', undefined, ['mysql', 999, 999], null],
    ['redis', undefined, ['redis', 999, 999], null],
    ['redis:7-alpine', undefined, ['redis', 999, 1000], null],
    ['postgres:16', undefined, ['postgres', 999, 999], null],
    ['postgres:16-alpine', undefined, ['postgres', 70, 70], null],
    ['httpd', undefined, ['www-data', 33, 33], null],
    ['node:20', undefined, ['node', 1000, 1000], null],
    ['python:3.12', undefined, ['root', 0, 0], 'node'],
    ['bitnami/nginx:1.27', '1001', ['root', 0, 0], null],
    ['docker.io/bitnami/redis', '1001', ['root', 0, 0], null],
  ] as const)('%s', (image, user, [name, uid, gid], absent) => {
    const meta = imageMeta(ref(image), null);
    expect(meta.source).toBe('catalogue');
    expect(meta.user).toBe(user);
    expect(uidOf(meta.passwd, name)).toEqual({ name, uid, gid });
    expect(uidOf(meta.passwd, 'root')).toEqual({ name: 'root', uid: 0, gid: 0 });
    if (absent) expect(uidOf(meta.passwd, absent)).toBeUndefined();
  });

  it('bitnami\'s uid 1001 has no name in /etc/passwd', () => {
    expect(imageMeta(ref('bitnami/nginx'), null).passwd.some((e) => e.uid === 1001)).toBe(false);
  });

  it('an unknown image runs as root with only root in /etc/passwd', () => {
    expect(imageMeta(ref('example.com/team/tool:1'), null)).toEqual({ passwd: [{ name: 'root', uid: 0, gid: 0 }], source: 'unknown' });
    expect(imageMeta(null, null).source).toBe('unknown');
  });

  it('a mirror keeps the Docker Hub path: myprivateregistry.com:5000/nginx is nginx', () => {
    const meta = imageMeta(ref('myprivateregistry.com:5000/nginx:alpine'), null);
    expect(uidOf(meta.passwd, 'nginx')).toEqual({ name: 'nginx', uid: 101, gid: 101 });
  });

  it('a lab/v1 Registry image\'s user overrides the catalogue (source registry)', () => {
    const meta = imageMeta(ref('myprivateregistry.com:5000/nginx:alpine'), { repository: 'nginx', tags: ['alpine'], user: '1010' });
    expect(meta).toMatchObject({ user: '1010', source: 'registry' });
    expect(uidOf(meta.passwd, 'nginx')).toBeDefined();
    const unknown = imageMeta(ref('reg.io/app:1'), { repository: 'app', tags: ['1'] });
    expect(unknown).toEqual({ passwd: [{ name: 'root', uid: 0, gid: 0 }], source: 'registry' });
  });

  // Lab rule: an image built with `USER appuser` was built with `useradd appuser` too, and useradd
  // (shadow-utils, login.defs UID_MIN 1000, USERGROUPS_ENAB) takes the first free uid from 1000
  // and a group of the same number. Without this the user would be missing and containerd's
  // oci.WithUsername would fail the container (no users found).
  it.each([
    { image: 'reg.io/app:1', user: 'appuser', entry: { name: 'appuser', uid: 1000, gid: 1000 } },
    { image: 'reg.io/app:1', user: 'appuser:staff', entry: { name: 'appuser', uid: 1000, gid: 1000 } },
    { image: 'reg.io/ubuntu:24.04', user: 'dev', entry: { name: 'dev', uid: 1001, gid: 1001 } },
    { image: 'reg.io/nginx:1', user: 'nginx', entry: { name: 'nginx', uid: 101, gid: 101 } },
  ])('a Registry image USER $user is in its /etc/passwd ($image)', ({ image, user, entry }) => {
    const meta = imageMeta(ref(image), { repository: 'x', tags: ['1'], user });
    expect(uidOf(meta.passwd, entry.name)).toEqual(entry);
    expect(meta.passwd.filter((e) => e.name === entry.name)).toHaveLength(1);
  });

  it('a numeric Registry image USER adds no passwd entry (gid then falls back to 0)', () => {
    const meta = imageMeta(ref('reg.io/app:1'), { repository: 'app', tags: ['1'], user: '1000:1000' });
    expect(meta.passwd).toEqual([{ name: 'root', uid: 0, gid: 0 }]);
  });
});
