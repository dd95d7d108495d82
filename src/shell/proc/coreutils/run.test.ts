import { describe, expect, it } from 'vitest';
import type { Program } from '../../sh/system.js';
import { FIXTURE, run, runCase, words, type Case } from './harness.js';
import { COREUTILS } from './index.js';

/**
 * which, xargs, watch and find against captures: debianutils 5.7 which (a sh script), GNU
 * findutils 4.9.0 xargs and find, procps-ng 4.0.2 watch, and busybox 1.37.0 debianutils/which.c,
 * findutils/xargs.c, findutils/find.c, procps/watch.c. The programs they run come from the same
 * table (false exits 1, as the shells' builtin does).
 */
const PROGRAMS: Readonly<Record<string, Program>> = { ...COREUTILS, false: () => 1 };

const CASES: readonly Case[] = [
  ['g', 'which ls', '/usr/bin/ls\n', '', 0],
  ['b', 'which ls', '/bin/ls\n', '', 0],
  ['g', 'which nope ls', '/usr/bin/ls\n', '', 1],
  ['b', 'which nope ls', '/bin/ls\n', '', 1],
  ['g', 'which', '', '', 1],
  ['b', 'which', '', '§U', 1],
  ['g', 'which -a ls', '/usr/bin/ls\n/bin/ls\n', '', 0],
  ['b', 'which -a ls', '/bin/ls\n', '', 0],
  ['g', 'which -z ls', 'Usage: /usr/bin/which [-a] args\n', 'Illegal option -z\n', 2],
  ['b', 'which -z ls', '', "which: invalid option -- 'z'\n§U", 1],
  ['g', 'which nope', '', '', 1],
  ['b', 'which nope', '', '', 1],
  ['g', "xargs", "a b c\n", "", 0, "a b\nc\n"],
  ['b', "xargs", "a b c\n", "", 0, "a b\nc\n"],
  ['g', "xargs echo x", "x a b c\n", "", 0, "a b\nc\n"],
  ['b', "xargs echo x", "x a b c\n", "", 0, "a b\nc\n"],
  ['g', "xargs -n 1", "a\nb\nc\n", "", 0, "a b\nc\n"],
  ['b', "xargs -n 1", "a\nb\nc\n", "", 0, "a b\nc\n"],
  ['g', "xargs -n1 echo x", "x a\nx b\nx c\n", "", 0, "a b c\n"],
  ['b', "xargs -n1 echo x", "x a\nx b\nx c\n", "", 0, "a b c\n"],
  ['g', "xargs -I {} echo [{}]", "[a b]\n[c]\n", "", 0, "a b\n c\n"],
  ['b', "xargs -I {} echo [{}]", "[a b]\n[c]\n", "", 0, "a b\n c\n"],
  ['g', "xargs -I X echo X X", "one one\n", "", 0, "one\n"],
  ['b', "xargs -I X echo X X", "one one\n", "", 0, "one\n"],
  ['g', "xargs -L 1 echo", "a b\nc d\n", "", 0, "a b\nc d\n"],
  ['b', "xargs -L 1 echo", "", "xargs: invalid option -- 'L'\n§U", 1, "a b\nc d\n"],
  ['g', "xargs", "\n", "", 0, ""],
  ['b', "xargs", "\n", "", 0, ""],
  ['g', "xargs -r echo x", "", "", 0, ""],
  ['b', "xargs -r echo x", "", "", 0, ""],
  ['g', "xargs echo x", "x\n", "", 0, ""],
  ['b', "xargs echo x", "x\n", "", 0, ""],
  ['g', "xargs -t echo", "a\n", "echo a\n", 0, "a\n"],
  ['b', "xargs -t echo", "a\n", "echo a\n", 0, "a\n"],
  ['g', "xargs nope", "", "xargs: nope: No such file or directory\n", 127, "a\n"],
  ['b', "xargs nope", "", "xargs: nope: No such file or directory\n", 127, "a\n"],
  ['g', "xargs false", "", "", 123, "a\n"],
  ['b', "xargs false", "", "", 123, "a\n"],
  ['g', "xargs -0 echo", "a b c\n", "", 0, "a b\u0000c\u0000"],
  ['b', "xargs -0 echo", "a b c\n", "", 0, "a b\u0000c\u0000"],
  ['g', "xargs -d , echo", "a b c\n", "", 0, "a,b,c"],
  ['b', "xargs -d , echo", "", "xargs: invalid option -- 'd'\n§U", 1, "a,b,c"],
  ['g', "xargs", "a b c d e f\n", "", 0, "'a b' \"c d\" e\\ f\n"],
  ['b', "xargs", "a b c d e f\n", "", 0, "'a b' \"c d\" e\\ f\n"],
  ['g', "xargs", "", "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", 1, "'unterminated\n"],
  ['b', "xargs", "", "xargs: unmatched single quote\n", 1, "'unterminated\n"],
  ['g', "xargs -n x", "", "xargs: invalid number \"x\" for -n option\nTry 'xargs --help' for more information.\n", 1, "a\n"],
  ['b', "xargs -n x", "", "xargs: invalid number 'x'\n", 1, "a\n"],
  ['g', "xargs -n 0", "", "xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n", 1, "a\n"],
  ['b', "xargs -n 0", "", "xargs: number 0 is not in 1..2147483647 range\n", 1, "a\n"],
  ['g', "xargs -z", "", "xargs: invalid option -- 'z'\nTry 'xargs --help' for more information.\n", 1, ""],
  ['b', "xargs -z", "", "xargs: invalid option -- 'z'\n§U", 1, ""],
  ['g', "xargs echo -n", "a", "", 0, "a\n"],
  ['b', "xargs echo -n", "a", "", 0, "a\n"],
  ['g', "xargs cat", "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\niota\nkappa\nlambda\nmu\none two\nthree\n", "", 0, "a.txt b.txt\n"],
  ['b', "xargs cat", "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\niota\nkappa\nlambda\nmu\none two\nthree\n", "", 0, "a.txt b.txt\n"],
  ['g', "xargs -n1 basename", "b\nd\n", "", 0, "/a/b /c/d\n"],
  ['b', "xargs -n1 basename", "b\nd\n", "", 0, "/a/b /c/d\n"],
];

describe('which, xargs (debianutils 5.7, findutils 4.9.0; busybox 1.37.0)', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('%s: %s', (_f, _cmd, c) => {
    const r = runCase(PROGRAMS, c, { programs: PROGRAMS });
    expect(r.got).toEqual(r.want);
  });
});

/** find against findutils 4.9.0 and busybox 1.37.0; the listing order there is the disk's, here it is by name. */
const FIND: readonly Case[] = [
  ['g', "find dir", "dir\ndir/g.yaml\ndir/sub\ndir/f.yaml\n", "", 0],
  ['b', "find dir", "dir\ndir/g.yaml\ndir/sub\ndir/f.yaml\n", "", 0],
  ['g', "find dir -name '*.yaml'", "dir/g.yaml\ndir/f.yaml\n", "", 0],
  ['b', "find dir -name '*.yaml'", "dir/g.yaml\ndir/f.yaml\n", "", 0],
  ['g', "find . -name '*.yaml'", "./dir/g.yaml\n./dir/f.yaml\n", "", 0],
  ['b', "find . -name '*.yaml'", "./dir/g.yaml\n./dir/f.yaml\n", "", 0],
  ['g', "find dir -type f", "dir/g.yaml\ndir/f.yaml\n", "", 0],
  ['b', "find dir -type f", "dir/g.yaml\ndir/f.yaml\n", "", 0],
  ['g', "find dir -type d", "dir\ndir/sub\n", "", 0],
  ['b', "find dir -type d", "dir\ndir/sub\n", "", 0],
  ['g', "find nope", "", "find: ‘nope’: No such file or directory\n", 1],
  ['b', "find nope", "", "find: nope: No such file or directory\n", 1],
  ['g', "find dir -maxdepth 0", "dir\n", "", 0],
  ['b', "find dir -maxdepth 0", "dir\n", "", 0],
  ['g', "find -Z", "", "find: unknown predicate `-Z'\n", 1],
  ['b', "find -Z", "", "find: unrecognized: -Z\n§U", 1],
  ['g', "find dir -name", "", "find: missing argument to `-name'\n", 1],
  ['b', "find dir -name", "", "find: -name requires an argument\n", 1],
  ['g', "find dir -iname 'F*'", "dir/f.yaml\n", "", 0],
  ['b', "find dir -iname 'F*'", "dir/f.yaml\n", "", 0],
  ['g', "find dir -not -name f.yaml", "dir\ndir/g.yaml\ndir/sub\n", "", 0],
  ['b', "find dir -not -name f.yaml", "dir\ndir/g.yaml\ndir/sub\n", "", 0],
  ['g', "find dir ! -name f.yaml", "dir\ndir/g.yaml\ndir/sub\n", "", 0],
  ['b', "find dir ! -name f.yaml", "dir\ndir/g.yaml\ndir/sub\n", "", 0],
  ['g', "find dir -name f.yaml -o -name g.yaml", "dir/g.yaml\ndir/f.yaml\n", "", 0],
  ['b', "find dir -name f.yaml -o -name g.yaml", "dir/g.yaml\ndir/f.yaml\n", "", 0],
  ['g', "find dir -type x", "", "find: Unknown argument to -type: x\n", 1],
  ['b', "find dir -type x", "", "find: invalid argument 'x' to '-type'\n", 1],
  ['g', "find dir/f.yaml", "dir/f.yaml\n", "", 0],
  ['b', "find dir/f.yaml", "dir/f.yaml\n", "", 0],
  ['g', "find dir -path '*g*'", "dir/g.yaml\n", "", 0],
  ['b', "find dir -path '*g*'", "dir/g.yaml\n", "", 0],
  ['g', "find dir -mindepth 1 -maxdepth 1", "dir/g.yaml\ndir/sub\ndir/f.yaml\n", "", 0],
  ['b', "find dir -mindepth 1 -maxdepth 1", "dir/g.yaml\ndir/sub\ndir/f.yaml\n", "", 0],
  ['g', "find dir -maxdepth x", "", "find: Expected a positive decimal integer argument to -maxdepth, but got ‘x’\n", 1],
  ['b', "find dir -maxdepth x", "", "find: invalid number 'x'\n", 1],
  ['g', "find dir -name f.yaml -print", "dir/f.yaml\n", "", 0],
  ['b', "find dir -name f.yaml -print", "dir/f.yaml\n", "", 0],
  ['g', "find dir -empty", "dir/sub\n", "", 0],
  ['b', "find dir -empty", "dir/sub\n", "", 0],
  ['g', "find dir -type f -name '*.yaml' -exec echo hi {} \\;", "hi dir/g.yaml\nhi dir/f.yaml\n", "", 0],
  ['b', "find dir -type f -name '*.yaml' -exec echo hi {} \\;", "hi dir/g.yaml\nhi dir/f.yaml\n", "", 0],
];

describe('find (findutils 4.9.0 find/parser.c; busybox 1.37.0 findutils/find.c)', () => {
  const sorted = (s: string) => s.split('\n').sort().join('\n');
  it.each(FIND.map((c) => [c[0], c[1], c] as const))('%s: %s', (_f, _cmd, c) => {
    const r = runCase(PROGRAMS, c, { programs: PROGRAMS, files: FIXTURE, dirs: ['dir/sub'] });
    expect([sorted(r.got[0]), r.got[1], r.got[2]]).toEqual([sorted(r.want[0]), r.want[1], r.want[2]]);
  });
});

describe('watch (procps-ng 4.0.2 watch.c; busybox 1.37.0 procps/watch.c): one frame', () => {
  /** A stand-in for `sh -c CMD` that runs CMD's words from the same table. */
  const sh: Program = (argv, ctx) => {
    const w = words(argv[2] ?? '');
    return PROGRAMS[w[0] as string]?.(w, ctx) ?? 127;
  };
  const programs = { ...PROGRAMS, sh };
  it('GNU: the header is the interval and command on the left, host and ctime() ending at column 80', () => {
    const r = run(PROGRAMS.watch!, 'gnu', ['watch', 'cat', 'b.txt'], { files: FIXTURE, programs });
    expect(r.out).toBe(`${'Every 2.0s: cat b.txt'.padEnd(42)}controlplane: Mon May 20 09:00:00 2024\n\none two\nthree\n`);
    expect(r.out.split('\n')[0]).toHaveLength(80);
    expect(run(PROGRAMS.watch!, 'gnu', ['watch', '-n', '5', '-t', 'cat', 'b.txt'], { files: FIXTURE, programs }).out).toBe('one two\nthree\n');
    expect(run(PROGRAMS.watch!, 'gnu', ['watch', '-n5', 'cat', 'b.txt'], { files: FIXTURE, programs }).out.startsWith('Every 5.0s: cat b.txt ')).toBe(true);
  });
  it('busybox: the command padded to the width, the date over the last 20 bytes', () => {
    const r = run(PROGRAMS.watch!, 'busybox', ['watch', 'cat', 'b.txt'], { files: FIXTURE, programs });
    expect(r.out).toBe(`${'Every 2.0s: cat b.txt'.padEnd(60)}2024-05-20 09:00:00\n\none two\nthree\n`);
  });
  it('no command: the usage (GNU on stderr, exit 1)', () => {
    const r = run(PROGRAMS.watch!, 'gnu', ['watch'], { programs });
    expect([r.out, r.err.split('\n').slice(0, 3), r.code]).toEqual(['', ['', 'Usage:', ' watch [options] command'], 1]);
    const z = run(PROGRAMS.watch!, 'gnu', ['watch', '-Z'], { programs });
    expect(z.err.startsWith("watch: invalid option -- 'Z'\n\nUsage:\n")).toBe(true);
  });
});

/**
 * stat (coreutils 9.1 src/stat.c; busybox 1.37.0 coreutils/stat.c): the format sequences as
 * captured; the default record's inode and times are the lab's own (a path hash, the creation time).
 */
describe('stat', () => {
  const STAT: readonly Case[] = [
    ['g', 'stat -c %a a.txt', '644\n', '', 0],
    ['b', 'stat -c %a a.txt', '644\n', '', 0],
    ['g', "stat -c '%a %A %U %G %u %g %s %n %F %h' a.txt dir", '644 -rw-r--r-- root root 0 0 67 a.txt regular file 1\n755 drwxr-xr-x root root 0 0 4096 dir directory 3\n', '', 0],
    ['b', "stat -c '%a %A %U %G %u %g %s %n %F %h' a.txt dir", '644 -rw-r--r-- root root 0 0 67 a.txt regular file 1\n755 drwxr-xr-x root root 0 0 4096 dir directory 3\n', '', 0],
    ['g', 'stat nope', '', "stat: cannot statx 'nope': No such file or directory\n", 1],
    ['b', 'stat nope', '', "stat: can't stat 'nope': No such file or directory\n", 1],
    ['g', 'stat', '', "stat: missing operand\nTry 'stat --help' for more information.\n", 1],
    ['b', 'stat', '', '§U', 1],
    ['g', "stat -c '%y' a.txt", '2024-05-20 08:50:00.000000000 +0000\n', '', 0],
    ['g', 'stat --format=%n:%s a.txt', 'a.txt:67\n', '', 0],
    ['b', 'stat --format=%n:%s a.txt', '', "stat: unrecognized option '--format=%n:%s'\n§U", 1],
    ['g', 'stat -L -c %a c.txt', '600\n', '', 0],
    ['g', "stat -c '%Q %%' a.txt", '? %\n', '', 0],
    ['b', "stat -c '%Q %%' a.txt", 'Q %\n', '', 0],
    ['g', "stat --printf='%n\\n' a.txt", 'a.txt\n', '', 0],
    ['g', 'stat -z', '', "stat: invalid option -- 'z'\nTry 'stat --help' for more information.\n", 1],
  ];
  it.each(STAT.map((c) => [c[0], c[1], c] as const))('%s: %s', (_f, _cmd, c) => {
    const r = runCase(PROGRAMS, c, { programs: PROGRAMS, files: FIXTURE, dirs: ['dir/sub'], modes: { 'c.txt': 0o600 } });
    expect(r.got).toEqual(r.want);
  });
  it('the default record: GNU 9.1 and busybox layouts', () => {
    const g = run(PROGRAMS.stat!, 'gnu', ['stat', 'a.txt'], { files: FIXTURE }).out.split('\n');
    expect(g[0]).toBe('  File: a.txt');
    expect(g[1]).toBe('  Size: 67        \tBlocks: 8          IO Block: 4096   regular file');
    expect(g[2]).toMatch(/^Device: 254,0\tInode: \d{7} {5}Links: 1$/);
    expect(g.slice(3)).toEqual(['Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)',
      'Access: 2024-05-20 08:50:00.000000000 +0000', 'Modify: 2024-05-20 08:50:00.000000000 +0000', 'Change: 2024-05-20 08:50:00.000000000 +0000',
      ' Birth: 2024-05-20 08:50:00.000000000 +0000', '']);
    const b = run(PROGRAMS.stat!, 'busybox', ['stat', 'dir'], { files: FIXTURE, dirs: ['dir/sub'] }).out.split('\n');
    expect(b[1]).toBe('  Size: 4096      \tBlocks: 8          IO Block: 4096   directory');
    expect(b[2]).toMatch(/^Device: fe00h\/65024d\tInode: \d{7} {5}Links: 3$/);
    expect(b).toHaveLength(8);
  });
});
