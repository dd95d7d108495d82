// Vectors from distribution/reference reference_test.go (TestReferenceParse) and go-digest digest.go.
import { describe, expect, it } from 'vitest';
import { validateDigest } from './digest.js';
import { parseReference, referenceString } from './parse.js';

const ff64 = 'f'.repeat(64);
const ff128 = 'f'.repeat(128);

/** [input, domain, name (domain/path), tag, digest] */
const valid: readonly [string, string, string, string, string][] = [
  ['test_com', '', 'test_com', '', ''],
  ['test.com:tag', '', 'test.com', 'tag', ''],
  ['test.com:5000', '', 'test.com', '5000', ''],
  ['test.com/repo:tag', 'test.com', 'test.com/repo', 'tag', ''],
  ['test:5000/repo', 'test:5000', 'test:5000/repo', '', ''],
  ['test:5000/repo:tag', 'test:5000', 'test:5000/repo', 'tag', ''],
  [`test:5000/repo@sha256:${ff64}`, 'test:5000', 'test:5000/repo', '', `sha256:${ff64}`],
  [`test:5000/repo:tag@sha256:${ff64}`, 'test:5000', 'test:5000/repo', 'tag', `sha256:${ff64}`],
  ['lowercase:Uppercase', '', 'lowercase', 'Uppercase', ''],
  [`${'a/'.repeat(127)}a:tag-puts-this-over-max`, 'a', `${'a/'.repeat(127)}a`, 'tag-puts-this-over-max', ''],
  ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com', 'sub-dom1.foo.com/bar/baz/quux', '', ''],
  ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', 'sub-dom1.foo.com', 'sub-dom1.foo.com/bar/baz/quux', 'some-long-tag', ''],
  ['b.gcr.io/test.example.com/my-app:test.example.com', 'b.gcr.io', 'b.gcr.io/test.example.com/my-app', 'test.example.com', ''],
  ['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com', 'xn--n3h.com/myimage', 'xn--n3h.com', ''],
  [`xn--7o8h.com/myimage:xn--7o8h.com@sha512:${ff128}`, 'xn--7o8h.com', 'xn--7o8h.com/myimage', 'xn--7o8h.com', `sha512:${ff128}`],
  ['foo_bar.com:8080', '', 'foo_bar.com', '8080', ''],
  ['foo/foo_bar.com:8080', 'foo', 'foo/foo_bar.com', '8080', ''],
  ['192.168.1.1', '', '192.168.1.1', '', ''],
  ['192.168.1.1:tag', '', '192.168.1.1', 'tag', ''],
  ['192.168.1.1:5000', '', '192.168.1.1', '5000', ''],
  ['192.168.1.1/repo', '192.168.1.1', '192.168.1.1/repo', '', ''],
  ['192.168.1.1:5000/repo', '192.168.1.1:5000', '192.168.1.1:5000/repo', '', ''],
  ['192.168.1.1:5000/repo:5050', '192.168.1.1:5000', '192.168.1.1:5000/repo', '5050', ''],
  ['[2001:db8::1]/repo', '[2001:db8::1]', '[2001:db8::1]/repo', '', ''],
  ['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]', '[2001:db8:1:2:3:4:5:6]/repo', 'tag', ''],
  ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', '[2001:db8::1]:5000/repo', '', ''],
  ['[2001:db8::1]:5000/repo:tag', '[2001:db8::1]:5000', '[2001:db8::1]:5000/repo', 'tag', ''],
  [`[2001:db8::1]:5000/repo@sha256:${ff64}`, '[2001:db8::1]:5000', '[2001:db8::1]:5000/repo', '', `sha256:${ff64}`],
  [`[2001:db8::1]:5000/repo:tag@sha256:${ff64}`, '[2001:db8::1]:5000', '[2001:db8::1]:5000/repo', 'tag', `sha256:${ff64}`],
  ['[2001:db8::]:5000/repo', '[2001:db8::]:5000', '[2001:db8::]:5000/repo', '', ''],
  ['[::1]:5000/repo', '[::1]:5000', '[::1]:5000/repo', '', ''],
];

const invalid: readonly [string, string][] = [
  ['', 'repository name must have at least one component'],
  [':justtag', 'invalid reference format'],
  [`@sha256:${ff64}`, 'invalid reference format'],
  ['repo@sha256:ffffffffffffffffffffffffffffffffff', 'invalid checksum digest format'],
  [`validname@invaliddigest:${ff64}`, 'unsupported digest algorithm'],
  ['Uppercase:tag', 'repository name must be lowercase'],
  ['test:5000/Uppercase/lowercase:tag', 'repository name must be lowercase'],
  // Upstream now limits the path (without domain) to 255 (RepositoryNameTotalLengthMax); the
  // older vector `'a/' x 128 + 'a:tag'` has domain `a` and a 255-character path, so it is one longer here.
  [`${'a/'.repeat(129)}a:tag`, 'repository name must not be more than 255 characters'],
  ['aa/asdf$$^/aa', 'invalid reference format'],
  ['[2001:db8::1]', 'invalid reference format'],
  ['[2001:db8::1]:5000', 'invalid reference format'],
  ['[2001:db8::1]:tag', 'invalid reference format'],
  ['[fe80::1%eth0]:5000/repo', 'invalid reference format'],
  ['[fe80::1%@invalidzone]:5000/repo', 'invalid reference format'],
];

describe('parseReference (distribution/reference Parse)', () => {
  it.each(valid)('%s', (input, domain, name, tag, digest) => {
    const r = parseReference(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ref.domain).toBe(domain);
    expect(r.ref.domain === '' ? r.ref.path : `${r.ref.domain}/${r.ref.path}`).toBe(name);
    expect(r.ref.tag).toBe(tag);
    expect(r.ref.digest).toBe(digest);
    expect(referenceString(r.ref)).toBe(input);
  });
  it.each(invalid)('%s is refused: %s', (input, error) => {
    expect(parseReference(input)).toEqual({ ok: false, error });
  });
});

describe('validateDigest (go-digest)', () => {
  it.each([
    [`sha256:${'a'.repeat(64)}`, null],
    [`sha384:${'a'.repeat(96)}`, null],
    [`sha512:${'a'.repeat(128)}`, null],
    [`sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
    [`sha256:${'a'.repeat(63)}`, 'invalid checksum digest format'],
    [`sha256:${'a'.repeat(65)}`, 'invalid checksum digest format'],
    [`md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    ['sha256:', 'invalid checksum digest format'],
    [':abc', 'invalid checksum digest format'],
    [`Foo:${'a'.repeat(64)}`, 'invalid checksum digest format'],
  ])('%s ⇒ %s', (d, expected) => {
    expect(validateDigest(d)).toBe(expected);
  });
});

describe('the length limit applies to the path only', () => {
  it('accepts a 255-character path behind a domain', () => {
    const r = parseReference(`${'a/'.repeat(128)}a:tag`);
    expect(r.ok && [r.ref.domain, r.ref.path.length]).toEqual(['a', 255]);
  });
});
