#!/usr/bin/env node
// Mutation testing (StrykerJS, stryker.config.mjs) over src/engine, src/shell and src/course.
//
//   npm run test:mutation                                   # the three folders
//   npm run test:mutation -- src/engine/netpol src/engine/image   # some folders
//   npm run test:mutation -- --mutate 'src/engine/netpol/**/*.ts' # a glob (tests are still excluded)
//   npm run test:mutation -- --concurrency 2                # any other flag goes to `stryker run`
//   npm run test:mutation -- --scores                       # score per folder from the reports on disk
//   npm run test:mutation -- src/engine/net --all-tests     # judge with every test, not only the tree's own
//   npm run test:mutation -- src/engine/format --tests 'src/engine/format/**/*.test.ts,src/engine/rbac/rules-review.test.ts'
//                                                           # judge with these tests only (a folder few tests reach:
//                                                           # a short dry run; they must be every test that reaches it)
//
// Each set of targets has its own folder reports/mutation/<slug>/ (git-ignored) with the incremental
// file, index.html and mutation.json; a rerun of the same targets tests only what changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REPORTS = 'reports/mutation';
const args = process.argv.slice(2);

if (args.includes('--scores')) {
  scores();
  process.exit(0);
}

const targets = [];
const rest = [];
let allTests = false;
/** @type {string[] | null} */
let onlyTests = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--mutate' || a === '-m') targets.push(...(args[++i] ?? '').split(','));
  else if (a.startsWith('--mutate=')) targets.push(...a.slice('--mutate='.length).split(','));
  else if (!a.startsWith('-') && (a.startsWith('src/') || a.startsWith('./src/'))) targets.push(a.replace(/^\.\//, ''));
  else if (a === '--all-tests') allTests = true;
  else if (a === '--tests') onlyTests = (args[++i] ?? '').split(',').filter(Boolean);
  else if (a.startsWith('--tests=')) onlyTests = a.slice('--tests='.length).split(',').filter(Boolean);
  else rest.push(a);
}
for (const t of targets) {
  if (t.startsWith('!')) {
    console.error(`mutation: exclusions are in stryker.config.mjs; give only what to mutate (${t})`);
    process.exit(2);
  }
}

const slug = targets.length === 0 ? 'all' : slugOf(targets);
const env = { ...process.env, KSLAB_MUTATE_SLUG: slug };
if (targets.length > 0) env.KSLAB_MUTATE = targets.join(',');
if (onlyTests !== null && (onlyTests.length === 0 || allTests || targets.length === 0)) {
  console.error('mutation: --tests needs targets and at least one test glob, and not --all-tests');
  process.exit(2);
}
const tests = onlyTests ?? (allTests ? [] : testsFor(targets));
if (tests.length > 0) env.KSLAB_MUTATION_TESTS = tests.join(',');
// A judge set given by hand is run whole (stryker.config.mjs: no `related` search inside it).
if (onlyTests !== null) env.KSLAB_MUTATION_RELATED = '0';
else delete env.KSLAB_MUTATION_TESTS;
console.log(`mutation: ${targets.length ? targets.join(' ') : 'src/engine src/shell src/course'} → ${REPORTS}/${slug}/`);
console.log(`mutation: tests ${tests.length ? tests.join(' ') : 'all of vitest.mutation.config.mjs'}`);
const t0 = Date.now();
const r = spawnSync(process.execPath, ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', 'stryker.config.mjs', ...rest], { stdio: 'inherit', env });
console.log(`mutation: exit ${r.status} in ${((Date.now() - t0) / 60000).toFixed(1)} min`);
process.exit(r.status ?? 1);

/**
 * The tests that judge a tree (`--all-tests`: every test of vitest.mutation.config.mjs): the engine
 * by its own tests and the oracle; the shell by its own; the course by its own and the lessons'.
 * Targets in several trees get the union; the whole tree (no targets) gets everything.
 */
function testsFor(ts) {
  if (ts.length === 0) return [];
  const byTree = {
    'src/engine': ['src/engine/**/*.test.ts', 'src/testing/oracle/**/*.test.ts'],
    'src/shell': ['src/shell/**/*.test.ts'],
    'src/course': ['src/course/**/*.test.ts', 'lessons/**/*.test.ts'],
  };
  const out = new Set();
  for (const t of ts) {
    const tree = Object.keys(byTree).find((k) => t === k || t.startsWith(`${k}/`));
    if (!tree) return [];
    for (const g of byTree[tree]) out.add(g);
  }
  return [...out];
}

function slugOf(ts) {
  return ts
    .map((t) => t.replace(/^src\//, '').replace(/\/?\*\*\/\*\.ts$/, '').replace(/\.ts$/, '').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, ''))
    .join('+')
    .slice(0, 120);
}

/**
 * Reads every reports/mutation/<slug>/mutation.json; for each source file the newest report that
 * has it wins. Score as Stryker computes it: (killed + timeout) / (killed + timeout + survived +
 * no coverage); compile/runtime errors and ignored mutants do not count.
 */
function scores() {
  if (!existsSync(REPORTS)) {
    console.log(`no reports under ${REPORTS}/: run npm run test:mutation first`);
    return;
  }
  const reports = readdirSync(REPORTS)
    .map((d) => join(REPORTS, d, 'mutation.json'))
    .filter((f) => existsSync(f))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  /** @type {Map<string, {status: string}[]>} */
  const files = new Map();
  for (const f of reports) {
    const report = JSON.parse(readFileSync(f, 'utf8'));
    for (const [name, file] of Object.entries(report.files)) {
      if (existsSync(name)) files.set(name, file.mutants);
    }
  }
  const groups = new Map();
  const add = (key, mutants) => {
    const g = groups.get(key) ?? { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
    for (const m of mutants) {
      if (m.status === 'Killed') g.killed++;
      else if (m.status === 'Timeout') g.timeout++;
      else if (m.status === 'Survived') g.survived++;
      else if (m.status === 'NoCoverage') g.noCoverage++;
      else g.other++;
    }
    groups.set(key, g);
  };
  for (const [name, mutants] of files) {
    const parts = name.split('/');
    add(parts.slice(0, 2).join('/'), mutants);
    if (parts.length > 3) add(parts.slice(0, 3).join('/'), mutants);
    else add(`${parts.slice(0, 2).join('/')}/*.ts`, mutants);
  }
  const rows = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  const pct = (g) => {
    const detected = g.killed + g.timeout;
    const valid = detected + g.survived + g.noCoverage;
    return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)}%`;
  };
  console.log('| folder | score | killed | timeout | survived | no coverage | errors/ignored |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [key, g] of rows) {
    const top = key.split('/').length === 2;
    const name = top ? `**${key}**` : key;
    console.log(`| ${name} | ${top ? `**${pct(g)}**` : pct(g)} | ${g.killed} | ${g.timeout} | ${g.survived} | ${g.noCoverage} | ${g.other} |`);
  }
}
