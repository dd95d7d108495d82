// Arithmetic in the host shell against GNU bash 5.2.15 itself: every row was captured on this
// machine with `bash --norc --noprofile -i -c SCRIPT` in /root (interactive wording: no "line N:"
// prefix; the two job-control notices bash prints without a terminal removed), by
// /work/research/shdiff.mts, which runs each script through bash and the lab and keeps the rows
// where stdout, stderr and the exit status are byte for byte the same.
// Covered: `$(( ))` operators, assignments and ++/--, bases, 64-bit wrap-around, variables holding
// expressions, bash's error texts with `(error token is "…")`; `(( ))`, `for ((;;))` and `let`.
import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { runHostScript } from '../../testing/shell.js';
import { evalArith } from './arith.js';

type Row = [script: string, out: string, err: string, rc: number];

const ROWS: Row[] = [
  ["x=5; echo $((x+=2)) $x $((x++)) $x $((++x)) $((x--)) $x", "7 7 7 8 9 9 8\n", "", 0],
  ["x=10; echo $((x-=3)) $((x*=2)) $((x/=3)) $((x%=3)) $x", "7 14 4 1 1\n", "", 0],
  ["x=1; echo $((x<<=4)) $((x>>=2)) $((x&=6)) $((x|=9)) $((x^=3)) $x", "16 4 4 13 14 14\n", "", 0],
  ["x=1; echo $((x=7)) $x $((y=x=3)) $y $x", "7 7 3 3 3\n", "", 0],
  ["echo $((08))", "", "bash: 08: value too great for base (error token is \"08\")\n", 1],
  ["echo $((0x1f)) $((010)) $((2#101)) $((16#ff)) $((36#z))", "31 8 5 255 35\n", "", 0],
  ["echo $((1 ? 2 : 3)) $((0 ? 2 : 3)) $((1 && 0)) $((1 || 0)) $((6 & 3)) $((6 | 3)) $((6 ^ 3))", "2 3 0 1 2 7 5\n", "", 0],
  ["echo $((a+1)); a=4; echo $((a*a)); b=a; echo $((b+1))", "1\n16\n5\n", "", 0],
  ["echo $(( 1 + ))", "", "bash: 1 + : syntax error: operand expected (error token is \"+ \")\n", 1],
  ["x=3; (( x > 2 )) && echo big; (( x - 3 )); echo $?", "big\n1\n", "", 0],
  ["for ((i=0; i<3; i++)); do echo $i; done", "0\n1\n2\n", "", 0],
  ["echo $((2147483647 + 1)) $((9223372036854775807 + 1)) $((-9223372036854775807 - 2))", "2147483648 -9223372036854775808 9223372036854775807\n", "", 0],
  ["echo $((1/0))", "", "bash: 1/0: division by 0 (error token is \"0\")\n", 1],
  ["echo $((5%0))", "", "bash: 5%0: division by 0 (error token is \"0\")\n", 1],
  ["echo $((2**-1))", "", "bash: 2**-1: exponent less than 0 (error token is \"1\")\n", 1],
  ["echo $((2**63)) $((2**64)) $((3**40)) $((2**0)) $((0**0))", "-9223372036854775808 0 -6289078614652622815 1 1\n", "", 0],
  ["echo $((-2**2)) $((- 2 ** 2)) $((2**3**2))", "4 4 512\n", "", 0],
  ["echo $((1<<63)) $((1<<64)) $((1<<-1)) $((-8>>1)) $((-1>>63))", "-9223372036854775808 1 -9223372036854775808 -4 -1\n", "", 0],
  ["echo $((7/-2)) $((-7/2)) $((-7%2)) $((7%-2))", "-3 -3 -1 1\n", "", 0],
  ["echo $((-9223372036854775807-1)) $(( (-9223372036854775807-1) / -1 )) $(( (-9223372036854775807-1) % -1 ))", "-9223372036854775808 -9223372036854775808 0\n", "", 0],
  ["echo $((64#@)) $((64#_)) $((64#A)) $((64#a)) $((37#A)) $((36#Z))", "62 63 36 10 36 35\n", "", 0],
  ["echo $((1#1))", "", "bash: 1#1: invalid arithmetic base (error token is \"1#1\")\n", 1],
  ["echo $((65#1))", "", "bash: 65#1: invalid arithmetic base (error token is \"65#1\")\n", 1],
  ["echo $((2#2))", "", "bash: 2#2: value too great for base (error token is \"2#2\")\n", 1],
  ["echo $((2#))", "", "bash: 2#: invalid integer constant (error token is \"2#\")\n", 1],
  ["echo $((0x))", "0\n", "", 0],
  ["echo $((0xg))", "", "bash: 0xg: value too great for base (error token is \"0xg\")\n", 1],
  ["echo $((09))", "", "bash: 09: value too great for base (error token is \"09\")\n", 1],
  ["echo $((1a))", "", "bash: 1a: value too great for base (error token is \"1a\")\n", 1],
  ["echo $((10#08)) $((10#0010))", "8 10\n", "", 0],
  ["echo $((0))  $((00)) $((0x0)) $((0X1F))", "0 0 0 31\n", "", 0],
  ["echo $(( ))  $((   ))", "0 0\n", "", 0],
  ["echo $((1 +))", "", "bash: 1 +: syntax error: operand expected (error token is \"+\")\n", 1],
  ["echo $((+))", "", "bash: +: syntax error: operand expected (error token is \"+\")\n", 1],
  ["echo $((1 2))", "", "bash: 1 2: syntax error in expression (error token is \"2\")\n", 1],
  ["echo $((1 +* 2))", "", "bash: 1 +* 2: syntax error: operand expected (error token is \"* 2\")\n", 1],
  ["echo $((1 ** ))", "", "bash: 1 ** : syntax error: operand expected (error token is \"** \")\n", 1],
  ["echo $(( x = ))", "", "bash: x = : syntax error: operand expected (error token is \"= \")\n", 1],
  ["echo $(( 1 = 2 ))", "", "bash: 1 = 2 : attempted assignment to non-variable (error token is \"= 2 \")\n", 1],
  ["echo $(( (x) = 2 ))", "", "bash: (x) = 2 : attempted assignment to non-variable (error token is \"= 2 \")\n", 1],
  ["echo $(( x++ = 2 ))", "", "bash: x++ = 2 : attempted assignment to non-variable (error token is \"= 2 \")\n", 1],
  ["echo $(( ++1 ))", "1\n", "", 0],
  ["echo $(( --x++ ))", "", "bash: --x++ : ++: assignment requires lvalue (error token is \"++ \")\n", 1],
  ["echo $(( ++x++ ))", "", "bash: ++x++ : ++: assignment requires lvalue (error token is \"++ \")\n", 1],
  ["x=1; echo $(( ++x )) $(( --x )) $(( - -x )) $(( -+x )) $(( !x )) $(( ~x )) $((! 0))", "2 1 1 -1 0 -2 1\n", "", 0],
  ["echo $(( 1 ? 2 ))", "", "bash: 1 ? 2 : `:' expected for conditional expression (error token is \"2 \")\n", 1],
  ["echo $(( 1 ? : 3 ))", "", "bash: 1 ? : 3 : expression expected (error token is \": 3 \")\n", 1],
  ["echo $(( 1 ? 2 : ))", "", "bash: 1 ? 2 : : expression expected (error token is \": \")\n", 1],
  ["echo $(( ? 2 : 3 ))", "", "bash: ? 2 : 3 : syntax error: operand expected (error token is \"? 2 : 3 \")\n", 1],
  ["echo $(( 0 ? x=5 : 7 )) $x", "7\n", "", 0],
  ["x=0; echo $(( 1 ? x=5 : 7 )) $x", "5 5\n", "", 0],
  ["x=0; echo $(( 0 && x++ )) $x $(( 1 || x++ )) $x $(( 1 && x++ )) $x", "0 0 1 0 0 1\n", "", 0],
  ["echo $(( 0 && 1/0 )) $(( 1 || 1/0 )) $(( 0 ? 1/0 : 2 ))", "0 1 2\n", "", 0],
  ["echo $(( 1, 2, 3 )) $(( x=1, y=2, x+y ))", "3 3\n", "", 0],
  ["echo $(( 1 < 2 )) $(( 2 <= 2 )) $(( 3 > 4 )) $(( 4 >= 5 )) $(( 1 == 1 )) $(( 1 != 1 ))", "1 1 0 0 1 0\n", "", 0],
  ["a=3; b=a; c=b; echo $((c)) $((c+1)) $((c*c))", "3 4 9\n", "", 0],
  ["a='1+2'; echo $((a*3)) $(( (a)*3 ))", "9 9\n", "", 0],
  ["a='1+'; echo $((a))", "", "bash: 1+: syntax error: operand expected (error token is \"+\")\n", 1],
  ["a='hello world'; echo $((a))", "", "bash: hello world: syntax error in expression (error token is \"world\")\n", 1],
  ["a=a; echo $((a))", "", "bash: a: expression recursion level exceeded (error token is \"a\")\n", 1],
  ["x=abc; echo $((x))", "0\n", "", 0],
  ["x=' 5 '; echo $((x+1))", "6\n", "", 0],
  ["x=''; echo $((x+1))", "1\n", "", 0],
  ["echo $(( 1 $ 2 ))", "", "bash: 1 $ 2 : syntax error: invalid arithmetic operator (error token is \"$ 2 \")\n", 1],
  ["echo $(( 1 @ 2 ))", "", "bash: 1 @ 2 : syntax error: invalid arithmetic operator (error token is \"@ 2 \")\n", 1],
  ["echo $(( a.b ))", "", "bash: a.b : syntax error: invalid arithmetic operator (error token is \".b \")\n", 1],
  ["echo $(( 3 ))extra", "3extra\n", "", 0],
  ["echo $((1/0)) after; echo next", "", "bash: 1/0: division by 0 (error token is \"0\")\n", 1],
  ["x=1; (( x )); echo $?; (( 0 )); echo $?; (( x = 0 )); echo $? $x", "0\n1\n1 0\n", "", 0],
  ["(( 1 + )); echo $?", "1\n", "bash: ((: 1 + : syntax error: operand expected (error token is \"+ \")\n", 0],
  ["(( 1/0 )); echo status $?", "status 1\n", "bash: ((: 1/0 : division by 0 (error token is \"0 \")\n", 0],
  ["((x=2, y=3)); echo $x $y", "2 3\n", "", 0],
  ["(( x = 5 )) ; echo $x", "5\n", "", 0],
  ["let x=2+3 'y = x * 2'; echo $x $y $?", "5 10 0\n", "", 0],
  ["let 'x = 0'; echo $?", "1\n", "", 0],
  ["let x=1 y=0; echo $?", "1\n", "", 0],
  ["let; echo $?", "1\n", "bash: let: expression expected\n", 0],
  ["let 1+; echo $?", "1\n", "bash: let: 1+: syntax error: operand expected (error token is \"+\")\n", 0],
  ["let 'x=1/0'; echo $?", "1\n", "bash: let: x=1/0: division by 0 (error token is \"0\")\n", 0],
  ["let x++ y--; echo $x $y", "1 -1\n", "", 0],
  ["for ((i=0; i<3; i++)); do echo $i; done; echo $i", "0\n1\n2\n3\n", "", 0],
  ["for ((i=10; i>0; i-=4)) do echo $i; done", "10\n6\n2\n", "", 0],
  ["for (( ; ; )); do echo once; break; done", "once\n", "", 0],
  ["for ((i=0;i<2;i++)); do for ((j=0;j<2;j++)); do echo $i$j; done; done", "00\n01\n10\n11\n", "", 0],
  ["for ((i=0; i<3; i++)); do :; done; echo $?", "0\n", "", 0],
  ["for ((i=0; i<1/0; i++)); do echo x; done; echo st $?", "st 1\n", "bash: ((: i<1/0: division by 0 (error token is \"0\")\n", 0],
  ["n=3; for ((i=n; i>0; i--)); do echo -n $i; done; echo", "321\n", "", 0],
  ["for (( i=0 ; i<2 ; i++ ))\ndo\n  echo $i\ndone", "0\n1\n", "", 0],
  ["x=5; echo $(( x > 3 ? x - 3 : 0 ))", "2\n", "", 0],
  ["echo $(( 1 < 2 && 3 < 4 || 0 ))", "1\n", "", 0],
  ["i=0; while (( i < 3 )); do echo $i; ((i++)); done", "0\n1\n2\n", "", 0],
  ["i=0; ((i++)); echo $? $i; ((i++)); echo $? $i", "1 1\n0 2\n", "", 0],
  ["echo \"$(( 2 * 3 ))\" '$((1))'", "6 $((1))\n", "", 0],
  ["x=2; echo $(( $x + 1 )) $(( ${x} * 2 ))", "3 4\n", "", 0],
  ["echo $(( \"1\" + 2 ))", "3\n", "", 0],
  ["(( \"1\" + 2 )); echo $?", "0\n", "", 0],
  ["x=3; echo $(( x ** 2 )) $((x**x))", "9 27\n", "", 0],
  ["echo $(( 0x7fffffffffffffff )) $(( 0xffffffffffffffff )) $(( 18446744073709551616 )) $(( 9223372036854775808 ))", "9223372036854775807 -1 0 -9223372036854775808\n", "", 0],
  ["echo $(( 99999999999999999999 ))", "7766279631452241919\n", "", 0],
  ["x=9223372036854775807; echo $(( x + 1 )) $((x*2))", "-9223372036854775808 -2\n", "", 0],
  ["echo $((1 < 2 < 3)) $((3 > 2 > 1))", "1 0\n", "", 0],
  ["echo $(( 5 & 3 | 8 ^ 1 ))", "9\n", "", 0],
  ["echo $(( !1 + 1 )) $(( ~0 ))", "1 -1\n", "", 0],
  ["unset x; echo $((x++)) $x", "0 1\n", "", 0],
  ["x=foo; foo=7; echo $((x++)) $x", "7 8\n", "", 0],
  ["echo $((x = 1 + ))", "", "bash: x = 1 + : syntax error: operand expected (error token is \"+ \")\n", 1],
  ["x=5; echo $(( x += ))", "", "bash: x += : syntax error: operand expected (error token is \"+= \")\n", 1],
  ["echo $(( 10 / 3 * 3 )) $(( 10 % 3 ** 2 ))", "9 1\n", "", 0],
  ["echo $(( 1 +\n2 ))", "3\n", "", 0],
  ["echo $((--))", "", "bash: --: syntax error: operand expected (error token is \"-\")\n", 1],
  ["echo $((++))", "", "bash: ++: syntax error: operand expected (error token is \"+\")\n", 1],
  ["echo $(( 1 ++ 2 ))", "3\n", "", 0],
  ["echo $(( 1 -- 2 ))", "3\n", "", 0],
  ["x=3; echo $(( x ++ )) $x $(( x -- 1 ))", "", "bash: x -- 1 : syntax error in expression (error token is \"1 \")\n", 1],
  ["x=3; echo $(( - - x )) $(( --x )) $x", "3 2 2\n", "", 0],
  ["for ((i=0;i<1;i++)); do false; done; echo $?", "1\n", "", 0],
  ["for ((i=0;i<0;i++)); do false; done; echo $?", "0\n", "", 0],
  ["for ((i=0;i<5;i++)); do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done", "0\n1\n3\n", "", 0],
  ["for ((i=0; i<2; i+=1/0)); do echo $i; done; echo $?", "0\n1\n", "bash: ((: i+=1/0: division by 0 (error token is \"0\")\n", 0],
  ["(( x = 3, x * 2 )) && echo $x", "3\n", "", 0],
  ["x=5; (( x++ )); echo $x; (( --x )); echo $? $x", "6\n0 5\n", "", 0],
  ["((echo a); echo b)", "a\nb\n", "", 0],
  ["(( 1 + 2", "", "bash: unexpected EOF while looking for matching `)'\n", 2],
  ["let 'a = 5' 'b = a << 2'; echo $a $b", "5 20\n", "", 0],
  ["x=1; let x+=4 x*=2; echo $x", "10\n", "", 0],
  ["n=10; sum=0; for ((i=1; i<=n; i++)); do ((sum += i)); done; echo $sum", "55\n", "", 0],
  ["i=0; until (( i >= 2 )); do echo $i; let i++; done", "0\n1\n", "", 0],
  ["if (( 2 > 1 )); then echo gt; fi", "gt\n", "", 0],
  ["(( 0 )) || echo zero", "zero\n", "", 0],
  ["! (( 0 )); echo $?", "0\n", "", 0],
  ["a=5; echo $(( a > 3 && a < 10 ))", "1\n", "", 0],
  ["echo $(( 2#1111 + 8#17 + 16#F ))", "45\n", "", 0],
  ["printf '%d\\n' $(( 0x10 ))", "16\n", "", 0],
  ["x=010; echo $((x + 1))", "9\n", "", 0],
  ["x=08; echo $((x + 1))", "", "bash: 08: value too great for base (error token is \"08\")\n", 1],
  ["x=' '; echo $((x))", "0\n", "", 0],
  ["echo $(( -x )) $x", "0\n", "", 0],
  ["(( y = 0 && 1 )); echo $? $y", "1 0\n", "", 0],
  ["let x=08; echo $?", "1\n", "bash: let: x=08: value too great for base (error token is \"08\")\n", 0],
  ["(( 5 > 3 )) && (( 2 > 3 )) || echo no", "no\n", "", 0],
  ["x=3; case $((x % 2)) in 1) echo odd;; esac", "odd\n", "", 0],
  ["echo $(( 10 / 3 )) $(( -10 / 3 )) $(( 10 % -3 ))", "3 -3 1\n", "", 0],
  ["echo $((1 << 62 << 1)) $(( ~-1 )) $(( !!5 ))", "-9223372036854775808 0 1\n", "", 0],
  ["for ((i=0; i<2; i++)) { echo $i; }", "0\n1\n", "", 0],
  ["for ((i=0; i<2; i++)); do echo $i; done > /tmp/h4-out; cat /tmp/h4-out", "0\n1\n", "", 0],
  ["(( 1 ))x", "", "bash: syntax error near unexpected token `x'\n", 2],
  ["echo $((0 && 2**-1))", "", "bash: 0 && 2**-1: exponent less than 0 (error token is \"1\")\n", 1],
  ["x=1; echo $(( x ? x++ : x-- )) $x", "1 2\n", "", 0],
  ["echo $(( 3 >= 3 == 1 )) $(( 1 + 2 * 3 ** 2 ))", "1 19\n", "", 0],
  ["x=2; x=$((x * x)); echo $x", "4\n", "", 0],
  ["echo $((9223372036854775807 * 2)) $(( -(-9223372036854775807 - 1) ))", "-2 -9223372036854775808\n", "", 0],
  ["let 'x = 3' '' ; echo $?", "1\n", "", 0],
  ["let ' '; echo $?", "1\n", "", 0],
  ["(( )); echo $?", "1\n", "", 0],
  ["f() { return $(( $1 * 2 )); }; f 3; echo $?", "6\n", "", 0],
  // A variable that refers to itself: bash stops at 1024 levels (the lab also when its own stack runs out first).
  ["a='b + 1'; b=a; echo $((a))", "", "bash: b + 1: expression recursion level exceeded (error token is \"b + 1\")\n", 1],
  ["a='(a)'; echo $((a))", "", "bash: (a): expression recursion level exceeded (error token is \"a)\")\n", 1],
  ["a='a+1'; let a; echo $?", "1\n", "bash: let: a+1: expression recursion level exceeded (error token is \"a+1\")\n", 0],
  ["a='1+(a)'; echo $((a)) next", "", "bash: 1+(a): expression recursion level exceeded (error token is \"a)\")\n", 1],
  // for (( … )) with other than three expressions is a syntax error (two lines, status 2).
  ["for ((i=0; i<3)); do echo x; done; echo after", "", "bash: syntax error: arithmetic expression required\nbash: syntax error: `((i=0; i<3))'\n", 2],
  ["for ((i)); do echo x; done", "", "bash: syntax error: arithmetic expression required\nbash: syntax error: `((i))'\n", 2],
  ["for (()); do echo x; done", "", "bash: syntax error: arithmetic expression required\nbash: syntax error: `(())'\n", 2],
  ["for ((a;b;c;d)); do echo x; done", "", "bash: syntax error: `;' unexpected\nbash: syntax error: `((a;b;c;d))'\n", 2],
  ["for ((i=0; i<3; i++)) echo x", "", "bash: syntax error near unexpected token `echo'\n", 2],
  ["for ((i=0;i<1;i++)); do echo x; done x", "", "bash: syntax error near unexpected token `x'\n", 2],
  ["for ((i=0; i<2; i++;)); do echo $i; done", "", "bash: syntax error: `;' unexpected\nbash: syntax error: `((i=0; i<2; i++;))'\n", 2],
  // Arithmetic commands among the others: pipes, eval, functions, command substitution.
  ["(( $((1+1)) == 2 )) && echo two", "two\n", "", 0],
  ["(( x = $(echo 5) )); echo $x", "5\n", "", 0],
  ["x=3; (( \"$x\" > 1 )) && echo q", "q\n", "", 0],
  ["echo $( (( 1 )) && echo y)", "y\n", "", 0],
  ["echo $(( $(echo 2) * 3 ))", "6\n", "", 0],
  ["x=1; while ((x < 100)); do ((x *= 3)); done; echo $x", "243\n", "", 0],
  ["count=0; for f in a b c; do ((count++)); done; echo $count", "3\n", "", 0],
  ["i=5; echo $((i--)) $((i--)) $i", "5 4 3\n", "", 0],
  ["! (( 1 )); echo $?", "1\n", "", 0],
  ["((x = 2)) && ((y = x * 3)) && echo $y", "6\n", "", 0],
  ["echo $(( 1 + 1 )) | cat", "2\n", "", 0],
  ["f() { (( $1 > 0 )) && echo pos || echo nonpos; }; f 3; f -1", "pos\nnonpos\n", "", 0],
  ["let \"i = 2 ** 10\"; echo $i", "1024\n", "", 0],
  ["let i=2**62*2; echo $i", "-9223372036854775808\n", "", 0],
  ["echo $(( 07 + 0x0A + 2#11 ))", "20\n", "", 0],
  ["x=abc; abc=def; def=4; echo $(( x * 2 ))", "8\n", "", 0],
  ["echo $(( x ))extra $(( 1 ))$(( 2 ))", "0extra 12\n", "", 0],
  ["(( x = 1 )) ; (( x == 1 )) && echo one", "one\n", "", 0],
  ["echo \"$(( 3 > 2 ))\" \"$((2>3))\"", "1 0\n", "", 0],
  ["eval 'echo $((4*4))'", "16\n", "", 0],
  ["eval '(( 1 )) && echo ev'", "ev\n", "", 0],
  ["for ((i=0; i<3; i++)); do echo -n \"$i \"; done; echo", "0 1 2 \n", "", 0],
  ["for ((i=3; i--; )); do echo $i; done", "2\n1\n0\n", "", 0],
  ["for ((;i<2;)); do echo $i; ((i++)); done", "\n1\n", "", 0],
  ["for (( i = 0; i < 2; i++ )); do for x in a b; do echo $i$x; done; done", "0a\n0b\n1a\n1b\n", "", 0],
  ["echo $((16#FF)) $((8#777)) $((2#11111111))", "255 511 255\n", "", 0],
  ["echo $(( 1 > 0 ? 10 : 20 ))", "10\n", "", 0],
  ["x=5; (( x > 3 )) && echo \"x is big\" || echo small", "x is big\n", "", 0],
  ["a=2; b=3; echo $(( a ** b )) $(( a << b )) $(( b % a ))", "8 16 1\n", "", 0],
  ["let a=1 && echo ok", "ok\n", "", 0],
  // A bad constant: bash names the expression only up to the constant's end.
  ["echo $((08 ^))", "", "bash: 08: value too great for base (error token is \"08\")\n", 1],
  ["echo $(( 2 + 08 * 3 ))", "", "bash: 2 + 08: value too great for base (error token is \"08\")\n", 1],
  ["x=1; (( x + 0x1fz * 2 )); echo $?", "1\n", "bash: ((: x + 0x1fz: value too great for base (error token is \"0x1fz\")\n", 0],
  ["let '1xx *= 2'; echo $?", "1\n", "bash: let: 1xx: value too great for base (error token is \"1xx\")\n", 0],
  ["echo $(( (1 + 2#102) ))", "", "bash: (1 + 2#102: value too great for base (error token is \"2#102\")\n", 1],
  ["echo $(( 65#1 + 1 ))", "", "bash: 65#1: invalid arithmetic base (error token is \"65#1\")\n", 1],
];

describe('host bash arithmetic, row by row against bash 5.2', () => {
  it.each(ROWS)('%j', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});

describe('evalArith never throws', () => {
  it('turns a nesting deeper than the JavaScript stack into an error result', () => {
    const deep = `${'('.repeat(200_000)}1${')'.repeat(200_000)}`;
    const r = evalArith(deep, () => undefined);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^expression recursion level exceeded \(error token is "/) });
  });

  it('stops a variable that refers to itself at bash\'s 1024 levels', () => {
    let reads = 0;
    const r = evalArith('a', () => { reads++; return 'a'; });
    expect(r).toEqual({ ok: false, error: 'expression recursion level exceeded (error token is "a")', expr: 'a' });
    expect(reads).toBe(1024);
  });

  it('keeps assignments to itself without a setter', () => {
    expect(evalArith('x = 5, x + 1', () => undefined)).toEqual({ ok: true, value: 1n });
  });
});

describe('arithmetic commands typed at the prompt', () => {
  it('wait for `do … done` after `for (( … ))` and for the `))` of `((` (continuation lines)', () => {
    const sh = createShell({ files: [] });
    expect(sh.run('for ((i=0;i<2;i++))').continuation).toBe(true);
    expect(sh.run('do echo $i').continuation).toBe(true);
    expect(sh.run('done').output).toBe('0\n1\n');
    expect(sh.run('(( 1 +').continuation).toBe(true);
    expect(sh.run('2 )); echo $?').output).toBe('0\n');
  });
});
