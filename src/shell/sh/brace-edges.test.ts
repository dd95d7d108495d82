// More brace-expansion rows against GNU bash 5.2.15 (issue 15, written ahead of the run of sh/brace.ts):
// each captured on this machine with `bash --norc --noprofile -i -c SCRIPT` in /root by
// /work/research/shdiff.mts and kept where the lab's stdout, stderr and exit status are the same.
// Sequences with steps, signs, zero padding and letters across the ASCII punctuation, bad bounds left
// as they are, nesting, empty items, quoted and escaped braces and commas, `{}` and `{a}`, and braces
// beside `$x`, `${x}` and quotes.
import { describe, expect, it } from 'vitest';
import { runHostScript } from '../../testing/shell.js';

type Row = [script: string, out: string, err: string, rc: number];

const ROWS: Row[] = [
  // braces.c expands the word's text, so a `$name` a `{` ended goes on through what the braces give.
  ["x=1; xa=A; echo $x{a,b}", "A\n", "", 0],
  ["y=q; echo pre{1,2}$y{3,4}", "pre1 pre1 pre2 pre2\n", "", 0],
  ["x=1; x_a=U; echo $x{_a,-b}", "U 1-b\n", "", 0],
  ["x=1; echo \"$x\"{a,b}", "1a 1b\n", "", 0],
  ["x=1; xa=A; echo $x{a}", "1{a}\n", "", 0],
  ["x=1; xa=A; echo ${x}{a,b} $x{a..c}", "1a 1b A\n", "", 0],
  ["xa1=Z; x=1; echo $x{a1,b2}", "Z\n", "", 0],
  ["x=1; x2=T; echo $x{1..3}", "T\n", "", 0],
  ["x=1; echo $x'a'{b,c}", "1ab 1ac\n", "", 0],
  ["echo {Y..b}", "Y Z [  ] ^ _ ` a b\n", "", 0],
  ["x=X; echo a{b,c}d", "abd acd\n", "", 0],
  ["x=X; echo {a,b}{1,2}", "a1 a2 b1 b2\n", "", 0],
  ["x=X; echo {1..5}", "1 2 3 4 5\n", "", 0],
  ["x=X; echo {5..1}", "5 4 3 2 1\n", "", 0],
  ["x=X; echo {1..10..3}", "1 4 7 10\n", "", 0],
  ["x=X; echo {10..1..-3}", "10 7 4 1\n", "", 0],
  ["x=X; echo {1..5..0}", "1 2 3 4 5\n", "", 0],
  ["x=X; echo {a..e}", "a b c d e\n", "", 0],
  ["x=X; echo {e..a..2}", "e c a\n", "", 0],
  ["x=X; echo {A..z..10}", "A K U _ i s\n", "", 0],
  ["x=X; echo {01..10}", "01 02 03 04 05 06 07 08 09 10\n", "", 0],
  ["x=X; echo {1..010}", "001 002 003 004 005 006 007 008 009 010\n", "", 0],
  ["x=X; echo {-3..3}", "-3 -2 -1 0 1 2 3\n", "", 0],
  ["x=X; echo {-05..5..5}", "-05 000 005\n", "", 0],
  ["x=X; echo {a,b", "{a,b\n", "", 0],
  ["x=X; echo a,b}", "a,b}\n", "", 0],
  ["x=X; echo {a}", "{a}\n", "", 0],
  ["x=X; echo {}", "{}\n", "", 0],
  ["x=X; echo {,}", "\n", "", 0],
  ["x=X; echo {,a}", "a\n", "", 0],
  ["x=X; echo a{,}b", "ab ab\n", "", 0],
  ["x=X; echo {a,{b,c}}", "a b c\n", "", 0],
  ["x=X; echo {{a,b},c}d", "ad bd cd\n", "", 0],
  ["x=X; echo {a..c}{1..2}", "a1 a2 b1 b2 c1 c2\n", "", 0],
  ["x=X; echo x{1..3}y{a,b}z", "x1yaz x1ybz x2yaz x2ybz x3yaz x3ybz\n", "", 0],
  ["x=X; echo {1..a}", "{1..a}\n", "", 0],
  ["x=X; echo {a..1}", "{a..1}\n", "", 0],
  ["x=X; echo {1.5..3}", "{1.5..3}\n", "", 0],
  ["x=X; echo {1..3..a}", "{1..3..a}\n", "", 0],
  ["x=X; echo \\{a,b}", "{a,b}\n", "", 0],
  ["x=X; echo {a,b\\}", "{a,b}\n", "", 0],
  ["x=X; echo '{a,b}'", "{a,b}\n", "", 0],
  ["x=X; echo \"{a,b}\"", "{a,b}\n", "", 0],
  ["x=X; echo {a,b}$x", "aX bX\n", "", 0],
  ["x=X; echo ${x}{a,b}", "Xa Xb\n", "", 0],
  ["x=X; echo {a,$x}", "a X\n", "", 0],
  ["x=X; echo {$x,b}", "X b\n", "", 0],
  ["x=X; echo {\"a b\",c}", "a b c\n", "", 0],
  ["x=X; echo {a\\,b,c}", "a,b c\n", "", 0],
  ["x=X; echo {aa..cc}", "{aa..cc}\n", "", 0],
  ["x=X; echo {z..a..-5}", "z u p k f a\n", "", 0],
  ["x=X; echo {1..3}{", "1{ 2{ 3{\n", "", 0],
  ["x=X; echo }{1..3}", "}1 }2 }3\n", "", 0],
  ["x=X; echo {{1..2}}", "{1} {2}\n", "", 0],
  ["x=X; echo {a,b}{}", "a{} b{}\n", "", 0],
  ["x=X; echo { a,b}", "{ a,b}\n", "", 0],
  ["x=X; echo {a, b}", "{a, b}\n", "", 0],
  ["x=X; echo a{b}c{d,e}", "a{b}cd a{b}ce\n", "", 0],
  ["x=X; echo {-1..-3}", "-1 -2 -3\n", "", 0],
  ["x=X; echo {+1..3}", "1 2 3\n", "", 0],
  ["x=X; echo {1..+3}", "1 2 3\n", "", 0],
  ["x=X; echo {0..-0}", "0\n", "", 0],
  ["x=X; echo {00..3}", "00 01 02 03\n", "", 0],
  ["x=X; echo {-0..3}", "0 1 2 3\n", "", 0],
  ["x=X; echo {a..a}", "a\n", "", 0],
  ["x=X; echo {1..1}", "1\n", "", 0],
  ["x=X; echo {%..*}", "{%..*}\n", "", 0],
  ["x=X; echo {[..]}", "{[..]}\n", "", 0],
  ["x=X; echo {\\..a}", "{..a}\n", "", 0],
  ["x=X; echo {X..a}", "X Y Z [  ] ^ _ ` a\n", "", 0],
  ["x=X; echo =={a,b}==", "==a== ==b==\n", "", 0],
  ["x=X; echo {a,b}=c", "a=c b=c\n", "", 0],
  ["x=X; echo x={a,b}", "x=a x=b\n", "", 0],
  ["echo {a,b} | cat", "a b\n", "", 0],
  ["for i in {1..3}; do echo $i; done", "1\n2\n3\n", "", 0],
  ["set -B; echo {a,b}", "a b\n", "", 0],
  ["echo {1..3}{a..b}{x,y}", "1ax 1ay 1bx 1by 2ax 2ay 2bx 2by 3ax 3ay 3bx 3by\n", "", 0],
];

describe('host bash brace expansion edges, row by row against bash 5.2', () => {
  it.each(ROWS)('%j', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});
