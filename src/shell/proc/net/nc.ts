import type { Program } from '../../sh/system.js';
import { accessLogLine, httpReply } from './http.js';
import { IPV4 } from './net.js';
import { netOf, recordAccess } from './probe.js';
import { getopt, usageError } from './usage.js';

/**
 * busybox nc as the official image builds it (CONFIG_NC_110_COMPAT: networking/nc_bloaty.c).
 * `-z` scans: `HOST (IP:PORT) open` with -v; a refused port is silent with one -v and printed with
 * -vv (nc_bloaty.c:913); a timeout (-w, or the kernel's after ~134 s) prints `Connection timed
 * out` with -v; -vv adds `sent 0, rcvd 0`. UDP "scans" report open unless the port answers with
 * ICMP unreachable. Without -z, standard input goes to the server and its reply comes back.
 */
export const nc: Program = (argv, ctx) => {
  const o = getopt(argv, { short: 'zvw:unlp:e:i:s:bo:k46' });
  if (!o.ok) return usageError('nc', o.error, (s) => ctx.out.err(s));
  if (o.flags.has('l')) {
    ctx.out.errLine('lab: nc -l (listening) is not simulated: nothing can connect to it in the lab');
    return 1;
  }
  const [host, portText = '0'] = o.args;
  if (host === undefined) return usageError('nc', null, (s) => ctx.out.err(s));
  const verbose = o.flags.get('v')?.length ?? 0;
  const udp = o.flags.has('u');
  const net = netOf(ctx, 'nc');
  let address: string;
  if (IPV4.test(host)) address = host;
  else {
    const found = net && !o.flags.has('n') ? net.lookup(host) : { kind: 'nxdomain' as const };
    if (found.kind !== 'ok') { ctx.out.errLine(`nc: bad address '${host}'`); return 1; }
    address = found.addresses[0] as string;
  }
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) { ctx.out.errLine(`nc: bad port '${portText}'`); return 1; }
  const port = Number(portText);
  const where = `${host} (${address}:${port})`;
  const stats = () => { if (verbose > 1) ctx.out.err('sent 0, rcvd 0\n'); };
  const c = net && port > 0 ? net.connect(address, port, udp ? 'UDP' : 'TCP') : { kind: 'refused' as const };
  // UDP has no handshake: only an ICMP "port unreachable" tells a closed port.
  const outcome = udp && c.kind === 'timeout' ? 'open' : c.kind;
  if (outcome === 'refused') {
    if (verbose > 1) ctx.out.errLine(`nc: ${where}: Connection refused`);
    stats();
    return 1;
  }
  if (outcome === 'timeout') {
    if (verbose > 0) ctx.out.errLine(`nc: ${where}: Connection timed out`);
    stats();
    return 1;
  }
  if (verbose > 0) ctx.out.err(`${where} open\n`);
  if (!o.flags.has('z') && c.kind === 'open' && ctx.stdin !== '') {
    const line = ctx.stdin.split(/\r?\n/)[0] ?? '';
    const m = /^(GET|HEAD) (\S+) HTTP\/1\.[01]$/.exec(line);
    if (m) {
      const req = { method: m[1] as 'GET' | 'HEAD', path: m[2] as string, host, agent: '-', close: true };
      const reply = httpReply(c.server, req);
      if (net) recordAccess(ctx, c.server, accessLogLine(c.server, net.clientIP, req, reply));
      if (reply.kind === 'http') {
        ctx.out.out(`HTTP/1.1 ${reply.status} ${reply.reason}\r\n${reply.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${req.method === 'HEAD' ? '' : reply.body}`);
      } else if (reply.kind === 'line') ctx.out.out(`${reply.line}\r\n`);
      else if (reply.kind === 'garbage') ctx.out.out(reply.bytes);
    }
  }
  stats();
  return 0;
};
