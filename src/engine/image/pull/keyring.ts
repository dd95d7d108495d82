/**
 * The kubelet's docker keyring (kubernetes/kubernetes pkg/credentialprovider/keyring.go):
 * which credentials of the pull secrets are offered for an image, and in what order.
 */
import type { DockerConfigEntry } from '../../model/index.js';
import { globMatch } from './glob.js';

export interface KeyringCredential {
  readonly secret: string;
  /** The docker config key as written in the secret. */
  readonly server: string;
  /** The key after the kubelet stripped the scheme and a `/v1/` or `/v2/` path. */
  readonly key: string;
  readonly username: string;
  readonly password: string;
}

export interface Keyring {
  /** Distinct keys, reverse-sorted so that `quay.io/coreos` comes before `quay.io`. */
  readonly index: readonly string[];
  readonly creds: ReadonlyMap<string, readonly KeyringCredential[]>;
}

/** Characters Go's url.Parse accepts in a host (net/url shouldEscape with encodeHost). */
const hostChars = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%]*$/;

interface SchemelessUrl { readonly host: string; readonly path: string }

/** `url.Parse("https://" + s)` reduced to host and path; null where Go's parser returns an error. */
export function parseSchemelessUrl(s: string): SchemelessUrl | null {
  const cut = s.search(/[/?#]/);
  let authority = cut < 0 ? s : s.slice(0, cut);
  let rest = cut < 0 ? '' : s.slice(cut);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  if (!hostChars.test(authority)) return null;
  // A port must be digits (Go: "invalid port"); brackets enclose IPv6 literals.
  const close = authority.lastIndexOf(']');
  const colon = authority.lastIndexOf(':');
  if (colon > close && !/^[0-9]*$/.test(authority.slice(colon + 1))) return null;
  if (authority.startsWith('[') && close < 0) return null;
  const q = rest.search(/[?#]/);
  if (q >= 0) rest = rest.slice(0, q);
  return { host: authority, path: rest };
}

/** net.SplitHostPort: without a port the whole host is kept and the port is ''. */
function splitUrl(u: SchemelessUrl): { parts: string[]; port: string } {
  const m = /^(?:\[([^\]]*)\]|([^:[\]]*)):([^:[\]]*)$/.exec(u.host);
  if (m) return { parts: (m[1] ?? m[2] ?? '').split('.'), port: m[3] ?? '' };
  return { parts: u.host.split('.'), port: '' };
}

/** URLsMatchStr: same port, same number of host labels each glob-matched, key path a string prefix. */
export function urlsMatch(glob: string, target: string): boolean {
  const g = parseSchemelessUrl(glob);
  const t = parseSchemelessUrl(target);
  if (g === null || t === null) return false;
  const gs = splitUrl(g);
  const ts = splitUrl(t);
  if (gs.port !== ts.port) return false;
  if (gs.parts.length !== ts.parts.length) return false;
  if (!t.path.startsWith(g.path)) return false;
  return gs.parts.every((part, k) => globMatch(part, ts.parts[k] ?? ''));
}

/** BasicDockerKeyring.Add: the key loses `http(s)://` and a leading `/v1/` or `/v2/`. */
export function keyringKey(server: string): string | null {
  const value = server.startsWith('https://') || server.startsWith('http://') ? server : `https://${server}`;
  const parsed = parseSchemelessUrl(value.replace(/^https?:\/\//, ''));
  if (parsed === null) return null;
  let path = parsed.path;
  if (path.startsWith('/v2/') || path.startsWith('/v1/')) path = path.slice(3);
  return path.length > 0 && path !== '/' ? parsed.host + path : parsed.host;
}

export function buildKeyring(secrets: readonly { readonly name: string; readonly entries: readonly DockerConfigEntry[] }[]): Keyring {
  const creds = new Map<string, KeyringCredential[]>();
  for (const secret of secrets) {
    // A JSON object keeps the last of duplicate keys (Go's json.Unmarshal into a map).
    const byServer = new Map<string, DockerConfigEntry>();
    for (const entry of secret.entries) byServer.set(entry.server, entry);
    for (const entry of byServer.values()) {
      const key = keyringKey(entry.server);
      if (key === null) continue; // The kubelet logs "Entry ... in dockercfg invalid" and ignores it.
      // `auth` (base64 user:password) replaces username/password (credentialprovider config.go).
      const username = entry.auth?.username ?? entry.username ?? '';
      const password = entry.auth?.password ?? entry.password ?? '';
      const list = creds.get(key) ?? [];
      list.push({ secret: secret.name, server: entry.server, key, username, password });
      creds.set(key, list);
    }
  }
  // Go sorts bytewise; compare code units the same way rather than by locale.
  const index = [...creds.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  return { index, creds };
}

/** Whether an image (repository name, no tag) pulls from Docker Hub. */
export function isDefaultRegistryMatch(image: string): boolean {
  const slash = image.indexOf('/');
  const first = slash < 0 ? image : image.slice(0, slash);
  if (first.length === 0) return false;
  if (slash < 0) return true;
  if (first === 'docker.io' || first === 'index.docker.io') return true;
  return !/[.:]/.test(first);
}

/** Lookup: every matching key in index order; if none, Docker Hub images fall back to `index.docker.io`. */
export function lookup(keyring: Keyring, image: string): KeyringCredential[] {
  const out: KeyringCredential[] = [];
  for (const key of keyring.index) {
    if (urlsMatch(key, image)) out.push(...(keyring.creds.get(key) ?? []));
  }
  if (out.length > 0) return out;
  if (isDefaultRegistryMatch(image)) return [...(keyring.creds.get('index.docker.io') ?? [])];
  return [];
}
