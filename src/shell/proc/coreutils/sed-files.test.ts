import { describe, expect, it } from 'vitest';
import { run } from './harness.js';
import { bbUsage } from './bb-usage.js';
import { backupName, sed } from './sed.js';

/**
 * sed's files: -i (in place, with a backup suffix, `*` in it standing for the name), -s, w and r,
 * read errors. The GNU rows were run with GNU sed 4.9 (Debian bookworm) in a scratch directory and
 * the files read back; the busybox rows follow busybox 1.37.0 editors/sed.c (sed_main: `-i`
 * without a file is bb_msg_requires_arg; get_next_line's fopen_or_warn names the file and sets
 * EXIT_FAILURE; no script is bb_show_usage).
 */
const read = (r: ReturnType<typeof run>, path: string) => {
  const got = r.sys.fs.read(path);
  return typeof got === 'string' ? got : null;
};

describe('sed -i (GNU sed 4.9)', () => {
  it('writes the result back and prints nothing', () => {
    const r = run(sed, 'gnu', ['sed', '-i', 's/x/y/', 'f.txt'], { files: { 'f.txt': 'x\nx\n' } });
    expect([r.out, r.err, r.code]).toEqual(['', '', 0]);
    expect(read(r, '/w/f.txt')).toBe('y\ny\n');
  });

  it('keeps a backup with the suffix, or with `*` replaced by the name', () => {
    const r = run(sed, 'gnu', ['sed', '-i.bak', 's/x/y/', 'f.txt'], { files: { 'f.txt': 'x\n' } });
    expect(read(r, '/w/f.txt')).toBe('y\n');
    expect(read(r, '/w/f.txt.bak')).toBe('x\n');
    const star = run(sed, 'gnu', ['sed', '-ibk_*', 's/x/z/', 'f.txt'], { files: { 'f.txt': 'x\n' } });
    expect(read(star, '/w/bk_f.txt')).toBe('x\n');
    expect(read(star, '/w/f.txt')).toBe('z\n');
  });

  it('`*` is the name as given, directory and all; a backup whose directory is not there stops sed (status 4)', () => {
    // GNU sed 4.9 here: `sed -i'old_*' s/a/b/ dir/f` backed up to old_dir/f; `sed -i'bak/*' s/a/b/ dir/i j`
    // said "cannot rename dir/i: No such file or directory", left dir/i and j as they were, status 4.
    const old = run(sed, 'gnu', ['sed', '-iold_*', 's/a/b/', 'dir/f'], { dirs: ['/w/dir', '/w/old_dir'], files: { 'dir/f': 'a\n' } });
    expect([old.err, old.code]).toEqual(['', 0]);
    expect(read(old, '/w/old_dir/f')).toBe('a\n');
    expect(read(old, '/w/dir/f')).toBe('b\n');
    const bak = run(sed, 'gnu', ['sed', '-ibak/*', 's/a/b/', 'dir/i', 'j'], { dirs: ['/w/dir', '/w/bak'], files: { 'dir/i': 'a\n', j: 'a\n' } });
    expect([bak.out, bak.err, bak.code]).toEqual(['', 'sed: cannot rename dir/i: No such file or directory\n', 4]);
    expect([read(bak, '/w/dir/i'), read(bak, '/w/j'), read(bak, '/w/bak/dir/i')]).toEqual(['a\n', 'a\n', null]);
  });

  it('backupName: a suffix without `*` follows the name; each `*` is the name', () => {
    expect([backupName('f', '.bak'), backupName('d/f', '.bak'), backupName('d/f', 'x_*'), backupName('f', '*.*'), backupName('a$&b', 'k/*')]).toEqual(['f.bak', 'd/f.bak', 'x_d/f', 'f.f', 'k/a$&b']);
  });

  it('edits each file on its own: $ is each one\'s last line, a missing one is said and skipped (status 2)', () => {
    const r = run(sed, 'gnu', ['sed', '-i', '$d', 'g.txt', 'nofile', 'f.txt'], { files: { 'g.txt': 'a\nb\n', 'f.txt': 'y\ntop\na\nb\n' } });
    expect([r.out, r.err, r.code]).toEqual(['', "sed: can't read nofile: No such file or directory\n", 2]);
    expect(read(r, '/w/g.txt')).toBe('a\n');
    expect(read(r, '/w/f.txt')).toBe('y\ntop\na\n');
  });

  it('q keeps only what was printed: the rest of the file is gone', () => {
    const r = run(sed, 'gnu', ['sed', '-i', '2q', 'h.txt'], { files: { 'h.txt': '1\n2\n3\n' } });
    expect(read(r, '/w/h.txt')).toBe('1\n2\n');
  });

  it('-n -i with no p empties the file; -i with no file, a directory', () => {
    const r = run(sed, 'gnu', ['sed', '-n', '-i', 's/a/b/', 'f.txt'], { files: { 'f.txt': 'a\n' } });
    expect(read(r, '/w/f.txt')).toBe('');
    expect(run(sed, 'gnu', ['sed', '-i', 'p']).err).toBe('sed: no input files\n');
    expect(run(sed, 'gnu', ['sed', '-i', 'p']).code).toBe(4);
    const dir = run(sed, 'gnu', ['sed', '-i', 'p', 'd'], { dirs: ['/w/d'] });
    expect([dir.err, dir.code]).toEqual(["sed: couldn't edit d: not a regular file\n", 4]);
    const plain = run(sed, 'gnu', ['sed', 'p', 'd', 'f.txt'], { dirs: ['/w/d'], files: { 'f.txt': 'a\n' } });
    expect([plain.out, plain.err, plain.code]).toEqual(['', 'sed: read error on d: Is a directory\n', 4]);
  });

  it('w writes the lines it is given to its file; r queues a file after the line', () => {
    const r = run(sed, 'gnu', ['sed', '-i', '-e', 's/x/y/w out.txt', '-e', '1r b.txt', 'f.txt'], { files: { 'f.txt': 'x\n', 'b.txt': 'top\na\nb\n' } });
    expect(read(r, '/w/f.txt')).toBe('y\ntop\na\nb\n');
    expect(read(r, '/w/out.txt')).toBe('y\n');
  });

  it('-s counts lines per file; without it the files are one stream', () => {
    const files = { 'k.txt': '1\n2\n' };
    expect(run(sed, 'gnu', ['sed', '-n', '$=', 'k.txt', 'k.txt'], { files }).out).toBe('4\n');
    expect(run(sed, 'gnu', ['sed', '-s', '-n', '$=', 'k.txt', 'k.txt'], { files }).out).toBe('2\n2\n');
  });

  it('reads a script file with -f; its errors are placed by line', () => {
    const files = { 's.sed': 's/a/A/\np\n', 'bad.sed': 's/a/A/\nk\n', 'b.txt': 'a\n' };
    expect(run(sed, 'gnu', ['sed', '-f', 's.sed', 'b.txt'], { files }).out).toBe('A\nA\n');
    const bad = run(sed, 'gnu', ['sed', '-f', 'bad.sed', 'b.txt'], { files });
    expect([bad.err, bad.code]).toEqual(["sed: file bad.sed line 2: unknown command: `k'\n", 1]);
  });
});

describe('sed in busybox (1.37.0 editors/sed.c)', () => {
  it('edits in place like GNU', () => {
    const r = run(sed, 'busybox', ['sed', '-i', 's/x/y/', 'f.txt'], { files: { 'f.txt': 'x\n' } });
    expect([r.out, r.err, r.code]).toEqual(['', '', 0]);
    expect(read(r, '/w/f.txt')).toBe('y\n');
  });

  it('-i SUFFIX is appended as written, `*` and all; a backup it cannot place stops it (xrename, status 1)', () => {
    // busybox 1.37.0 sed_main: xasprintf("%s%s", *argv, opt_i) then xrename, whose failure is
    // bb_perror_msg_and_die("can't move '%s' to '%s'").
    const r = run(sed, 'busybox', ['sed', '-ik_*', 's/x/y/', 'f.txt'], { files: { 'f.txt': 'x\n' } });
    expect(read(r, '/w/f.txtk_*')).toBe('x\n');
    expect(read(r, '/w/f.txt')).toBe('y\n');
    const bad = run(sed, 'busybox', ['sed', '-ix/y', 's/x/y/', 'f.txt'], { files: { 'f.txt': 'x\n' } });
    expect([bad.err, bad.code]).toEqual(["sed: can't move 'f.txt' to 'f.txtx/y': No such file or directory\n", 1]);
    expect(read(bad, '/w/f.txt')).toBe('x\n');
  });

  it('says its own words: a missing file, -i alone, no script, a bad command', () => {
    const missing = run(sed, 'busybox', ['sed', 'p', 'nofile']);
    expect([missing.err, missing.code]).toEqual(['sed: nofile: No such file or directory\n', 1]);
    expect(run(sed, 'busybox', ['sed', '-i', 'p']).err).toBe('sed: -i requires an argument\n');
    const none = run(sed, 'busybox', ['sed']);
    expect([none.err, none.code]).toEqual([bbUsage('sed'), 1]);
    expect(run(sed, 'busybox', ['sed', 's/a/b'], { stdin: 'a\n' }).err).toBe("sed: unmatched '/'\n");
    expect(run(sed, 'busybox', ['sed', 'k'], { stdin: 'a\n' }).err).toBe('sed: unsupported command k\n');
    expect(run(sed, 'busybox', ['sed', 's/a/b/x'], { stdin: 'a\n' }).err).toBe('sed: bad option in substitution expression\n');
  });

  it('substitutes and prints as GNU does', () => {
    expect(run(sed, 'busybox', ['sed', '-n', 's/a/b/gp'], { stdin: 'banana\nxyz\n' }).out).toBe('bbnbnb\n');
  });
});

