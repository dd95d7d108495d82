import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOW_DNS, WEB_IN_8080, probeCluster } from '../../testing/probe.js';
import { resolveName } from './dns.js';
import { probeIcmp } from './icmp.js';
import { probe } from './probe.js';

// "The engine never throws on student input" (engine-spec §2): whatever a student types after
// wget/nc/curl/nslookup/ping — names, URLs, IPs, garbage, any port — the answer is a value.
const a = probeCluster(ALLOW_DNS, WEB_IN_8080);
const clients = ['prod/client', 'prod/web-a', 'prod/ghost', '', 'kube-system/etcd-controlplane'];
const host = fc.oneof(
  fc.string(),
  fc.constantFrom('web-svc', 'web-svc.prod', 'localhost', '127.0.0.1', '::1', '[::1]', '10.96.0.10', '10.96.0.1', '192.168.121.10', 'a-b-c-d.prod.pod.cluster.local', '.', '..', 'http://web-svc:8080/'),
  fc.ipV4(), fc.ipV6(), fc.domain(),
);
const port = fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.constantFrom(0, 53, 80, 8080, Number.NaN, 1.5));

describe('probe and resolveName never throw', () => {
  it('for arbitrary hosts, ports, clients and protocols', () => {
    fc.assert(fc.property(host, port, fc.constantFrom(...clients), fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const), (h, p, from, protocol) => {
      const r = probe(a, { from, host: h, port: p, protocol });
      expect(['connected', 'refused', 'timeout', 'nxdomain', 'dns-timeout']).toContain(r.outcome);
      expect(['reply', 'timeout', 'nxdomain', 'dns-timeout']).toContain(probeIcmp(a, { from, host: h }).outcome);
      expect(['NOERROR', 'NXDOMAIN']).toContain(resolveName(a, from.split('/')[0] ?? '', h).status);
    }), { numRuns: 400 });
  });
});
