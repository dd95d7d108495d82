// Invariants of NetworkPolicy every correct engine obeys (engine-spec §2, §3; issue 12), over
// generated clusters: deterministic output independent of document order and file split, valid
// diagnostic positions (also on mutated manifests), namespace locality of each direction's verdict,
// a deny-all ingress policy, adding a policy, a CNI that enforces nothing. laws.test.ts holds the
// base-scenario laws (no policies allow everything, union order, monotonic ingress).
//
// Runs: KSLAB_PROPERTY_RUNS (default below) for `npm test`; e.g. KSLAB_PROPERTY_RUNS=500 for a long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type SourceFile } from '../index.js';
import { baseScenario, clusterFiles, documents, policyDoc } from './generators.js';

const RUNS = Number(process.env.KSLAB_PROPERTY_RUNS ?? '') || 0;
const runs = (n: number) => ({ numRuns: RUNS || n });
const TIMEOUT = RUNS > 0 ? Math.max(30_000, RUNS * 300) : 30_000;

/** The documents of generated files, each as its own YAML text. */
const docsOf = (files: readonly SourceFile[]) => files.flatMap((f) => f.text.trimEnd().split('\n---\n'));
const isPolicy = (doc: string) => /^kind: NetworkPolicy$/m.test(doc);
const namespaceOf = (doc: string) => /^ {2}namespace: (\S+)$/m.exec(doc)?.[1] ?? 'default';
const withoutCluster = (docs: readonly string[]) => docs.filter((d) => !/^kind: Cluster$/m.test(d));
const one = (docs: readonly string[]): SourceFile[] => [{ name: 'all.yaml', text: documents(docs) }];

/** Everything analyze() decides that does not depend on where a document sits. */
function outcome(a: Analysis) {
  return {
    pods: a.pods.map((p) => `${p.key} ${p.pod.ip} ${p.status}`).sort(),
    policies: a.policies.map((p) => `${p.key} ${p.selects.join(',')}`).sort(),
    flows: a.network.connectivity().map((c) => `${c.from}>${c.to}:${c.port}/${c.protocol}=${c.allowed}`).sort(),
    isolation: a.network.endpoints.map((e) => `${e.id} ${JSON.stringify(a.network.isolation(e.id))}`).sort(),
    diagnostics: a.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`).sort(),
  };
}

/** Every diagnostic names an input file (or none, for the scenario) and a range inside it. */
function expectValidPositions(files: readonly SourceFile[], a: Analysis): void {
  const byName = new Map(files.map((f) => [f.name, f.text.split('\n')]));
  for (const d of a.diagnostics) {
    if (d.file === '') {
      expect([d.line, d.column]).toEqual([1, 1]);
      continue;
    }
    const lines = byName.get(d.file);
    expect(lines, `${d.code} names ${d.file}`).toBeDefined();
    if (!lines) continue;
    const where = `${d.file}:${d.line}:${d.column} ${d.code}`;
    expect(d.line, where).toBeGreaterThanOrEqual(1);
    expect(d.line, where).toBeLessThanOrEqual(lines.length);
    expect(d.column, where).toBeGreaterThanOrEqual(1);
    expect(d.column, where).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
    expect(d.endLine * 100000 + d.endColumn, where).toBeGreaterThanOrEqual(d.line * 100000 + d.column);
    expect(d.endLine, where).toBeLessThanOrEqual(lines.length);
  }
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat(), len: fc.constant(0), text: fc.constant('') }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 40 }), text: fc.constant('') }),
  fc.record({
    kind: fc.constant('insert' as const), at: fc.nat(), len: fc.constant(0),
    text: fc.constantFrom('{', ']', ': ', '- ', '"', '&a', '*a', '\t', '  x: 1', '-1', '99999', 'null', '[]', '\r\n', '\uFEFF', '\uFFFD', '---\n', '0.0.0.0/33', '[[[[[[', 'x'.repeat(200)),
  }),
);

function mutate(text: string, muts: readonly { kind: string; at: number; len: number; text: string }[]): string {
  let t = text;
  for (const m of muts) {
    if (m.kind === 'delete-line') {
      const lines = t.split('\n');
      lines.splice(m.at % Math.max(lines.length, 1), 1);
      t = lines.join('\n');
    } else {
      const at = m.at % (t.length + 1);
      t = m.kind === 'cut' ? t.slice(0, at) + t.slice(at + m.len) : t.slice(0, at) + m.text + t.slice(at);
    }
  }
  return t;
}

describe('output (issue 12 fuzz)', () => {
  it('is deterministic, and the same whatever the document order and the split into files', () => {
    fc.assert(fc.property(clusterFiles(), fc.nat(), fc.integer({ min: 1, max: 3 }), (g, seed, parts) => {
      const docs = docsOf(g.files);
      const base = outcome(analyze(one(docs)));
      expect(outcome(analyze(one(docs)))).toEqual(base);
      const shuffled = [...docs].sort((p, q) => hash(p, seed) - hash(q, seed));
      const files = Array.from({ length: parts }, (_, k) => ({
        name: `part-${k}.yaml`, text: documents(shuffled.filter((_, i) => i % parts === k)),
      })).filter((f) => f.text.trim() !== '');
      expect(outcome(analyze(files))).toEqual(base);
    }), runs(10));
  }, TIMEOUT);

  it('never throws, and every diagnostic points inside its file, on generated and mutated manifests', () => {
    fc.assert(fc.property(clusterFiles(), fc.array(mutation, { maxLength: 5 }), (g, muts) => {
      const files = g.files.map((f, i) => (i === 0 ? { ...f, text: mutate(f.text, muts) } : f));
      const a = analyze(files);
      expectValidPositions(files, a);
      a.network.connectivity();
    }), runs(25));
  }, TIMEOUT);
});

describe('NetworkPolicy invariants (engine-spec §3)', () => {
  it('without policies every flow is allowed', () => {
    fc.assert(fc.property(clusterFiles(), (g) => {
      const flows = analyze(one(docsOf(g.files).filter((d) => !isPolicy(d)))).network.connectivity();
      expect(flows.filter((c) => !c.allowed)).toEqual([]);
    }), runs(10));
  }, TIMEOUT);

  it('under flannel (no enforcement) every flow is allowed whatever the policies, and a warning says so', () => {
    fc.assert(fc.property(clusterFiles(), (g) => {
      const docs = [...withoutCluster(docsOf(g.files)), 'apiVersion: lab/v1\nkind: Cluster\nmetadata:\n  name: lab\nspec:\n  cni: flannel'];
      const a = analyze(one(docs));
      expect(a.network.connectivity().filter((c) => !c.allowed)).toEqual([]);
      expect(a.diagnostics.some((d) => d.code === 'cni-not-enforcing')).toBe(a.policies.length > 0);
    }), runs(10));
  }, TIMEOUT);

  it("a deny-all ingress policy, the only one of its namespace, denies every flow into that namespace's pods (not hostNetwork ones)", () => {
    fc.assert(fc.property(clusterFiles(), fc.constantFrom('front', 'back', 'ops'), (g, ns) => {
      const docs = withoutCluster(docsOf(g.files)).filter((d) => !(isPolicy(d) && namespaceOf(d) === ns));
      const deny = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\n  namespace: ${ns}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]`;
      const before = analyze(one(docs));
      const after = analyze(one([...docs, deny]));
      const inNs = (id: string) => after.network.endpoint(id)?.namespace === ns;
      const hostNet = new Set(after.pods.filter((p) => p.pod.hostNetwork).map((p) => p.key));
      for (const c of after.network.connectivity()) {
        if (inNs(c.to) && !hostNet.has(c.to)) expect(c.allowed, `${c.from}>${c.to}:${c.port}`).toBe(false);
        // Elsewhere nothing changes.
        else expect(c.allowed, `${c.from}>${c.to}:${c.port}`).toBe(before.network.allowed(c.from, c.to, c.port, c.protocol));
      }
    }), runs(10));
  }, TIMEOUT);

  it("B's ingress verdict depends only on the policies of B's namespace, A's egress only on A's", () => {
    fc.assert(fc.property(clusterFiles(), fc.constantFrom('front', 'back', 'ops'), (g, ns) => {
      const docs = withoutCluster(docsOf(g.files));
      const all = analyze(one(docs));
      const local = analyze(one(docs.filter((d) => !isPolicy(d) || namespaceOf(d) === ns)));
      for (const c of all.network.connectivity()) {
        const full = all.network.explain(c.from, c.to, c.port, c.protocol);
        const mine = local.network.explain(c.from, c.to, c.port, c.protocol);
        const flow = `${c.from}>${c.to}:${c.port}/${c.protocol}`;
        if (all.network.endpoint(c.to)?.namespace === ns) expect(mine?.ingress.allowed, `ingress ${flow}`).toBe(full?.ingress.allowed);
        if (all.network.endpoint(c.from)?.namespace === ns) expect(mine?.egress.allowed, `egress ${flow}`).toBe(full?.egress.allowed);
      }
    }), runs(8));
  }, TIMEOUT);

  it("adding a policy never widens what an already-isolated pod accepts beyond that policy's own rules", () => {
    fc.assert(fc.property(fc.array(policyDoc, { minLength: 1, maxLength: 3 }), policyDoc, (policies, extra) => {
      const key = `${/namespace: (\w+)/.exec(extra)?.[1]}/${/name: (\w+)/.exec(extra)?.[1]}`;
      const before = analyze([{ name: 'a.yaml', text: documents([baseScenario().trim(), ...policies]) }]);
      const after = analyze([{ name: 'a.yaml', text: documents([baseScenario().trim(), ...policies, extra]) }]);
      for (const c of after.network.connectivity()) {
        if (before.network.isolation(c.to).ingress.length === 0) continue;
        const was = before.network.explain(c.from, c.to, c.port, c.protocol)?.ingress.allowed;
        const now = after.network.explain(c.from, c.to, c.port, c.protocol)?.ingress;
        if (!now?.allowed || was) continue;
        // Newly accepted: only a rule of the added policy may be why.
        expect(now.allowedBy.map((m) => m.policy), `${c.from}>${c.to}:${c.port}/${c.protocol}`).toEqual(expect.arrayContaining([key]));
        expect(now.allowedBy.every((m) => m.policy === key)).toBe(true);
      }
    }), runs(10));
  }, TIMEOUT);
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
  return h >>> 0;
}
