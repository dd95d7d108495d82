import type { Program } from '../../sh/system.js';
import { IPV4, type Answer } from './net.js';
import { netOf } from './probe.js';
import { usageError } from './usage.js';

/**
 * busybox nslookup (networking/nslookup.c, FEATURE_NSLOOKUP_BIG). Reads resolv.conf itself and
 * applies the search list only to a name without a dot (ndots is ignored); sends an A and an AAAA
 * query per candidate and prints each reply; any NXDOMAIN makes the exit status 1 (research
 * busybox-net.md §3). An IP is looked up as PTR.
 */
const TYPES: Readonly<Record<string, 'A' | 'AAAA' | 'PTR' | 'OTHER'>> = { a: 'A', aaaa: 'AAAA', ptr: 'PTR', soa: 'OTHER', ns: 'OTHER', cname: 'OTHER', mx: 'OTHER', txt: 'OTHER', srv: 'OTHER', any: 'OTHER' };

export const nslookup: Program = (argv, ctx) => {
  let type: 'A' | 'AAAA' | 'PTR' | 'OTHER' | null = null;
  const args: string[] = [];
  for (const a of argv.slice(1)) {
    const m = /^-(?:type|query|q|t)=(.*)$/.exec(a);
    if (m) {
      const t = TYPES[(m[1] as string).toLowerCase()];
      if (!t) { ctx.out.errLine(`nslookup: invalid query type "${m[1]}"`); return 1; }
      type = t;
    } else if (a === '-debug' || a === '-nodebug') continue;
    else if (a.startsWith('-')) return usageError('nslookup', null, (s) => ctx.out.err(s));
    else args.push(a);
  }
  const [name, server] = args;
  if (name === undefined) return usageError('nslookup', null, (s) => ctx.out.err(s));
  const net = netOf(ctx, 'nslookup');
  const serverAddr = server ?? net?.nameserver ?? '10.96.0.10';
  if (!net || (server !== undefined && server !== net.nameserver)) {
    ctx.out.out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  const absolute = name.endsWith('.');
  const bare = absolute ? name.slice(0, -1) : name;
  const queries: { name: string; type: 'A' | 'AAAA' | 'PTR' | 'OTHER' }[] = [];
  if (IPV4.test(bare)) queries.push({ name: `${bare.split('.').reverse().join('.')}.in-addr.arpa`, type: 'PTR' });
  else {
    const candidates = !bare.includes('.') && server === undefined ? net.search.map((d) => `${bare}.${d}`) : [bare];
    const types = type === null ? (['A', 'AAAA'] as const) : [type];
    for (const t of types) for (const c of candidates) queries.push({ name: c, type: t });
  }
  const answers: (Answer | 'timeout')[] = queries.map((q) => (q.type === 'OTHER' ? { rcode: 'NOERROR', authoritative: true, records: [] } : net.query(q.name, q.type)));
  if (answers.every((a) => a === 'timeout')) {
    ctx.out.out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  let out = `Server:\t\t${serverAddr}\nAddress:\t${serverAddr}:53\n\n`;
  let code = 0;
  answers.forEach((a, i) => {
    const q = queries[i] as { name: string };
    if (a === 'timeout') return;
    if (a.rcode === 'NXDOMAIN') {
      out += `** server can't find ${q.name}: NXDOMAIN\n\n`;
      code = 1;
      return;
    }
    if (!a.authoritative && a.records.length) out += 'Non-authoritative answer:\n';
    for (const r of a.records) {
      if (r.type === 'CNAME') out += `${r.name}\tcanonical name = ${r.target}\n`;
      else if (r.type === 'PTR') out += `${r.name}\tname = ${r.target}\n`;
      else out += `Name:\t${r.name}\nAddress: ${r.address}\n`;
    }
    out += '\n';
  });
  ctx.out.out(out);
  return code;
};
