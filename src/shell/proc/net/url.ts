/**
 * URLs as the tools split them. busybox wget (networking/wget.c parse_url): `scheme://` optional
 * (http assumed), http/https/ftp only, `user@` dropped, `host[:port]` then the path; the port is
 * checked when connecting (libbb/xconnect.c: not 0..65535 → `bad port`). curl (lib/urlapi.c):
 * default scheme http, a port above 65535 or not a number, an empty host or a blank in it is a
 * malformed URL.
 */
export interface Url {
  readonly scheme: string;
  /** The host as typed, with `:port` when the URL had one (wget quotes it that way). */
  readonly hostPort: string;
  readonly host: string;
  /** The port text as typed, or null for the scheme's default. */
  readonly portText: string | null;
  readonly port: number;
  readonly path: string;
}

const DEFAULT_PORT: Readonly<Record<string, number>> = { http: 80, https: 443, ftp: 21 };

export function splitUrl(url: string): { scheme: string | null; rest: string } {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  return m ? { scheme: (m[1] as string).toLowerCase(), rest: url.slice(m[0].length) } : { scheme: null, rest: url };
}

function hostAndPath(rest: string): { hostPort: string; path: string } {
  const cut = rest.search(/[/?#]/);
  let hostPort = cut < 0 ? rest : rest.slice(0, cut);
  const path = cut < 0 ? '/' : rest[cut] === '/' ? rest.slice(cut) : `/${rest.slice(cut)}`;
  const at = hostPort.lastIndexOf('@');
  if (at >= 0) hostPort = hostPort.slice(at + 1);
  return { hostPort, path };
}

function splitPort(hostPort: string): { host: string; portText: string | null } {
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    const host = hostPort.slice(1, close < 0 ? undefined : close);
    const after = close < 0 ? '' : hostPort.slice(close + 1);
    return { host, portText: after.startsWith(':') ? after.slice(1) : null };
  }
  const colon = hostPort.lastIndexOf(':');
  return colon < 0 ? { host: hostPort, portText: null } : { host: hostPort.slice(0, colon), portText: hostPort.slice(colon + 1) };
}

/** busybox wget: null scheme error text, or the URL. */
export function parseWgetUrl(url: string): { ok: true; url: Url } | { ok: false; error: string } {
  const { scheme, rest } = splitUrl(url);
  const s = scheme ?? 'http';
  if (!['http', 'https', 'ftp'].includes(s)) return { ok: false, error: `not an http or ftp url: ${url}` };
  const { hostPort, path } = hostAndPath(rest);
  const { host, portText } = splitPort(hostPort);
  const port = portText === null ? (DEFAULT_PORT[s] as number) : /^\d+$/.test(portText) ? Number(portText) : NaN;
  return { ok: true, url: { scheme: s, hostPort, host, portText, port, path } };
}

/** curl: the URL, or the exit code and message of its failure. */
export function parseCurlUrl(url: string): { ok: true; url: Url } | { ok: false; code: number; error: string } {
  const malformed = { ok: false as const, code: 3, error: 'URL using bad/illegal format or missing URL' };
  if (url === '') return malformed;
  const { scheme, rest } = splitUrl(url);
  const s = scheme ?? 'http';
  if (!['http', 'https'].includes(s)) {
    return ['ftp', 'ftps', 'file', 'dict', 'gopher', 'ldap', 'tftp', 'telnet', 'smtp', 'imap', 'pop3', 'scp', 'sftp'].includes(s)
      ? { ok: false, code: 7, error: `Failed to connect to ${hostAndPath(rest).hostPort} port ${DEFAULT_PORT[s] ?? 0} after 0 ms: Couldn't connect to server` }
      : { ok: false, code: 1, error: `Protocol "${s}" not supported or disabled in libcurl` };
  }
  const { hostPort, path } = hostAndPath(rest);
  const { host, portText } = splitPort(hostPort);
  if (host === '' || /\s/.test(host)) return malformed;
  if (portText !== null && (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535)) return malformed;
  const port = portText === null || portText === '' ? (DEFAULT_PORT[s] as number) : Number(portText);
  return { ok: true, url: { scheme: s, hostPort, host: host.toLowerCase() === host ? host : host, portText, port, path } };
}
