import type { Program } from '../../sh/system.js';
import { IPV4 } from './net.js';
import { netOf } from './probe.js';

/**
 * glibc getent (nss/getent.c print_hosts): `%-15s %s` (address, canonical name) per address; the
 * search list and ndots:5 apply; a name that is not found prints nothing and exits 2.
 */
export const getent: Program = (argv, ctx) => {
  const [db, ...keys] = argv.slice(1);
  if (db === undefined) {
    ctx.out.errLine('Usage: getent [OPTION...] database [key ...]\nTry `getent --help\' or `getent --usage\' for more information.');
    return 1;
  }
  if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4' && db !== 'passwd' && db !== 'group') {
    ctx.out.errLine(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.`);
    return 1;
  }
  if (db === 'passwd' || db === 'group') {
    const text = ctx.sys.fs.read(`/etc/${db}`);
    const lines = typeof text === 'string' ? text.split('\n').filter(Boolean) : [];
    const picked = keys.length ? lines.filter((l) => keys.some((k) => l.split(':')[0] === k || l.split(':')[2] === k)) : lines;
    for (const l of picked) ctx.out.line(l);
    return keys.length && picked.length < keys.length ? 2 : 0;
  }
  const net = netOf(ctx, 'getent');
  let code = 0;
  for (const key of keys) {
    if (IPV4.test(key)) {
      // gethostbyaddr: a reverse (PTR) lookup; no answer (or no DNS) is "not found", exit 2.
      const answer = net ? net.query(`${key.split('.').reverse().join('.')}.in-addr.arpa`, 'PTR') : 'timeout';
      const name = answer !== 'timeout' && answer.rcode === 'NOERROR' ? answer.records.find((r) => r.type === 'PTR') : undefined;
      if (name && name.type === 'PTR') ctx.out.line(`${key.padEnd(15)} ${name.target}`);
      else code = 2;
      continue;
    }
    const found = net ? net.lookup(key) : { kind: 'nxdomain' as const };
    if (found.kind !== 'ok') { code = 2; continue; }
    for (const a of found.addresses) {
      if (db === 'hosts') ctx.out.line(`${a.padEnd(15)} ${found.fqdn}`);
      else for (const [t, first] of [['STREAM', true], ['DGRAM ', false], ['RAW   ', false]] as const) ctx.out.line(`${a.padEnd(15)} ${t} ${first && a === found.addresses[0] ? found.fqdn : ''}`);
    }
  }
  return code;
};
