// Vectors from kubernetes/kubernetes pkg/credentialprovider/keyring_test.go (TestUrlsMatch,
// TestDockerKeyringForGlob, TestKeyringMiss, TestKeyringMissWithDockerHubCredentials,
// TestKeyringHitWith*DockerHub, TestIsDefaultRegistryMatch, TestDockerKeyringLookup, TestIssue3797).
import { describe, expect, it } from 'vitest';
import type { DockerConfigEntry } from '../../model/index.js';
import { globMatch } from './glob.js';
import { buildKeyring, isDefaultRegistryMatch, keyringKey, lookup, urlsMatch } from './keyring.js';

const foo: Omit<DockerConfigEntry, 'server'> = { auth: { username: 'foo', password: 'bar' }, email: 'foo@bar.baz' };
const one = (server: string, entry: Omit<DockerConfigEntry, 'server'> = foo) =>
  buildKeyring([{ name: 's', entries: [{ server, ...entry }] }]);

describe('urlsMatch (TestUrlsMatch)', () => {
  it.each([
    ['*.kubernetes.io', 'prefix.kubernetes.io', true],
    ['prefix.*.io', 'prefix.kubernetes.io', true],
    ['prefix.kubernetes.*', 'prefix.kubernetes.io', true],
    ['*-good.kubernetes.io', 'prefix-good.kubernetes.io', true],
    ['*.kubernetes.io/blah', 'prefix.kubernetes.io/blah', true],
    ['prefix.*.io/foo', 'prefix.kubernetes.io/foo/bar', true],
    ['*.kubernetes.io:1111/blah', 'prefix.kubernetes.io:1111/blah', true],
    ['prefix.*.io:1111/foo', 'prefix.kubernetes.io:1111/foo/bar', true],
    ['*.kubernetes.io', 'kubernetes.io', false],
    ['*.*.kubernetes.io', 'prefix.kubernetes.io', false],
    ['*.*.kubernetes.io', 'kubernetes.io', false],
    ['kubernetes.io', 'kubernetes.com', false],
    ['k*.io', 'quay.io', false],
    ['*.kubernetes.io:1234/blah', 'prefix.kubernetes.io:1111/blah', false],
    ['prefix.*.io/foo', 'prefix.kubernetes.io:1111/foo/bar', false],
    // Course scenario: the port is part of the match, both ways.
    ['myprivateregistry.com:5000', 'myprivateregistry.com:5000/nginx', true],
    ['myprivateregistry.com', 'myprivateregistry.com:5000/nginx', false],
    ['myprivateregistry.com:5000', 'myprivateregistry.com/nginx', false],
    // Labels are matched case-sensitively.
    ['MyPrivateRegistry.com:5000', 'myprivateregistry.com:5000/nginx', false],
    // The key path is a string prefix, not a path-segment prefix.
    ['bar.example.com/pong', 'bar.example.com/pongz', true],
  ])('%s vs %s ⇒ %s', (glob, target, expected) => {
    expect(urlsMatch(glob, target)).toBe(expected);
  });
});

describe('keyring lookup with globs (TestDockerKeyringForGlob)', () => {
  it.each([
    ['https://hello.kubernetes.io', 'hello.kubernetes.io'],
    ['https://*.docker.io', 'prefix.docker.io'],
    ['https://prefix.*.io', 'prefix.docker.io'],
    ['https://prefix.docker.*', 'prefix.docker.io'],
    ['https://*.docker.io/path', 'prefix.docker.io/path'],
    ['https://prefix.*.io/path', 'prefix.docker.io/path/subpath'],
    ['https://prefix.docker.*/path', 'prefix.docker.io/path'],
    ['https://*.docker.io:8888', 'prefix.docker.io:8888'],
    ['https://prefix.*.io:8888', 'prefix.docker.io:8888'],
    ['https://prefix.docker.*:8888', 'prefix.docker.io:8888'],
    ['https://*.docker.io/path:1111', 'prefix.docker.io/path:1111'],
    ['https://*.docker.io/v1/', 'prefix.docker.io/path:1111'],
    ['https://*.docker.io/v2/', 'prefix.docker.io/path:1111'],
    ['https://prefix.docker.*/path:1111', 'prefix.docker.io/path:1111'],
    ['prefix.docker.io:1111', 'prefix.docker.io:1111/path'],
    ['*.docker.io:1111', 'prefix.docker.io:1111/path'],
  ])('%s finds %s/foo/bar', (server, target) => {
    const creds = lookup(one(server), `${target}/foo/bar`);
    expect(creds.map((c) => [c.username, c.password])).toEqual([['foo', 'bar']]);
  });
});

describe('keyring misses (TestKeyringMiss)', () => {
  it.each([
    ['https://hello.kubernetes.io', 'world.mesos.org/foo/bar'],
    ['https://*.docker.com', 'prefix.docker.io'],
    ['https://suffix.*.io', 'prefix.docker.io'],
    ['https://prefix.docker.c*', 'prefix.docker.io'],
    ['https://prefix.*.io/path:1111', 'prefix.docker.io/path/subpath:1111'],
    ['suffix.*.io', 'prefix.docker.io'],
    ['https://index.docker.io/v1/', 'world.mesos.org'],
  ])('%s does not find %s/foo/bar', (server, target) => {
    expect(lookup(one(server), `${target}/foo/bar`)).toEqual([]);
  });
});

describe('Docker Hub fallback to index.docker.io keys', () => {
  it.each([
    ['google/docker-registry', 1],
    ['jenkins', 1],
    ['index.docker.io/google/docker-registry', 1],
    ['docker.io/library/nginx', 1],
    ['registry-1.docker.io/library/nginx', 0],
    ['myhostdocker.io/foo/bar', 0],
  ])('kubectl default server https://index.docker.io/v1/ and %s ⇒ %d', (image, n) => {
    expect(lookup(one('https://index.docker.io/v1/'), image)).toHaveLength(n);
  });
  it('a key written docker.io matches docker.io images directly', () => {
    expect(lookup(one('docker.io'), 'docker.io/library/nginx')).toHaveLength(1);
  });
  it('the fallback takes the exact index.docker.io key only, not a glob', () => {
    expect(lookup(one('*.docker.io'), 'docker.io/library/nginx')).toEqual([]);
  });
});

describe('isDefaultRegistryMatch (TestIsDefaultRegistryMatch)', () => {
  it.each([
    ['foo/bar', true], ['docker.io/foo/bar', true], ['index.docker.io/foo/bar', true], ['foo', true],
    ['', false], ['registry.tld/foo/bar', false], ['registry:5000/foo/bar', false], ['myhostdocker.io/foo/bar', false],
  ])('%s ⇒ %s', (image, expected) => expect(isDefaultRegistryMatch(image)).toBe(expected));
});

describe('lookup order (TestDockerKeyringLookup, TestIssue3797)', () => {
  const ada = { username: 'ada', password: 'smash' };
  const grace = { username: 'grace', password: 'squash' };
  const dk = buildKeyring([{ name: 's', entries: [
    { server: 'bar.example.com/pong', ...grace },
    { server: 'bar.example.com', ...ada },
  ] }]);
  it.each([
    ['bar.example.com', [ada]],
    ['bar.example.com/pong', [grace, ada]],
    ['bar.example.com/ping', [ada]],
    ['bar.example.com/pongz', [grace, ada]],
    ['bar.example.com/pong/pang', [grace, ada]],
    ['example.com', []],
    ['foo.example.com', []],
  ])('%s', (image, expected) => {
    expect(lookup(dk, image).map(({ username, password }) => ({ username, password }))).toEqual(expected);
  });

  it.each(['quay.io', 'quay.io/foo', 'quay.io/foo/bar'])('https://quay.io/v1/ matches %s', (image) => {
    expect(lookup(one('https://quay.io/v1/', { username: 'rex', password: 'tiny arms' }), image).map((c) => c.username)).toEqual(['rex']);
  });

  it('keeps secret order within one key, and reverse-sorts keys across secrets', () => {
    const k = buildKeyring([
      { name: 'first', entries: [{ server: 'r.io', username: 'a', password: '1' }] },
      { name: 'second', entries: [{ server: 'r.io/team', username: 'b', password: '2' }, { server: 'https://r.io', username: 'c', password: '3' }] },
    ]);
    expect(lookup(k, 'r.io/team/app').map((c) => c.secret + ':' + c.username)).toEqual(['second:b', 'first:a', 'second:c']);
  });

  it('auth overrides username and password', () => {
    const k = one('r.io', { username: 'u', password: 'p', auth: { username: 'au', password: 'ap' } });
    expect(lookup(k, 'r.io/x').map((c) => [c.username, c.password])).toEqual([['au', 'ap']]);
  });
});

describe('keyringKey', () => {
  it.each([
    ['https://index.docker.io/v1/', 'index.docker.io'],
    ['http://myregistry:5000/v2/', 'myregistry:5000'],
    ['myprivateregistry.com:5000', 'myprivateregistry.com:5000'],
    ['quay.io/coreos', 'quay.io/coreos'],
    ['https://quay.io/v1/coreos', 'quay.io/coreos'],
    ['myregistry:abc', null],
    ['my registry', null],
  ])('%s ⇒ %s', (server, key) => expect(keyringKey(server)).toBe(key));
});

describe('globMatch (Go filepath.Match)', () => {
  it.each([
    ['*', 'anything', true], ['a*c', 'abbbc', true], ['a*c', 'abd', false], ['a?c', 'abc', true], ['a?c', 'ac', false],
    ['[a-c]x', 'bx', true], ['[^a-c]x', 'bx', false], ['[^a-c]x', 'dx', true], ['\\*', '*', true], ['\\*', 'a', false],
    ['[', '[', false], ['a[', 'a', false], ['*', 'a/b', false], ['K*', 'kubernetes', false],
    // Go's path/filepath getEsc refuses an unescaped `]` or `-` where a class member or a range's end
    // belongs (ErrBadPattern, which the keyring takes as no match); escaped, they are members.
    ['[]a]', ']', false], ['[]a]', 'a', false], ['[a--]', 'a', false], ['[+--]', ',', false], ['[-a]', '-', false],
    ['[\\]a]', ']', true], ['[+-\\-]', ',', true], ['[a\\-]', '-', true],
  ])('%s vs %s ⇒ %s', (pattern, text, expected) => expect(globMatch(pattern, text)).toBe(expected));
});
