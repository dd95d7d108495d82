import type { Ctx } from '../../context.js';
import { visible as printable } from '../../escape.js';
import { basename, resolvePath, STRERROR } from '../../sh/fs.js';
import type { Program } from '../../sh/system.js';
import { accessLogLine, bytes, httpReply, type HttpReply } from './http.js';
import { IPV4 } from './net.js';
import { netOf, recordAccess } from './probe.js';
import { parseWgetUrl } from './url.js';
import { getopt, usageError } from './usage.js';

/**
 * busybox wget (networking/wget.c, 1.37.0) as the exam uses it: `-qO- [-T N|--timeout=N] URL`,
 * `-O FILE`, `--spider`, `-S`. Every line below was captured from a real 1.37.0 (research
 * busybox-net.md §1); messages go to stderr, the body to stdout or the file.
 */
const LONG = {
  spider: { key: 'spider', value: false }, timeout: { key: 'T', value: true }, quiet: { key: 'q', value: false },
  'output-document': { key: 'O', value: true }, header: { key: 'header', value: true }, 'user-agent': { key: 'U', value: true },
  'no-check-certificate': { key: 'nocheck', value: false }, 'server-response': { key: 'S', value: false },
  'directory-prefix': { key: 'P', value: true }, 'post-data': { key: 'post', value: true }, continue: { key: 'c', value: false },
};

/** The bar busybox draws (libbb/progress.c) for a finished small download: label, 100%, 32 stars, size. */
function progressLine(label: string, size: number, tty: boolean): string {
  // On a terminal the line starts with CR (styled output, escape.ts): the name is made visible.
  const shown = tty ? printable(label) : label;
  const name = [...shown].length > 20 ? [...shown].slice(0, 20).join('') : shown.padEnd(20);
  return `${tty ? '\r' : ''}${name} 100% |${'*'.repeat(32)}| ${size5(size)}  0:00:00 ETA\n`;
}

/** smart_ulltoa5: 5 characters (`  615`, ` 1234`, `1234k`). */
function size5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 100000 * 1024) return `${String(Math.floor(n / 1024)).padStart(4)}k`;
  return `${String(Math.floor(n / (1024 * 1024))).padStart(4)}M`;
}

export const wget: Program = (argv, ctx) => {
  const o = getopt(argv, { short: 'cqO:o:P:Y:U:T:S', long: LONG });
  if (!o.ok) return usageError('wget', o.error, (s) => ctx.out.err(s));
  if (o.args.length === 0) return usageError('wget', null, (s) => ctx.out.err(s));
  const quiet = o.flags.has('q');
  const say = (s: string) => { if (!quiet) ctx.out.err(s); };
  const die = (s: string) => { ctx.out.err(`wget: ${s}\n`); return 1; };
  const timeout = o.flags.get('T')?.at(-1);
  if (timeout !== undefined && !/^\d+(\.\d+)?$/.test(timeout)) return die(`invalid number '${timeout}'`);
  const out = o.flags.get('O')?.at(-1);
  const net = netOf(ctx, 'wget');
  for (const raw of o.args) {
    const parsed = parseWgetUrl(raw);
    if (!parsed.ok) return die(parsed.error);
    const u = parsed.url;
    let address: string;
    if (IPV4.test(u.host)) address = u.host;
    else {
      const found = net ? net.lookup(u.host) : { kind: 'nxdomain' as const };
      if (found.kind !== 'ok' || u.host === '') return die(`bad address '${u.hostPort}'`);
      address = found.addresses[0] as string;
    }
    if (Number.isNaN(u.port) || u.port > 65535) return die(`bad port '${u.portText ?? ''}'`);
    say(`Connecting to ${u.hostPort} (${address}:${u.port})\n`);
    const c = net && u.port > 0 ? net.connect(address, u.port, 'TCP') : { kind: 'refused' as const };
    if (c.kind === 'timeout') return die(timeout !== undefined ? 'download timed out' : `can't connect to remote host (${address}): Connection timed out`);
    if (c.kind === 'refused' || u.scheme === 'https') return die(`can't connect to remote host (${address}): Connection refused`);
    const req = { method: 'GET' as const, path: u.path, host: u.hostPort, agent: o.flags.get('U')?.at(-1) ?? 'Wget', close: true };
    const reply = httpReply(c.server, req);
    if (net) recordAccess(ctx, c.server, accessLogLine(c.server, net.clientIP, req, reply));
    const code = respond(ctx, reply, o.flags.has('S') && !quiet);
    if (code !== null) return die(code);
    if (reply.kind !== 'http') continue;
    if (o.flags.has('spider')) { say('remote file exists\n'); continue; }
    if (out === '-') {
      say('writing to stdout\n');
      if (!quiet) ctx.out.err(progressLine('-', bytes(reply.body), ctx.tty.err), ctx.tty.err);
      ctx.out.out(reply.body);
      say('written to stdout\n');
      continue;
    }
    const name = out ?? (basename(u.path) === '/' || u.path.endsWith('/') ? 'index.html' : basename(u.path));
    const dir = o.flags.get('P')?.at(-1);
    const path = resolvePath(ctx.cwd, dir !== undefined && out === undefined ? `${dir}/${name}` : name);
    if (out === undefined && typeof ctx.sys.fs.stat(path) !== 'string') return die(`can't open '${name}': File exists`);
    say(`saving to '${name}'\n`);
    const err = ctx.sys.fs.write(path, reply.body, false);
    if (err !== null) return die(`can't open '${name}': ${STRERROR[err]}`);
    if (!quiet) ctx.out.err(progressLine(basename(name), bytes(reply.body), ctx.tty.err), ctx.tty.err);
    say(`'${name}' saved\n`);
  }
  return 0;
};

/**
 * The status line decides: 2xx goes on; anything else is `server returned error: LINE`. A reply
 * that is not HTTP reads as status 0, which wget treats like `100 Continue`: it skips header lines
 * and reads again (wget.c read_response) — so a closed connection is `error getting response` and
 * a line without a colon is `bad header line: …` (checked against busybox with a stand-in server).
 */
function respond(ctx: Ctx, reply: HttpReply, showHeaders: boolean): string | null {
  if (reply.kind === 'empty' || reply.kind === 'line') return 'error getting response';
  if (reply.kind === 'garbage') return `bad header line: ${(reply.bytes.split('\n')[1] ?? '').split('\u0000')[0] ?? ''}`;
  if (showHeaders) {
    ctx.out.err(`  HTTP/1.1 ${reply.status} ${reply.reason}\n${reply.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}  \n`);
  }
  if (reply.status < 200 || reply.status >= 300) return `server returned error: HTTP/1.1 ${reply.status} ${reply.reason}`;
  return null;
}
