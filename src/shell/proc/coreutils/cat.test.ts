import { describe, expect, it } from 'vitest';
import { runCase, type Case } from './harness.js';
import { COREUTILS } from './index.js';

/**
 * cat against captures of coreutils 9.1 src/cat.c (LANG=C.UTF-8) and busybox 1.37.0
 * coreutils/cat.c (the official image's glibc build): stdout, stderr and status, byte for byte.
 */
const CASES: readonly Case[] = [
  // missing files, directories, quoting of names (quotef)
  ['g', "cat nope", "", "cat: nope: No such file or directory\n", 1],
  ['b', "cat nope", "", "cat: can't open 'nope': No such file or directory\n", 1],
  ['g', "cat nope \"a b\" 'x$y' \"it's\" a:b", "", "cat: nope: No such file or directory\ncat: 'a b': No such file or directory\ncat: 'x$y': No such file or directory\ncat: \"it's\": No such file or directory\ncat: 'a:b': No such file or directory\n", 1],
  ['b', "cat nope \"a b\" 'x$y' \"it's\" a:b", "", "cat: can't open 'nope': No such file or directory\ncat: can't open 'a b': No such file or directory\ncat: can't open 'x$y': No such file or directory\ncat: can't open 'it's': No such file or directory\ncat: can't open 'a:b': No such file or directory\n", 1],
  ['g', "cat dir", "", "cat: dir: Is a directory\n", 1],
  ['b', "cat dir", "", "cat: read error: Is a directory\n", 1],
  ['g', "cat -z", "", "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n", 1],
  ['b', "cat -z", "", "cat: invalid option -- 'z'\n§U", 1],
  ['g', "cat --number b.txt", "     1\tone two\n     2\tthree\n", "", 0],
  ['b', "cat --number b.txt", "", "cat: unrecognized option '--number'\n§U", 1],
  ['g', "cat --nu b.txt", "", "cat: option '--nu' is ambiguous; possibilities: '--number-nonblank' '--number'\nTry 'cat --help' for more information.\n", 1],
  ['b', "cat --nu b.txt", "", "cat: unrecognized option '--nu'\n§U", 1],
  ['g', "cat -vET b.txt", "one two$\nthree$\n", "", 0],
  ['b', "cat -vET b.txt", "", "cat: invalid option -- 'E'\n§U", 1],
  ['g', "cat -s b.txt", "one two\nthree\n", "", 0],
  ['b', "cat -s b.txt", "", "cat: invalid option -- 's'\n§U", 1],
  // numbering and -A
  ['g', "cat -n b.txt c.txt", "     1\tone two\n     2\tthree\n     3\tno newline", "", 0],
  ['b', "cat -n b.txt c.txt", "     1\tone two\n     2\tthree\n     3\tno newline\n", "", 0],
  ['g', "cat -b", "     1\ta\n\n     2\tb\n", "", 0, "a\n\nb\n"],
  ['b', "cat -b", "     1\ta\n\n     2\tb\n", "", 0, "a\n\nb\n"],
  ['g', "cat -n", "     1\ta\n     2\t\n     3\t\n     4\tb\n", "", 0, "a\n\n\nb\n"],
  ['b', "cat -n", "     1\ta\n     2\t\n     3\t\n     4\tb\n", "", 0, "a\n\n\nb\n"],
  ['g', "cat -sn", "     1\ta\n     2\t\n     3\tb\n", "", 0, "a\n\n\nb\n"],
  ['b', "cat -sn", "", "cat: invalid option -- 's'\n§U", 1, "a\n\n\nb\n"],
  ['g', "cat -A", "a^Ib^A^?$\n", "", 0, "a\tb\u0001\u007f\n"],
  ['b', "cat -A", "a^Ib^A^?$\n", "", 0, "a\tb\u0001\u007f\n"],
  ['g', "cat -e b.txt", "one two$\nthree$\n", "", 0],
  ['b', "cat -e b.txt", "one two$\nthree$\n", "", 0],
  ['g', "cat -t", "a^Ib\n", "", 0, "a\tb\n"],
  ['b', "cat -t", "a^Ib\n", "", 0, "a\tb\n"],
  ['g', "cat b.txt - c.txt", "one two\nthree\nstdin\nno newline", "", 0, "stdin\n"],
  ['b', "cat b.txt - c.txt", "one two\nthree\nstdin\nno newline", "", 0, "stdin\n"],
  ['g', "cat --help", "§H", "", 0],
  ['b', "cat --help", "", "§U", 0],
  ['g', "cat --version", "§V", "", 0],
  ['b', "cat --version", "", "cat: unrecognized option '--version'\n§U", 1],
  ['g', "cat --he", "§H", "", 0],
  ['b', "cat --he", "", "cat: unrecognized option '--he'\n§U", 1],
];

describe('cat (coreutils 9.1 src/cat.c, busybox 1.37.0 coreutils/cat.c)', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('%s: %s', (_f, _cmd, c) => {
    const r = runCase(COREUTILS, c);
    expect(r.got).toEqual(r.want);
  });
});
