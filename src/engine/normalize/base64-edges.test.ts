// base64, UTF-8 and docker config edges. base64 errors are Go encoding/base64 StdEncoding's
// (decodeQuantum: `illegal base64 data at input byte N`, CR/LF skipped, padding only in the last
// two places, nothing after full padding); UTF-8 decoding replaces malformed sequences with U+FFFD
// (one per maximal invalid prefix, as Go's string conversion prints them); docker configs as
// kubernetes/kubernetes pkg/credentialprovider/config.go reads them.
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBase64Text, decodeUtf8 } from './base64.js';
import { parseDockerConfig } from './docker-config.js';

const at = (input: string) => {
  const r = decodeBase64(input);
  return r.ok ? null : r.at;
};
const bytes = (input: string) => {
  const r = decodeBase64(input);
  return r.ok ? [...r.bytes] : null;
};

describe('decodeBase64', () => {
  it('decodes each group size, with CR and LF anywhere', () => {
    expect(bytes('AAAA')).toEqual([0, 0, 0]);
    expect(bytes('////')).toEqual([255, 255, 255]);
    expect(bytes('+/8=')).toEqual([251, 255]);
    expect(bytes('/w==')).toEqual([255]);
    expect(bytes('YW\r\nJj\nZGVm\r')).toEqual([...'abcdef'].map((c) => c.charCodeAt(0)));
    expect(bytes('YQ=\n=')).toEqual([97]);
    expect(bytes('\n')).toEqual([]);
  });

  it.each([
    // Go decodeQuantum at the end of input: a lone "=" after two characters is "not enough
    // padding" at len(src); a short group is at len(src) minus its data characters.
    ['YW=', 3], ['YW=\n', 4], ['YW\n=', 4], ['YWJ\n', 1], ['YW\nJ', 1], ['YWJjZ\n\n', 6],
    ['=', 0], ['Y=', 1], ['YW=j', 2], ['YW=x=', 2], ['YWI=x', 4], ['YWI==', 4], ['YQ===', 4], ['YWJj-', 4], ['YWJj_', 4], ['YQ==\nYQ==', 5],
  ])('%j fails at byte %i', (input, n) => {
    expect(at(input)).toBe(n);
    expect(decodeBase64Text(input)).toEqual({ ok: false, error: `illegal base64 data at input byte ${n}` });
  });
});

describe('decodeUtf8', () => {
  const u = (...b: number[]) => decodeUtf8(Uint8Array.from(b));
  it.each([
    { b: [0x7f], s: '\u007f' },
    { b: [0xc2, 0x80], s: '\u0080' },
    { b: [0xdf, 0xbf], s: '\u07ff' },
    { b: [0xe0, 0xa0, 0x80], s: '\u0800' },
    { b: [0xef, 0xbf, 0xbf], s: '\uffff' },
    { b: [0xf0, 0x90, 0x80, 0x80], s: '\u{10000}' },
    { b: [0xf4, 0x8f, 0xbf, 0xbf], s: '\u{10ffff}' },
  ])('$s', ({ b, s }) => {
    expect(u(...b)).toBe(s);
  });

  it.each([
    { name: 'overlong 2-byte lead', b: [0xc0, 0x80], s: '\uFFFD\uFFFD' },
    { name: 'lead 0xf5', b: [0xf5, 0x41], s: '\uFFFDA' },
    { name: 'lead 0xf5 with continuations', b: [0xf5, 0x80, 0x80, 0x80], s: '\uFFFD\uFFFD\uFFFD\uFFFD' },
    // Go: every byte of a sequence that does not decode is one U+FFFD (utf8.DecodeRune returns size 1).
    { name: 'overlong 3-byte', b: [0xe0, 0x80, 0x80], s: '\uFFFD\uFFFD\uFFFD' },
    { name: 'overlong 4-byte', b: [0xf0, 0x80, 0x80, 0x80], s: '\uFFFD\uFFFD\uFFFD\uFFFD' },
    { name: 'surrogate', b: [0xed, 0xa0, 0x80], s: '\uFFFD\uFFFD\uFFFD' },
    { name: 'above U+10FFFF', b: [0xf4, 0x90, 0x80, 0x80], s: '\uFFFD\uFFFD\uFFFD\uFFFD' },
    { name: 'truncated 3-byte then ASCII', b: [0xe2, 0x82, 0x41], s: '\uFFFD\uFFFDA' },
    { name: 'truncated 4-byte at the end', b: [0xf0, 0x9f, 0x98], s: '\uFFFD\uFFFD\uFFFD' },
    { name: 'bad third byte', b: [0xe2, 0x82, 0xc0, 0x41], s: '\uFFFD\uFFFD\uFFFDA' },
    { name: 'bad fourth byte', b: [0xf0, 0x9f, 0x98, 0x41], s: '\uFFFD\uFFFD\uFFFDA' },
    { name: 'truncated at the end', b: [0x41, 0xe2], s: 'A\uFFFD' },
    { name: 'lone continuation', b: [0x80, 0x41], s: '\uFFFDA' },
  ])('$name', ({ b, s }) => {
    expect(u(...b)).toBe(s);
  });
});

describe('parseDockerConfig', () => {
  const b64 = (s: string) => btoa(s);
  it('an absent or null auths map is no entries; a non-object is refused', () => {
    expect(parseDockerConfig('{}', false)).toEqual({ ok: true, entries: [] });
    expect(parseDockerConfig('{"auths": null}', false)).toEqual({ ok: true, entries: [] });
    expect(parseDockerConfig('[]', false)).toEqual({ ok: false, error: 'expected a JSON object' });
    expect(parseDockerConfig('[]', true)).toEqual({ ok: false, error: 'expected a JSON object' });
    expect(parseDockerConfig('{"auths": []}', false)).toEqual({ ok: false, error: 'auths: expected a JSON object' });
    expect(parseDockerConfig('{"auths": {"r": 1}}', false)).toEqual({ ok: false, error: 'r: expected a JSON object' });
  });

  it('an empty auth is ignored; username, password and email are kept beside auth', () => {
    expect(parseDockerConfig('{"auths": {"r": {"auth": "", "username": "u"}}}', false)).toEqual({ ok: true, entries: [{ server: 'r', username: 'u' }] });
    expect(parseDockerConfig(`{"r": {"auth": "${b64('a:')}", "email": "e"}}`, true)).toEqual({ ok: true, entries: [{ server: 'r', email: 'e', auth: { username: 'a', password: '' } }] });
    expect(parseDockerConfig(`{"r": {"auth": "${b64(':p')}"}}`, true)).toEqual({ ok: true, entries: [{ server: 'r', auth: { username: '', password: 'p' } }] });
  });

  it('a legacy config is the map itself, a new one reads only auths', () => {
    expect(parseDockerConfig('{"r": {"username": "u"}}', false)).toEqual({ ok: true, entries: [] });
    expect(parseDockerConfig('{"auths": {"r": {}}}', true)).toEqual({ ok: true, entries: [{ server: 'auths' }] });
  });

  it('a bad auth names its server', () => {
    expect(parseDockerConfig('{"auths": {"r": {"auth": "%"}}}', false)).toEqual({ ok: false, error: 'r: auth: illegal base64 data at input byte 0' });
  });
});
