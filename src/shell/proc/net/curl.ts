import type { Ctx } from '../../context.js';
import { resolvePath } from '../../sh/fs.js';
import type { Program } from '../../sh/system.js';
import { meterDone, meterRefused, meterUnresolved, meterWaited } from './curl-meter.js';
import { accessLogLine, bytes, httpReply, type HttpReply } from './http.js';
import { IPV4 } from './net.js';
import { netOf, recordAccess } from './probe.js';
import { parseCurlUrl } from './url.js';

/**
 * curl 7.88.1 (the nginx image's, Debian bookworm). Messages and exit codes captured from the
 * real binary (research curl.md): `curl: (N) …` on stderr unless -s without -S; the progress
 * meter when the body does not go to a terminal; `after N ms` is the simulated elapsed time
 * (the wait a timeout flag allows, +1 ms as curl measures it).
 */
const VALUE_SHORT = new Set(['o', 'm', 'w', 'A', 'X', 'H', 'd', 'u', 'e', 'x', 'T', 'r', 'Y', 'y', 'z', 'b', 'c', 'K', 'E', 'D', 'Q', 'F', 'C', 'P']);
const LONG: Readonly<Record<string, string>> = {
  silent: 's', 'show-error': 'S', 'max-time': 'm', head: 'I', include: 'i', output: 'o', 'write-out': 'w', fail: 'f',
  verbose: 'v', location: 'L', insecure: 'k', 'user-agent': 'A', request: 'X', header: 'H', data: 'd', help: 'h',
  version: 'V', 'remote-name': 'O', 'connect-timeout': 'connect-timeout', ipv4: '4', 'no-progress-meter': 'no-progress-meter',
};
const BOOL_SHORT = new Set(['s', 'S', 'I', 'i', 'f', 'v', 'L', 'k', 'h', 'V', 'O', '4', '6', 'q', 'N', '#']);

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const HELP = 'Usage: curl [options...] <url>\n -d, --data <data>          HTTP POST data\n -f, --fail                 Fail fast with no output on HTTP errors\n -h, --help <category>      Get help for commands\n -i, --include              Include protocol response headers in the output\n -o, --output <file>        Write to file instead of stdout\n -O, --remote-name          Write output to a file named as the remote file\n -s, --silent               Silent mode\n -T, --upload-file <file>   Transfer local FILE to destination\n -u, --user <user:password> Server user and password\n -A, --user-agent <name>    Send User-Agent <name> to server\n -v, --verbose              Make the operation more talkative\n -V, --version              Show version number and quit\n\nThis is not the full help, this menu is stripped into categories.\nUse "--help category" to get an overview of all categories.\nFor all options use the manual or "--help all".\n';

interface Opts {
  readonly flags: Map<string, string>;
  readonly urls: string[];
}

function parse(argv: readonly string[]): Opts | string {
  const flags = new Map<string, string>();
  const urls: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      const key = LONG[name];
      if (key === undefined) return `option ${a}: is unknown`;
      if (!BOOL_SHORT.has(key) && key !== 'no-progress-meter') {
        const v = argv[++i];
        if (v === undefined) return `option ${a}: requires parameter`;
        flags.set(key, v);
      } else flags.set(key, '');
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (VALUE_SHORT.has(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) return `option -${c}: requires parameter`;
          flags.set(c, v);
          break;
        }
        if (!BOOL_SHORT.has(c)) return `option -${c}: is unknown`;
        flags.set(c, '');
      }
      continue;
    }
    urls.push(a);
  }
  for (const k of ['m', 'connect-timeout']) {
    const v = flags.get(k);
    if (v !== undefined && !/^\d+(\.\d+)?$/.test(v)) return `option ${k === 'm' ? '-m' : '--connect-timeout'}: expected a proper numerical parameter`;
  }
  return { flags, urls };
}

/** -w: `%{http_code}` and friends, with \n \t \r as curl reads them. */
function writeOut(format: string, vars: Readonly<Record<string, string>>): string {
  return format
    .replace(/%\{(\w+)\}/g, (m, name: string) => vars[name] ?? m)
    .replace(/\\([ntr\\])/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c] ?? c);
}

export const curl: Program = (argv, ctx) => {
  const p = parse(argv);
  if (typeof p === 'string') { ctx.out.err(`curl: ${p}\n${TRY}`); return 2; }
  if (p.flags.has('h')) { ctx.out.out(HELP); return 0; }
  if (p.flags.has('V')) { ctx.out.out('curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13\nRelease-Date: 2023-02-20, security patched: 7.88.1-10+deb12u8\n'); return 0; }
  if (p.urls.length === 0) { ctx.out.err(argv.length > 1 ? `curl: no URL specified!\n${TRY}` : TRY); return 2; }
  let code = 0;
  for (const url of p.urls) code = fetchOne(ctx, p, url);
  return code;
};

function fetchOne(ctx: Ctx, p: Opts, raw: string): number {
  const f = p.flags;
  const silent = f.has('s') || f.has('no-progress-meter');
  const showErr = !f.has('s') || f.has('S');
  const outFile = f.get('o');
  const head = f.has('I') || f.get('X') === 'HEAD';
  // The meter runs when the body does not go to a terminal (tool_operate.c: isatty of the output).
  const meter = !silent && !(outFile === undefined && ctx.tty.out) ;
  let stderr = '';
  const vars: Record<string, string> = { http_code: '000', response_code: '000', size_download: '0', remote_ip: '', remote_port: '0', url_effective: raw, time_total: '0.000000', exitcode: '0' };
  const fail = (codeN: number, msg: string, meterText: string): number => {
    if (meter) stderr += meterText;
    vars['exitcode'] = String(codeN);
    const w = f.get('w');
    if (w !== undefined) ctx.out.out(writeOut(w, vars));
    if (showErr) stderr += `curl: (${codeN}) ${msg}\n`;
    ctx.out.err(stderr);
    return codeN;
  };
  const parsed = parseCurlUrl(raw);
  if (!parsed.ok) return fail(parsed.code, parsed.error, '');
  const u = parsed.url;
  const net = netOf(ctx, 'curl');
  const maxTime = f.has('m') ? Number(f.get('m')) : null;
  const connectTimeout = f.has('connect-timeout') ? Number(f.get('connect-timeout')) : null;
  const wait = [maxTime, connectTimeout].filter((x): x is number => x !== null).sort((a, b) => a - b)[0] ?? null;
  const ms = (s: number) => Math.round(s * 1000) + 1;
  let address: string;
  if (IPV4.test(u.host)) address = u.host;
  else {
    const found = net ? net.lookup(u.host) : { kind: 'nxdomain' as const };
    if (found.kind === 'timeout' && wait !== null) return fail(28, `Resolving timed out after ${ms(wait)} milliseconds`, meterWaited(Math.floor(wait)));
    if (found.kind !== 'ok') return fail(6, `Could not resolve host: ${u.host}`, meterUnresolved());
    address = found.addresses[0] as string;
  }
  vars['remote_ip'] = address;
  vars['remote_port'] = String(u.port);
  const c = net && u.port > 0 ? net.connect(address, u.port, 'TCP') : { kind: 'refused' as const };
  if (c.kind === 'refused' || (c.kind === 'open' && u.scheme === 'https')) {
    return fail(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`, meterRefused());
  }
  if (c.kind === 'timeout') {
    if (wait === null) return fail(28, `Failed to connect to ${u.host} port ${u.port} after 133694 ms: Couldn't connect to server`, meterWaited(133));
    if (connectTimeout !== null && connectTimeout === wait) return fail(28, `Failed to connect to ${u.host} port ${u.port} after ${ms(wait)} ms: Timeout was reached`, meterWaited(Math.floor(wait)));
    return fail(28, `Connection timed out after ${ms(wait)} milliseconds`, meterWaited(Math.floor(wait)));
  }
  const req = { method: head ? 'HEAD' as const : 'GET' as const, path: u.path, host: u.hostPort, agent: f.get('A') ?? 'curl/7.88.1', close: false };
  const reply: HttpReply = httpReply(c.server, req);
  if (net) recordAccess(ctx, c.server, accessLogLine(c.server, net.clientIP, req, reply));
  if (reply.kind === 'empty') return fail(52, 'Empty reply from server', meterRefused());
  if (reply.kind !== 'http') return fail(1, 'Received HTTP/0.9 when not allowed', meterRefused());
  vars['http_code'] = vars['response_code'] = String(reply.status);
  vars['time_total'] = '0.004125';
  if (f.has('f') && reply.status >= 400) return fail(22, `The requested URL returned error: ${reply.status}`, meterDone(bytes(reply.body), 0));
  const headerText = `HTTP/1.1 ${reply.status} ${reply.reason}\r\n${reply.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const body = head ? '' : reply.body;
  vars['size_download'] = String(bytes(body));
  const shown = head ? headerText : f.has('i') ? headerText + body : body;
  if (f.has('v')) {
    stderr += `*   Trying ${address}:${u.port}...\n* Connected to ${u.host} (${address}) port ${u.port} (#0)\n> ${req.method} ${u.path} HTTP/1.1\r\n> Host: ${u.hostPort}\r\n> User-Agent: ${req.agent}\r\n> Accept: */*\r\n> \r\n`;
    stderr += headerText.split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join('');
    if (body && !(outFile === undefined && ctx.tty.out)) stderr += `{ [${bytes(body)} bytes data]\n`;
    stderr += `* Connection #0 to host ${u.host} left intact\n`;
  } else if (meter) stderr += meterDone(bytes(reply.body), bytes(body));
  ctx.out.err(stderr);
  if (outFile !== undefined) {
    const err = ctx.sys.fs.write(resolvePath(ctx.cwd, outFile), shown, false);
    if (err !== null) {
      if (showErr) ctx.out.err(`curl: (23) Failure writing output to destination\n`);
      return 23;
    }
  } else ctx.out.out(shown);
  const w = f.get('w');
  if (w !== undefined) ctx.out.out(writeOut(w, vars));
  return 0;
}
