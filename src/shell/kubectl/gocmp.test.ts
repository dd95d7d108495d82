import { expect, it } from 'vitest';
import { kubectlTestdata } from '../../testing/kubectl-testdata.js';
import { cmpDiff, type GoType } from './gocmp.js';

// github.com/google/go-cmp v0.6.0 report_slices.go (CanFormatDiffSlice, FormatDiffSlice,
// formatDiffSlice, coalesceAdjacentEdits, coalesceInterveningIdentical,
// cleanupSurroundingIdentical) and report_reflect.go formatString: the lab's port against the
// output of the real package (src/testing/kubectl/gocmp-strings.go.txt made gocmp-strings.txt).

const str: GoType = { k: 'string' };
const policy: GoType = { k: 'string', name: 'core.Policy' };
const envVar: GoType = { k: 'struct', name: 'core.EnvVar', fields: () => [['Name', str], ['Value', str]] };
const container: GoType = { k: 'struct', name: 'core.Container', fields: () => [['Name', str], ['Image', str], ['Command', { k: 'slice', elem: str }], ['Args', { k: 'slice', elem: str }], ['Policy', policy], ['Env', { k: 'slice', elem: envVar }]] };
const podSpec: GoType = { k: 'struct', name: 'core.PodSpec', fields: () => [['Containers', { k: 'slice', elem: container }], ['Hostname', str]] };
const spec = (cmd: string[] | null, args: string[] | null, pol: string, env: string) => ({ Containers: [{ Name: 'c', Image: 'busybox', Command: cmd, Args: args, Policy: pol, Env: [{ Name: 'A', Value: env }] }], Hostname: 'h' });

it('long strings diff as go-cmp v0.6.0 prints them, byte for byte', () => {
  const long = 'while true; do echo hello world from the lab; sleep 10; done';
  const long2 = 'while true; do echo hello world from the lab; sleep 20; done';
  const multi = 'line one\nline two\nline three\nline four\nline five\n';
  const multi2 = 'line one\nline 2\nline three\nline four\nline five\n';
  const ws = 'a b\nc d\ne f\ng h\ni j\n';
  const ws2 = 'a  b\nc d\ne f\ng h\ni j\n';
  const many = 'abcdefghij'.repeat(20);
  const m2 = [...many];
  for (let i = 0; i < m2.length; i += 7) m2[i] = 'X';
  const many2 = m2.join('');
  const bin = '\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1fabcdef';
  const bin2 = '\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1fabcdeg';
  const cases: [unknown, unknown][] = [
    [spec(['sh', '-c', long], null, '', 'v'), spec(['sh', '-c', long2], null, '', 'v')],
    [spec(['sh', '-c', multi], null, '', 'v'), spec(['sh', '-c', multi2], null, '', 'v')],
    [spec(['sh', '-c', ws], null, '', 'v'), spec(['sh', '-c', ws2], null, '', 'v')],
    [spec(['sh', '-c', long], null, '', 'v'), spec(['sh', '-c', 'completely different and also quite a long string here'], null, '', 'v')],
    [spec(null, [many], '', 'v'), spec(null, [many2], '', 'v')],
    [spec(null, [bin], '', 'v'), spec(null, [bin2], '', 'v')],
    [spec(null, null, long, 'v'), spec(null, null, long2, 'v')],
    [spec(null, null, '', long), spec(null, null, '', long2)],
    [spec(['sh', '-c', long], null, '', 'v'), spec(['sh', '-c', 'short'], null, '', 'v')],
    [spec(['sh', '-c', `x${long}`], null, '', 'v'), spec(['sh', '-c', `${long}y`], null, '', 'v')],
  ];
  const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => `${f(i)}\n`).join('');
  const big1 = rows(60, (i) => `row ${i} value`);
  const big2 = rows(60, (i) => (i % 3 === 0 ? `row ${i} VALUE` : `row ${i} value`));
  const tabs = 'a\tb\nc\td\ne\tf\ng\th\n';
  const tabs2 = 'a\tb\nc\tD\ne\tf\ng\th\n';
  const longline = '0123456789'.repeat(30);
  const longline2 = longline.replaceAll('5', 'x');
  const unicode1 = 'héllo wörld ünïcödé strîng that is long enough ok';
  const unicode2 = 'héllo wörld ünïcödé strïng that is long enough ok';
  const quote1 = 'echo "hello" && echo `date` && sleep 100000 && true';
  const quote2 = 'echo "hello" && echo `date` && sleep 200000 && true';
  cases.push(
    [spec(['sh', '-c', big1], null, '', 'v'), spec(['sh', '-c', big2], null, '', 'v')],
    [spec(['sh', '-c', tabs], null, '', 'v'), spec(['sh', '-c', tabs2], null, '', 'v')],
    [spec(['sh', '-c', longline], null, '', 'v'), spec(['sh', '-c', longline2], null, '', 'v')],
    [spec(['sh', '-c', unicode1], null, '', 'v'), spec(['sh', '-c', unicode2], null, '', 'v')],
    [spec(['sh', '-c', quote1], null, '', 'v'), spec(['sh', '-c', quote2], null, '', 'v')],
    [spec(['sh', '-c', big1], null, '', 'v'), spec(['sh'], null, '', 'v')],
    [spec(['sh', '-c', longline], null, '', 'v'), spec(['sh', '-c', longline + longline], null, '', 'v')],
  );
  let out = '';
  cases.forEach(([x, y], i) => { out += `=== ${i}\n${cmpDiff(podSpec, x, y)}`; });
  out += `=== top\n${cmpDiff(str, long, long2)}`;
  out += `=== topmulti\n${cmpDiff(str, multi, multi2)}`;
  expect(out).toBe(kubectlTestdata('gocmp-strings.txt'));
});
