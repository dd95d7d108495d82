import { describe, expect, it } from 'vitest';
import { runCase, type Case } from './harness.js';
import { COREUTILS } from './index.js';

/**
 * wc against captures of coreutils 9.1 src/wc.c (column width from compute_number_width) and busybox
 * 1.37.0 coreutils/wc.c (`%9u` columns). Standard input in the captures is a pipe.
 * Each case: flavor (g = GNU on LANG=C.UTF-8, b = busybox 1.37.0 of the official glibc image), the
 * command, stdout, stderr, exit status[, stdin] — captured from the real tools, byte for byte.
 */
const CASES: readonly Case[] = [
  ['g', "wc a.txt", "12 12 67 a.txt\n", "", 0],
  ['b', "wc a.txt", "       12        12        67 a.txt\n", "", 0],
  ['g', "wc -l a.txt", "12 a.txt\n", "", 0],
  ['b', "wc -l a.txt", "12 a.txt\n", "", 0],
  ['g', "wc a.txt b.txt c.txt", "12 12 67 a.txt\n 2  3 14 b.txt\n 0  2 10 c.txt\n14 17 91 total\n", "", 0],
  ['b', "wc a.txt b.txt c.txt", "       12        12        67 a.txt\n        2         3        14 b.txt\n        0         2        10 c.txt\n       14        17        91 total\n", "", 0],
  ['g', "wc -l a.txt b.txt", "12 a.txt\n 2 b.txt\n14 total\n", "", 0],
  ['b', "wc -l a.txt b.txt", "       12 a.txt\n        2 b.txt\n       14 total\n", "", 0],
  ['g', "wc -c a.txt", "67 a.txt\n", "", 0],
  ['b', "wc -c a.txt", "67 a.txt\n", "", 0],
  ['g', "wc -w b.txt", "3 b.txt\n", "", 0],
  ['b', "wc -w b.txt", "3 b.txt\n", "", 0],
  ['g', "wc", "      2       3       6\n", "", 0, "a b\nc\n"],
  ['b', "wc", "        2         3         6\n", "", 0, "a b\nc\n"],
  ['g', "wc -l", "2\n", "", 0, "a b\nc\n"],
  ['b', "wc -l", "2\n", "", 0, "a b\nc\n"],
  ['g', "wc -lc", "      2       6\n", "", 0, "a b\nc\n"],
  ['b', "wc -lc", "        2         6\n", "", 0, "a b\nc\n"],
  ['g', "wc -l", "0\n", "", 0, ""],
  ['b', "wc -l", "0\n", "", 0, ""],
  ['g', "wc -w", "3\n", "", 0, "  many   words\there\n\n"],
  ['b', "wc -w", "3\n", "", 0, "  many   words\there\n\n"],
  ['g', "wc nope a.txt", "12 12 67 a.txt\n12 12 67 total\n", "wc: nope: No such file or directory\n", 1],
  ['b', "wc nope a.txt", "       12        12        67 a.txt\n       12        12        67 total\n", "wc: nope: No such file or directory\n", 1],
  ['g', "wc nope", "", "wc: nope: No such file or directory\n", 1],
  ['b', "wc nope", "", "wc: nope: No such file or directory\n", 1],
  ['g', "wc dir", "      0       0       0 dir\n", "wc: dir: Is a directory\n", 1],
  ['b', "wc dir", "        0         0         0 dir\n", "wc: dir: Is a directory\n", 1],
  ['g', "wc dir a.txt", "      0       0       0 dir\n     12      12      67 a.txt\n     12      12      67 total\n", "wc: dir: Is a directory\n", 1],
  ['b', "wc dir a.txt", "        0         0         0 dir\n       12        12        67 a.txt\n       12        12        67 total\n", "wc: dir: Is a directory\n", 1],
  ['g', "wc -L a.txt", "7 a.txt\n", "", 0],
  ['b', "wc -L a.txt", "7 a.txt\n", "", 0],
  ['g', "wc -m a.txt", "67 a.txt\n", "", 0],
  ['b', "wc -m a.txt", "67 a.txt\n", "", 0],
  ['g', "wc -lw a.txt", "12 12 a.txt\n", "", 0],
  ['b', "wc -lw a.txt", "       12        12 a.txt\n", "", 0],
  ['g', "wc -z", "", "wc: invalid option -- 'z'\nTry 'wc --help' for more information.\n", 1],
  ['b', "wc -z", "", "wc: invalid option -- 'z'\n§U", 1],
  ['g', "wc --lines a.txt", "12 a.txt\n", "", 0],
  ['b', "wc --lines a.txt", "", "wc: unrecognized option '--lines'\n§U", 1],
  ['g', "wc -", "      1       2       4 -\n", "", 0, "x y\n"],
  ['b', "wc -", "        1         2         4 -\n", "", 0, "x y\n"],
  ['g', "wc - a.txt", "      1       2       4 -\n     12      12      67 a.txt\n     13      14      71 total\n", "", 0, "x y\n"],
  ['b', "wc - a.txt", "        1         2         4 -\n       12        12        67 a.txt\n       13        14        71 total\n", "", 0, "x y\n"],
  ['g', "wc -c", "7\n", "", 0, "héllo\n"],
  ['b', "wc -c", "7\n", "", 0, "héllo\n"],
  ['g', "wc -m", "6\n", "", 0, "héllo\n"],
  ['b', "wc -m", "6\n", "", 0, "héllo\n"],
  ['g', "wc -L", "9\n", "", 0, "a\tb\n"],
  ['b', "wc -L", "9\n", "", 0, "a\tb\n"],
  ['g', "wc pods.txt a.txt", "  5  30 370 pods.txt\n 12  12  67 a.txt\n 17  42 437 total\n", "", 0],
  ['b', "wc pods.txt a.txt", "        5        30       370 pods.txt\n       12        12        67 a.txt\n       17        42       437 total\n", "", 0],
  ['g', "wc -cl pods.txt", "  5 370 pods.txt\n", "", 0],
  ['b', "wc -cl pods.txt", "        5       370 pods.txt\n", "", 0],
  ['g', "wc --li b.txt", "2 b.txt\n", "", 0],
  ['b', "wc --li b.txt", "", "wc: unrecognized option '--li'\n§U", 1],
];

describe('wc (coreutils 9.1 src/wc.c, busybox 1.37.0 coreutils/wc.c)', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('%s: %s', (_f, _cmd, c) => {
    const r = runCase(COREUTILS, c);
    expect(r.got).toEqual(r.want);
  });
});
