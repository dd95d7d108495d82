// Where a probe or a ping lands once the address is known, at the edges (mutation testing, issue 15).
// Facts: loopback is 127.0.0.0/8 and ::1 (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3), never leaves the pod's
// network namespace, so no NetworkPolicy applies; a bracketed IPv6 literal is a host in a URL
// (RFC 3986 §3.2.2), an unbalanced bracket is no address; a refused connection is the kernel's RST
// from the host that owns the address; an address nothing owns is lost (no route: the lab has no
// internet).
import { describe, expect, it } from 'vitest';
import { DENY_EGRESS, probeCluster } from '../../testing/probe.js';
import { probeIcmp } from './icmp.js';
import { probe } from './probe.js';

const open = probeCluster();
const deny = probeCluster(DENY_EGRESS);
const ipOf = (key: string) => open.pods.find((p) => p.key === key)?.pod.ip ?? '';
const tcp = (from: string, host: string, port: number, a = open) => probe(a, { from, host, port, protocol: 'TCP' });

describe('loopback and literals', () => {
  it.each(['localhost.', '127.9.9.9', '[::1]', '::1'])('%s from web-a is web-a itself, no DNS', (host) => {
    expect(tcp('prod/web-a', host, 80)).toMatchObject({ outcome: 'connected', dns: null, explanation: null, endpoint: { id: 'prod/web-a', port: 80 }, server: { kind: 'nginx', podKey: 'prod/web-a' } });
  });
  it('::2 is no loopback: nothing owns it', () => {
    expect(tcp('prod/web-a', '::2', 80)).toMatchObject({ outcome: 'timeout', reason: 'no-route', dns: null, address: '::2' });
  });
  it('an unbalanced bracket is a name, which no resolver accepts', () => {
    expect(tcp('prod/web-a', '[::1', 80)).toMatchObject({ outcome: 'nxdomain', address: null });
    expect(tcp('prod/web-a', '::1]', 80)).toMatchObject({ outcome: 'nxdomain', address: null });
  });
});

describe('who refuses', () => {
  it('a pod: its RST, with what it listens on', () => {
    expect(tcp('prod/client', ipOf('prod/web-a'), 8080)).toMatchObject({
      outcome: 'refused', reason: 'not-listening', endpoint: { id: 'prod/web-a', port: 8080 },
      server: { kind: 'generic', podKey: 'prod/web-a', container: null, image: null }, listening: [{ port: 80, protocol: 'TCP' }],
    });
  });
  it('a node: its own processes, no pod', () => {
    const r = tcp('prod/client', '192.168.121.11', 8080);
    expect(r).toMatchObject({ outcome: 'refused', reason: 'not-listening', server: null });
    expect(r.listening).toEqual([{ port: 22, protocol: 'TCP' }, { port: 10250, protocol: 'TCP' }, { port: 10256, protocol: 'TCP' }]);
  });
});

describe('ping targets', () => {
  const ping = (host: string, a = open) => probeIcmp(a, { from: 'prod/client', host });
  it.each(['127.1.2.3', '::1', 'localhost'])('%s answers from inside the pod, whatever the policies', (host) => {
    expect(ping(host, deny)).toMatchObject({ outcome: 'reply', reason: 'ok', egress: null, ingress: null });
  });
  it('the pod\'s own IP answers under a deny-all; another pod is judged', () => {
    const own = deny.pods.find((p) => p.key === 'prod/client')?.pod.ip ?? '';
    expect(ping(own, deny)).toMatchObject({ outcome: 'reply', target: own, egress: null });
    expect(ping(ipOf('prod/web-a'), deny)).toMatchObject({ outcome: 'timeout', reason: 'policy', target: 'prod/web-a', egress: { allowed: false } });
    expect(ping(ipOf('prod/web-a'))).toMatchObject({ outcome: 'reply', target: 'prod/web-a', egress: { allowed: true }, ingress: { allowed: true } });
  });
  it('an external host is judged by the client\'s egress; ::2 is nobody', () => {
    expect(ping('203.0.113.10', deny)).toMatchObject({ outcome: 'timeout', reason: 'policy', target: '203.0.113.10' });
    expect(ping('::2')).toMatchObject({ outcome: 'timeout', reason: 'no-route', target: '::2' });
  });
  it('an unknown client pings nothing', () => {
    expect(probeIcmp(open, { from: 'prod/ghost', host: '127.0.0.1' })).toMatchObject({ outcome: 'timeout', reason: 'no-client', address: null, target: null });
  });
});
