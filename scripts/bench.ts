// npm run bench — the engine's cost, measured (issue 11; performance is part of correctness).
//
//   npm run bench                      # 50 / 500 / 2,000 / 5,000 pods, medians over repeats
//   npm run bench -- --sizes 500       # some sizes only
//   npm run bench -- --json            # one JSON document on stdout
//   npm run bench -- --smoke           # 50 pods, one repeat, no budgets (what the unit test runs)
//
// Each size runs in its own node process, so its peak memory (maxRSS) is its own. Per size, over the
// same seeded cluster bench:ui types into (scripts/lib/gen-cluster.mjs: one file per namespace, block
// YAML as `kubectl get -o yaml` prints it, pods:namespaces:policies = 25:1:5):
//   floor        parsing the files with the `yaml` package alone (parseAllDocuments + toJS): the floor
//   analyze      analyze() from text, parse cache cold (every file new)
//   edit         analyze() after a one-character edit in one pod's label (one file re-parsed, the
//                others from the parse cache: the lab's cost per keystroke, in the worker)
//   matrix       every pod pair on one port through allowed() (what the matrix draws)
//   explain      one explanation
//   json         what `kslab analyze --json` writes (its default connectivity form, streamed)
// and the ratios analyze/floor, edit/analyze and (analyze+json)/floor. Budgets are ratios, which hold
// on a noisy shared machine; exits 1 when one is blown (not with --smoke).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { analyze, type SourceFile } from '../src/engine/index.js';
import { chooseForm } from '../src/cli/connectivity.js';
import { writeContractJson } from '../src/cli/report-json.js';
// @ts-expect-error: a plain ES module shared with bench:ui, without types
import { generateCluster } from './lib/gen-cluster.mjs';

export interface SizeResult {
  pods: number;
  namespaces: number;
  policies: number;
  bytes: number;
  repeats: number;
  /** Medians in milliseconds. */
  floor: number;
  analyze: number;
  edit: number;
  matrix: number;
  explain: number;
  json: number;
  jsonBytes: number;
  analyzeOverFloor: number;
  /** (analyze + json) / floor: the CLI's work over parsing alone. */
  cliOverFloor: number;
  editOverAnalyze: number;
  maxRssMiB: number;
}

/**
 * Budgets as ratios. The CLI's target (issue 11): analyze + JSON within 2× the `yaml` parse floor at
 * 500 pods and above; a keystroke's re-analysis within half a full one. Small clusters pay the
 * cluster's fixed cost (system pods, default RBAC), so their ratio is looser.
 */
const RATIO_BUDGETS: { from: number; cliOverFloor: number; editOverAnalyze: number }[] = [
  { from: 0, cliOverFloor: 6, editOverAnalyze: 0.8 },
  { from: 500, cliOverFloor: 2, editOverAnalyze: 0.5 },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/** A one-character edit in the first pod's `version` label: the kind a student makes. */
function oneEdit(files: readonly SourceFile[], n: number): SourceFile[] {
  const i = files.findIndex((f) => f.text.includes('version: v'));
  return files.map((f, j) => (j === i ? { ...f, text: f.text.replace(/version: v\d/, `version: v${5 + (n % 4)}`) } : f));
}

/** Measures one size in this process. */
export function measure(pods: number, repeats: number): SizeResult {
  const namespaces = Math.max(2, Math.round(pods / 25));
  const policies = Math.max(2, Math.round(pods / 5));
  const files = generateCluster({ pods, namespaces, policies }) as SourceFile[];
  const bytes = files.reduce((s, f) => s + f.text.length, 0);
  const r: Record<'floor' | 'analyze' | 'edit' | 'matrix' | 'explain' | 'json', number[]> = { floor: [], analyze: [], edit: [], matrix: [], explain: [], json: [] };
  let jsonBytes = 0;
  for (let k = 0; k < repeats; k++) {
    r.floor.push(timed(() => { for (const f of files) for (const d of parseAllDocuments(f.text)) d.toJS(); })[1]);
    // Fresh texts (a space appended to each), so the engine's parse cache starts cold.
    const cold = files.map((f) => ({ name: f.name, text: `${f.text}${' '.repeat(k + 1)}` }));
    const [a, ta] = timed(() => analyze(cold));
    r.analyze.push(ta);
    r.edit.push(timed(() => analyze(oneEdit(cold, k)))[1]);
    const ids = a.network.endpoints.filter((e) => e.kind === 'pod' && !e.system).map((e) => e.id);
    r.matrix.push(timed(() => { let n = 0; for (const f of ids) for (const t of ids) if (f !== t && a.network.allowed(f, t, 80, 'TCP')) n++; return n; })[1]);
    r.explain.push(timed(() => a.network.explain(ids[0]!, ids[ids.length - 1]!, 80, 'TCP'))[1]);
    // What `kslab analyze --json` writes: the form it chooses (compact above 200 endpoints), streamed.
    const [size, tj] = timed(() => { let n = 0; writeContractJson(a, chooseForm(undefined, a.network), (s) => { n += s.length; }); return n; });
    r.json.push(tj);
    jsonBytes = size;
  }
  const m = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, median(v)])) as Record<keyof typeof r, number>;
  return {
    pods, namespaces, policies, bytes, repeats, ...m, jsonBytes,
    analyzeOverFloor: m.analyze / m.floor,
    cliOverFloor: (m.analyze + m.json) / m.floor,
    editOverAnalyze: m.edit / m.analyze,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function budgetProblems(s: SizeResult): string[] {
  const b = RATIO_BUDGETS.filter((x) => s.pods >= x.from).at(-1);
  if (!b) return [];
  const out: string[] = [];
  if (s.cliOverFloor > b.cliOverFloor) out.push(`${s.pods} pods: (analyze + json) / floor ${s.cliOverFloor.toFixed(2)} > ${b.cliOverFloor}`);
  if (s.editOverAnalyze > b.editOverAnalyze) out.push(`${s.pods} pods: edit / analyze ${s.editOverAnalyze.toFixed(2)} > ${b.editOverAnalyze}`);
  return out;
}

function row(s: SizeResult): string {
  const f = (x: number) => x.toFixed(x < 10 ? 1 : 0).padStart(7);
  return `${String(s.pods).padStart(5)} ${String(s.policies).padStart(5)} ${(s.bytes / 1024).toFixed(0).padStart(6)} KB ${f(s.floor)} ${f(s.analyze)} ${f(s.edit)} ${f(s.matrix)} ${f(s.explain)} ${f(s.json)} ${s.analyzeOverFloor.toFixed(2).padStart(6)}× ${s.cliOverFloor.toFixed(2).padStart(6)}× ${(100 * s.editOverAnalyze).toFixed(0).padStart(4)}% ${s.maxRssMiB.toFixed(0).padStart(6)} MiB`;
}

function main(argv: string[]): number {
  const child = argv.indexOf('--child');
  if (child >= 0) {
    process.stdout.write(JSON.stringify(measure(Number(argv[child + 1]), Number(argv[child + 2]))));
    return 0;
  }
  const smoke = argv.includes('--smoke');
  const json = argv.includes('--json');
  const sizesArg = argv[argv.indexOf('--sizes') + 1];
  const sizes = smoke ? [50] : argv.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [50, 500, 2000, 5000];
  const results: SizeResult[] = [];
  const self = fileURLToPath(import.meta.url);
  if (!json) console.log(' pods  pols   YAML     floor analyze    edit  matrix explain    json  an/fl cli/fl  edit/an  peak RSS   (ms, medians)');
  for (const pods of sizes) {
    const repeats = smoke ? 1 : pods <= 500 ? 7 : pods <= 2000 ? 3 : 1;
    const p = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', String(pods), String(repeats)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (p.status !== 0) {
      console.error(p.stderr);
      return 1;
    }
    const s = JSON.parse(p.stdout) as SizeResult;
    results.push(s);
    if (!json) console.log(row(s));
  }
  const problems = smoke ? [] : results.flatMap(budgetProblems);
  if (json) console.log(JSON.stringify({ results, problems }, null, 2));
  else if (problems.length) console.error(`\nOver budget:\n  ${problems.join('\n  ')}`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
