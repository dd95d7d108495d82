// sort's check modes (-c, -C, --check=quiet|silent|diagnose-first, prefixes, their conflicts) and -m,
// which merges its inputs as they are. Rows captured from GNU coreutils 9.1 sort on this machine with
// `bash --norc --noprofile -i -c SCRIPT` in /root, LANG=C.UTF-8 (as the lab's host), and kept where the
// lab's stdout, stderr and exit status are the same (sort.c: XARGMATCH's "Valid arguments are", usage
// (EXIT_FAILURE) after it, incompatible_options, "extra operand %s not allowed with -%c").
import { describe, expect, it } from 'vitest';
import { runHostScript } from '../../../testing/shell.js';

type Row = [script: string, out: string, err: string, rc: number];

const ROWS: Row[] = [
  ["printf 'b\\na\\n' > x; printf 'c\\nA\\n' > y; sort x y -m", "b\na\nc\nA\n", "", 0],
  ["printf '1\\n3\\n' > m1; printf '2\\n0\\n' > m2; sort -m m1 m2; sort -mr m1 m2; sort -m -u m1 m1", "1\n2\n0\n3\n2\n1\n3\n0\n1\n3\n", "", 0],
  ["printf 'b\\na\\n' | sort --check=quiet; echo $?", "1\n", "", 0],
  ["printf 'b\\na\\n' | sort --check=silent; echo $?", "1\n", "", 0],
  ["printf 'b\\na\\n' | sort --check=diagnose-first; echo $?", "1\n", "sort: -:2: disorder: a\n", 0],
  ["printf 'b\\na\\n' | sort --check=q; echo $?", "1\n", "", 0],
  ["sort --check=foo </dev/null; echo $?", "1\n", "sort: invalid argument ‘foo’ for ‘--check’\nValid arguments are:\n  - ‘quiet’, ‘silent’\n  - ‘diagnose-first’\nTry 'sort --help' for more information.\n", 0],
  ["sort --check= </dev/null; echo $?", "1\n", "sort: ambiguous argument ‘’ for ‘--check’\nValid arguments are:\n  - ‘quiet’, ‘silent’\n  - ‘diagnose-first’\nTry 'sort --help' for more information.\n", 0],
  ["printf 'b\\na\\n' | sort -c -C; echo $?", "2\n", "sort: options '-cC' are incompatible\n", 0],
  ["printf 'a\\n' > a1; sort -c a1 a1; echo $?; sort -C a1 a1; echo $?; sort -c -o out a1; echo $?", "2\n2\n2\n", "sort: extra operand 'a1' not allowed with -c\nsort: extra operand 'a1' not allowed with -C\nsort: options '-co' are incompatible\n", 0],
  ["printf 'a 2\\nb 1\\n' > k1; printf 'c 3\\n' > k2; sort -m -k2,2n k1 k2", "a 2\nb 1\nc 3\n", "", 0],
  ["printf 'x\\n' > e1; : > e2; sort -m e2 e1 e2", "x\n", "", 0],
];

describe('sort -c/-C/--check and -m, row by row against GNU sort 9.1', () => {
  it.each(ROWS)('%s', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});
