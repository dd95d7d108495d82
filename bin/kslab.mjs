#!/usr/bin/env node
// kslab: the engine from the command line. The TypeScript sources are bundled once into
// node_modules/.cache/kslab/cli.mjs (esbuild, ~0.2 s) and rebuilt only when a source file is newer,
// so each call loads one file instead of transpiling ~150 modules (well under a second).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// One bundle per checkout: worktrees that share node_modules (a symlink) must not run each other's code.
const out = join(root, 'node_modules', '.cache', 'kslab', `cli-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.mjs`);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'ui' && entry.name !== 'app' && entry.name !== 'testing') newest = Math.max(newest, newestSource(path));
    } else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

const stale = !existsSync(out) || statSync(out).mtimeMs < Math.max(newestSource(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
if (stale) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile: out,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  // Write then rename: two kslab processes starting together never read a half-written bundle.
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, out);
}
// `kslab analyze … | head`: the reader went away. Stop quietly, as a tool killed by SIGPIPE does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(141);
    throw e;
  });
}
const { main } = await import(pathToFileURL(out).href);
process.exitCode = await main(process.argv.slice(2));
