import { IPV4 } from '../proc/net/net.js';
import type { Redir } from './ast.js';
import { Input, type Frame } from './exec.js';
import type { System } from './system.js';

/**
 * bash's /dev/tcp/HOST/PORT and /dev/udp/HOST/PORT redirections (redir.c netopen.c): opening one
 * connects; the probe people use when a pod has no nc or curl (`echo > /dev/tcp/db/3306`). Errors
 * as bash 5.2 prints them (checked locally): `bash: connect: Connection refused` then
 * `bash: /dev/tcp/H/P: Connection refused`; an unknown name `bash: H: Name or service not known`
 * then `…: Invalid argument`; a port that is not a number `Servname not supported for ai_socktype`.
 * Dropped packets wait for the kernel's SYN retries, then `Connection timed out`.
 * Returns the frame with that stream connected (writes go to the peer), or null on failure.
 */
export function devNet(sys: System, proto: 'tcp' | 'udp', host: string, portText: string, word: string, r: Redir, f: Frame): Frame | null {
  const fail = (...lines: string[]) => {
    f.err(lines.map((l) => `bash: ${l}\n`).join(''));
    return null;
  };
  const net = sys.net('bash');
  if (!net) {
    f.err(`lab: ${word} from the node is not simulated; try it from a pod: kubectl exec POD -- bash -c 'echo > ${word}'\n`);
    return null;
  }
  if (!/^\d+$/.test(portText)) return fail(`${portText}: Servname not supported for ai_socktype`, `${word}: Invalid argument`);
  // getaddrinfo takes the number modulo 2^16, as the socket port field does.
  const port = Number(portText) % 65536;
  let address = host;
  if (!IPV4.test(host)) {
    const found = net.lookup(host);
    if (found.kind === 'nxdomain') return fail(`${host}: Name or service not known`, `${word}: Invalid argument`);
    if (found.kind === 'timeout') return fail(`${host}: Temporary failure in name resolution`, `${word}: Invalid argument`);
    address = found.addresses[0] as string;
  }
  const c = net.connect(address, port, proto === 'udp' ? 'UDP' : 'TCP');
  if (proto === 'tcp' && c.kind === 'refused') return fail('connect: Connection refused', `${word}: Connection refused`);
  if (proto === 'tcp' && c.kind === 'timeout') return fail('connect: Connection timed out', `${word}: Connection timed out`);
  if (r.fd === 0) return { ...f, stdin: new Input(''), inTty: false };
  const sink = () => {};
  return r.fd === 2 ? { ...f, err: sink, errTty: false } : { ...f, out: sink, outTty: false };
}
