// `[[ WORD =~ ERE ]]` in the exam terminal's bash. bash hands the right side to glibc's regcomp
// (REG_EXTENDED): quoted characters match literally, unquoted ones are an ERE with glibc's classes,
// bracket rules and errors (a pattern regcomp refuses is status 2, with no message). Every row was
// captured from GNU bash 5.2.15 on this machine (C locale) with `bash --norc --noprofile -i -c SCRIPT`
// in /root, through /work/research/shdiff.mts. Not matched here, on purpose: POSIX's leftmost-longest
// alternation (`[[ ab =~ a|ab ]]` gives bash "ab", JavaScript "a"), and byte-wise `.` in the C locale.
import { describe, expect, it } from 'vitest';
import { runHostScript } from '../../testing/shell.js';

type Row = [script: string, out: string, err: string, rc: number];

const BASH: Row[] = [
  ["[[ abc =~ [[:word:]] ]]; echo $?", "2\n", "", 0],
  // regcomp without REG_NEWLINE: `.` and a negated bracket match a newline.
  ["[[ $'a\\nb' =~ a.b ]]; echo $?", "0\n", "", 0],
  ["[[ $'a\\nb' =~ a[^x]b ]]; echo $?", "0\n", "", 0],
  ["[[ a_b =~ ^[[:alpha:]_]+$ ]]; echo $? $BASH_REMATCH", "0 a_b\n", "", 0],
  ["[[ \"a.c\" =~ a\\.c ]]; echo $?", "0\n", "", 0],
  ["[[ abc =~ \"a.c\" ]]; echo $?", "1\n", "", 0],
  ["x=a.c; [[ abc =~ $x ]]; echo $?", "0\n", "", 0],
  ["x=a.c; [[ abc =~ \"$x\" ]]; echo $?", "1\n", "", 0],
  ["[[ ab =~ \\w ]]; echo $?", "1\n", "", 0],
  ["[[ \"a b\" =~ a\\ b ]]; echo $?", "0\n", "", 0],
  ["[[ abbb =~ ab{2} ]]; echo $? $BASH_REMATCH", "0 abb\n", "", 0],
  ["[[ x =~ [z-a] ]]; echo $?", "2\n", "", 0],
  ["[[ ab =~ \\< ]]; echo $?", "1\n", "", 0],
  ["[[ A =~ [[:lower:]] ]]; echo $?", "1\n", "", 0],
  ["[[ a/b =~ a/b ]]; echo $?", "0\n", "", 0],
  ["[[ x =~ [[:nope:]] ]]; echo $?", "2\n", "", 0],
  ["[[ aaa =~ a{2,1} ]]; echo $?", "2\n", "", 0],
  ["[[ ab =~ (a)(b) ]]; echo $? $BASH_REMATCH", "0 ab\n", "", 0],
  ["[[ abc =~ b ]] && echo yes", "yes\n", "", 0],
  ["[[ '' =~ ^$ ]]; echo $?", "0\n", "", 0],
  ["[[ abc =~ ^.*$ ]]; echo $BASH_REMATCH", "abc\n", "", 0],
  ["[[ a+b =~ a\\+b ]]; echo $?", "0\n", "", 0],
  ["[[ aab =~ a+?b ]]; echo $? $BASH_REMATCH", "0 aab\n", "", 0],
  ["[[ ab =~ [^[:space:]]+ ]]; echo $BASH_REMATCH", "ab\n", "", 0],
  ["[[ 'x]' =~ []x]+ ]]; echo $BASH_REMATCH", "x]\n", "", 0],
  ["[[ 10.0.0.1 =~ ^([0-9]+\\.){3}[0-9]+$ ]]; echo $?", "0\n", "", 0],
  ["x='\\w'; [[ ab =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='\\<a'; [[ ab =~ $x ]]; echo $?", "0\n", "", 0],
  ["[[ 'a|b' =~ 'a|b' ]]; echo $? $BASH_REMATCH", "0 a|b\n", "", 0],
  ["[[ 'a{2}' =~ \"a{2}\" ]]; echo $?", "0\n", "", 0],
  ["[[ 'a^b' =~ a\\^b ]]; echo $?", "0\n", "", 0],
  ["x='[[:word:]]'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["[[ 'a-b' =~ a-b ]]; echo $?", "0\n", "", 0],
  ["[[ ']' =~ ] ]]; echo $?", "0\n", "", 0],
  ["[[ 'a' =~ a{,2} ]]; echo $?", "0\n", "", 0],
  ["x='('; [[ x =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='a\\'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["[[ ab =~ ^(a|b)+$ ]]; echo $?", "0\n", "", 0],
  ["x='\\d'; [[ 5 =~ $x ]]; echo $?", "1\n", "", 0],
  ["x='a**'; [[ a =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='+a'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='a{1'; [[ a{1 =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='a)'; [[ 'a)' =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='[:alpha:]'; [[ a =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='?a'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='*a'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='a{1,2'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='a{,2}'; [[ a =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='(a|)'; [[ a =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='()'; [[ a =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='a||b'; [[ a =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='\\(a\\)'; [[ '(a)' =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='a\\{2\\}'; [[ 'a{2}' =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='\\1'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='(a)\\1'; [[ aa =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='[[.a.]]'; [[ a =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='[[=a=]]'; [[ a =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='[b-a]'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='^*'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='a|*b'; [[ a =~ $x ]]; echo $?", "2\n", "", 0],
  ["x='\\s'; [[ ' ' =~ $x ]]; echo $?", "0\n", "", 0],
  ["x='\\bab'; [[ ab =~ $x ]]; echo $?", "0\n", "", 0],
];

describe('bash 5.2.15 (captured): [[ =~ ]] is an ERE as regcomp reads it', () => {
  it.each(BASH)('%s', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});
