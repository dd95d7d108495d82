// The container shells against captures of the real ones (research shells.md §4-5): BusyBox
// 1.37.0 ash as the busybox image runs it, and dash 0.5.12 (Debian's /bin/sh in the nginx image),
// both non-interactive as `kubectl exec POD -- sh -c '…'` runs them; kubectl then adds its
// `command terminated with exit code N` (staging/src/k8s.io/kubectl/pkg/cmd/exec).
import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: bb}
spec: {containers: [{name: bb, image: busybox, command: [sleep, '3600']}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec: {containers: [{name: web, image: nginx}]}
`;

function execIn(pod: string, script: string) {
  const shell = createShell({ files: [{ name: 'pods.yaml', text: PODS }] });
  const r = shell.runScript(`kubectl exec ${pod} -- sh -c '${script.replace(/'/g, `'\\''`)}'`);
  const pick = (fd: 1 | 2) => (r.streams ?? []).filter((c) => c.fd === fd).map((c) => c.text).join('');
  return { stdout: pick(1), stderr: pick(2), rc: r.exitCode };
}

const term = (rc: number) => (rc === 0 ? '' : `command terminated with exit code ${rc}\n`);

describe('busybox ash (sh -c), shell/ash.c 1.37.0', () => {
  it.each<[string, string, string, number]>([
    ['foo', '', 'sh: foo: not found\n', 127],
    ['ls |', '', 'sh: syntax error: unexpected end of file\n', 2],
    ["echo 'abc", '', 'sh: syntax error: unterminated quoted string\n', 2],
    ['if true; then echo x', '', 'sh: syntax error: unexpected end of file (expecting "fi")\n', 2],
    ['|| true', '', 'sh: syntax error: unexpected "||"\n', 2],
    ['cd /nope', '', "sh: cd: line 0: can't cd to /nope: No such file or directory\n", 2],
    ['cd /etc/passwd', '', "sh: cd: line 0: can't cd to /etc/passwd: Not a directory\n", 2],
    ['echo hi > /etc', '', "sh: can't create /etc: Is a directory\n", 1],
    ['echo hi > /nope/x', '', "sh: can't create /nope/x: nonexistent directory\n", 1],
    ['cat < /missing', '', "sh: can't open /missing: no such file\n", 1],
    ['unalias x', '', 'unalias: x not found\n', 1],
    ['alias k=kubectl ll="ls -l"; alias', "k='kubectl'\nll='ls -l'\n", '', 0],
    ['false | true; echo $?', '0\n', '', 0],
    ['echo $((1/0))', '', 'sh: divide by zero\n', 2],
    ['x=; echo ${x:?empty}', '', 'sh: x: empty\n', 2],
    ['/bin/nope', '', 'sh: /bin/nope: not found\n', 127],
    ['exit 3', '', '', 3],
  ])('%s', (script, stdout, stderr, rc) => {
    expect(execIn('bb', script)).toEqual({ stdout, stderr: stderr + term(rc), rc });
  });
});

describe('dash 0.5.12 (sh -c in a Debian image)', () => {
  it.each<[string, string, string, number]>([
    ['foo', '', 'sh: 1: foo: not found\n', 127],
    ['ls |', '', 'sh: 1: Syntax error: end of file unexpected\n', 2],
    ["echo 'abc", '', 'sh: 1: Syntax error: Unterminated quoted string\n', 2],
    ['if true; then echo x', '', 'sh: 1: Syntax error: end of file unexpected (expecting "fi")\n', 2],
    ['|| true', '', 'sh: 1: Syntax error: "||" unexpected\n', 2],
    ['cd /nope', '', "sh: 1: cd: can't cd to /nope\n", 2],
    ['echo hi > /etc', '', 'sh: 1: cannot create /etc: Is a directory\n', 2],
    ['echo hi > /nope/x', '', 'sh: 1: cannot create /nope/x: Directory nonexistent\n', 2],
    ['cat < /missing', '', 'sh: 1: cannot open /missing: No such file\n', 2],
    ['unalias x', '', 'unalias: x not found\n', 1],
  ])('%s', (script, stdout, stderr, rc) => {
    expect(execIn('web', script)).toEqual({ stdout, stderr: stderr + term(rc), rc });
  });
});

describe('interactive sessions', () => {
  it('kubectl exec -it bb -- sh: busybox prompt, commands run inside, exit returns to the host', () => {
    const shell = createShell({ files: [{ name: 'pods.yaml', text: PODS }] });
    expect(shell.run('kubectl exec -it bb -- sh').output).toBe('');
    expect(shell.prompt).toBe('/ # ');
    expect(shell.run('cd /tmp; foo').output).toBe('sh: foo: not found\n');
    expect(shell.prompt).toBe('/tmp # ');
    expect(shell.run('hostname').output).toBe('bb\n');
    expect(shell.run('exit 4').output).toBe('command terminated with exit code 4\n');
    expect(shell.prompt).toBe('controlplane:~$ ');
  });

  it('kubectl exec -it web -- bash: Debian bash prompt `root@POD:/# `; Ctrl+D leaves with `exit`', () => {
    const shell = createShell({ files: [{ name: 'pods.yaml', text: PODS }] });
    shell.run('kubectl exec -it web -- bash');
    expect(shell.prompt).toBe('root@web:/# ');
    expect(shell.run('cd ~').output).toBe('');
    expect(shell.prompt).toBe('root@web:~# ');
    expect(shell.eof()?.output).toBe('exit\n');
    expect(shell.prompt).toBe('controlplane:~$ ');
  });
});

// bash's /dev/tcp (redir.c/netopen.c), messages checked against bash 5.2.15 on this machine:
// `bash -c 'echo > /dev/tcp/127.0.0.1/1'` → `bash: connect: Connection refused` +
// `bash: /dev/tcp/127.0.0.1/1: Connection refused`; an unknown host → `Name or service not known`
// + `Invalid argument`; a port that is not a number → `Servname not supported for ai_socktype`.
describe('bash /dev/tcp probes (in the nginx image)', () => {
  const bash = (script: string) => {
    const shell = createShell({ files: [{ name: 'pods.yaml', text: PODS }] });
    const r = shell.runScript(`kubectl exec web -- bash -c '${script}'`);
    return { out: r.output, rc: r.exitCode };
  };
  it.each<[string, string, number]>([
    ['echo > /dev/tcp/127.0.0.1/80 && echo open', 'open\n', 0],
    ['echo > /dev/tcp/127.0.0.1/81', 'bash: connect: Connection refused\nbash: /dev/tcp/127.0.0.1/81: Connection refused\ncommand terminated with exit code 1\n', 1],
    ['</dev/tcp/nosuch/80', 'bash: nosuch: Name or service not known\nbash: /dev/tcp/nosuch/80: Invalid argument\ncommand terminated with exit code 1\n', 1],
    ['echo > /dev/tcp/127.0.0.1/http', 'bash: http: Servname not supported for ai_socktype\nbash: /dev/tcp/127.0.0.1/http: Invalid argument\ncommand terminated with exit code 1\n', 1],
  ])('%s', (script, out, rc) => {
    expect(bash(script)).toEqual({ out, rc });
  });

  it('dash and ash have no /dev/tcp: it is a path that does not exist', () => {
    const shell = createShell({ files: [{ name: 'pods.yaml', text: PODS }] });
    expect(shell.runScript("kubectl exec bb -- sh -c 'echo > /dev/tcp/127.0.0.1/80'").output).toBe("sh: can't create /dev/tcp/127.0.0.1/80: nonexistent directory\ncommand terminated with exit code 1\n");
  });
});

// `id` as root: the image's /etc/group memberships come along (containerd WithAdditionalGIDs);
// research shells.md: busybox `uid=0(root) gid=0(root) groups=0(root),10(wheel)`.
describe('id in busybox and nginx', () => {
  it.each([
    ['bb', 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n'],
    ['web', 'uid=0(root) gid=0(root) groups=0(root)\n'],
  ])('%s', (pod, out) => {
    const shell = createShell({ files: [{ name: 'pods.yaml', text: PODS }] });
    expect(shell.runScript(`kubectl exec ${pod} -- id`).output).toBe(out);
  });
  it('/etc/group in busybox lists wheel with root', () => {
    const shell = createShell({ files: [{ name: 'pods.yaml', text: PODS }] });
    expect(shell.runScript('kubectl exec bb -- grep wheel /etc/group').output).toBe('wheel:x:10:root\n');
  });
});
