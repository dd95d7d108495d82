import { describe, expect, it } from 'vitest';
import { runCase, type Case } from './harness.js';
import { COREUTILS } from './index.js';

/**
 * uniq against captures of coreutils 9.1 src/uniq.c and busybox 1.37.0 coreutils/uniq.c.
 * Each case: flavor (g = GNU on LANG=C.UTF-8, b = busybox 1.37.0 of the official glibc image), the
 * command, stdout, stderr, exit status[, stdin] — captured from the real tools, byte for byte.
 */
const CASES: readonly Case[] = [
  ['g', "uniq", "a\nb\na\n", "", 0, "a\na\nb\na\n"],
  ['b', "uniq", "a\nb\na\n", "", 0, "a\na\nb\na\n"],
  ['g', "uniq -c", "      1 \n      1 A 3\n      1 a 10\n      2 b 2\n      1 c 1\n", "", 0, "\nA 3\na 10\nb 2\nb 2\nc 1\n"],
  ['b', "uniq -c", "      1 \n      1 A 3\n      1 a 10\n      2 b 2\n      1 c 1\n", "", 0, "\nA 3\na 10\nb 2\nb 2\nc 1\n"],
  ['g', "uniq -d", "a\nc\n", "", 0, "a\na\nb\nc\nc\n"],
  ['b', "uniq -d", "a\nc\n", "", 0, "a\na\nb\nc\nc\n"],
  ['g', "uniq -u", "b\n", "", 0, "a\na\nb\nc\nc\n"],
  ['b', "uniq -u", "b\n", "", 0, "a\na\nb\nc\nc\n"],
  ['g', "uniq -c -d s.txt", "", "", 0],
  ['b', "uniq -c -d s.txt", "", "", 0],
  ['g', "uniq -cd", "      2 a\n", "", 0, "a\na\nb\n"],
  ['b', "uniq -cd", "      2 a\n", "", 0, "a\na\nb\n"],
  ['g', "uniq -cu", "      1 b\n", "", 0, "a\na\nb\n"],
  ['b', "uniq -cu", "      1 b\n", "", 0, "a\na\nb\n"],
  ['g', "uniq nope", "", "uniq: nope: No such file or directory\n", 1],
  ['b', "uniq nope", "", "uniq: can't open 'nope': No such file or directory\n", 1],
  ['g', "uniq s.txt out2.txt", "", "", 0],
  ['b', "uniq s.txt out2.txt", "", "", 0],
  ['g', "uniq -i", "a\nb\n", "", 0, "a\nA\nb\n"],
  ['b', "uniq -i", "a\nb\n", "", 0, "a\nA\nb\n"],
  ['g', "uniq -c", "      2 a\n", "", 0, "a\na\n"],
  ['b', "uniq -c", "      2 a\n", "", 0, "a\na\n"],
  ['g', "uniq -z", "", "", 0],
  ['b', "uniq -z", "", "", 0],
  ['g', "uniq a b c", "", "uniq: extra operand ‘c’\nTry 'uniq --help' for more information.\n", 1],
  ['b', "uniq a b c", "", "uniq: can't open 'a': No such file or directory\n", 1],
  ['g', "uniq -f1", "x a\nz b\n", "", 0, "x a\ny a\nz b\n"],
  ['b', "uniq -f1", "x a\nz b\n", "", 0, "x a\ny a\nz b\n"],
  ['g', "uniq -s2", "xxa\nzzb\n", "", 0, "xxa\nyya\nzzb\n"],
  ['b', "uniq -s2", "xxa\nzzb\n", "", 0, "xxa\nyya\nzzb\n"],
  ['g', "uniq -w1", "ab\nbc\n", "", 0, "ab\nac\nbc\n"],
  ['b', "uniq -w1", "ab\nbc\n", "", 0, "ab\nac\nbc\n"],
  ['g', "uniq -D", "a\na\n", "", 0, "a\na\nb\n"],
  ['b', "uniq -D", "", "uniq: invalid option -- 'D'\n§U", 1, "a\na\nb\n"],
  ['g', "uniq -f x", "", "uniq: x: invalid number of fields to skip\n", 1, ""],
  ['b', "uniq -f x", "", "uniq: invalid number 'x'\n", 1, ""],
  ['g', "uniq dir", "", "uniq: error reading 'dir'\n", 1],
  ['b', "uniq dir", "", "uniq: dir: I/O error\n", 1],
  ['g', "uniq -", "a\n", "", 0, "a\na\n"],
  ['b', "uniq -", "a\n", "", 0, "a\na\n"],
  ['g', "uniq", "a\n", "", 0, "a\na"],
  ['b', "uniq", "a\n", "", 0, "a\na"],
  ['g', "uniq -c", "      1 x\n      1 y\n", "", 0, "x\ny"],
  ['b', "uniq -c", "      1 x\n      1 y\n", "", 0, "x\ny"],
  ['g', "uniq --count", "      2 a\n", "", 0, "a\na\n"],
  ['b', "uniq --count", "", "uniq: unrecognized option '--count'\n§U", 1, "a\na\n"],
  ['g', "uniq -n", "", "uniq: invalid option -- 'n'\nTry 'uniq --help' for more information.\n", 1, ""],
  ['b', "uniq -n", "", "uniq: invalid option -- 'n'\n§U", 1, ""],
];

describe('uniq (coreutils 9.1 src/uniq.c, busybox 1.37.0 coreutils/uniq.c)', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))('%s: %s', (_f, _cmd, c) => {
    const r = runCase(COREUTILS, c);
    expect(r.got).toEqual(r.want);
  });
});
