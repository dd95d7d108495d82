import { describe, expect, it } from 'vitest';
import { FIXTURE, run, runCase, words, type Case, type RunOpts } from './harness.js';
import { ls } from './ls.js';
import { COREUTILS } from './index.js';

/**
 * ls against captures of coreutils 9.1 src/ls.c and busybox 1.37.0 coreutils/ls.c, output not a
 * terminal (one name per line unless -C/-x). The captures ran in December 2026 on files dated
 * 2024-05-20 08:50, so the machine clock here is moved on to show the year, as ls does for old files.
 * Each case: flavor (g = GNU on LANG=C.UTF-8, b = busybox 1.37.0 of the official glibc image), the
 * command, stdout, stderr, exit status[, stdin] — captured from the real tools, byte for byte.
 */
const SEQ_2000 = `${Array.from({ length: 2000 }, (_x, i) => i + 1).join('\n')}\n`;
/** The capture's directory: the usual fixture, big.txt (`seq 2000`), c.txt mode 600, run.sh 755, dir/sub. */
const LS_OPTS: RunOpts = {
  files: { ...FIXTURE, 'big.txt': SEQ_2000, 'run.sh': '#!/bin/sh\n' },
  modes: { 'c.txt': 0o600, 'run.sh': 0o755 },
  dirs: ['dir/sub'],
  clock: 930 * 24 * 3600,
};

const CASES: readonly Case[] = [
  ['g', "ls", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['b', "ls", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['g', "ls -l", "total 44\n-rw-r--r-- 1 root root   67 May 20  2024 a.txt\n-rw-r--r-- 1 root root   14 May 20  2024 b.txt\n-rw-r--r-- 1 root root 8893 May 20  2024 big.txt\n-rw------- 1 root root   10 May 20  2024 c.txt\n-rw-r--r-- 1 root root   25 May 20  2024 colon.txt\ndrwxr-xr-x 3 root root 4096 May 20  2024 dir\n-rw-r--r-- 1 root root  370 May 20  2024 pods.txt\n-rwxr-xr-x 1 root root   10 May 20  2024 run.sh\n-rw-r--r-- 1 root root   22 May 20  2024 s.txt\n", "", 0],
  ['b', "ls -l", "total 44\n-rw-r--r--    1 root     root            67 May 20  2024 a.txt\n-rw-r--r--    1 root     root            14 May 20  2024 b.txt\n-rw-r--r--    1 root     root          8893 May 20  2024 big.txt\n-rw-------    1 root     root            10 May 20  2024 c.txt\n-rw-r--r--    1 root     root            25 May 20  2024 colon.txt\ndrwxr-xr-x    3 root     root          4096 May 20  2024 dir\n-rw-r--r--    1 root     root           370 May 20  2024 pods.txt\n-rwxr-xr-x    1 root     root            10 May 20  2024 run.sh\n-rw-r--r--    1 root     root            22 May 20  2024 s.txt\n", "", 0],
  ['g', "ls -a", ".\n..\na.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['b', "ls -a", ".\n..\na.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['g', "ls -A", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['b', "ls -A", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['g', "ls -1", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['b', "ls -1", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['g', "ls -R", ".:\na.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n\n./dir:\nf.yaml\ng.yaml\nsub\n\n./dir/sub:\n", "", 0],
  ['b', "ls -R", ".:\na.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n\n./dir:\nf.yaml\ng.yaml\nsub\n\n./dir/sub:\n", "", 0],
  ['g', "ls -lR dir", "dir:\ntotal 12\n-rw-r--r-- 1 root root    2 May 20  2024 f.yaml\n-rw-r--r-- 1 root root    2 May 20  2024 g.yaml\ndrwxr-xr-x 2 root root 4096 May 20  2024 sub\n\ndir/sub:\ntotal 0\n", "", 0],
  ['b', "ls -lR dir", "dir:\ntotal 12\n-rw-r--r--    1 root     root             2 May 20  2024 f.yaml\n-rw-r--r--    1 root     root             2 May 20  2024 g.yaml\ndrwxr-xr-x    2 root     root          4096 May 20  2024 sub\n\ndir/sub:\ntotal 0\n", "", 0],
  ['g', "ls nope", "", "ls: cannot access 'nope': No such file or directory\n", 2],
  ['b', "ls nope", "", "ls: nope: No such file or directory\n", 1],
  ['g', "ls a.txt nope dir", "a.txt\n\ndir:\nf.yaml\ng.yaml\nsub\n", "ls: cannot access 'nope': No such file or directory\n", 2],
  ['b', "ls a.txt nope dir", "a.txt\n\ndir:\nf.yaml\ng.yaml\nsub\n", "ls: nope: No such file or directory\n", 1],
  ['g', "ls -l a.txt", "-rw-r--r-- 1 root root 67 May 20  2024 a.txt\n", "", 0],
  ['b', "ls -l a.txt", "-rw-r--r--    1 root     root            67 May 20  2024 a.txt\n", "", 0],
  ['g', "ls dir", "f.yaml\ng.yaml\nsub\n", "", 0],
  ['b', "ls dir", "f.yaml\ng.yaml\nsub\n", "", 0],
  ['g', "ls -d dir", "dir\n", "", 0],
  ['b', "ls -d dir", "dir\n", "", 0],
  ['g', "ls -ld dir", "drwxr-xr-x 3 root root 4096 May 20  2024 dir\n", "", 0],
  ['b', "ls -ld dir", "drwxr-xr-x    3 root     root          4096 May 20  2024 dir\n", "", 0],
  ['g', "ls dir a.txt", "a.txt\n\ndir:\nf.yaml\ng.yaml\nsub\n", "", 0],
  ['b', "ls dir a.txt", "a.txt\n\ndir:\nf.yaml\ng.yaml\nsub\n", "", 0],
  ['g', "ls -lh", "total 44K\n-rw-r--r-- 1 root root   67 May 20  2024 a.txt\n-rw-r--r-- 1 root root   14 May 20  2024 b.txt\n-rw-r--r-- 1 root root 8.7K May 20  2024 big.txt\n-rw------- 1 root root   10 May 20  2024 c.txt\n-rw-r--r-- 1 root root   25 May 20  2024 colon.txt\ndrwxr-xr-x 3 root root 4.0K May 20  2024 dir\n-rw-r--r-- 1 root root  370 May 20  2024 pods.txt\n-rwxr-xr-x 1 root root   10 May 20  2024 run.sh\n-rw-r--r-- 1 root root   22 May 20  2024 s.txt\n", "", 0],
  ['b', "ls -lh", "total 44K    \n-rw-r--r--    1 root     root          67 May 20  2024 a.txt\n-rw-r--r--    1 root     root          14 May 20  2024 b.txt\n-rw-r--r--    1 root     root        8.7K May 20  2024 big.txt\n-rw-------    1 root     root          10 May 20  2024 c.txt\n-rw-r--r--    1 root     root          25 May 20  2024 colon.txt\ndrwxr-xr-x    3 root     root        4.0K May 20  2024 dir\n-rw-r--r--    1 root     root         370 May 20  2024 pods.txt\n-rwxr-xr-x    1 root     root          10 May 20  2024 run.sh\n-rw-r--r--    1 root     root          22 May 20  2024 s.txt\n", "", 0],
  ['g', "ls -j", "", "ls: invalid option -- 'j'\nTry 'ls --help' for more information.\n", 2],
  ['b', "ls -j", "", "ls: invalid option -- 'j'\n§U", 1],
  ['g', "ls -r", "s.txt\nrun.sh\npods.txt\ndir\ncolon.txt\nc.txt\nbig.txt\nb.txt\na.txt\n", "", 0],
  ['b', "ls -r", "s.txt\nrun.sh\npods.txt\ndir\ncolon.txt\nc.txt\nbig.txt\nb.txt\na.txt\n", "", 0],
  ['g', "ls -S", "big.txt\ndir\npods.txt\na.txt\ncolon.txt\ns.txt\nb.txt\nc.txt\nrun.sh\n", "", 0],
  ['b', "ls -S", "big.txt\ndir\npods.txt\na.txt\ncolon.txt\ns.txt\nb.txt\nc.txt\nrun.sh\n", "", 0],
  ['g', "ls -p", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir/\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['b', "ls -p", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir/\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['g', "ls -F", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir/\npods.txt\nrun.sh*\ns.txt\n", "", 0],
  ['b', "ls -F", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir/\npods.txt\nrun.sh*\ns.txt\n", "", 0],
  ['g', "ls -ln b.txt", "-rw-r--r-- 1 0 0 14 May 20  2024 b.txt\n", "", 0],
  ['b', "ls -ln b.txt", "-rw-r--r--    1 0        0               14 May 20  2024 b.txt\n", "", 0],
  ['g', "ls -lo b.txt", "-rw-r--r-- 1 root 14 May 20  2024 b.txt\n", "", 0],
  ['b', "ls -lo b.txt", "", "ls: invalid option -- 'o'\n§U", 1],
  ['g', "ls -lg b.txt", "-rw-r--r-- 1 root 14 May 20  2024 b.txt\n", "", 0],
  ['b', "ls -lg b.txt", "-rw-r--r--    1 root            14 May 20  2024 b.txt\n", "", 0],
  ['g', "ls -l dir", "total 12\n-rw-r--r-- 1 root root    2 May 20  2024 f.yaml\n-rw-r--r-- 1 root root    2 May 20  2024 g.yaml\ndrwxr-xr-x 2 root root 4096 May 20  2024 sub\n", "", 0],
  ['b', "ls -l dir", "total 12\n-rw-r--r--    1 root     root             2 May 20  2024 f.yaml\n-rw-r--r--    1 root     root             2 May 20  2024 g.yaml\ndrwxr-xr-x    2 root     root          4096 May 20  2024 sub\n", "", 0],
  ['g', "ls -d", ".\n", "", 0],
  ['b', "ls -d", ".\n", "", 0],
  ['g', "ls -d nope", "", "ls: cannot access 'nope': No such file or directory\n", 2],
  ['b', "ls -d nope", "", "ls: nope: No such file or directory\n", 1],
  ['g', "ls a.txt b.txt", "a.txt\nb.txt\n", "", 0],
  ['b', "ls a.txt b.txt", "a.txt\nb.txt\n", "", 0],
  ['g', "ls dir dir/sub", "dir:\nf.yaml\ng.yaml\nsub\n\ndir/sub:\n", "", 0],
  ['b', "ls dir dir/sub", "dir:\nf.yaml\ng.yaml\nsub\n\ndir/sub:\n", "", 0],
  ['g', "ls -1 dir/", "f.yaml\ng.yaml\nsub\n", "", 0],
  ['b', "ls -1 dir/", "f.yaml\ng.yaml\nsub\n", "", 0],
  ['g', "ls --color=never", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['b', "ls --color=never", "a.txt\nb.txt\nbig.txt\nc.txt\ncolon.txt\ndir\npods.txt\nrun.sh\ns.txt\n", "", 0],
  ['g', "ls -x", "a.txt  b.txt  big.txt  c.txt  colon.txt  dir  pods.txt\trun.sh\ts.txt\n", "", 0],
  ['b', "ls -x", "a.txt      b.txt      big.txt    c.txt      colon.txt  dir        pods.txt\nrun.sh     s.txt\n", "", 0],
  ['g', "ls -C", "a.txt  b.txt  big.txt  c.txt  colon.txt  dir  pods.txt\trun.sh\ts.txt\n", "", 0],
  ['b', "ls -C", "a.txt      big.txt    colon.txt  pods.txt   s.txt\nb.txt      c.txt      dir        run.sh\n", "", 0],
];

describe('ls (coreutils 9.1 src/ls.c, busybox 1.37.0 coreutils/ls.c)', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('%s: %s', (_f, _cmd, c) => {
    const r = runCase(COREUTILS, c, LS_OPTS);
    expect(r.got).toEqual(r.want);
  });
});

/**
 * On a terminal (captured through `script` with `stty cols 80`): GNU lays names out in columns
 * padded with tabs (ls.c calculate_columns() and indent()), quoting names that need it and
 * indenting the others by one space; busybox uses the widest name + 2 and colours every name.
 */
describe('ls on a terminal (80 columns)', () => {
  const names = ['alpha.yaml', 'b.yaml', 'cluster.yaml', 'deployment-frontend.yaml', 'netpol-deny-all.yaml', 'pod.yaml', 'secret.yaml',
    'service-account-long-name.yaml', 'web.yaml', 'x', 'y', 'z', 'zz-last-one.txt'];
  const tty = (extra: Record<string, string> = {}): RunOpts => ({ files: { ...Object.fromEntries(names.map((n) => [n, ''])), ...extra }, dirs: ['sub'], tty: true });
  it.each([
    ['gnu', 'ls', 'alpha.yaml\t\t  pod.yaml\t\t\t  x\nb.yaml\t\t\t  secret.yaml\t\t\t  y\ncluster.yaml\t\t  service-account-long-name.yaml  z\ndeployment-frontend.yaml  sub\t\t\t\t  zz-last-one.txt\nnetpol-deny-all.yaml\t  web.yaml\n'],
    ['gnu', 'ls -a', '.\t\t\t  netpol-deny-all.yaml\t\t  x\n..\t\t\t  pod.yaml\t\t\t  y\nalpha.yaml\t\t  secret.yaml\t\t\t  z\nb.yaml\t\t\t  service-account-long-name.yaml  zz-last-one.txt\ncluster.yaml\t\t  sub\ndeployment-frontend.yaml  web.yaml\n'],
    ['gnu', 'ls -F', 'alpha.yaml\t\t  pod.yaml\t\t\t  x\nb.yaml\t\t\t  secret.yaml\t\t\t  y\ncluster.yaml\t\t  service-account-long-name.yaml  z\ndeployment-frontend.yaml  sub/\t\t\t\t  zz-last-one.txt\nnetpol-deny-all.yaml\t  web.yaml\n'],
    ['gnu', 'ls sub x y', 'x  y\n\nsub:\n'],
    ['busybox', 'ls', '\u001b[0;0malpha.yaml\u001b[m                      \u001b[0;0mservice-account-long-name.yaml\u001b[m\n\u001b[0;0mb.yaml\u001b[m                          \u001b[1;34msub\u001b[m\n\u001b[0;0mcluster.yaml\u001b[m                    \u001b[0;0mweb.yaml\u001b[m\n\u001b[0;0mdeployment-frontend.yaml\u001b[m        \u001b[0;0mx\u001b[m\n\u001b[0;0mnetpol-deny-all.yaml\u001b[m            \u001b[0;0my\u001b[m\n\u001b[0;0mpod.yaml\u001b[m                        \u001b[0;0mz\u001b[m\n\u001b[0;0msecret.yaml\u001b[m                     \u001b[0;0mzz-last-one.txt\u001b[m\n'],
    ['busybox', 'ls -F', '\u001b[0;0malpha.yaml\u001b[m                      \u001b[0;0mservice-account-long-name.yaml\u001b[m\n\u001b[0;0mb.yaml\u001b[m                          \u001b[1;34msub\u001b[m/\n\u001b[0;0mcluster.yaml\u001b[m                    \u001b[0;0mweb.yaml\u001b[m\n\u001b[0;0mdeployment-frontend.yaml\u001b[m        \u001b[0;0mx\u001b[m\n\u001b[0;0mnetpol-deny-all.yaml\u001b[m            \u001b[0;0my\u001b[m\n\u001b[0;0mpod.yaml\u001b[m                        \u001b[0;0mz\u001b[m\n\u001b[0;0msecret.yaml\u001b[m                     \u001b[0;0mzz-last-one.txt\u001b[m\n'],
    ['busybox', 'ls sub x y', '\u001b[0;0mx\u001b[m  \u001b[0;0my\u001b[m\n\nsub:\n'],
  ] as const)('%s: %s', (flavor, cmd, want) => {
    const argv = words(cmd);
    expect(run(ls, flavor, argv, tty()).out).toBe(want);
  });
  it('GNU quotes a name with a space and indents the rest by one', () => {
    expect(run(ls, 'gnu', ['ls'], tty({ 'a b.yaml': '' })).out).toBe("'a b.yaml'\t\t    netpol-deny-all.yaml\t     web.yaml\n alpha.yaml\t\t    pod.yaml\t\t\t     x\n b.yaml\t\t\t    secret.yaml\t\t\t     y\n cluster.yaml\t\t    service-account-long-name.yaml   z\n deployment-frontend.yaml   sub\t\t\t\t     zz-last-one.txt\n");
  });
});
