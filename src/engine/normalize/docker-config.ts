import type { DockerConfigEntry } from '../model/index.js';
import { decodeBase64Text } from './base64.js';
import { field, isObj, str } from './values.js';

/**
 * `.dockerconfigjson` ({"auths": {server: entry}}) and legacy `.dockercfg` ({server: entry}) as
 * kubernetes/kubernetes pkg/credentialprovider/config.go reads them: an entry's `auth` is
 * base64("user:password") split at the first ':', and when present it overrides username/password.
 * A JSON or base64 error rejects the secret, as the API server's ValidateSecret does (it unmarshals
 * into the same types).
 */
export function parseDockerConfig(json: string, legacy: boolean): { ok: true; entries: DockerConfigEntry[] } | { ok: false; error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : 'invalid JSON' };
  }
  const auths = legacy ? parsed : field(parsed, 'auths');
  if (!isObj(parsed)) return { ok: false, error: 'expected a JSON object' };
  if (auths === undefined || auths === null) return { ok: true, entries: [] };
  if (!isObj(auths)) return { ok: false, error: 'auths: expected a JSON object' };
  const entries: DockerConfigEntry[] = [];
  for (const [server, e] of Object.entries(auths)) {
    if (!isObj(e)) return { ok: false, error: `${server}: expected a JSON object` };
    const entry: { -readonly [K in keyof DockerConfigEntry]: DockerConfigEntry[K] } = { server };
    const username = str(field(e, 'username'));
    const password = str(field(e, 'password'));
    const email = str(field(e, 'email'));
    if (username !== undefined) entry.username = username;
    if (password !== undefined) entry.password = password;
    if (email !== undefined) entry.email = email;
    const auth = str(field(e, 'auth'));
    if (auth !== undefined && auth !== '') {
      const decoded = decodeBase64Text(auth);
      if (!decoded.ok) return { ok: false, error: `${server}: auth: ${decoded.error}` };
      const colon = decoded.text.indexOf(':');
      if (colon === -1) return { ok: false, error: `${server}: auth: unable to parse auth field, must be formatted as base64(username:password)` };
      entry.auth = { username: decoded.text.slice(0, colon), password: decoded.text.slice(colon + 1) };
    }
    entries.push(entry);
  }
  return { ok: true, entries };
}
