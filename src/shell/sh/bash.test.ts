// The host shell against GNU bash 5.2.15 itself: each row's output was captured with
// `bash --norc --noprofile -i -c SCRIPT` in /root (interactive wording: no "line N:" prefix;
// the two job-control notices bash prints without a terminal removed). A script here is a whole
// input (`runScript`), so an unfinished construct is an end-of-input error as in `bash -c`.
import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { runHostScript } from '../../testing/shell.js';

type Row = [script: string, out: string, err: string, rc: number];

const ROWS: Row[] = [
  ['echo "abc', '', "bash: unexpected EOF while looking for matching `\"'\n", 2],
  ["echo 'abc", '', "bash: unexpected EOF while looking for matching `''\n", 2],
  ['echo $(echo', '', "bash: unexpected EOF while looking for matching `)'\n", 2],
  ['if true; then echo', '', 'bash: syntax error: unexpected end of file\n', 2],
  ['echo a |', '', 'bash: syntax error: unexpected end of file\n', 2],
  ['echo ${x', '', "bash: unexpected EOF while looking for matching `}'\n", 2],
  // An expansion error drops the rest of the line.
  ['echo ${x:?unset}; echo after', '', 'bash: x: unset\n', 1],
  ['x=1; echo ${x:?unset}; echo after', '1\nafter\n', '', 0],
  ['echo > /tmp', '', 'bash: /tmp: Is a directory\n', 1],
  ['cat < /nope', '', 'bash: /nope: No such file or directory\n', 1],
  ['echo hi > /nope/x', '', 'bash: /nope/x: No such file or directory\n', 1],
  ['foo', '', 'bash: foo: command not found\n', 127],
  ['./foo', '', 'bash: ./foo: No such file or directory\n', 127],
  ['/tmp', '', 'bash: /tmp: Is a directory\n', 126],
  ['cd /etc/passwd', '', 'bash: cd: /etc/passwd: Not a directory\n', 1],
  ['cd a b', '', 'bash: cd: too many arguments\n', 1],
  ['unalias zz', '', 'bash: unalias: zz: not found\n', 1],
  ['alias zz', '', 'bash: alias: zz: not found\n', 1],
  ['unalias k; alias kg=kubectl; alias', "alias kg='kubectl'\n", '', 0],
  ['echo $((1+2*3)) $((7/2)) $((7%3)) $((2**10))', '7 3 1 1024\n', '', 0],
  ['x=$(false); echo $?', '1\n', '', 0],
  ['false | true; echo $?', '0\n', '', 0],
  ['echo a; exit 3; echo b', 'a\n', 'exit\n', 3],
  ['echo ${#HOME}', '5\n', '', 0],
  ['set -- a b; echo $# $1 $@', '2 a a b\n', '', 0],
  ['echo ~ ~root', '/root /root\n', '', 0],
  [')', '', "bash: syntax error near unexpected token `)'\n", 2],
  ['echo a;;', '', "bash: syntax error near unexpected token `;;'\n", 2],
  ['[ 1 -eq x ]', '', 'bash: [: x: integer expression expected\n', 2],
  ['[ 1 = 1', '', "bash: [: missing `]'\n", 2],
  ['type cd zz', 'cd is a shell builtin\n', 'bash: type: zz: not found\n', 1],
  ['echo -e "a\\tb" -n', 'a\tb -n\n', '', 0],
  ['printf "%s-%d\\n" a 1 b 2', 'a-1\nb-2\n', '', 0],
  ['read x <<< "hello world"; echo $x', 'hello world\n', '', 0],
  ['exit abc', '', 'exit\nbash: exit: abc: numeric argument required\n', 2],
  // Quoting and splitting.
  ["x='a  b'; echo $x; echo \"$x\"", 'a b\na  b\n', '', 0],
  ["echo 'it'\\''s' \"q\\\"d\" a\\ b", "it's q\"d a b\n", '', 0],
  ['x=; echo "[$x]" [${x:-def}] [${x-set}]', '[] [def] []\n', '', 0],
  ['v=file.tar.gz; echo ${v%.gz} ${v%%.*} ${v#*.} ${v##*.}', 'file.tar file tar.gz gz\n', '', 0],
  ['for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done', '1\n3\n', '', 0],
  ['i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i', '3\n', '', 0],
  ['case abc in a*) echo yes;; *) echo no;; esac', 'yes\n', '', 0],
  ['f() { echo "in f: $1"; return 4; }; f x; echo $?', 'in f: x\n4\n', '', 0],
  ['true && echo and || echo or; false && echo and || echo or', 'and\nor\n', '', 0],
  ['echo $(echo one; echo two) "$(echo one; echo two)"', 'one two one\ntwo\n', '', 0],
  ['cat <<EOF\nhome=$HOME\n$(echo sub)\nEOF', 'home=/root\nsub\n', '', 0],
  ["cat <<'EOF'\nhome=$HOME\nEOF", 'home=$HOME\n', '', 0],
  ['cat <<-EOF\n\tindented\n\tEOF', 'indented\n', '', 0],
  ['cat <<EOF\nunfinished', 'unfinished\n', "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n", 0],
  ['echo out; echo err >&2', 'out\n', 'err\n', 0],
  ['{ echo out; echo err >&2; } 2>&1 | cat', 'out\nerr\n', '', 0],
  ['echo x 2>/dev/null >&2', '', '', 0],
  ['export A=1; sh -c \'echo $A\'; B=2 sh -c \'echo $B\'; echo "[$B]"', '1\n2\n[]\n', '', 0],
  ['echo "$0"', 'bash\n', '', 0],
  // sh -c and bash -c read their caller's standard input.
  ["printf 'b\\na\\n' | sh -c sort", 'a\nb\n', '', 0],
  ["printf 'b\\na\\n' | bash -c 'read x; echo \"x=$x\"; cat'", 'x=b\na\n', '', 0],
  ["echo hi | sh -c 'cat; echo [$?]'", 'hi\n[0]\n', '', 0],
];

describe('host bash, row by row against bash 5.2', () => {
  it.each(ROWS)('%j', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});

describe('interactive input', () => {
  it('asks for more lines while a quote, here-document or pipe is open, then runs it all', () => {
    const shell = createShell({ files: [] });
    expect(shell.run('cat <<EOF').continuation).toBe(true);
    expect(shell.prompt).toBe('> ');
    expect(shell.run('a $HOME').continuation).toBe(true);
    const r = shell.run('EOF');
    expect(r.output).toBe('a /root\n');
    expect(r.command).toBe('cat <<EOF\na $HOME\nEOF');
    expect(shell.prompt).toBe('controlplane:~$ ');
    expect(shell.runtime.history.at(-1)).toBe('cat <<EOF\na $HOME\nEOF');
  });

  it('Ctrl+C forgets the half-typed command', () => {
    const shell = createShell({ files: [] });
    shell.run('echo "open');
    shell.interrupt();
    expect(shell.prompt).toBe('controlplane:~$ ');
    expect(shell.run('echo ok').output).toBe('ok\n');
  });

  it('keeps variables, aliases and the working directory between lines; `k` is kubectl from the start', () => {
    const shell = createShell({ files: [{ name: 'a.yaml', text: '' }] });
    shell.run('export do="--dry-run=client -o yaml"; alias kgp="kubectl get pods"; cd /tmp');
    expect(shell.prompt).toBe('controlplane:/tmp$ ');
    expect(shell.run('echo $do; alias kgp; pwd').output).toBe("--dry-run=client -o yaml\nalias kgp='kubectl get pods'\n/tmp\n");
    expect(shell.run('type k').output).toBe("k is aliased to `kubectl'\n");
  });

  it('redirection into ~ writes an editor tab; >> appends; `2>&1` joins stderr', () => {
    const shell = createShell({ files: [] });
    const r = shell.run('echo one > notes.txt; echo two >> notes.txt; cat nope >> notes.txt 2>&1; cat nope 2>&1 >> notes.txt; cat notes.txt');
    expect(r.files?.find((f) => f.name === 'notes.txt')?.text).toBe('one\ntwo\ncat: nope: No such file or directory\n');
    // `2>&1 >>file` duplicates stderr onto the terminal before stdout moves: the error is on screen.
    expect(r.output).toBe('cat: nope: No such file or directory\none\ntwo\ncat: nope: No such file or directory\n');
    expect(r.streams?.filter((c) => c.fd === 2)).toEqual([]);
  });
});
