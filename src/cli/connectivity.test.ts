import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../engine/index.js';
import { runCli } from '../testing/run-cli.js';
import { chooseForm, COMPACT_ABOVE, compactConnectivity } from './connectivity.js';
import { toContractJson, writeContractJson } from './report-json.js';

// engine-spec §10: the compact form carries exactly the full form's answers (§7): its domain is
// every (from, to, port of to) with from ≠ to and not both external; allowed iff listed.
function expand(a: Analysis): Map<string, boolean> {
  const c = compactConnectivity(a.network);
  const ids = a.network.endpoints.filter((e) => !e.system);
  const out = new Map<string, boolean>();
  for (const s of ids) for (const d of ids) {
    if (s.id === d.id || (s.kind !== 'pod' && d.kind !== 'pod')) continue;
    for (const p of c.ports[d.id] ?? []) out.set(`${s.id} ${d.id} ${p}`, false);
  }
  for (const e of c.allowed) for (const p of e.ports) {
    const domain = [...out.keys()].filter((k) => k.startsWith(`${e.from} `) && k.endsWith(` ${p}`)).map((k) => k.split(' ')[1]!);
    const to = e.to === '*' ? domain.filter((d) => !e.except.includes(d)) : e.to;
    if (e.to === '*') for (const x of e.except) expect(domain, `except ${x} outside the domain`).toContain(x);
    for (const t of to) {
      const key = `${e.from} ${t} ${p}`;
      expect(out.has(key), `compact lists ${key}, outside the full form's domain`).toBe(true);
      out.set(key, true);
    }
  }
  return out;
}

const scenarios = readdirSync('src/testing/scenarios').sort();
const load = (name: string) => analyze(readdirSync(join('src/testing/scenarios', name)).sort()
  .map((f) => ({ name: f, text: readFileSync(join('src/testing/scenarios', name, f), 'utf8') })));

const pods = (n: number) => Array.from({ length: n }, (_, i) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, labels: {app: a${i % 3}}}\nspec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}`).join('\n---\n')
  + '\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: only-a0}\nspec: {podSelector: {matchLabels: {app: a1}}, ingress: [{from: [{podSelector: {matchLabels: {app: a0}}}]}]}\n';

describe('compact connectivity (engine-spec §10)', () => {
  it.each(scenarios)('%s: the compact form expands to the full form exactly', (name) => {
    const a = load(name);
    const full = new Map(a.network.connectivity().map((c) => [`${c.from} ${c.to} ${c.port}/${c.protocol}`, c.allowed]));
    expect(expand(a)).toEqual(full);
  });

  it('groups the ports of one source that reach the same destinations', () => {
    const a = analyze([{ name: 'x.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: nginx}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}, {containerPort: 443}, {containerPort: 53, protocol: UDP}]}]}\n' }]);
    const c = compactConnectivity(a.network);
    expect(c.ports['default/b']).toEqual(['80/TCP', '443/TCP', '53/UDP']);
    // One destination allowed, none denied: the shorter form is the complement.
    expect(c.allowed).toEqual([{ from: 'default/a', ports: ['53/UDP', '80/TCP', '443/TCP'], to: '*', except: [] }]);
  });

  it(`is the default above ${COMPACT_ABOVE} endpoints; --connectivity chooses`, () => {
    const small = analyze([{ name: 'p.yaml', text: pods(COMPACT_ABOVE) }]);
    const big = analyze([{ name: 'p.yaml', text: pods(COMPACT_ABOVE + 1) }]);
    expect(chooseForm(undefined, small.network)).toBe('full');
    expect(chooseForm(undefined, big.network)).toBe('compact');
    expect(chooseForm('full', big.network)).toBe('full');
    expect(chooseForm('none', small.network)).toBe('none');
  });

  it('the streamed full form is byte for byte JSON.stringify of the contract (many chunks)', () => {
    const a = analyze([{ name: 'p.yaml', text: pods(60) }]);
    let out = '';
    writeContractJson(a, 'full', (s) => { out += s; });
    expect(a.network.connectivity().length).toBeGreaterThan(2000);
    expect(out).toBe(JSON.stringify(toContractJson(a), null, 2) + '\n');
  });

  it('the streamed pods (and the none form) are byte for byte JSON.stringify of the contract, on every scenario and past a chunk', () => {
    for (const a of [...scenarios.map(load), analyze([{ name: 'p.yaml', text: pods(2_100) }])]) {
      let out = '';
      writeContractJson(a, 'none', (s) => { out += s; });
      expect(out).toBe(JSON.stringify(toContractJson(a, 'none'), null, 2) + '\n');
    }
  });

  it('the compact JSON is the compact data, one line per entry', () => {
    const a = analyze([{ name: 'p.yaml', text: pods(30) }]);
    let out = '';
    writeContractJson(a, 'compact', (s) => { out += s; });
    const parsed = JSON.parse(out) as { connectivity: unknown };
    expect(parsed.connectivity).toEqual(JSON.parse(JSON.stringify(compactConnectivity(a.network))));
    expect(out).toMatch(/^ {6}\{"from":"default\/p0","ports":\["80\/TCP"\],"to":/m);
  });

  it('kslab analyze --connectivity=none and a bad value', async () => {
    const none = await runCli(['analyze', '--json', '--connectivity=none', 'src/testing/scenarios/services']);
    expect(JSON.parse(none.stdout).connectivity).toEqual({ form: 'none' });
    const compact = await runCli(['analyze', '--json', '--connectivity=compact', 'src/testing/scenarios/services']);
    expect(JSON.parse(compact.stdout).connectivity.form).toBe('compact');
    const bad = await runCli(['analyze', '--connectivity=some', 'src/testing/scenarios/services']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--connectivity must be full, compact or none (got "some")');
    const text = await runCli(['analyze', '--connectivity=compact', 'src/testing/scenarios/db-api-backup']);
    expect(text.stdout).toContain('Connectivity (compact: denied pairs counted, not listed; --connectivity=full lists them)');
    expect(text.stdout).not.toContain('    denied  ');
  });
});
