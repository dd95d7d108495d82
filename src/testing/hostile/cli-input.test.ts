// Hostile files for the CLI (issue 18): every one ends in one line and its own exit code, fast.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { MAX_FILE_BYTES } from '../../cli/io.js';
import { runCli } from '../run-cli.js';
import { bounded } from './bounded.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n';
let dir = '';
let server: Server | null = null;
const at = (...p: string[]) => join(dir, ...p);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kslab-hostile-'));
  mkdirSync(at('real'));
  writeFileSync(at('real', 'pod.yaml'), POD);
  const fifo = spawnSync('mkfifo', [at('fifo.yaml')]);
  if (fifo.status !== 0) throw new Error('mkfifo failed');
  symlinkSync('/dev/zero', at('zero.yaml'));
  symlinkSync('nowhere.yaml', at('dangling.yaml'));
  symlinkSync('loop-b.yaml', at('loop-a.yaml'));
  symlinkSync('loop-a.yaml', at('loop-b.yaml'));
  closeSync(openSync(at('big.yaml'), 'w'));
  truncateSync(at('big.yaml'), 600 * 1024 * 1024); // sparse: 600 MB without writing them
  mkdirSync(at('withdir', 'a-dir.yaml'), { recursive: true });
  for (const d of ['outside', 'inside', 'dirlink']) mkdirSync(at(d));
  symlinkSync(at('real', 'pod.yaml'), at('outside', 'pod.yaml'));
  writeFileSync(at('inside', 'target.txt'), POD);
  symlinkSync('target.txt', at('inside', 'pod.yaml'));
  symlinkSync(at('real'), at('dirlink', 'sub.yaml'));
  server = createServer();
  await new Promise<void>((resolve) => server?.listen(at('socket.yaml'), resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile CLI input: one line, exit 3, no hang', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a FIFO named *.yaml', () => ['analyze', at('fifo.yaml')], /fifo\.yaml: is a FIFO \(named pipe\); only regular files are read$/],
    ['a symlink to /dev/zero', () => ['analyze', at('zero.yaml')], /zero\.yaml: is a device; only regular files are read$/],
    ['a socket', () => ['analyze', at('socket.yaml')], /socket\.yaml: is a socket; only regular files are read$/],
    ['a dangling symlink', () => ['analyze', at('dangling.yaml')], /dangling\.yaml: dangling symbolic link \(its target nowhere\.yaml does not exist\)$/],
    ['a symlink loop', () => ['analyze', at('loop-a.yaml')], /loop-a\.yaml: symbolic link loop/],
    ['a 600 MB file', () => ['analyze', at('big.yaml')], new RegExp(`big\\.yaml: 600 MiB, over the limit of ${MAX_FILE_BYTES / 1024 / 1024} MiB per file$`)],
    ['a directory named *.yaml in a directory', () => ['analyze', at('withdir')], /a-dir\.yaml: is a directory$/],
    ['a symlink leaving its directory', () => ['analyze', at('outside')], /pod\.yaml: symbolic link to .*real\/pod\.yaml, outside .*outside; pass --follow-symlinks to read it$/],
    ['a symlinked directory named *.yaml in a directory', () => ['analyze', at('dirlink')], /sub\.yaml: symbolic link to .*real, outside .*dirlink; pass --follow-symlinks/],
    ['a missing file', () => ['analyze', at('missing.yaml')], /missing\.yaml: no such file or directory$/],
    ['explain on a FIFO', () => ['explain', at('fifo.yaml'), '--from', 'a/b', '--to', 'c/d', '--port', '80'], /is a FIFO/],
    ['shell on /dev/zero', () => ['shell', at('zero.yaml'), '-c', 'kubectl get pods'], /is a device/],
  ];
  for (const [name, argv, message] of cases) {
    // `kslab shell` loads the simulated shell on first use (a cold import of a few seconds).
    bounded(name, name.startsWith('shell') ? 10000 : 2000, async () => {
      const r = await runCli(argv());
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
    });
  }

  bounded('a symlink inside its directory is read; --follow-symlinks reads one leaving it', 3000, async () => {
    expect((await runCli(['analyze', at('inside')])).code).toBe(0);
    const followed = await runCli(['analyze', '--follow-symlinks', at('outside')]);
    expect(followed.code).toBe(0);
    expect(followed.stdout).toContain('default/web');
  });

  bounded('a symlink named on the command line is followed (as find -H does)', 2000, async () => {
    expect((await runCli(['analyze', at('outside', 'pod.yaml')])).code).toBe(0);
  });
});

describe('hostile lesson folders: a lesson stays inside its folder', () => {
  const lesson = (ref: string) => JSON.stringify({
    id: 'x', order: 1, title: { en: 'x', ko: 'x' }, summary: { en: 'x', ko: 'x' },
    steps: [{ id: 's', title: { en: 's', ko: 's' }, body: { en: 'b', ko: 'b' }, check: { kind: 'analysis', expect: [] }, solution: { files: { 'a.yaml': ref } } }],
  });
  bounded('an @../../ reference is refused with exit 3', 3000, async () => {
    const l = at('lesson-out');
    mkdirSync(l, { recursive: true });
    writeFileSync(at('secret.yaml'), 'top secret');
    writeFileSync(join(l, 'lesson.json'), lesson('@../secret.yaml'));
    const r = await runCli(['lesson', 'check', l, '--solution']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/secret\.yaml: outside the lesson folder .*lesson-out; a lesson may refer only to its own files\n$/);
    expect(r.stdout).not.toContain('top secret');
  });
  bounded('a symlink out of the lesson folder is refused', 3000, async () => {
    const l = at('lesson-link');
    mkdirSync(join(l, 'start'), { recursive: true });
    writeFileSync(join(l, 'lesson.json'), lesson('a'));
    symlinkSync(at('secret.yaml'), join(l, 'start', 'a.yaml'));
    const r = await runCli(['lesson', 'check', l]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/start\/a\.yaml: symbolic link to .*secret\.yaml, outside .*lesson-link/);
  });
});

describe('| head: a closed pipe ends kslab quietly', () => {
  bounded('analyze --json of 150 pods into head -2: exit 141, nothing on stderr', 20000, () => {
    const pods = Array.from({ length: 150 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, labels: {app: a${i}}}\nspec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}\n`).join('---\n');
    writeFileSync(at('many.yaml'), pods);
    const r = spawnSync('bash', ['-c', `node bin/kslab.mjs analyze --json '${at('many.yaml')}' | head -2 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('141');
    expect(r.stderr).toBe('');
  });
});
