import type { Program } from '../../sh/system.js';
import { IPV4 } from './net.js';
import { netOf } from './probe.js';
import { getopt, usageError } from './usage.js';

/**
 * busybox ping (networking/ping.c, FEATURE_FANCY_PING). Everything on stdout; exit 1 without a
 * reply. It needs CAP_NET_RAW in the effective set (busybox uses raw sockets only): without it,
 * `ping: permission denied (are you root?)`. NetworkPolicy says nothing about ICMP; the engine
 * decides what the chosen CNI does with it.
 */
export const ping: Program = (argv, ctx) => {
  const o = getopt(argv, { short: 'c:s:i:At:I:W:w:qp:46' });
  if (!o.ok) return usageError('ping', o.error, (s) => ctx.out.err(s));
  const host = o.args[0];
  if (host === undefined) return usageError('ping', null, (s) => ctx.out.err(s));
  const count = Math.max(1, Number(o.flags.get('c')?.at(-1) ?? '4') || 4);
  const net = netOf(ctx, 'ping');
  let address: string;
  if (IPV4.test(host)) address = host;
  else {
    const found = net ? net.lookup(host) : { kind: 'nxdomain' as const };
    if (found.kind !== 'ok') { ctx.out.errLine(`ping: bad address '${host}'`); return 1; }
    address = found.addresses[0] as string;
  }
  ctx.out.out(`PING ${host} (${address}): 56 data bytes\n`);
  if (!(ctx.sys.proc?.effective ?? []).includes('NET_RAW')) {
    ctx.out.errLine('ping: permission denied (are you root?)');
    return 1;
  }
  const reply = net ? net.ping(address) : false;
  const times = Array.from({ length: count }, (_, i) => 0.052 + ((i * 37) % 29) / 1000);
  let text = '';
  if (reply && !o.flags.has('q')) text += times.map((t, i) => `64 bytes from ${address}: seq=${i} ttl=64 time=${t.toFixed(3)} ms\n`).join('');
  text += `\n--- ${host} ping statistics ---\n${count} packets transmitted, ${reply ? count : 0} packets received, ${reply ? 0 : 100}% packet loss\n`;
  if (reply) {
    const min = Math.min(...times), max = Math.max(...times), avg = times.reduce((a, b) => a + b, 0) / times.length;
    text += `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n`;
  }
  ctx.out.out(text);
  return reply ? 0 : 1;
};
