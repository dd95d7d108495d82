import { describe, expect, it } from 'vitest';
import { UBUNTU_SLEEPER } from '../testing/shell.js';
import { InputError } from './io.js';
import { runShellCommand } from './shell.js';

async function run(args: string[], files: Record<string, string>, tty?: { out: boolean; err: boolean }) {
  let stdout = '';
  let stderr = '';
  const code = await runShellCommand(args, {
    read: (paths) => paths.map((p) => {
      const text = Object.hasOwn(files, p) ? files[p] : undefined;
      if (text === undefined) throw new InputError(`${p}: no such file or directory`);
      return { name: p, text };
    }),
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    ...(tty ? { tty } : {}),
  });
  return { code, stdout, stderr };
}

// The course notes' commands (engine-spec section 7).
describe('kslab shell', () => {
  it('creates the pull secret', async () => {
    const r = await run(['p.yaml', '-c', 'k create secret docker-registry private-reg-cred --docker-server=myprivateregistry.com:5000 --docker-username=dock_user --docker-password=dock_password --docker-email=dock_user@myprivateregistry.com'], { 'p.yaml': UBUNTU_SLEEPER });
    expect(r).toEqual({ code: 0, stdout: 'secret/private-reg-cred created\n', stderr: '' });
  });
  it('whoami as uid 1010: both lines on stderr, exit 1', async () => {
    const r = await run(['p.yaml', '-c', 'kubectl exec ubuntu-sleeper -- whoami'], { 'p.yaml': UBUNTU_SLEEPER });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'whoami: cannot find name for user ID 1010\ncommand terminated with exit code 1\n' });
  });
  it('commands share state; the exit code is the last one', async () => {
    const r = await run(['p.yaml', '-c', 'kubectl get pod nope', '-c', 'kubectl create secret generic s --from-literal=a=b', '-c', 'kubectl get secret s -o name'], { 'p.yaml': UBUNTU_SLEEPER });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('secret/s created\nsecret/s\n');
  });
  it('usage errors exit 2; an unreadable PATH exits 3 with one line', async () => {
    expect((await run(['p.yaml'], { 'p.yaml': '' })).code).toBe(2);
    expect(await run(['missing.yaml', '-c', 'k get po'], {})).toEqual({ code: 3, stdout: '', stderr: 'kslab shell: missing.yaml: no such file or directory\n' });
  });
  it('prints data raw into a pipe (as kubectl does) and visibly on a terminal', async () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, annotations: {a: "x\\e[2Jy\\rz"}}\n';
    const cmd = ['c.yaml', '-c', "kubectl get cm cm -o jsonpath='{.metadata.annotations.a}'"];
    expect((await run(cmd, { 'c.yaml': cm })).stdout).toBe('x\x1b[2Jy\rz');
    expect((await run(cmd, { 'c.yaml': cm }, { out: true, err: true })).stdout).toBe('x^[[2Jy^Mz');
  });
});
