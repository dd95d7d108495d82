// readSecret edges: type defaults to Opaque (also when ""), data is base64 and stringData wins per
// key (the API server's conversion), keys must be config keys (pkg/apis/core/validation
// ValidateSecret, IsConfigMapKey: [-._a-zA-Z0-9]+), docker config types need their key.
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';

const secret = (body: string, type?: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n${type !== undefined ? `type: ${type}\n` : ''}${body}`;

describe('readSecret edges', () => {
  it('an empty type is Opaque; another type is kept', () => {
    expect(run(secret('data: {}', '""')).cluster.secrets[0]?.type).toBe('Opaque');
    expect(run(secret('data: {}', 'kubernetes.io/tls')).cluster.secrets[0]?.type).toBe('kubernetes.io/tls');
  });

  it('keys are sorted across data and stringData; a stringData key not in data is added', () => {
    const s = run(secret('data: {b: YQ==}\nstringData: {a: x, c: z}')).cluster.secrets[0];
    expect(s?.keys).toEqual(['a', 'b', 'c']);
    expect(s?.data).toEqual({ a: 'x', b: 'a', c: 'z' });
  });

  it('a bad key is reported at the key where it was written (data or stringData)', () => {
    const d = run(secret('data: {"a b": YQ==}')).errors;
    expect(d.map((e) => [e.path, e.message])).toEqual([['data.a b', `data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`]]);
    expect(run(secret('stringData: {"x/y": v}')).errors.map((e) => e.path)).toEqual(['stringData.x/y']);
    // The marker is on the key, not its value.
    expect(run(secret('data:\n  "a b": YQ==')).errors.map((e) => [e.line, e.column])).toEqual([[5, 3]]);
    expect(run(secret('data: {.a_B-1: YQ==}')).errors).toEqual([]);
  });

  it('a key written in both is reported once, where stringData has it', () => {
    expect(run(secret('data: {"a b": YQ==}\nstringData: {"a b": v}')).errors.map((e) => e.path)).toEqual(['stringData.a b']);
  });

  it('a bad base64 value is not kept; the other keys are', () => {
    const r = run(secret('data: {a: "!!", b: YQ==}'));
    expect(r.errors.map((e) => e.path)).toEqual(['data.a']);
  });

  it('a legacy dockercfg secret needs .dockercfg', () => {
    expect(run(secret('stringData: {.dockerconfigjson: "{}"}', 'kubernetes.io/dockercfg')).errors.map((e) => e.message)).toEqual(['data[.dockercfg]: Required value']);
    const ok = run(secret(`stringData: {.dockercfg: '{"r.io": {"username": "u"}}'}`, 'kubernetes.io/dockercfg')).cluster.secrets[0];
    expect(ok?.dockerConfig).toEqual([{ server: 'r.io', username: 'u' }]);
  });

  it('an Opaque secret has no dockerConfig even with a .dockerconfigjson key', () => {
    const s = run(secret(`stringData: {.dockerconfigjson: '{"auths": {}}'}`)).cluster.secrets[0];
    expect(s && 'dockerConfig' in s).toBe(false);
  });

  it('a docker config error points at the key that carries it', () => {
    const r = run(secret("data: {.dockerconfigjson: e30K}\nstringData: {.dockerconfigjson: 'nope'}", 'kubernetes.io/dockerconfigjson'));
    expect(r.errors.map((e) => e.path)).toEqual(['stringData..dockerconfigjson']);
  });
});
