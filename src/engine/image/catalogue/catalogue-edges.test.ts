// Edges of the built-in catalogue (images.ts, lookup.ts, registries.ts): the Ubuntu release that
// added the `ubuntu` user (23.04, as the catalogue's images.ts says; 24.04's /etc/passwd quoted in
// jupyterhub/repo2docker#1346), /etc/group only for alpine-based variants (alpine-baselayout),
// mysql's oraclelinux base unless `-debian` (docker-library/mysql), the Docker Hub path a mirror or
// another registry is looked up under, and the host part of a registry (containerd remotes/docker
// config hosts.go sends docker.io's requests to registry-1.docker.io).
import { describe, expect, it } from 'vitest';
import type { ImageRef } from '../../model/index.js';
import { normalizeImage } from '../reference/index.js';
import { imageMeta } from './lookup.js';
import { publicRegistryExists, registryHostname, requestHost } from './registries.js';

const ref = (image: string): ImageRef => {
  const r = normalizeImage(image);
  if (!r.ok) throw new Error(r.error);
  return r.ref;
};
const names = (image: string) => imageMeta(ref(image), null).passwd.map((e) => e.name);

describe('ubuntu: the `ubuntu` user from 23.04 on', () => {
  it.each([
    ['ubuntu:23.04', true], ['ubuntu:23.10', true], ['ubuntu:lunar', true], ['ubuntu:mantic-20240101', true],
    ['ubuntu:22.10', false], ['ubuntu:kinetic', false], ['ubuntu:bionic', false], ['ubuntu:trusty-20191217', false],
    [`ubuntu@sha256:${'a'.repeat(64)}`, true],
  ])('%s ⇒ %s', (image, has) => expect(names(image).includes('ubuntu')).toBe(has));
});

describe('variants', () => {
  it.each([
    ['nginx:1.27-alpine', true], ['nginx:1.27', false], ['redis:alpine', true],
    ['alpine', true], ['busybox', true], ['debian', false],
  ])('%s has /etc/group facts: %s', (image, groups) => {
    expect(imageMeta(ref(image), null).groups !== undefined).toBe(groups);
  });
  it('nginx-unprivileged on alpine has alpine\'s users and its nginx', () => {
    expect(names('nginxinc/nginx-unprivileged:alpine')).toEqual(expect.arrayContaining(['guest', 'nginx']));
    expect(imageMeta(ref('nginxinc/nginx-unprivileged:alpine'), null).user).toBe('101');
  });
  it.each([
    ['mysql:8.4', 'ftp', '_apt'],
    ['mysql:8.0-debian', '_apt', 'ftp'],
    ['mysql:8.0-bullseye-debian', 'gnats', 'ftp'],
  ])('%s has %s, not %s', (image, present, absent) => {
    expect(names(image)).toContain(present);
    expect(names(image)).not.toContain(absent);
    expect(names(image)).toContain('mysql');
  });
});

describe('the Docker Hub path of another registry\'s image', () => {
  it.each([
    ['quay.io/bitnami/redis:7', 'catalogue', '1001'],
    ['registry.example.com/library/nginx', 'catalogue', undefined],
    ['registry.example.com/team/nginx', 'unknown', undefined],
  ])('%s ⇒ %s', (image, source, user) => {
    const meta = imageMeta(ref(image), null);
    expect([meta.source, meta.user]).toEqual([source, user]);
  });
  it('a declared image keeps the catalogue\'s /etc/group', () => {
    const meta = imageMeta(ref('reg.io/alpine:3.20'), { repository: 'alpine', tags: ['3.20'] });
    expect(meta.source).toBe('registry');
    expect(meta.groups?.map((g) => g.name)).toContain('wheel');
    expect(meta).not.toHaveProperty('user');
  });
  it.each([':1000', '+1000', '1000'])('a declared USER %s adds no passwd entry', (user) => {
    expect(imageMeta(ref('reg.io/app:1'), { repository: 'app', tags: ['1'], user }).passwd).toEqual([{ name: 'root', uid: 0, gid: 0 }]);
  });
});

describe('registry hosts', () => {
  it.each([
    ['myregistry.com:5000', 'myregistry.com'],
    ['MyRegistry.com', 'myregistry.com'],
    ['[2001:db8::1]:5000', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['127.0.0.1:5000', '127.0.0.1'],
  ])('the host of %s is %s', (registry, host) => expect(registryHostname(registry)).toBe(host));
  it('IP literals are not looked up in DNS', () => {
    expect(publicRegistryExists('[2001:db8::1]:5000')).toBe(true);
    expect(publicRegistryExists('1.2.3.4.5')).toBe(false);
  });
  it('Docker Hub is asked at registry-1.docker.io; others at their own name and port', () => {
    expect(requestHost('docker.io')).toBe('registry-1.docker.io');
    expect(requestHost('myregistry.com:5000')).toBe('myregistry.com:5000');
  });
});
