// Inside a container: what seccomp, AppArmor, no_new_privs and readOnlyRootFilesystem change, through
// `kubectl exec` on pods the engine analysed. Sources, per row:
// - the engine's profiles (security/profiles: kubelet getSeccompProfile / apparmor.GetProfile,
//   containerd generateSeccompSpecOpts / generateApparmorSpecOpts);
// - containerd contrib/seccomp/seccomp_default.go: unshare, mount, umount2, setns… only with
//   CAP_SYS_ADMIN in the bounding set, else the default action ActErrno (EPERM);
// - containerd contrib/apparmor/template.go: `deny mount,` in cri-containerd.apparmor.d;
// - Linux fs/proc/array.c (task_cap, task_seccomp: CapInh…CapAmb as %016x, NoNewPrivs, Seccomp,
//   Seccomp_filters) and AppArmor's /proc/PID/attr/current (`NAME (enforce)` / `unconfined`);
// - tool wording captured on Debian 12 (util-linux 2.38.1, busybox 1.35) with strace fault injection
//   (`strace -e inject=unshare:error=EPERM`, `inject=mount:error=EPERM|EACCES`) and as nobody;
//   busybox util-linux/unshare.c `bb_perror_msg_and_die("unshare(0x%x)", unsflags)`, util-linux
//   sys-utils/unshare.c `err(EXIT_FAILURE, _("unshare failed"))`, libbb's "permission denied (are
//   you root?)"; read-only file system wording from /work/research coreutils.md (captured).
import { describe, expect, it } from 'vitest';
import { podYaml, shellWith } from '../../testing/shell.js';

const SECCOMP = '{seccompProfile: {type: RuntimeDefault}}';

function run(yaml: string, command: string): { output: string; code: number } {
  const r = shellWith(yaml).run(command);
  return { output: r.output, code: r.exitCode };
}

describe('/proc/PID/status and attr/current', () => {
  it.each<[string, { image?: string; sc?: string; podSc?: string }, string[]]>([
    ['default pod: no filter, caps of root, no_new_privs off', { image: 'busybox' },
      ['CapInh:\t0000000000000000', 'CapPrm:\t00000000a80425fb', 'CapEff:\t00000000a80425fb', 'CapBnd:\t00000000a80425fb', 'CapAmb:\t0000000000000000',
        'NoNewPrivs:\t0', 'Seccomp:\t0', 'Seccomp_filters:\t0']],
    ['RuntimeDefault and allowPrivilegeEscalation false', { image: 'busybox', sc: '{allowPrivilegeEscalation: false, seccompProfile: {type: RuntimeDefault}}' },
      ['NoNewPrivs:\t1', 'Seccomp:\t2', 'Seccomp_filters:\t1']],
    ['pod-level RuntimeDefault reaches the container', { image: 'busybox', podSc: SECCOMP }, ['Seccomp:\t2']],
    ['privileged: every capability, and containerd installs no filter', { image: 'busybox', sc: '{privileged: true, seccompProfile: {type: RuntimeDefault}}' },
      ['CapEff:\t000001ffffffffff', 'CapBnd:\t000001ffffffffff', 'NoNewPrivs:\t0', 'Seccomp:\t0']],
    ['non-root: empty permitted and effective sets, bounding kept (id agrees)', { image: 'busybox', podSc: '{runAsUser: 1000}' },
      ['Uid:\t1000\t1000\t1000\t1000', 'CapPrm:\t0000000000000000', 'CapEff:\t0000000000000000', 'CapBnd:\t00000000a80425fb']],
  ])('%s', (_label, opts, lines) => {
    const { output } = run(podYaml('p', opts), 'kubectl exec p -- cat /proc/1/status');
    for (const line of lines) expect(output.split('\n')).toContain(line);
  });

  it('/proc/self/status agrees with id', () => {
    const yaml = podYaml('p', { image: 'busybox', podSc: '{runAsUser: 1000, runAsGroup: 3000}' });
    expect(run(yaml, 'kubectl exec p -- id').output).toBe('uid=1000 gid=3000 groups=3000\n');
    expect(run(yaml, 'kubectl exec p -- cat /proc/self/status').output).toContain('Uid:\t1000\t1000\t1000\t1000\nGid:\t3000\t3000\t3000\t3000\n');
  });

  it.each<[string, string | undefined, string]>([
    ['default: containerd\'s profile', undefined, 'cri-containerd.apparmor.d (enforce)\n'],
    ['privileged: unconfined', '{privileged: true}', 'unconfined\n'],
    ['Unconfined', '{appArmorProfile: {type: Unconfined}}', 'unconfined\n'],
    ['Localhost', '{appArmorProfile: {type: Localhost, localhostProfile: k8s-apparmor-example-deny-write}}', 'k8s-apparmor-example-deny-write (enforce)\n'],
  ])('cat /proc/1/attr/current — %s', (_label, sc, expected) => {
    expect(run(podYaml('p', { image: 'busybox', ...(sc ? { sc } : {}) }), 'kubectl exec p -- cat /proc/1/attr/current').output).toBe(expected);
  });
});

describe('unshare', () => {
  it.each<[string, { image: string; sc?: string; podSc?: string }, string, string, number]>([
    ['busybox, RuntimeDefault: seccomp says EPERM even for a user namespace', { image: 'busybox', sc: SECCOMP }, 'unshare -r id',
      'unshare: unshare(0x10000000): Operation not permitted\ncommand terminated with exit code 1\n', 1],
    ['busybox, flags OR-ed in hex', { image: 'busybox', sc: SECCOMP }, 'unshare -m -u -i -n true',
      'unshare: unshare(0x4c020000): Operation not permitted\ncommand terminated with exit code 1\n', 1],
    ['util-linux (ubuntu), RuntimeDefault', { image: 'ubuntu', sc: SECCOMP }, 'unshare -r id',
      'unshare: unshare failed: Operation not permitted\ncommand terminated with exit code 1\n', 1],
    ['Unconfined (the kubelet default): a user namespace works, root inside it', { image: 'ubuntu' }, 'unshare -r id',
      'uid=0(root) gid=0(root) groups=0(root)\n', 0],
    ['Unconfined, no CAP_SYS_ADMIN: a mount namespace needs it', { image: 'ubuntu' }, 'unshare -m true',
      'unshare: unshare failed: Operation not permitted\ncommand terminated with exit code 1\n', 1],
    ['RuntimeDefault with SYS_ADMIN added: the profile lets unshare through', { image: 'ubuntu', sc: '{capabilities: {add: [SYS_ADMIN]}, seccompProfile: {type: RuntimeDefault}}' }, 'unshare -m true',
      '', 0],
    ['program not found', { image: 'busybox' }, 'unshare -r nosuch',
      'unshare: can\'t execute \'nosuch\': No such file or directory\ncommand terminated with exit code 127\n', 127],
  ])('%s', (_label, opts, command, expected, code) => {
    expect(run(podYaml('p', opts), `kubectl exec p -- ${command}`)).toEqual({ output: expected, code });
  });

  it('as mapped root: every capability in the new namespace', () => {
    const out = run(podYaml('p', { image: 'ubuntu', podSc: '{runAsUser: 1000}' }), 'kubectl exec p -- unshare -r grep -E "^(Uid|CapEff)" /proc/self/status').output;
    expect(out).toBe('Uid:\t0\t0\t0\t0\nCapEff:\t000001ffffffffff\n');
  });
});

describe('mount', () => {
  const DMESG = '       dmesg(1) may have more information after failed mount system call.\n';
  it.each<[string, { image: string; sc?: string; podSc?: string }, string, string, number]>([
    ['busybox root, RuntimeDefault: EPERM', { image: 'busybox', sc: SECCOMP }, 'mount -t tmpfs none /mnt',
      'mount: permission denied (are you root?)\ncommand terminated with exit code 1\n', 1],
    ['busybox non-root', { image: 'busybox', sc: SECCOMP, podSc: '{runAsUser: 1000}' }, 'mount -t tmpfs none /tmp',
      'mount: permission denied (are you root?)\ncommand terminated with exit code 1\n', 1],
    ['busybox root with SYS_ADMIN: AppArmor denies (EACCES), retried read-only', { image: 'busybox', sc: '{capabilities: {add: [SYS_ADMIN]}}' }, 'mount -t tmpfs none /tmp',
      'mount: mounting none on /tmp failed: Permission denied\ncommand terminated with exit code 255\n', 255],
    ['util-linux root, RuntimeDefault: EPERM', { image: 'ubuntu', sc: SECCOMP }, 'mount -t tmpfs none /tmp',
      `mount: /tmp: permission denied.\n${DMESG}command terminated with exit code 32\n`, 32],
    ['util-linux non-root: refused before the system call', { image: 'ubuntu', podSc: '{runAsUser: 1000}' }, 'mount -t tmpfs none /tmp',
      `mount: /tmp: must be superuser to use mount.\n${DMESG}command terminated with exit code 32\n`, 32],
    ['util-linux, missing mount point', { image: 'ubuntu' }, 'mount -t tmpfs none /nope',
      `mount: /nope: mount point does not exist.\n${DMESG}command terminated with exit code 32\n`, 32],
    ['util-linux root with SYS_ADMIN: AppArmor denies', { image: 'ubuntu', sc: '{capabilities: {add: [SYS_ADMIN]}}' }, 'mount -t tmpfs none /tmp',
      `mount: /tmp: cannot mount none read-only.\n${DMESG}command terminated with exit code 32\n`, 32],
    ['privileged: unconfined, every capability — it mounts', { image: 'ubuntu', sc: '{privileged: true}' }, 'mount -t tmpfs none /tmp', '', 0],
    ['one operand: fstab', { image: 'busybox' }, 'mount /mnt', 'mount: can\'t find /mnt in /etc/fstab\ncommand terminated with exit code 1\n', 1],
  ])('%s', (_label, opts, command, expected, code) => {
    expect(run(podYaml('p', opts), `kubectl exec p -- ${command}`)).toEqual({ output: expected, code });
  });
});

describe('readOnlyRootFilesystem', () => {
  const pod = (image: string, shellCmd: string) => `apiVersion: v1
kind: Pod
metadata: {name: ro}
spec:
  containers:
  - name: ro
    image: ${image}
    command: [${shellCmd}]
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts: [{name: scratch, mountPath: /scratch}, {name: cfg, mountPath: /etc/app}, {name: frozen, mountPath: /frozen, readOnly: true}]
  volumes: [{name: scratch, emptyDir: {}}, {name: cfg, configMap: {name: app}}, {name: frozen, emptyDir: {}}]
`;
  const bb = pod('busybox', 'sleep, "3600"');
  const ub = pod('ubuntu', 'sleep, infinity');
  it.each<[string, string, string, string]>([
    ['busybox touch', bb, 'touch /x', 'touch: /x: Read-only file system\ncommand terminated with exit code 1\n'],
    ['busybox ash redirection', bb, 'sh -c "echo hi > /x"', 'sh: can\'t create /x: Read-only file system\ncommand terminated with exit code 1\n'],
    ['/tmp is the image\'s, so read-only too', bb, 'touch /tmp/x', 'touch: /tmp/x: Read-only file system\ncommand terminated with exit code 1\n'],
    ['an emptyDir mount takes writes', bb, 'touch /scratch/x', ''],
    ['a configMap volume is read-only', bb, 'touch /etc/app/x', 'touch: /etc/app/x: Read-only file system\ncommand terminated with exit code 1\n'],
    ['a readOnly: true mount is read-only', bb, 'touch /frozen/x', 'touch: /frozen/x: Read-only file system\ncommand terminated with exit code 1\n'],
    ['GNU touch', ub, 'touch /x', 'touch: cannot touch \'/x\': Read-only file system\ncommand terminated with exit code 1\n'],
    ['bash redirection', ub, 'bash -c "echo hi > /x"', 'bash: line 1: /x: Read-only file system\ncommand terminated with exit code 1\n'],
    ['GNU mkdir', ub, 'mkdir /d', 'mkdir: cannot create directory \'/d\': Read-only file system\ncommand terminated with exit code 1\n'],
  ])('%s', (_label, yaml, command, expected) => {
    expect(run(yaml, `kubectl exec ro -- ${command}`).output).toBe(expected);
  });

  it('a configMap volume is read-only even with a writable root', () => {
    const yaml = bb.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false');
    expect(run(yaml, 'kubectl exec ro -- touch /etc/app/x').output).toBe('touch: /etc/app/x: Read-only file system\ncommand terminated with exit code 1\n');
    expect(run(yaml, 'kubectl exec ro -- touch /x').output).toBe('');
  });
});

describe('ps agrees with /proc and id', () => {
  it('busybox ps (CONFIG_DESKTOP default format, `aux` changes nothing); VmSize/VmRSS are its PID 1', () => {
    const yaml = podYaml('p', { image: 'busybox', podSc: '{runAsUser: 1000}' });
    expect(run(yaml, 'kubectl exec p -- ps aux').output).toBe('PID   USER     TIME  COMMAND\n    1 1000      0:00 sleep 3600\n    7 1000      0:00 ps aux\n');
    const status = run(yaml, 'kubectl exec p -- cat /proc/1/status').output;
    expect(status).toContain('VmSize:\t    2788 kB\n');
    expect(status).toContain('VmRSS:\t    1536 kB\n');
  });

  it('procps ps aux in ubuntu: the same VSZ and RSS for PID 1', () => {
    const out = run(podYaml('p', { image: 'ubuntu' }), 'kubectl exec p -- ps aux').output;
    expect(out.split('\n')[1]).toMatch(/^root +1 +0\.0 +0\.0 +2788 +1536 /);
  });

  it('status fields in fs/proc/array.c order (5.15)', () => {
    const keys = run(podYaml('p', { image: 'busybox' }), 'kubectl exec p -- cat /proc/1/status').output.split('\n').filter(Boolean).map((l) => l.split(':')[0]);
    expect(keys).toEqual(['Name', 'Umask', 'State', 'Tgid', 'Ngid', 'Pid', 'PPid', 'TracerPid', 'Uid', 'Gid', 'FDSize', 'Groups', 'NStgid', 'NSpid',
      'NSpgid', 'NSsid', 'VmPeak', 'VmSize', 'VmLck', 'VmPin', 'VmHWM', 'VmRSS', 'RssAnon', 'RssFile', 'RssShmem', 'VmData', 'VmStk', 'VmExe', 'VmLib',
      'VmPTE', 'VmSwap', 'HugetlbPages', 'CoreDumping', 'THP_enabled', 'Threads', 'SigQ', 'SigPnd', 'ShdPnd', 'SigBlk', 'SigIgn', 'SigCgt', 'CapInh',
      'CapPrm', 'CapEff', 'CapBnd', 'CapAmb', 'NoNewPrivs', 'Seccomp', 'Seccomp_filters', 'Speculation_Store_Bypass', 'SpeculationIndirectBranch',
      'Cpus_allowed', 'Cpus_allowed_list', 'Mems_allowed', 'Mems_allowed_list', 'voluntary_ctxt_switches', 'nonvoluntary_ctxt_switches']);
  });
});
