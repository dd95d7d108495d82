import { describe, expect, it } from 'vitest';
import { run } from './harness.js';
import { awk } from './awk.js';
import { sed } from './sed.js';

/**
 * awk and sed never hang the page or throw on a student's program: an endless loop, endless
 * recursion or a value that doubles without end is stopped with the lab's words and status 130
 * (as the shell's own loops are, sh/exec.ts), and odd programs get an answer, not an exception.
 */
describe('awk and sed stop what would not end', () => {
  it.each([
    ['awk', ['awk', 'BEGIN { while (1) ; }'], 'lab: this awk program ran too many steps (an endless loop?); stopped\n'],
    ['awk', ['awk', 'BEGIN { for (;;) x++ }'], 'lab: this awk program ran too many steps (an endless loop?); stopped\n'],
    ['awk', ['awk', 'function f(n) { return f(n + 1) } BEGIN { f(1) }'], 'lab: this awk program called its functions too deep (endless recursion?); stopped\n'],
    ['awk', ['awk', 'BEGIN { s = "x"; while (1) s = s s }'], 'lab: this awk program grew past what the lab holds; stopped\n'],
    ['sed', ['sed', ':a;ba'], 'lab: this sed script ran too many steps (an endless loop?); stopped\n'],
    ['sed', ['sed', ':a;s/^/x/;ba'], 'lab: this sed script ran too many steps (an endless loop?); stopped\n'],
  ] as const)('%s %j', (tool, argv, err) => {
    const r = run(tool === 'awk' ? awk : sed, 'gnu', [...argv], { stdin: 'line\n' });
    expect([r.err, r.code]).toEqual([err, 130]);
  });

  it('a loop that ends is not stopped, however many lines it reads', () => {
    const lines = Array.from({ length: 20_000 }, (_v, i) => `pod-${i} Running`).join('\n');
    expect(run(awk, 'gnu', ['awk', '$2 == "Running" { n++ } END { print n }'], { stdin: `${lines}\n` }).out).toBe('20000\n');
    expect(run(sed, 'gnu', ['sed', '-n', '$='], { stdin: `${lines}\n` }).out).toBe('20000\n');
  });
});

describe('odd programs get an answer', () => {
  const odd = ['', '{', '}', '(((', 'BEGIN', 'BEGIN {', '$', '$$$$0', 'a[', '/', '/[/', 'x = ', '{ print > }', 'function', 'function f(', 'getline <',
    '{ print $-1 }', 'BEGIN { printf }', 'BEGIN { printf "%*.*d", 1 }', 'BEGIN { split() }', 'BEGIN { x[1] = 1; x = 2 }', 'BEGIN { substr() }',
    'BEGIN { print length(x); x[1] }', 'BEGIN { print 1e400, -1e400, 2^1024 }', '{ NF = -1 }', 'BEGIN { f() }', 'BEGIN { exit "a" }'];
  it.each(odd)('awk %j', (prog) => {
    const r = run(awk, 'gnu', ['awk', prog], { stdin: 'a b c\n' });
    expect(typeof r.code).toBe('number');
    expect(r.out + r.err).not.toMatch(/TypeError|undefined|\[object/);
  });
  const scripts = ['', '{', '}', 's', 's/', 's/a', 'y/a/', '\\', '/x', '0~0p', '$!{$!{p}}', 'a\\', 'b x', ':', 'r', 'w', 's/x/\\9/', 's/\\(/x/', '1,+0p', '2,~0p', 'l 0', 'Q 300'];
  it.each(scripts)('sed %j', (script) => {
    const r = run(sed, 'gnu', ['sed', script], { stdin: 'a\nb\n' });
    expect(typeof r.code).toBe('number');
    expect(r.out + r.err).not.toMatch(/TypeError|undefined|\[object/);
  });
});

describe('awk in busybox words its failures as busybox 1.37.0 editors/awk.c does', () => {
  it.each([
    ['{print $1', 'awk: cmd. line:2: Unexpected end of string\n'],
    ['{print $1}}', 'awk: cmd. line:1: Unexpected end of string\n'],
    ['BEGIN { x = ) }', 'awk: cmd. line:1: Unexpected token\n'],
    ['BEGIN { substr("a") }', 'awk: cmd. line:1: Too few arguments\n'],
    ['function f(a) {} BEGIN { f(1,2) }', 'awk: cmd. line:1: Too many arguments\n'],
  ])('%j', (prog, err) => {
    const r = run(awk, 'busybox', ['awk', prog]);
    expect([r.err, r.code]).toEqual([err, 1]);
  });

  it('a missing input file: xfopen\'s words, status 1; the program otherwise runs as mawk runs it', () => {
    const r = run(awk, 'busybox', ['awk', '{print}', 'nofile']);
    expect([r.err, r.code]).toEqual(["awk: can't open 'nofile': No such file or directory\n", 1]);
    expect(run(awk, 'busybox', ['awk', '-F:', '{print $2}'], { stdin: 'a:b\n' }).out).toBe('b\n');
  });
});
