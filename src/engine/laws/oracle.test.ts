// The engine against a slow oracle (issue 15). src/testing/oracle/netpol-oracle.ts evaluates
// NetworkPolicy straight from engine-spec §3 with nothing of the engine but the YAML parser; on
// generated clusters (src/engine/laws/generators.ts: random labels, selectors with matchExpressions,
// ipBlocks with several excepts in IPv4 and IPv6, named ports under several protocols, endPort in
// both directions, policies in several namespaces, external hosts, hostNetwork pods, every CNI) the
// two must give the same verdict for every flow:
// - every ordered pair of the scenario's endpoints (§3: no self-traffic, never external → external),
// - on every port the engine lists for the destination (its declared ports and the policies'
//   numeric ports), on each end of every endPort range and just outside it, on each declared
//   number under every protocol, and on random ports and protocols;
// and the same isolation per pod and direction (§3 "isolated").
//
// Runs: KSLAB_PROPERTY_RUNS (default below) for `npm test`; e.g. KSLAB_PROPERTY_RUNS=2000 for a long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netpolOracle } from '../../testing/oracle/netpol-oracle.js';
import { analyze, type Protocol } from '../index.js';
import { clusterFiles } from './generators.js';

const RUNS = Number(process.env.KSLAB_PROPERTY_RUNS ?? '') || 0;
/** A long run gets the time it needs (vitest's default is 30 s per test). */
const TIMEOUT = RUNS > 0 ? Math.max(30_000, RUNS * 300) : 30_000;
const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

describe('the engine agrees with the slow oracle (engine-spec §3)', () => {
  it('on every flow and every isolation of generated clusters', () => {
    fc.assert(fc.property(clusterFiles({ services: false }), (g) => {
      const a = analyze(g.files);
      expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
      const net = a.network;
      const oracle = netpolOracle(g.files);

      // The same endpoints (the engine's implicit system pods aside: §1 only adds them, and no
      // scenario flow depends on them).
      const ids = oracle.endpoints.map((e) => e.id).sort();
      expect(net.endpoints.filter((e) => !e.system).map((e) => e.id).sort()).toEqual(ids);
      expect(net.enforcing).toBe(oracle.enforcing);

      // Ports worth asking about: every number a port entry, an endPort or a declaration names, and
      // its neighbours (an off-by-one in a range shows there), under every protocol; plus the random ones.
      const numbers = new Set<number>();
      for (const e of oracle.endpoints) for (const p of e.ports) numbers.add(p.port);
      for (const text of g.files.map((f) => f.text)) {
        for (const m of text.matchAll(/^\s*-?\s*(?:port|endPort): (\d+)$/gm)) {
          const n = Number(m[1]);
          numbers.add(n).add(n - 1).add(n + 1);
        }
      }
      const flows = [...numbers].filter((n) => n >= 1 && n <= 65535).flatMap((port) => PROTOCOLS.map((protocol) => ({ port, protocol })));
      flows.push(...g.extra);

      const problems: string[] = [];
      for (const from of ids) {
        for (const direction of ['Ingress', 'Egress'] as const) {
          const engine = (direction === 'Ingress' ? net.isolation(from).ingress : net.isolation(from).egress).length > 0;
          if (engine !== oracle.isolated(from, direction)) problems.push(`${direction} isolation of ${from}: engine ${engine}, oracle ${!engine}`);
        }
        for (const to of ids) {
          for (const { port, protocol } of flows) {
            const want = oracle.allowed(from, to, port, protocol);
            if (want === null) continue; // self, or external → external: not reported
            const got = net.allowed(from, to, port, protocol);
            if (got !== want) problems.push(`${from} -> ${to} ${port}/${protocol}: engine ${got}, oracle ${want}`);
          }
        }
      }
      // What the graph shows is what the oracle says (connectivity() covers each destination's ports).
      for (const c of net.connectivity()) {
        const want = oracle.allowed(c.from, c.to, c.port, c.protocol);
        if (c.allowed !== want) problems.push(`connectivity ${c.from} -> ${c.to} ${c.port}/${c.protocol}: engine ${c.allowed}, oracle ${String(want)}`);
      }
      expect(problems).toEqual([]);
    }), { numRuns: RUNS > 0 ? RUNS : 100 });
  }, TIMEOUT);
});
