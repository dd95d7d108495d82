import { describe, expect, it } from 'vitest';
import { expectGolden } from '../testing/golden.js';
import { runCli } from '../testing/run-cli.js';

// `kslab explain --to ns/svc` (issue 8): a Service expands to its ready endpoints, each judged on its
// target port after kube-proxy's DNAT, with the service-port trap named. The scenario's golden
// transcript is updated deliberately with `-u`, like the JSON goldens.
const dir = 'src/testing/scenarios/services';
const explain = (to: string, port: string) => runCli(['explain', dir, '--from', 'shop/frontend', '--to', to, '--port', port]);

describe('kslab explain --to a Service', () => {
  it('the trap: web forwards 8080 to pod port 80, the policy admits 8080', async () => {
    const r = await explain('shop/web', '8080');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Service shop\/web \(ClusterIP 10\.\d+\.\d+\.\d+\): 8080\/TCP → target port http on 2 ready endpoints\.$/m);
    expect(r.stdout).toContain('0 of 2 endpoints allowed');
    expect(r.stdout).toContain("The Service forwards 8080 to pod port 80; NetworkPolicy 'shop/web-in' allows 8080, not 80.");
    expect(r.stdout).toContain('shop/frontend → shop/web-0  80/TCP');
    expectGolden(r.stdout, 'src/testing/goldens/services.explain.txt');
  });

  it('a port the Service does not have, a selector-less Service, JSON', async () => {
    expect((await explain('shop/web', '80')).stdout).toMatch(/has no port 80\/TCP \(its ports: 8080\/TCP\): kube-proxy has no rule for it/);
    const payments = await explain('shop/payments', '443');
    expect(payments.stdout).toContain('Endpoint 203.0.113.20 (203.0.113.20:443):');
    expect(payments.stdout).toContain('Verdict: DENIED. shop/frontend cannot connect to 203.0.113.20 (outside the cluster) on 443/TCP');
    const json = JSON.parse((await runCli(['explain', dir, '--from', 'shop/frontend', '--to', 'shop/web', '--port', '8080', '--json'])).stdout) as { endpoints: { id: string; port: number; allowed: boolean; serviceTrap?: { policy: string } }[] };
    expect(json.endpoints.map((e) => [e.id, e.port, e.allowed, e.serviceTrap?.policy])).toEqual([['shop/web-0', 80, false, 'shop/web-in'], ['shop/web-1', 80, false, 'shop/web-in']]);
  });

  it('a pod keeps the pod behaviour; an unknown name lists the Services too', async () => {
    expect((await explain('shop/web-0', '80')).stdout).toMatch(/^shop\/frontend → shop\/web-0 {2}80\/TCP/);
    const r = await explain('shop/nope', '80');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Services: shop/db, shop/payments, shop/web');
  });
});
