// One verdict, however it is asked (issue 15, "one verdict path, or proof of agreement").
// The network engine answers the same question four ways: the bit matrix of a port
// (`CompiledNetwork.matrix`, the path a 5,000-pod graph takes), single queries (`allowed`, per-port
// sets), the listed flows (`connectivity`) and the rule-by-rule explanation (`explain`, what the
// student reads). The matching rules live once in netpol/ports.ts and netpol/peers.ts; these
// properties check that the paths built on them agree on generated clusters, for every ordered pair,
// every port of the destination and some random ports and protocols (engine-spec §3), and that a
// probe (service/probe.ts) to a pod IP or through a Service (engine-spec §8: DNAT to an endpoint's
// target port, then the policy verdict) times out exactly when the engine denies the flow it reached.
//
// Runs: KSLAB_PROPERTY_RUNS (default below) for `npm test`; e.g. KSLAB_PROPERTY_RUNS=2000 for a long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type PortProto, type Protocol } from '../index.js';
import type { CompiledNetwork } from '../netpol/index.js';
import { podListeners, listensOn } from '../service/listen.js';
import { probe } from '../service/probe.js';
import { clusterFiles, type GeneratedCluster } from './generators.js';

const RUNS = Number(process.env.KSLAB_PROPERTY_RUNS ?? '') || 0;
/** A long run gets the time it needs (vitest's default is 30 s per test). */
const TIMEOUT = RUNS > 0 ? Math.max(30_000, RUNS * 300) : 30_000;
const runs = (fallback: number) => (RUNS > 0 ? RUNS : fallback);

function analyzed(g: GeneratedCluster): Analysis {
  const a = analyze(g.files);
  // The generators write only objects the API server accepts: an error would leave one out.
  expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return a;
}

const key = (p: PortProto) => `${p.port}/${p.protocol}`;
function uniqueFlows(list: readonly PortProto[]): PortProto[] {
  const seen = new Map<string, PortProto>();
  for (const p of list) seen.set(key(p), { port: p.port, protocol: p.protocol });
  return [...seen.values()];
}

describe('one verdict: matrix, allowed(), connectivity() and explain() agree (engine-spec §3)', () => {
  it('for every ordered pair and port, on generated clusters', () => {
    fc.assert(fc.property(clusterFiles(), (g) => {
      const a = analyzed(g);
      const net = a.network as CompiledNetwork;
      const eps = net.endpoints;
      const ids = eps.map((e) => e.id);
      const scenario = eps.filter((e) => !e.system);
      // explain() for the scenario's endpoints and the CoreDNS pods (every lookup is a flow to them);
      // the other system pods only through the matrix (they are never reported, and explaining
      // every pair of them would triple the run time).
      const explained = new Set(eps.map((e, i) => (!e.system || e.id.startsWith('kube-system/coredns-') ? i : -1)));

      const flows = uniqueFlows([...scenario.flatMap((e) => net.portsOf(e.id)), ...g.extra]);

      // Compared without expect() in the loop (thousands of pairs per cluster); every disagreement is listed.
      const problems: string[] = [];
      const check = (what: () => string, got: unknown, want: unknown) => { if (got !== want) problems.push(`${what()}: ${String(got)}, want ${String(want)}`); };
      for (const { port, protocol } of flows) {
        const m = net.matrix(port, protocol);
        expect(m.ids).toEqual(ids);
        for (let s = 0; s < eps.length; s++) {
          for (let d = 0; d < eps.length; d++) {
            if (s === d) continue; // §3: traffic to itself is not reported
            const from = ids[s] as string, to = ids[d] as string;
            const allowed = net.allowed(from, to, port, protocol);
            const at = () => `${from} -> ${to} ${port}/${protocol}`;
            check(() => `matrix ${at()}`, m.rows[s]?.has(d), allowed);
            if (!explained.has(s) || !explained.has(d)) continue;
            const e = net.explain(from, to, port, protocol);
            if (eps[s]?.kind === 'external' && eps[d]?.kind === 'external') {
              check(() => `explain ${at()}`, e, null);
              continue;
            }
            check(() => `explain ${at()}`, e?.allowed, allowed);
            // Each direction as explained is the one the fast path used (egress of the source AND ingress of the destination).
            check(() => `explain directions ${at()}`, e?.allowed, (e?.egress.allowed ?? false) && (e?.ingress.allowed ?? false));
            check(() => `explain egress isolation ${at()}`, e?.egress.isolated, net.enforcing && net.isolation(from).egress.length > 0);
            check(() => `explain ingress isolation ${at()}`, e?.ingress.isolated, net.enforcing && net.isolation(to).ingress.length > 0);
          }
        }
      }
      // connectivity(): exactly the scenario's pairs (no self, no external → external), each for each
      // port of the destination, each with allowed()'s verdict.
      const listed = net.connectivity();
      const expected: string[] = [];
      for (const s of scenario) {
        for (const d of scenario) {
          if (s.id === d.id || (s.kind === 'external' && d.kind === 'external')) continue;
          for (const p of net.portsOf(d.id)) expected.push(`${s.id}>${d.id}:${key(p)}`);
        }
      }
      expect(listed.map((c) => `${c.from}>${c.to}:${c.port}/${c.protocol}`).sort()).toEqual(expected.sort());
      for (const c of listed) check(() => `connectivity ${c.from} -> ${c.to} ${c.port}/${c.protocol}`, c.allowed, net.allowed(c.from, c.to, c.port, c.protocol));
      expect(problems).toEqual([]);
    }), { numRuns: runs(50) });
  }, TIMEOUT);
});

describe('a probe gets the engine verdict for the endpoint and port it reached (engine-spec §8)', () => {
  it('to a pod IP and through each Service port: timeout iff denied, else connected iff something listens', () => {
    fc.assert(fc.property(clusterFiles({ services: true }), (g) => {
      const a = analyzed(g);
      const net = a.network;
      const pods = a.pods.filter((p) => !p.pod.system);
      const listening = (podKey: string, port: number, protocol: Protocol) => {
        const report = a.pods.find((p) => p.key === podKey);
        return report !== undefined && listensOn(podListeners(report), port, protocol) !== undefined;
      };
      for (const client of pods) {
        // To each other pod's IP, on its declared ports and on the random ones. A hostNetwork pod
        // answers on its node's address: the probe goes to the node (what listens there is the
        // node's business), and the verdict must still be the engine's for that pod.
        for (const target of pods) {
          if (target.key === client.key) continue;
          if (client.pod.hostNetwork && target.pod.hostNetwork && client.pod.ip === target.pod.ip) continue; // the same node: loopback
          const declared = target.pod.containers.flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol })));
          for (const { port, protocol } of uniqueFlows([...declared, ...g.extra])) {
            const r = probe(a, { from: client.key, host: target.pod.ip, port, protocol });
            const allowed = net.allowed(client.key, target.key, port, protocol);
            const at = `${client.key} -> ${target.key} (${target.pod.ip}) ${port}/${protocol}`;
            expect(r.explanation?.allowed, at).toBe(allowed);
            if (!allowed) expect([r.outcome, r.reason], at).toEqual(['timeout', 'policy']);
            else if (target.pod.hostNetwork) expect(r.outcome, at).not.toBe('timeout');
            else {
              expect(r.endpoint?.id, at).toBe(target.key);
              expect(r.outcome, at).toBe(listening(target.key, port, protocol) ? 'connected' : 'refused');
            }
          }
        }
        // Through each Service port of the scenario, by ClusterIP: DNAT to the first ready endpoint,
        // on its target port; every candidate endpoint carries its own verdict.
        for (const svc of a.services) {
          if (svc.system || svc.headless || svc.type === 'ExternalName') continue;
          for (const { port: sp, addresses } of svc.endpoints) {
            const r = probe(a, { from: client.key, host: svc.clusterIP, port: sp.port, protocol: sp.protocol });
            const at = `${client.key} -> ${svc.key} ${sp.port}/${sp.protocol}`;
            const ready = addresses.filter((x) => x.ready);
            if (ready.length === 0) {
              expect([r.outcome, r.reason], at).toEqual(['refused', 'no-endpoints']);
              continue;
            }
            expect(r.candidates.map((c) => c.id).sort(), at).toEqual(ready.map((x) => x.pod ?? x.ip).sort());
            for (const c of r.candidates) {
              expect(c.allowed, `${at} candidate ${c.id}:${c.port}`).toBe(net.allowed(client.key, c.id, c.port, sp.protocol));
              // The target port: a number as written (defaulted to the Service port), a name resolved in the endpoint pod.
              const pod = a.pods.find((p) => p.key === c.id);
              const named = typeof sp.targetPort === 'string'
                ? pod?.pod.containers.flatMap((k) => k.ports).find((p) => p.name === sp.targetPort && p.protocol === sp.protocol)?.containerPort
                : sp.targetPort;
              expect(c.port, `${at} target port of ${c.id}`).toBe(named);
            }
            const reached = r.endpoint;
            expect(reached, at).not.toBeNull();
            if (!reached) continue;
            const allowed = net.allowed(client.key, reached.id, reached.port, sp.protocol);
            const hostNetwork = a.pods.find((p) => p.key === reached.id)?.pod.hostNetwork === true;
            if (!allowed) expect([r.outcome, r.reason], at).toEqual(['timeout', 'policy']);
            else if (hostNetwork) expect(r.outcome, at).not.toBe('timeout');
            else expect(r.outcome, at).toBe(listening(reached.id, reached.port, sp.protocol) ? 'connected' : 'refused');
            if (r.explanation) expect(r.explanation.allowed, at).toBe(allowed);
          }
        }
        // By name: the lookup is itself a flow to CoreDNS on 53/UDP, judged like any other.
        const named = a.services.find((s) => !s.system && !s.headless && s.ports.length > 0);
        if (named && named.ports[0]) {
          const r = probe(a, { from: client.key, host: `${named.name}.${named.namespace}`, port: named.ports[0].port, protocol: named.ports[0].protocol });
          const server = r.dns?.serverPod;
          expect(server, client.key).toBeTruthy();
          if (server) {
            const dnsAllowed = net.allowed(client.key, server, 53, 'UDP');
            expect(r.dns?.allowed, `${client.key} -> ${server} 53/UDP`).toBe(dnsAllowed);
            if (!dnsAllowed) expect(r.outcome).toBe('dns-timeout');
            else expect(r.address).toBe(named.clusterIP);
          }
        }
      }
    }), { numRuns: runs(40) });
  }, TIMEOUT);
});
