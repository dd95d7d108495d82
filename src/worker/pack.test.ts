// The full flow block (every pair on every port, a small cluster's) is read from the engine's
// per-port matrix: it must hold the very bits `network.allowed` gives pair by pair.
import { describe, expect, it } from 'vitest';
import { analyze, type NetworkAnalysis, type SourceFile } from '../engine/index.js';
import { scenarioFiles, scenarioNames } from '../testing/scenario-files.js';
import { addPort, flowBlock, fullBlock, probePortOf, portTable } from './pack.js';

function tableOf(network: NetworkAnalysis) {
  const table = portTable();
  for (const p of network.allPorts()) addPort(table, p);
  for (const e of network.endpoints) for (const p of network.portsOf(e.id)) addPort(table, p);
  addPort(table, probePortOf(network));
  // A port no endpoint or policy names: every isolated direction denies it.
  addPort(table, { port: 65000, protocol: 'UDP' });
  return table;
}

const lessonFiles = import.meta.glob<string>('../../lessons/*/{start,solution}/*', { query: '?raw', import: 'default', eager: true });

/** The CLI's scenarios and each lesson's start and solution. */
function scenarios(): [string, SourceFile[]][] {
  const out = new Map<string, SourceFile[]>(scenarioNames().map((n) => [n, scenarioFiles(n)]));
  for (const [path, text] of Object.entries(lessonFiles).sort(([a], [b]) => a.localeCompare(b))) {
    const m = /lessons\/([^/]+)\/(start|solution)\/([^/]+)$/.exec(path);
    if (m) out.set(`${m[1]}/${m[2]}`, [...(out.get(`${m[1]}/${m[2]}`) ?? []), { name: m[3] as string, text }]);
  }
  return [...out];
}

describe('fullBlock', () => {
  it.each(scenarios())('%s: the same bits as network.allowed pair by pair', (_name, files) => {
    const network = analyze(files).network;
    const table = tableOf(network);
    const all = network.endpoints.map((_, i) => i);
    const full = fullBlock(network, table);
    if (all.length > 100) { expect(full).toBeNull(); return; }
    const pairwise = flowBlock(network, 'all', all, all, table.ports.map((_, i) => i), table);
    expect(full).not.toBeNull();
    expect(full?.rows).toEqual(pairwise.rows);
    expect(full?.cols).toEqual(pairwise.cols);
    expect(full?.ports).toEqual(pairwise.ports);
    expect([...(full?.bits ?? [])]).toEqual([...pairwise.bits]);
  });

  it('has scenarios that deny, and one that enforces nothing (every bit set)', () => {
    const bitsOf = (files: SourceFile[]) => {
      const network = analyze(files).network;
      const full = fullBlock(network, tableOf(network));
      const n = network.endpoints.length, p = tableOf(network).ports.length;
      let set = 0;
      for (let i = 0; i < n * n * p; i++) if (((full?.bits[i >>> 5] ?? 0) >>> (i & 31)) & 1) set++;
      return { set, total: n * n * p, enforcing: network.enforcing };
    };
    const flannel = bitsOf(scenarioFiles('flannel'));
    expect(flannel.enforcing).toBe(false);
    expect(flannel.set).toBe(flannel.total);
    const denying = scenarios().map(([, files]) => bitsOf(files)).filter((b) => b.enforcing && b.set < b.total);
    expect(denying.length).toBeGreaterThanOrEqual(7);
  });
});
