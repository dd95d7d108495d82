// Vectors from distribution/reference normalize_test.go (TestValidateReferenceName,
// TestValidateRemoteName, TestParseRepositoryInfo, TestNormalizedSplitHostname,
// TestParseReferenceWithTagAndDigest, TestParseAnyReference) and the kubelet's message
// (kubernetes/kubernetes pkg/kubelet/images/image_manager.go, pkg/util/parsers/parsers.go).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeImage, parseNormalizedNamed } from './normalize.js';

const hex64 = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a';
const dbcc = 'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';

const validNames = [
  'docker/docker', 'library/debian', 'debian', 'docker.io/docker/docker', 'docker.io/library/debian',
  'docker.io/debian', 'index.docker.io/docker/docker', 'index.docker.io/library/debian', 'index.docker.io/debian',
  '127.0.0.1:5000/docker/docker', '127.0.0.1:5000/library/debian', '127.0.0.1:5000/debian', '192.168.0.1',
  '192.168.0.1:80', '192.168.0.1:8/debian', '192.168.0.2:25000/debian',
  'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev', '[fc00::1]:5000/docker',
  '[fc00::1]:5000/docker/docker', '[fc00:1:2:3:4:5:6:7]:5000/library/debian', `docker.io/${hex64}`,
  'Docker/docker', 'DOCKER/docker',
  // TestValidateRemoteName
  'docker-rules/docker', 'docker---rules/docker', 'doc/docker', 'd/docker', 'jess/t', 'dock__er/docker',
];

const invalidNames = [
  'https://github.com/docker/docker', 'docker/Docker', '-docker', '-docker/docker', '-docker.io/docker/docker',
  'docker///docker', 'docker.io/docker/Docker', 'docker.io/docker///docker', '[fc00::1]', '[fc00::1]:5000',
  'fc00::1:5000/debian', '[fe80::1%eth0]:5000/debian', '[2001:db8:3:4::192.0.2.33]:5000/debian', hex64,
  // TestValidateRemoteName
  'docker-/docker', '-docker-/docker', '____/____', '_docker/_docker', 'dock..er/docker', 'dock_.er/docker',
  'dock-.er/docker', 'docker/', `${'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_'.repeat(4)}/docker`,
];

describe('parseNormalizedNamed validity', () => {
  it.each(validNames)('accepts %s', (name) => expect(parseNormalizedNamed(name).ok).toBe(true));
  it.each(invalidNames)('refuses %s', (name) => expect(parseNormalizedNamed(name).ok).toBe(false));
});

/** TestParseRepositoryInfo: [path, familiar, full, ambiguous, domain] */
const repoInfo: readonly [string, string, string, string, string][] = [
  ['fooo/bar', 'fooo/bar', 'docker.io/fooo/bar', 'index.docker.io/fooo/bar', 'docker.io'],
  ['library/ubuntu', 'ubuntu', 'docker.io/library/ubuntu', 'library/ubuntu', 'docker.io'],
  ['nonlibrary/ubuntu', 'nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu', '', 'docker.io'],
  ['other/library', 'other/library', 'docker.io/other/library', '', 'docker.io'],
  ['private/moonbase', '127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase', '', '127.0.0.1:8000'],
  ['privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase', '', '127.0.0.1:8000'],
  ['private/moonbase', 'example.com/private/moonbase', 'example.com/private/moonbase', '', 'example.com'],
  ['privatebase', 'example.com/privatebase', 'example.com/privatebase', '', 'example.com'],
  ['private/moonbase', 'example.com:8000/private/moonbase', 'example.com:8000/private/moonbase', '', 'example.com:8000'],
  ['privatebasee', 'example.com:8000/privatebasee', 'example.com:8000/privatebasee', '', 'example.com:8000'],
  ['library/ubuntu-12.04-base', 'ubuntu-12.04-base', 'docker.io/library/ubuntu-12.04-base', 'index.docker.io/library/ubuntu-12.04-base', 'docker.io'],
  ['library/foo', 'foo', 'docker.io/library/foo', 'docker.io/foo', 'docker.io'],
  ['library/foo/bar', 'library/foo/bar', 'docker.io/library/foo/bar', '', 'docker.io'],
  ['store/foo/bar', 'store/foo/bar', 'docker.io/store/foo/bar', '', 'docker.io'],
  ['bar', 'Foo/bar', 'Foo/bar', '', 'Foo'],
  ['bar', 'FOO/bar', 'FOO/bar', '', 'FOO'],
];

describe('normalizeImage: registry, repository, familiar form', () => {
  const rows = repoInfo.flatMap(([path, familiar, full, ambiguous, domain]) =>
    [familiar, full, ...(ambiguous ? [ambiguous] : [])].map((input) => [input, path, familiar, full, domain] as const));
  it.each(rows)('%s', (input, path, familiar, full, domain) => {
    const r = normalizeImage(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ref.registry).toBe(domain);
    expect(r.ref.repository).toBe(path);
    expect(r.ref.familiar).toBe(`${familiar}:latest`);
    expect(r.ref.reference).toBe(`${full}:latest`);
    expect(r.ref.tag).toBe('latest');
  });

  it.each([
    ['test.com/foo', 'test.com', 'foo'],
    ['test_com/foo', 'docker.io', 'test_com/foo'],
    ['docker/migrator', 'docker.io', 'docker/migrator'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['foo', 'docker.io', 'library/foo'],
    ['xn--n3h.com/foo', 'xn--n3h.com', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
    ['docker.io/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
    ['localhost/foo', 'localhost', 'foo'],
    ['localhost:5000/foo', 'localhost:5000', 'foo'],
    ['myprivateregistry.com:5000/nginx:alpine', 'myprivateregistry.com:5000', 'nginx'],
  ])('splits %s into %s + %s', (input, registry, repository) => {
    const r = normalizeImage(input);
    expect(r.ok && [r.ref.registry, r.ref.repository]).toEqual([registry, repository]);
  });
});

describe('normalizeImage: tags and digests (TagNameOnly)', () => {
  const short = 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
  it.each([
    ['redis', 'docker.io/library/redis:latest', 'latest', null, 'redis:latest'],
    ['redis:7', 'docker.io/library/redis:7', '7', null, 'redis:7'],
    [`redis@sha256:${dbcc}`, `docker.io/library/redis@sha256:${dbcc}`, null, `sha256:${dbcc}`, `redis@sha256:${dbcc}`],
    ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp:latest', 'latest', null, 'dmcgowan/myapp:latest'],
    [`dmcgowan/myapp@sha256:${dbcc}`, `docker.io/dmcgowan/myapp@sha256:${dbcc}`, null, `sha256:${dbcc}`, `dmcgowan/myapp@sha256:${dbcc}`],
    [short, `docker.io/library/${short}`, 'latest', short.split('@')[1] ?? '', short],
    ['dbcc1', 'docker.io/library/dbcc1:latest', 'latest', null, 'dbcc1:latest'],
    ['myprivateregistry.com:5000/nginx:alpine', 'myprivateregistry.com:5000/nginx:alpine', 'alpine', null, 'myprivateregistry.com:5000/nginx:alpine'],
    ['ubuntu:Latest', 'docker.io/library/ubuntu:Latest', 'Latest', null, 'ubuntu:Latest'],
  ])('%s', (input, reference, tag, digest, familiar) => {
    const r = normalizeImage(input);
    expect(r.ok && { reference: r.ref.reference, tag: r.ref.tag, digest: r.ref.digest, familiar: r.ref.familiar, original: r.ref.original })
      .toEqual({ reference, tag, digest, familiar, original: input });
  });
});

describe('normalizeImage: error texts', () => {
  it.each([
    ['busyBOX', 'invalid reference format: repository name (library/busyBOX) must be lowercase'],
    ['DUMMY_IMAGE:TEST', 'invalid reference format: repository name (library/DUMMY_IMAGE) must be lowercase'],
    ['unsloth/gemma-3-4b-it-GGUF:Q4_K_XL', 'invalid reference format: repository name (unsloth/gemma-3-4b-it-GGUF) must be lowercase'],
    ['test:5000/Uppercase/lowercase:tag', 'invalid reference format: repository name (Uppercase/lowercase) must be lowercase'],
    [':sha-0b293ab', 'invalid reference format'],
    ['registry.hub.docker.com/library//nginx:latest', 'invalid reference format'],
    ['https://myprivateregistry.com:5000/nginx', 'invalid reference format'],
    ['nginx:', 'invalid reference format'],
    ['nginx ', 'invalid reference format'],
    ['', 'invalid reference format'],
    [hex64, `invalid repository name (${hex64}), cannot specify 64-byte hexadecimal strings`],
    [`nginx@sha256:${'a'.repeat(10)}`, 'invalid reference format'],
    [`nginx@sha256:${'a'.repeat(34)}`, 'invalid checksum digest format'],
    [`${'a/'.repeat(128)}a`, 'repository name must not be more than 255 characters'],
  ])('%s ⇒ %s', (input, error) => {
    expect(normalizeImage(input)).toEqual({ ok: false, error });
  });

  it('stays fast on long hostile input (no catastrophic backtracking)', () => {
    const start = Date.now();
    for (const s of ['a'.repeat(5000) + '!', `${'a-'.repeat(3000)}/x:!`, `${'a.'.repeat(3000)}:/`, '['.repeat(3000)]) {
      expect(normalizeImage(s).ok).toBe(false);
    }
    expect(Date.now() - start).toBeLessThan(2000);
  });
});


describe('normalizeImage never throws', () => {
  it('on any string, and a valid result always re-normalizes to itself', () => {
    const chars = fc.constantFrom(...'abcAB09._-/:@[]%'.split(''), 'sha256:', 'a'.repeat(64));
    fc.assert(fc.property(fc.oneof(fc.string(), fc.array(chars, { maxLength: 20 }).map((a) => a.join(''))), (s) => {
      const r = normalizeImage(s);
      if (r.ok) {
        const again = normalizeImage(r.ref.reference);
        expect(again.ok && again.ref.reference).toBe(r.ref.reference);
      }
    }), { numRuns: Number(process.env.KSLAB_PROPERTY_RUNS ?? '') || 500 });
  });
});
