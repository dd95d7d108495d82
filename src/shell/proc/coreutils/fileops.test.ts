import { describe, expect, it } from 'vitest';
import { FIXTURE, run, runCase, words, type Case } from './harness.js';
import { COREUTILS } from './index.js';

/**
 * rm, rmdir, mkdir, touch, cp and mv against captures of coreutils 9.1 (src/rm.c, remove.c,
 * rmdir.c, mkdir.c, touch.c, cp.c, mv.c, copy.c) and busybox 1.37.0 (coreutils/rm.c, rmdir.c,
 * mkdir.c, touch.c, cp.c, mv.c, libbb/copy_file.c, remove_file.c). Each case starts from the same
 * fixture; what the commands leave behind is checked below.
 * Each case: flavor (g = GNU on LANG=C.UTF-8, b = busybox 1.37.0 of the official glibc image), the
 * command, stdout, stderr, exit status[, stdin] — captured from the real tools, byte for byte.
 */
const CASES: readonly Case[] = [
  ['g', "rm nope", "", "rm: cannot remove 'nope': No such file or directory\n", 1],
  ['b', "rm nope", "", "rm: can't remove 'nope': No such file or directory\n", 1],
  ['g', "rm -f nope", "", "", 0],
  ['b', "rm -f nope", "", "", 0],
  ['g', "rm dir", "", "rm: cannot remove 'dir': Is a directory\n", 1],
  ['b', "rm dir", "", "rm: 'dir' is a directory\n", 1],
  ['g', "rm -r dir", "", "", 0],
  ['b', "rm -r dir", "", "", 0],
  ['g', "rm", "", "rm: missing operand\nTry 'rm --help' for more information.\n", 1],
  ['b', "rm", "", "§U", 1],
  ['g', "rm -f", "", "", 0],
  ['b', "rm -f", "", "", 0],
  ['g', "rm -rf nope dir", "", "", 0],
  ['b', "rm -rf nope dir", "", "", 0],
  ['g', "rm -v a.txt", "removed 'a.txt'\n", "", 0],
  ['b', "rm -v a.txt", "removed 'a.txt'\n", "", 0],
  ['g', "rm a.txt nope b.txt", "", "rm: cannot remove 'nope': No such file or directory\n", 1],
  ['b', "rm a.txt nope b.txt", "", "rm: can't remove 'nope': No such file or directory\n", 1],
  ['g', "rm -d dir", "", "rm: cannot remove 'dir': Directory not empty\n", 1],
  ['b', "rm -d dir", "", "rm: invalid option -- 'd'\n§U", 1],
  ['g', "rm -x", "", "rm: invalid option -- 'x'\nTry 'rm --help' for more information.\n", 1],
  ['b', "rm -x", "", "rm: invalid option -- 'x'\n§U", 1],
  ['g', "rm .", "", "rm: cannot remove '.': Is a directory\n", 1],
  ['b', "rm .", "", "rm: can't remove '.' or '..'\n", 1],
  ['g', "rm -r .", "", "rm: refusing to remove '.' or '..' directory: skipping '.'\n", 1],
  ['b', "rm -r .", "", "rm: can't remove '.' or '..'\n", 1],
  ['g', "rm -r ..", "", "rm: refusing to remove '.' or '..' directory: skipping '..'\n", 1],
  ['b', "rm -r ..", "", "rm: can't remove '.' or '..'\n", 1],
  ['g', "rm dir/", "", "rm: cannot remove 'dir/': Is a directory\n", 1],
  ['b', "rm dir/", "", "rm: 'dir' is a directory\n", 1],
  ['g', "rm -i a.txt", "", "rm: remove regular file 'a.txt'? ", 0, "n\n"],
  ['b', "rm -i a.txt", "", "rm: remove 'a.txt'? ", 0, "n\n"],
  ['g', "rm -i a.txt", "", "rm: remove regular file 'a.txt'? ", 0, "y\n"],
  ['b', "rm -i a.txt", "", "rm: remove 'a.txt'? ", 0, "y\n"],
  ['g', "rm -fi a.txt", "", "rm: remove regular file 'a.txt'? ", 0, "y\n"],
  ['b', "rm -fi a.txt", "", "rm: remove 'a.txt'? ", 0, "y\n"],
  ['g', "rm --force nope", "", "", 0],
  ['b', "rm --force nope", "", "rm: unrecognized option '--force'\n§U", 1],
  ['g', "rm -R dir", "", "", 0],
  ['b', "rm -R dir", "", "", 0],
  ['g', "rmdir dir", "", "rmdir: failed to remove 'dir': Directory not empty\n", 1],
  ['b', "rmdir dir", "", "rmdir: 'dir': Directory not empty\n", 1],
  ['g', "rmdir nope", "", "rmdir: failed to remove 'nope': No such file or directory\n", 1],
  ['b', "rmdir nope", "", "rmdir: 'nope': No such file or directory\n", 1],
  ['g', "rmdir a.txt", "", "rmdir: failed to remove 'a.txt': Not a directory\n", 1],
  ['b', "rmdir a.txt", "", "rmdir: 'a.txt': Not a directory\n", 1],
  ['g', "rmdir", "", "rmdir: missing operand\nTry 'rmdir --help' for more information.\n", 1],
  ['b', "rmdir", "", "§U", 1],
  ['g', "rmdir -p dir/", "", "rmdir: failed to remove 'dir/': Directory not empty\n", 1],
  ['b', "rmdir -p dir/", "", "rmdir: 'dir/': Directory not empty\n", 1],
  ['g', "rmdir -v dir", "rmdir: removing directory, 'dir'\n", "rmdir: failed to remove 'dir': Directory not empty\n", 1],
  ['b', "rmdir -v dir", "rmdir: removing directory, 'dir'\n", "rmdir: 'dir': Directory not empty\n", 1],
  ['g', "rmdir -z", "", "rmdir: invalid option -- 'z'\nTry 'rmdir --help' for more information.\n", 1],
  ['b', "rmdir -z", "", "rmdir: invalid option -- 'z'\n§U", 1],
  ['g', "mkdir dir", "", "mkdir: cannot create directory ‘dir’: File exists\n", 1],
  ['b', "mkdir dir", "", "mkdir: can't create directory 'dir': File exists\n", 1],
  ['g', "mkdir a.txt", "", "mkdir: cannot create directory ‘a.txt’: File exists\n", 1],
  ['b', "mkdir a.txt", "", "mkdir: can't create directory 'a.txt': File exists\n", 1],
  ['g', "mkdir x/y", "", "mkdir: cannot create directory ‘x/y’: No such file or directory\n", 1],
  ['b', "mkdir x/y", "", "mkdir: can't create directory 'x/y': No such file or directory\n", 1],
  ['g', "mkdir -p x/y", "", "", 0],
  ['b', "mkdir -p x/y", "", "", 0],
  ['g', "mkdir -p a.txt/b", "", "mkdir: cannot create directory ‘a.txt’: Not a directory\n", 1],
  ['b', "mkdir -p a.txt/b", "", "mkdir: can't create directory 'a.txt/': Not a directory\n", 1],
  ['g', "mkdir", "", "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", 1],
  ['b', "mkdir", "", "§U", 1],
  ['g', "mkdir -p dir", "", "", 0],
  ['b', "mkdir -p dir", "", "", 0],
  ['g', "mkdir new", "", "", 0],
  ['b', "mkdir new", "", "", 0],
  ['g', "mkdir -v new", "mkdir: created directory 'new'\n", "", 0],
  ['b', "mkdir -v new", "created directory: 'new'\n", "", 0],
  ['g', "mkdir -pv x/y", "mkdir: created directory 'x'\nmkdir: created directory 'x/y'\n", "", 0],
  ['b', "mkdir -pv x/y", "created directory: 'x/'\ncreated directory: 'x/y'\n", "", 0],
  ['g', "mkdir -m 700 new", "", "", 0],
  ['b', "mkdir -m 700 new", "", "", 0],
  ['g', "mkdir -m bad new", "", "mkdir: invalid mode ‘bad’\n", 1],
  ['b', "mkdir -m bad new", "", "mkdir: invalid mode 'bad'\n", 1],
  ['g', "mkdir new new", "", "mkdir: cannot create directory ‘new’: File exists\n", 1],
  ['b', "mkdir new new", "", "mkdir: can't create directory 'new': File exists\n", 1],
  ['g', "mkdir -z", "", "mkdir: invalid option -- 'z'\nTry 'mkdir --help' for more information.\n", 1],
  ['b', "mkdir -z", "", "mkdir: invalid option -- 'z'\n§U", 1],
  ['g', "touch nope/x", "", "touch: cannot touch 'nope/x': No such file or directory\n", 1],
  ['b', "touch nope/x", "", "touch: nope/x: No such file or directory\n", 1],
  ['g', "touch new.txt", "", "", 0],
  ['b', "touch new.txt", "", "", 0],
  ['g', "touch", "", "touch: missing file operand\nTry 'touch --help' for more information.\n", 1],
  ['b', "touch", "", "§U", 1],
  ['g', "touch dir", "", "", 0],
  ['b', "touch dir", "", "", 0],
  ['g', "touch a.txt", "", "", 0],
  ['b', "touch a.txt", "", "", 0],
  ['g', "touch -c nope", "", "", 0],
  ['b', "touch -c nope", "", "", 0],
  ['g', "touch -z", "", "touch: invalid option -- 'z'\nTry 'touch --help' for more information.\n", 1],
  ['b', "touch -z", "", "touch: invalid option -- 'z'\n§U", 1],
  ['g', "cp a.txt x.txt", "", "", 0],
  ['b', "cp a.txt x.txt", "", "", 0],
  ['g', "cp nope x", "", "cp: cannot stat 'nope': No such file or directory\n", 1],
  ['b', "cp nope x", "", "cp: can't stat 'nope': No such file or directory\n", 1],
  ['g', "cp a.txt", "", "cp: missing destination file operand after 'a.txt'\nTry 'cp --help' for more information.\n", 1],
  ['b', "cp a.txt", "", "§U", 1],
  ['g', "cp", "", "cp: missing file operand\nTry 'cp --help' for more information.\n", 1],
  ['b', "cp", "", "§U", 1],
  ['g', "cp dir d2", "", "cp: -r not specified; omitting directory 'dir'\n", 1],
  ['b', "cp dir d2", "", "cp: omitting directory 'dir'\n", 1],
  ['g', "cp -r dir d2", "", "", 0],
  ['b', "cp -r dir d2", "", "", 0],
  ['g', "cp a.txt b.txt dir", "", "", 0],
  ['b', "cp a.txt b.txt dir", "", "", 0],
  ['g', "cp a.txt b.txt c.txt", "", "cp: target 'c.txt': Not a directory\n", 1],
  ['b', "cp a.txt b.txt c.txt", "", "cp: can't stat 'c.txt/a.txt': Not a directory\ncp: can't stat 'c.txt/b.txt': Not a directory\n", 1],
  ['g', "cp a.txt nodir/x", "", "cp: cannot create regular file 'nodir/x': No such file or directory\n", 1],
  ['b', "cp a.txt nodir/x", "", "cp: can't create 'nodir/x': No such file or directory\n", 1],
  ['g', "cp a.txt a.txt", "", "cp: 'a.txt' and 'a.txt' are the same file\n", 1],
  ['b', "cp a.txt a.txt", "", "cp: 'a.txt' and 'a.txt' are the same file\n", 1],
  ['g', "cp a.txt dir/", "", "", 0],
  ['b', "cp a.txt dir/", "", "", 0],
  ['g', "cp a.txt nodir/", "", "cp: cannot create regular file 'nodir/': Not a directory\n", 1],
  ['b', "cp a.txt nodir/", "", "cp: can't create 'nodir/': Is a directory\n", 1],
  ['g', "cp -r dir dir/sub", "", "cp: cannot copy a directory, 'dir', into itself, 'dir/sub'\n", 1],
  ['b', "cp -r dir dir/sub", "", "cp: recursion detected, omitting directory 'dir/sub'\n", 1],
  ['g', "cp dir/ d3", "", "cp: -r not specified; omitting directory 'dir/'\n", 1],
  ['b', "cp dir/ d3", "", "cp: omitting directory 'dir'\n", 1],
  ['g', "cp -r nope x", "", "cp: cannot stat 'nope': No such file or directory\n", 1],
  ['b', "cp -r nope x", "", "cp: can't stat 'nope': No such file or directory\n", 1],
  ['g', "cp -v a.txt x.txt", "'a.txt' -> 'x.txt'\n", "", 0],
  ['b', "cp -v a.txt x.txt", "'a.txt' -> 'x.txt'\n", "", 0],
  ['g', "cp -rv dir d2", "'dir' -> 'd2'\n'dir/f.yaml' -> 'd2/f.yaml'\n'dir/g.yaml' -> 'd2/g.yaml'\n", "", 0],
  ['g', "cp -z", "", "cp: invalid option -- 'z'\nTry 'cp --help' for more information.\n", 1],
  ['b', "cp -z", "", "cp: invalid option -- 'z'\n§U", 1],
  ['g', "cp a.txt dir/f.yaml/x", "", "cp: cannot stat 'dir/f.yaml/x': Not a directory\n", 1],
  ['b', "cp a.txt dir/f.yaml/x", "", "cp: can't stat 'dir/f.yaml/x': Not a directory\n", 1],
  ['g', "cp -r dir a.txt", "", "cp: cannot overwrite non-directory 'a.txt' with directory 'dir'\n", 1],
  ['b', "cp -r dir a.txt", "", "cp: can't stat 'a.txt/dir': Not a directory\n", 1],
  ['g', "cp -i a.txt b.txt", "", "cp: overwrite 'b.txt'? ", 0, "n\n"],
  ['b', "cp -i a.txt b.txt", "", "cp: overwrite 'b.txt'? ", 0, "n\n"],
  ['g', "cp -n a.txt b.txt", "", "", 0],
  ['b', "cp -n a.txt b.txt", "", "", 0],
  ['g', "cp -t dir a.txt", "", "", 0],
  ['b', "cp -t dir a.txt", "", "", 0],
  ['g', "cp -t nodir a.txt", "", "cp: target directory 'nodir': No such file or directory\n", 1],
  ['b', "cp -t nodir a.txt", "", "cp: can't create 'nodir/a.txt': No such file or directory\n", 1],
  ['g', "mv nope x", "", "mv: cannot stat 'nope': No such file or directory\n", 1],
  ['b', "mv nope x", "", "mv: can't rename 'nope': No such file or directory\n", 1],
  ['g', "mv a.txt", "", "mv: missing destination file operand after 'a.txt'\nTry 'mv --help' for more information.\n", 1],
  ['b', "mv a.txt", "", "§U", 1],
  ['g', "mv", "", "mv: missing file operand\nTry 'mv --help' for more information.\n", 1],
  ['b', "mv", "", "§U", 1],
  ['g', "mv a.txt m.txt", "", "", 0],
  ['b', "mv a.txt m.txt", "", "", 0],
  ['g', "mv b.txt dir", "", "", 0],
  ['b', "mv b.txt dir", "", "", 0],
  ['g', "mv dir d5", "", "", 0],
  ['b', "mv dir d5", "", "", 0],
  ['g', "mv c.txt nodir/x", "", "mv: cannot move 'c.txt' to 'nodir/x': No such file or directory\n", 1],
  ['b', "mv c.txt nodir/x", "", "mv: can't rename 'c.txt': No such file or directory\n", 1],
  ['g', "mv dir dir/x", "", "mv: cannot move 'dir' to a subdirectory of itself, 'dir/x'\n", 1],
  ['b', "mv dir dir/x", "", "mv: can't rename 'dir': Invalid argument\n", 1],
  ['g', "mv c.txt c.txt", "", "mv: 'c.txt' and 'c.txt' are the same file\n", 1],
  ['b', "mv c.txt c.txt", "", "", 0],
  ['g', "mv -v a.txt m.txt", "renamed 'a.txt' -> 'm.txt'\n", "", 0],
  ['b', "mv -v a.txt m.txt", "'a.txt' -> 'm.txt'\n", "", 0],
  ['g', "mv a.txt b.txt nodir", "", "mv: target 'nodir': No such file or directory\n", 1],
  ['b', "mv a.txt b.txt nodir", "", "mv: can't rename 'a.txt': No such file or directory\nmv: can't rename 'b.txt': No such file or directory\n", 1],
  ['g', "mv a.txt b.txt c.txt", "", "mv: target 'c.txt': Not a directory\n", 1],
  ['b', "mv a.txt b.txt c.txt", "", "mv: can't stat 'c.txt/a.txt': Not a directory\nmv: can't stat 'c.txt/b.txt': Not a directory\n", 1],
  ['g', "mv dir a.txt", "", "mv: cannot overwrite non-directory 'a.txt' with directory 'dir'\n", 1],
  ['b', "mv dir a.txt", "", "mv: can't rename 'dir': Not a directory\n", 1],
  ['g', "mv a.txt dir/f.yaml/x", "", "mv: cannot stat 'dir/f.yaml/x': Not a directory\n", 1],
  ['b', "mv a.txt dir/f.yaml/x", "", "mv: can't stat 'dir/f.yaml/x': Not a directory\n", 1],
  ['g', "mv -i a.txt b.txt", "", "mv: overwrite 'b.txt'? ", 0, "n\n"],
  ['b', "mv -i a.txt b.txt", "", "mv: overwrite 'b.txt'? ", 0, "n\n"],
  ['g', "mv -n a.txt b.txt", "", "", 0],
  ['b', "mv -n a.txt b.txt", "", "", 0],
  ['g', "mv -z", "", "mv: invalid option -- 'z'\nTry 'mv --help' for more information.\n", 1],
  ['b', "mv -z", "", "mv: invalid option -- 'z'\n§U", 1],
];

describe('rm, rmdir, mkdir, touch, cp, mv (coreutils 9.1; busybox 1.37.0)', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('%s: %s', (_f, _cmd, c) => {
    const r = runCase(COREUTILS, c);
    expect(r.got).toEqual(r.want);
  });
});

describe('what the file tools leave behind', () => {
  const after = (flavor: 'gnu' | 'busybox', cmd: string, stdin = '') => {
    const argv = words(cmd);
    const r = run(COREUTILS[argv[0] as string]!, flavor, argv, { files: FIXTURE, stdin });
    const read = (p: string) => { const x = r.sys.fs.read(`/w/${p}`); return typeof x === 'string' ? x : null; };
    const kind = (p: string) => { const st = r.sys.fs.stat(`/w/${p}`); return typeof st === 'string' ? null : st.type; };
    return { r, read, kind };
  };
  it.each(['gnu', 'busybox'] as const)('%s: rm -r, rm -i y/n, rmdir, mkdir -p, touch', (f) => {
    expect(after(f, 'rm -r dir').kind('dir')).toBeNull();
    expect(after(f, 'rm -i a.txt', 'y\n').kind('a.txt')).toBeNull();
    expect(after(f, 'rm -i a.txt', 'n\n').kind('a.txt')).toBe('file');
    expect(after(f, 'rm dir').kind('dir')).toBe('dir');
    const m = after(f, 'mkdir -p x/y');
    expect([m.kind('x'), m.kind('x/y')]).toEqual(['dir', 'dir']);
    const t = after(f, 'touch new.txt a.txt');
    expect([t.read('new.txt'), t.read('a.txt')]).toEqual(['', FIXTURE['a.txt']]);
  });
  it.each(['gnu', 'busybox'] as const)('%s: cp, cp -r, cp into a directory, mv file and directory', (f) => {
    const c = after(f, 'cp a.txt x.txt');
    expect([c.read('x.txt'), c.read('a.txt')]).toEqual([FIXTURE['a.txt'], FIXTURE['a.txt']]);
    const r = after(f, 'cp -r dir d2');
    expect([r.read('d2/f.yaml'), r.read('d2/g.yaml'), r.kind('dir')]).toEqual(['x\n', 'y\n', 'dir']);
    expect(after(f, 'cp a.txt b.txt dir').read('dir/b.txt')).toBe(FIXTURE['b.txt']);
    const m = after(f, 'mv a.txt m.txt');
    expect([m.kind('a.txt'), m.read('m.txt')]).toEqual([null, FIXTURE['a.txt']]);
    const d = after(f, 'mv dir d5');
    expect([d.kind('dir'), d.read('d5/f.yaml')]).toEqual([null, 'x\n']);
    expect(after(f, 'cp -i a.txt b.txt', 'n\n').read('b.txt')).toBe(FIXTURE['b.txt']);
    expect(after(f, 'cp -i a.txt b.txt', 'y\n').read('b.txt')).toBe(FIXTURE['a.txt']);
    expect(after(f, 'mv -n a.txt b.txt').read('b.txt')).toBe(FIXTURE['b.txt']);
  });
  it.each(['gnu', 'busybox'] as const)('%s: tee, tee -a, uniq IN OUT, sort -o', (f) => {
    expect(after(f, 'tee out.txt', 'hi\n').read('out.txt')).toBe('hi\n');
    expect(after(f, 'tee -a b.txt', 'hi\n').read('b.txt')).toBe(`${FIXTURE['b.txt']}hi\n`);
    expect(after(f, 'uniq s.txt out2.txt').read('out2.txt')).toBe(FIXTURE['s.txt']);
    expect(after(f, 'sort -o out.txt s.txt').read('out.txt')).toBe('\nA 3\na 10\nb 2\nb 2\nc 1\n');
  });
});
