import { describe, expect, it } from 'vitest';
import { runCase, type Case } from './harness.js';
import { COREUTILS } from './index.js';

/**
 * GNU sort -h as coreutils 9.1 src/sort.c orders it (find_unit_order, then the numbers): a nonzero
 * number's unit order (K or k = 1 up to Y = 8; 9.1 knows no R or Q), negated for a '-' number, and 0
 * without a unit or for a zero. Rows run on this machine (sort (GNU coreutils) 9.1, LANG=C.UTF-8):
 * command, stdout, stderr, exit status, stdin.
 */
const HUMAN: readonly Case[] = [
  ['g', "sort -h", "-1K\n0\n512\n1K\n1k\n1.5K\n2M\n1G\n3T\n2E\n", "", 0, "1K\n2M\n512\n1G\n-1K\n0\n1.5K\n1k\n3T\n2E\n"],
  ['g', "sort -hr", "2E\n3T\n1G\n2M\n1.5K\n1k\n1K\n512\n0\n-1K\n", "", 0, "1K\n2M\n512\n1G\n-1K\n0\n1.5K\n1k\n3T\n2E\n"],
  ['g', "sort -h", "-1M\n -3K\n-2K\n-1\n-0.5\n\n0.0M\n0K\n1\n1Q\n1R\n999Y\n", "", 0, "-2K\n-1M\n-0.5\n-1\n0K\n0.0M\n1\n1Q\n1R\n999Y\n -3K\n\n"],
  ['g', "sort -k2h", "e -2G\nc 900\na 1K\nb 1k\nd 1M\n", "", 0, "a 1K\nb 1k\nc 900\nd 1M\ne -2G\n"],
  ['g', "sort -hu", "-1K\n0\n512\n1K\n1.5K\n2M\n1G\n3T\n2E\n", "", 0, "1K\n2M\n512\n1G\n-1K\n0\n1.5K\n1k\n3T\n2E\n1K\n"],
];

describe('sort -h against coreutils 9.1', () => {
  it.each(HUMAN.map((c, i) => [i, c] as const))('#%i %j', (_i, c) => {
    const { got, want } = runCase(COREUTILS, c);
    expect(got).toEqual(want);
  });
});
