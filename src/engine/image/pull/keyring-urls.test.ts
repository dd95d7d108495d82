// The edges of the kubelet keyring's URL handling (kubernetes/kubernetes pkg/credentialprovider
// keyring.go: BasicDockerKeyring.Add, ParseSchemelessURL, SplitURL, URLsMatch, isDefaultRegistryMatch),
// which lean on Go's net/url Parse (userinfo before the last '@', query and fragment cut off, a port
// of digits, an IP literal closed by ']') and net.SplitHostPort (an error, "too many colons" or
// "missing port", leaves the whole host and no port).
import { describe, expect, it } from 'vitest';
import { buildKeyring, isDefaultRegistryMatch, keyringKey, lookup, urlsMatch } from './keyring.js';

describe('BasicDockerKeyring.Add: the key is url.Parse("https://" + server) host + path', () => {
  it.each([
    // Userinfo is not part of the host.
    ['https://user:secret@r.io/v2/', 'r.io'],
    ['@r.io', 'r.io'],
    // Query and fragment are not part of the path.
    ['r.io/team?x=1', 'r.io/team'],
    ['r.io?x=1', 'r.io'],
    ['r.io#frag', 'r.io'],
    // Only the leading /v2 or /v1 goes; the rest of the path stays.
    ['https://r.io/v2/team', 'r.io/team'],
    ['https://r.io/team/v2/', 'r.io/team/v2/'],
    // IP literals: a ']' must close the '['.
    ['[::1]:5000', '[::1]:5000'],
    ['[::1', null],
    // "https:///team": no host, the path is the key.
    ['/team', '/team'],
  ])('%s ⇒ %s', (server, key) => expect(keyringKey(server)).toBe(key));
});

describe('URLsMatch: ports and labels after net.SplitHostPort', () => {
  it.each([
    // An IPv6 registry: SplitHostPort strips the brackets, the labels compare equal.
    ['[2001:db8::1]:5000', '[2001:db8::1]:5000/repo', true],
    // No port in the key, one in the image: the ports differ even where the labels would glob-match.
    ['r.*', 'r.io:5000', false],
    // "too many colons": the whole host is one label and there is no port.
    ['a:b:1', 'b:1', false],
    ['a:1:2', 'a:1', false],
    // "r.io:" has an empty port, as "r.io" has none.
    ['r.io:', 'r.io', true],
    // A key with fewer labels than the image's host does not match its first label alone.
    ['kubernetes', 'kubernetes.io', false],
    // Where url.Parse fails (a space in the host, a port that is not digits) nothing matches.
    ['my registry', 'my registry', false],
    ['my registry', 'r.io/app', false],
    ['r.io', 'r.io:abc', false],
  ])('%s vs %s ⇒ %s', (glob, target, expected) => expect(urlsMatch(glob, target)).toBe(expected));
});

describe('isDefaultRegistryMatch: strings.SplitN(image, "/", 2)', () => {
  it.each([
    // One part, whatever it holds, is Docker Hub.
    ['f', true], ['example.com', true], ['localhost:5000', true],
    // An empty first part is not.
    ['/foo', false],
  ])('%s ⇒ %s', (image, expected) => expect(isDefaultRegistryMatch(image)).toBe(expected));
});

describe('buildKeyring', () => {
  it('ignores an entry whose server does not parse (the kubelet logs it), and keeps the others', () => {
    const k = buildKeyring([{ name: 's', entries: [{ server: 'my registry', username: 'x', password: 'y' }, { server: 'r.io', username: 'u', password: 'p' }] }]);
    expect(k.index).toEqual(['r.io']);
    expect(lookup(k, 'r.io/app').map((c) => [c.server, c.username, c.password])).toEqual([['r.io', 'u', 'p']]);
  });
  it('an entry with neither auth nor username and password offers empty ones (Go zero values)', () => {
    const k = buildKeyring([{ name: 's', entries: [{ server: 'r.io' }] }]);
    expect(lookup(k, 'r.io/app').map((c) => [c.username, c.password])).toEqual([['', '']]);
  });
});
