import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.js';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}\n';

describe('kslab CLI contract (engine-spec.md section 7)', () => {
  it('prints usage and exits 2 without a command', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('kslab analyze');
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['analyze'], 'analyze needs at least one PATH'],
    [['analyze', '--yaml', '-'], 'unknown flag --yaml'],
    [['explain', '-', '--from', 'default/web'], 'explain needs --from, --to and --port'],
    [['explain', '-', '--from', 'a/b', '--to', 'c/d', '--port', '99999'], '--port must be a number'],
    [['explain', '-', '--from', 'a/b', '--to', 'c/d', '--port', '80/ICMP'], 'unknown protocol "ICMP"'],
  ])('usage error %j exits 2 and says why', async (argv, message) => {
    const r = await runCli(argv, pod);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('a PATH that cannot be read exits 3 with one line', async () => {
    const r = await runCli(['analyze', 'no/such/file.yaml'], pod);
    expect(r).toEqual({ code: 3, stdout: '', stderr: 'kslab: no/such/file.yaml: no such file or directory\n' });
  });

  it('reads stdin with -, exits 0 without errors, prints the contract fields', async () => {
    const r = await runCli(['analyze', '--json', '-'], pod);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['diagnostics', 'namespaces', 'pods', 'policies', 'rbac', 'connectivity', 'admission']);
    expect(json.pods[0].name).toBe('web');
    expect(Object.keys(json.pods[0].containers[0]).sort()).toEqual(
      ['capabilities', 'gid', 'image', 'message', 'name', 'privileged', 'state', 'uid', 'username'],
    );
    expect(Object.keys(json.pods[0].containers[0].image).sort()).toEqual(
      ['credentials', 'digest', 'pull', 'reference', 'registry', 'repository', 'tag'],
    );
  });

  it('exits 1 when a diagnostic is an error, and prints file:line:col for people', async () => {
    const r = await runCli(['analyze', '-'], 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: a, image: nginx}]\n  hostNetwrk: true\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:6:3: error: .*hostNetwrk/m);
  });

  it('explain names an unknown endpoint', async () => {
    const r = await runCli(['explain', '-', '--from', 'default/nope', '--to', 'default/web', '--port', '80'], pod);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from default/nope: no such endpoint');
  });

  it('answers a small scenario in well under a second', async () => {
    const t0 = performance.now();
    const r = await runCli(['analyze', '--json', 'src/testing/scenarios/db-api-backup']);
    expect(r.code).toBe(0);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('bin/kslab.mjs (what `npx kslab` runs)', () => {
  it('bundles on first use, then answers a course scenario from a child process', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['bin/kslab.mjs', 'analyze', '--json', 'src/testing/scenarios/ubuntu-sleeper'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.pods[0].containers[0]).toMatchObject({ uid: 1010, username: null, capabilities: { effective: [] } });
    const usage = spawnSync(process.execPath, ['bin/kslab.mjs', 'analyze'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });

  it('shows app containers behind a stuck init container as waiting, not pulled (kubelet PodInitializing)', async () => {
    const r = await runCli(['analyze', '-'], 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  initContainers: [{name: i, image: "Bad:Ref"}]\n  containers: [{name: a, image: nginx}]\n');
    expect(r.stdout).toContain('default/x');
    expect(r.stdout).toMatch(/Init:InvalidImageName {2}0\/1/);
    expect(r.stdout).toContain('a: docker.io/library/nginx:latest (not pulled yet), PodInitializing');
  });

  it('explain points each rule at its file:line:col and ends in one verdict', async () => {
    const dir = 'src/testing/scenarios/db-api-backup';
    const r = await runCli(['explain', dir, '--from', 'staging/api-pod', '--to', 'prod/db-pod', '--port', '3306']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`- spec.ingress[0] [${dir}/netpol.yaml:16:5]: from[0] namespaceSelector name=prod does not match namespace staging`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Verdict: DENIED. staging/api-pod cannot connect to prod/db-pod on 3306/TCP: blocked by the Ingress of prod/db-pod.');
  });
});
