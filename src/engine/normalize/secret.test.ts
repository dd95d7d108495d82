// Secrets: base64 per Go encoding/base64 StdEncoding ("illegal base64 data at input byte N"),
// stringData merged over data, docker configs as kubernetes/kubernetes
// pkg/credentialprovider/config.go reads them (auth = base64 user:password, overrides
// username/password), ValidateSecret in pkg/apis/core/validation/validation.go
// (data[.dockerconfigjson] required, "<secret contents redacted>"); kubectl
// pkg/cmd/create/create_secret_docker.go builds {"auths": {server: {username,password,email,auth}}}.
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';
import { decodeBase64, decodeBase64Text, decodeUtf8 } from './base64.js';

const secret = (body: string, type?: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n${type ? `type: ${type}\n` : ''}${body}`;

describe('base64', () => {
  it.each([
    ['', ''], ['YQ==', 'a'], ['YWI=', 'ab'], ['YWJj', 'abc'], ['dXNlcjpwYXNz', 'user:pass'],
    ['7ZWc6rWt7Ja0', '한국어'], ['8J+YgA==', '😀'], ['YW\nJj', 'abc'],
  ])('%j decodes to %j', (input, out) => {
    expect(decodeBase64Text(input)).toEqual({ ok: true, text: out });
  });
  it.each([
    ['YWJ', 0], ['YWJjZ', 4], ['YW=j', 2], ['YW=', 3], ['Y===', 1], ['YWJj!', 4], ['a b=', 1], ['YQ==YQ==', 4],
  ])('%j fails at byte %i', (input, at) => {
    const r = decodeBase64(input);
    expect(r.ok ? null : [r.at, r.error]).toEqual([at, `illegal base64 data at input byte ${at}`]);
  });
  it('replaces malformed UTF-8 with U+FFFD', () => {
    expect(decodeUtf8(Uint8Array.from([0x61, 0xff, 0xc3]))).toBe('a\uFFFD\uFFFD');
  });
});

describe('Secret objects', () => {
  it('defaults type to Opaque, decodes data, lets stringData win', () => {
    const r = run(secret('data: {user: YWRtaW4=, pass: b2xk}\nstringData: {pass: new}'));
    expect(r.errors).toEqual([]);
    expect(r.cluster.secrets[0]).toMatchObject({ type: 'Opaque', keys: ['pass', 'user'], data: { user: 'admin', pass: 'new' } });
    expect(r.cluster.secrets[0]?.dockerConfig).toBeUndefined();
  });

  it('refuses bad base64 in data, pointing at the value', () => {
    const r = run(secret('data: {pass: "not base64!"}'));
    expect(r.errors.map((e) => [e.code, e.path, e.message])).toEqual([
      ['secret-invalid', 'data.pass', 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3'],
    ]);
    expect(r.cluster.secrets).toEqual([]);
  });

  it('refuses keys that are not config keys', () => {
    const r = run(secret('stringData: {"my key": v}'));
    expect(r.errors[0]?.message).toMatch(/^data\[my key\]: Invalid value: "my key": a valid config key must consist of alphanumeric characters, '-', '_' or '.'/);
  });

  const auth = 'dXNlcjpwYXNz'; // user:pass
  const dockerRows = [
    {
      name: 'dockerconfigjson in stringData with auth',
      yaml: secret(`stringData:\n  .dockerconfigjson: '{"auths":{"myreg.io:5000":{"username":"x","password":"y","auth":"${auth}","email":"e@x"}}}'`, 'kubernetes.io/dockerconfigjson'),
      entries: [{ server: 'myreg.io:5000', username: 'x', password: 'y', email: 'e@x', auth: { username: 'user', password: 'pass' } }],
    },
    {
      name: 'dockerconfigjson in data (base64 of the JSON)',
      yaml: secret(`data:\n  .dockerconfigjson: ${btoaUtf8('{"auths":{"https://index.docker.io/v1/":{"username":"u","password":"p"}}}')}`, 'kubernetes.io/dockerconfigjson'),
      entries: [{ server: 'https://index.docker.io/v1/', username: 'u', password: 'p' }],
    },
    {
      name: 'legacy dockercfg (server → entry)',
      yaml: secret(`stringData:\n  .dockercfg: '{"reg.local":{"auth":"${auth}"},"other.io":{"username":"a","password":"b"}}'`, 'kubernetes.io/dockercfg'),
      entries: [{ server: 'reg.local', auth: { username: 'user', password: 'pass' } }, { server: 'other.io', username: 'a', password: 'b' }],
    },
    {
      name: 'password containing a colon',
      yaml: secret(`stringData:\n  .dockerconfigjson: '{"auths":{"r.io":{"auth":"${btoaUtf8('me:pa:ss')}"}}}'`, 'kubernetes.io/dockerconfigjson'),
      entries: [{ server: 'r.io', auth: { username: 'me', password: 'pa:ss' } }],
    },
  ];
  it.each(dockerRows)('$name', ({ yaml, entries }) => {
    const r = run(yaml);
    expect(r.errors).toEqual([]);
    expect(r.cluster.secrets[0]?.dockerConfig).toEqual(entries);
  });

  const badDocker = [
    { name: 'missing key', yaml: secret('stringData: {other: x}', 'kubernetes.io/dockerconfigjson'), msg: /^data\[\.dockerconfigjson\]: Required value$/ },
    { name: 'not JSON', yaml: secret("stringData: {.dockerconfigjson: '{auths'}", 'kubernetes.io/dockerconfigjson'), msg: /^data\[\.dockerconfigjson\]: Invalid value: "<secret contents redacted>": / },
    { name: 'auth not base64', yaml: secret(`stringData: {.dockerconfigjson: '{"auths":{"r":{"auth":"%%%"}}}'}`, 'kubernetes.io/dockerconfigjson'), msg: /illegal base64 data at input byte 0/ },
    { name: 'auth without a colon', yaml: secret(`stringData: {.dockerconfigjson: '{"auths":{"r":{"auth":"${btoaUtf8('nocolon')}"}}}'}`, 'kubernetes.io/dockerconfigjson'), msg: /must be formatted as base64\(username:password\)/ },
  ];
  it.each(badDocker)('refuses a docker config secret: $name', ({ yaml, msg }) => {
    const r = run(yaml);
    expect(r.errors[0]?.message).toMatch(msg);
    expect(r.errors[0]?.code).toBe('secret-invalid');
    expect(r.cluster.secrets).toEqual([]);
  });
});

/** Test-only encoder (the engine never encodes). */
function btoaUtf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]! + (i + 1 < bytes.length ? abc[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? abc[n & 63]! : '=');
  }
  return out;
}
