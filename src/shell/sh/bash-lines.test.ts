// An interactive bash reads and runs one line of commands at a time. An expansion error
// (`${x:?}`, `$((1/0))`, an unbound variable under `set -u`) drops the rest of its line, or of a
// command that spans lines (`if … fi`, `a &&` newline `b`), and the next line runs. Rows captured
// from GNU bash 5.2.15 on this machine with `bash --norc --noprofile -i -c SCRIPT` in /root, through
// /work/research/shdiff.mts. A non-interactive shell stops at the error instead: dash 0.5.12
// (`dash -c 'echo ${x:?u}; echo same<newline>echo next'` prints `dash: 1: x: u` and exits 2).
import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { runHostScript, streamsOf } from '../../testing/shell.js';

type Row = [script: string, out: string, err: string, rc: number];

const BASH: Row[] = [
  ["echo ${x:?unset}\necho next", "next\n", "bash: x: unset\n", 0],
  ["echo ${x:2:}\necho next", "\nnext\n", "", 0],
  ["echo $((1/0))\necho next", "next\n", "bash: 1/0: division by 0 (error token is \"0\")\n", 0],
  ["x=$((2+))\necho next $x", "next\n", "bash: 2+: syntax error: operand expected (error token is \"+\")\n", 0],
  ["set -u\necho $nope\necho next", "next\n", "bash: nope: unbound variable\n", 0],
  ["echo ${x:?}; echo same-line\necho next-line", "next-line\n", "bash: x: parameter null or not set\n", 0],
  ["f() { echo ${y:?gone}; echo in-f; }\nf\necho after", "after\n", "bash: y: gone\n", 0],
  ["echo $((1/0)) && echo and\necho next", "next\n", "bash: 1/0: division by 0 (error token is \"0\")\n", 0],
  ["echo a; echo ${x:?u}; echo same\necho next", "a\nnext\n", "bash: x: u\n", 0],
  ["echo a &&\necho ${x:?u}\necho next", "a\nnext\n", "bash: x: u\n", 0],
  ["if true; then\necho ${x:?u}\necho in-if\nfi\necho after", "after\n", "bash: x: u\n", 0],
  ["echo ${x:?u} | cat\necho next", "next\n", "bash: x: u\n", 0],
  ["{ echo ${x:?u}; echo g; }\necho next", "next\n", "bash: x: u\n", 0],
  ["for i in 1 2; do echo ${x:?u}; done\necho next", "next\n", "bash: x: u\n", 0],
  ["echo one;echo ${x:?u}\n\necho two", "one\ntwo\n", "bash: x: u\n", 0],
];

// A line that does not parse: the lines before it have run; bash -c then stops with status 2.
const SYNTAX: Row[] = [
  ["echo a\nfi\necho b", "a\n", "bash: syntax error near unexpected token `fi'\n", 2],
  ["echo a; fi; echo c\necho b", "", "bash: syntax error near unexpected token `fi'\n", 2],
  ["echo a\necho ${!}x ${a/\necho b", "a\n", "bash: unexpected EOF while looking for matching `}'\n", 2],
  ["echo a\nif true; then\necho in\nfi\nfi\necho z", "a\nin\n", "bash: syntax error near unexpected token `fi'\n", 2],
  ["x=1\necho $x\n)\necho no", "1\n", "bash: syntax error near unexpected token `)'\n", 2],
  ["cat <<EOF\nhello\nEOF\necho ok\ndone", "hello\nok\n", "bash: syntax error near unexpected token `done'\n", 2],
  ["echo a\nexit 3\nfi", "a\n", "exit\n", 3],
  ["echo one\n\n\nfi", "one\n", "bash: syntax error near unexpected token `fi'\n", 2],
  ["echo a &&\necho b\n;;\necho c", "a\nb\n", "bash: syntax error near unexpected token `;;'\n", 2],
];

describe('bash 5.2.15 (captured), interactive: a syntax error after lines that ran', () => {
  it.each(SYNTAX)('%s', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});

describe('bash 5.2.15 (captured), interactive: an expansion error drops the rest of its line only', () => {
  it.each(BASH)('%s', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});

// `[[ … ]]` that does not parse: bash 5.2's parse.y says its own words (or nothing, when a term is
// missing at `]]`), drops the rest of the input, and leaves $? as it was (captured as above).
const COND: Row[] = [
  ["[[ a == ]]", "", "bash: unexpected argument `]]' to conditional binary operator\n", 0],
  ["[[ -z ]]", "", "bash: unexpected argument `]]' to conditional unary operator\n", 0],
  ["[[ a b ]]", "", "bash: conditional binary operator expected\n", 0],
  ["[[ ( a ]]", "", "bash: unexpected token `]]', expected `)'\n", 0],
  ["[[ ]]", "", "", 0],
  ["[[ ! ]]", "", "", 0],
  ["[[ a && ]]", "", "", 0],
  ["[[ a || ]]", "", "", 0],
  ["[[ a =~ ]]", "", "bash: unexpected argument `]]' to conditional binary operator\n", 0],
  ["[[ a -eq ]]", "", "bash: unexpected argument `]]' to conditional binary operator\n", 0],
  ["[[ && a ]]", "", "bash: unexpected token `&&' in conditional command\n", 0],
  ["[[ a ) ]]", "", "bash: syntax error in conditional expression: unexpected token `)'\n", 0],
  ["[[ ( ]]", "", "bash: expected `)'\n", 0],
  ["[[ ( a b ) ]]", "", "bash: conditional binary operator expected\nbash: expected `)'\n", 0],
  ["[[ a < ]]", "", "bash: unexpected argument `]]' to conditional binary operator\n", 0],
  ["[[ ) ]]", "", "bash: unexpected token `)' in conditional command\n", 0],
  ["[[ a == b c ]]", "", "bash: syntax error in conditional expression\n", 0],
  ["[[ ( a ) b ]]", "", "bash: syntax error in conditional expression\n", 0],
  ["[[ < a ]]", "", "bash: unexpected token `<' in conditional command\n", 0],
  ["[[ ( ( a ]]", "", "bash: unexpected token `]]', expected `)'\nbash: expected `)'\n", 0],
  ["[[ ! ( ]]", "", "bash: expected `)'\n", 0],
  ["[[ -z a b ]]", "", "bash: syntax error in conditional expression\n", 0],
  ["[[ a && b c ]]", "", "bash: conditional binary operator expected\n", 0],
  ["[[ a == b && ]]", "", "", 0],
  ["[[ -n && a ]]", "", "bash: unexpected argument `&&' to conditional unary operator\n", 0],
  ["[[ = ]]", "", "", 0],
  ["[[ -f ]]", "", "bash: unexpected argument `]]' to conditional unary operator\n", 0],
  ["false\n[[ a b ]]\necho rc=$?", "", "bash: conditional binary operator expected\n", 1],
  ["echo a; [[ -z ]]; echo c\necho b", "", "bash: unexpected argument `]]' to conditional unary operator\n", 0],
  ["false; [[ ]]; echo same\necho rc=$?", "", "", 0],
  ["echo a\n[[ ( a ]]\necho b", "a\n", "bash: unexpected token `]]', expected `)'\n", 0],
  ["[[ a ]] && echo yes", "yes\n", "", 0],
  ["[[ -z \"\" ]] && echo empty", "empty\n", "", 0],
  ["x=1; [[ $x == 1 && ( -n a || -z b ) ]] && echo ok", "ok\n", "", 0],
  ["[[ ! -z a ]]; echo $?", "0\n", "", 0],
];

describe('bash 5.2.15 (captured), interactive: [[ … ]] parse errors', () => {
  it.each(COND)('%s', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});

// `set -u` in arithmetic ($((…)), (( )), let, for ((, ${s:off}, [[ -eq ]]): an unset name is an error,
// and expr.c's jump drops the rest of a `bash -i -c` input too, not only the line.
const NOUNSET: Row[] = [
  ["set -u; echo $((nope + 1))", "", "bash: nope: unbound variable\n", 1],
  ["set -u; x=1; echo $((x + 1))", "2\n", "", 0],
  ["set -u; echo $((nope))", "", "bash: nope: unbound variable\n", 1],
  ["set -u; (( nope )); echo $?", "", "bash: nope: unbound variable\n", 1],
  ["set -u; let y=nope+1; echo $?", "", "bash: nope: unbound variable\n", 1],
  ["set -u; for ((i=0; i<nope; i++)); do :; done; echo after", "", "bash: nope: unbound variable\n", 1],
  ["set -u; s=abc; echo ${s:nope}", "", "bash: nope: unbound variable\n", 1],
  ["set -u; y=${x:-$((nope))}; echo after", "", "bash: nope: unbound variable\n", 1],
  ["set -u; x=nope; echo $((x))", "", "bash: nope: unbound variable\n", 1],
  ["set -u; [[ nope -eq 0 ]]; echo $?", "", "bash: nope: unbound variable\n", 1],
  ["set -u; echo $((nope))\necho next", "", "bash: nope: unbound variable\n", 1],
  ["set -u; x=3; let x+=1; echo $x", "4\n", "", 0],
  ["set +u; echo $((nope + 1))", "1\n", "", 0],
];

describe('bash 5.2.15 (captured): set -u in arithmetic', () => {
  it.each(NOUNSET)('%s', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
`;

describe('dash 0.5.12, non-interactive (sh -c in a container): the error ends the shell', () => {
  it('the next line does not run, and the status is 2', () => {
    const shell = createShell({ files: [{ name: 'pod.yaml', text: POD }] });
    const r = streamsOf(shell.runScript(`kubectl apply -f pod.yaml >/dev/null; kubectl exec web -- sh -c 'echo \${x:?u}; echo same
echo next'`));
    // kubectl adds its own line for a non-zero status (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go).
    expect(r).toEqual({ out: '', err: 'sh: 1: x: u\ncommand terminated with exit code 2\n', rc: 2 });
  });
});
