// dash's arithmetic (sh/arith-dash.ts) in a Debian container's /bin/sh. Every row was captured from
// dash 0.5.12 (Debian 0.5.12-2) on this machine with `dash -c SCRIPT` (`dash:` read as `sh:`, the
// name of the nginx image's /bin/sh), and is run here through `kubectl exec web -- sh -c`; kubectl adds
// `command terminated with exit code N` for a non-zero status (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go).
import { describe, expect, it } from 'vitest';
import { runDashScript } from '../../testing/shell.js';
import { evalDashArith } from './arith-dash.js';

type Row = [script: string, out: string, err: string, rc: number];

const dash = runDashScript;

const DASH: Row[] = [
  ["x=1; echo $((x++))", "", "sh: 1: arithmetic expression: expecting primary: \"x++\"\n", 2],
  ["echo $((2**3))", "", "sh: 1: arithmetic expression: expecting primary: \"2**3\"\n", 2],
  ["x=1; echo $((++x))", "1\n", "", 0],
  ["x=5; echo $((x--)) $x", "", "sh: 1: arithmetic expression: expecting primary: \"x--\"\n", 2],
  ["echo $((--5))", "5\n", "", 0],
  ["echo $((- -5))", "5\n", "", 0],
  ["x=2; echo $((x+=3)) $x", "5 5\n", "", 0],
  ["echo $((1?2:3))", "2\n", "", 0],
  ["echo $((1,2))", "", "sh: 1: arithmetic expression: expecting EOF: \"1,2\"\n", 2],
  ["echo $((0x10 + 010))", "24\n", "", 0],
  ["echo $((2#101))", "", "sh: 1: arithmetic expression: expecting EOF: \"2#101\"\n", 2],
  ["echo $((1<<3))", "8\n", "", 0],
  ["x=1; echo $(( x ++ ))", "", "sh: 1: arithmetic expression: expecting primary: \" x ++ \"\n", 2],
  ["echo $((!0))", "1\n", "", 0],
  ["echo $((~0))", "-1\n", "", 0],
  ["x=abc; echo $((x))", "", "sh: 1: Illegal number: abc\n", 2],
  ["echo $((1/0))", "", "sh: 1: arithmetic expression: division by zero: \"1/0\"\n", 2],
  ["echo $((5%0))", "", "sh: 1: arithmetic expression: division by zero: \"5%0\"\n", 2],
  ["echo $((1 + ))", "", "sh: 1: arithmetic expression: expecting primary: \"1 + \"\n", 2],
  ["echo $((1 ? 2 ))", "", "sh: 1: arithmetic expression: expecting ':': \"1 ? 2 \"\n", 2],
  ["echo $((1 @ 2))", "", "sh: 1: arithmetic expression: expecting EOF: \"1 @ 2\"\n", 2],
  ["echo $((08))", "", "sh: 1: arithmetic expression: expecting EOF: \"08\"\n", 2],
  ["echo $((0x))", "", "sh: 1: arithmetic expression: expecting EOF: \"0x\"\n", 2],
  ["x=; echo $((x+1))", "1\n", "", 0],
  ["echo $((y+1))", "1\n", "", 0],
  ["x=3; echo $((x*=2)) $x", "6 6\n", "", 0],
  ["x=010; echo $((x))", "8\n", "", 0],
  ["x=\" 5\"; echo $((x))", "5\n", "", 0],
  ["x=5a; echo $((x))", "", "sh: 1: Illegal number: 5a\n", 2],
  ["echo $((1 2))", "", "sh: 1: arithmetic expression: expecting EOF: \"1 2\"\n", 2],
  ["echo $((a=b=3)) $a $b", "3 3 3\n", "", 0],
  ["echo $((1&&0||1))", "1\n", "", 0],
  ["echo $((0&&(y=5))) $y", "0\n", "", 0],
  ["echo $((-9223372036854775807-1))", "-9223372036854775808\n", "", 0],
  ["echo $((9223372036854775808))", "9223372036854775807\n", "", 0],
  ["echo $((-2**2))", "", "sh: 1: arithmetic expression: expecting primary: \"-2**2\"\n", 2],
  ["x=1; echo $((x=))", "", "sh: 1: arithmetic expression: expecting primary: \"x=\"\n", 2],
  ["echo $((3 > 2 ? 10 : 20))", "10\n", "", 0],
  ["echo $(( 4 / -2 ))", "-2\n", "", 0],
  ["echo $(( 7 % -3 ))", "1\n", "", 0],
  ["echo $((1 == 1 != 0))", "1\n", "", 0],
  ["echo $(( $x ))", "", "sh: 1: arithmetic expression: expecting primary: \"  \"\n", 2],
  ["echo $(( ))", "", "sh: 1: arithmetic expression: expecting primary: \" \"\n", 2],
  ["echo $((1 ? : 2))", "", "sh: 1: arithmetic expression: expecting primary: \"1 ? : 2\"\n", 2],
  ["echo $((1 ?2))", "", "sh: 1: arithmetic expression: expecting ':': \"1 ?2\"\n", 2],
  ["echo $((x = 1, 2))", "", "sh: 1: arithmetic expression: expecting EOF: \"x = 1, 2\"\n", 2],
  ["echo $((2 ^ 3 | 4 & 5))", "5\n", "", 0],
  ["echo $((1 << 64))", "1\n", "", 0],
  ["echo $((a))", "0\n", "", 0],
  ["echo $((0 ? 1/0 : 2))", "2\n", "", 0],
  ["x=\"5 \"; echo $((x))", "5\n", "", 0],
  ["x=\" \"; echo $((x))", "0\n", "", 0],
  ["x=99999999999999999999; echo $((x))", "", "sh: 1: Illegal number: 99999999999999999999\n", 2],
  ["x=-3; echo $((x))", "-3\n", "", 0],
  ["x=+3; echo $((x))", "3\n", "", 0],
  ["x=0x1F; echo $((x))", "31\n", "", 0],
  ["x=1+1; echo $((x))", "", "sh: 1: Illegal number: 1+1\n", 2],
  ["echo $((x=08))", "", "sh: 1: arithmetic expression: expecting EOF: \"x=08\"\n", 2],
  ["x=5; echo $((x<<=1)) $x", "10 10\n", "", 0],
  ["echo $((99999999999999999999))", "9223372036854775807\n", "", 0],
  ["echo $((-99999999999999999999))", "-9223372036854775807\n", "", 0],
  ["x=5; echo $((x ^= 1))", "4\n", "", 0],
  ["echo $((5 >= 3 <= 1))", "1\n", "", 0],
  ["echo $((1 ? 2 : 3 ? 4 : 5))", "2\n", "", 0],
  ["echo $((0 ? 2 : x = 7)) $x", "", "sh: 1: arithmetic expression: expecting EOF: \"0 ? 2 : x = 7\"\n", 2],
  ["echo $((1 ? x = 7 : 3)) $x", "7 7\n", "", 0],
  ["echo $(( 1 ?  (2) : 3))", "2\n", "", 0],
  ["echo $((a b))", "", "sh: 1: arithmetic expression: expecting EOF: \"a b\"\n", 2],
  ["echo $((()))", "", "sh: 1: arithmetic expression: expecting primary: \"()\"\n", 2],
  ["echo $((!))", "", "sh: 1: arithmetic expression: expecting primary: \"!\"\n", 2],
  ["echo $((1+2*3-4/2%3))", "5\n", "", 0],
  ["echo $(( (1+2)*3 ))", "9\n", "", 0],
  ["echo $((1 || 1/0))", "1\n", "", 0],
  ["echo $((0 && 1/0))", "0\n", "", 0],
  ["echo $((1 && 1/0))", "", "sh: 1: arithmetic expression: division by zero: \"1 && 1/0\"\n", 2],
  ["x=3; echo $((x>2 && x<5))", "1\n", "", 0],
  ["echo $((10>>1>>1))", "2\n", "", 0],
  ["echo $((-1>>1))", "-1\n", "", 0],
  ["echo $((1-2-3))", "-4\n", "", 0],
  ["echo $((2*3%4))", "2\n", "", 0],
  ["x=2; y=3; echo $((x*y+x/y))", "6\n", "", 0],
  ["echo $((1 == 2 || 3 == 3 && 0))", "0\n", "", 0],
  ["i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i", "3\n", "", 0],
  ["x=7; echo $((x%=4)) $x", "3 3\n", "", 0],
  ["x=1; echo $((x|=6)) $x $((x&=3)) $x", "7 7 3 3\n", "", 0],
];

describe('dash 0.5.12 arithmetic (captured)', () => {
  it.each(DASH)('%s', (script, out, err, rc) => {
    expect(dash(script)).toEqual({ out, err: rc === 0 ? err : `${err}command terminated with exit code ${rc}\n`, rc });
  });
});

describe('evalDashArith edges', () => {
  const none = () => undefined;
  it('INT64_MIN / -1 wraps (dash dies of SIGFPE there: a lab limit), % gives 0', () => {
    expect(evalDashArith('(-9223372036854775807-1) / -1', none, () => {})).toEqual({ ok: true, value: -(1n << 63n) });
    expect(evalDashArith('(-9223372036854775807-1) % -1', none, () => {})).toEqual({ ok: true, value: 0n });
  });
  it('an assignment inside a branch not taken assigns nothing', () => {
    const set: string[] = [];
    expect(evalDashArith('0 ? (x = 5) : 2', none, (n, v) => set.push(`${n}=${v}`))).toEqual({ ok: true, value: 2n });
    expect(evalDashArith('0 && (x = 5)', none, (n, v) => set.push(`${n}=${v}`))).toEqual({ ok: true, value: 0n });
    expect(set).toEqual([]);
  });
});
