// The big paste of issue 12 through the CLI as a user runs it (`kslab analyze --json`, a fresh node
// process): a file of pods in block YAML as `kubectl get -o yaml` prints them (generate.ts manyPods,
// ~180 bytes a pod), past the connectivity bound, must give its bounded answer within a time and a
// peak memory. Time is CPU time measured against the floor — parsing the same file with the `yaml`
// package alone in a fresh node process — so that the budget holds on a loaded 2-core machine.
//
//   npm test: 7,000 pods (1.3 MB).  KSLAB_HOSTILE_FULL=1: the 70,000 pods (12.8 MB) issue 12 measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manyPods } from './generate.js';

const FULL = process.env.KSLAB_HOSTILE_FULL === '1';
const PODS = FULL ? 70_000 : 7_000;
/** Budgets (README "Bounds"): CPU over the parse floor, and peak resident memory of the process. */
const BUDGET = FULL ? { overFloor: 3, rssMiB: 2048 } : { overFloor: 2.5, rssMiB: 400 };

const dir = mkdtempSync(join(tmpdir(), 'kslab-big-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs node with `args`; the child reports its own CPU time and peak RSS as it exits. */
function run(args: string[], stdout: string): { status: number | null; cpuMs: number; rssMiB: number; stderr: string } {
  const report = `process.on('exit', () => { const r = process.resourceUsage(); process.stderr.write('\\nUSAGE ' + JSON.stringify([(r.userCPUTime + r.systemCPUTime) / 1000, r.maxRSS / 1024])); });`;
  const p = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, ...args], {
    encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000,
  });
  writeFileSync(stdout, p.stdout ?? '');
  const m = /USAGE (\[.*\])\s*$/.exec(p.stderr ?? '');
  const [cpuMs, rssMiB] = m ? (JSON.parse(m[1]!) as [number, number]) : [Number.NaN, Number.NaN];
  return { status: p.status, cpuMs, rssMiB, stderr: p.stderr ?? '' };
}

describe(`a paste of ${PODS.toLocaleString('en')} pods through kslab analyze --json`, () => {
  it('answers, bounded, within its CPU budget over the yaml parse floor and its peak memory', () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, manyPods(PODS));
    const floorScript = "import { readFileSync } from 'node:fs'; import { parseAllDocuments } from 'yaml';" +
      'for (const d of parseAllDocuments(readFileSync(process.argv[1], "utf8"))) d.toJS();';
    // The bundle is built (or found fresh) first, so its build is not timed.
    run(['bin/kslab.mjs', 'help'], join(dir, 'help.txt'));
    const floor = run(['--input-type=module', '-e', floorScript, file], join(dir, 'floor.txt'));
    const cli = run(['bin/kslab.mjs', 'analyze', '--json', file], join(dir, 'out.json'));
    expect(floor.status, floor.stderr).toBe(0);
    // Warnings (the pod CIDR fills at 65,534 pods) and the connectivity bound (info) only.
    expect(cli.status, cli.stderr).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { pods: unknown[]; connectivity: unknown; diagnostics: { message: string }[] };
    expect(out.pods).toHaveLength(PODS);
    expect(out.connectivity).toEqual({ form: 'none' });
    expect(out.diagnostics.some((d) => /listing every connection would take/.test(d.message))).toBe(true);
    const overFloor = cli.cpuMs / floor.cpuMs;
    console.log(`${PODS} pods: kslab analyze --json ${cli.cpuMs.toFixed(0)} ms CPU, floor ${floor.cpuMs.toFixed(0)} ms (${overFloor.toFixed(2)}×), peak RSS ${cli.rssMiB.toFixed(0)} MiB`);
    expect(overFloor, `CPU ${cli.cpuMs.toFixed(0)} ms over the floor's ${floor.cpuMs.toFixed(0)} ms`).toBeLessThan(BUDGET.overFloor);
    expect(cli.rssMiB, 'peak RSS (MiB)').toBeLessThan(BUDGET.rssMiB);
  }, FULL ? 1_200_000 : 180_000);
});
