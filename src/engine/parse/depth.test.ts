import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { projectManifests } from '../../testing/hostile/corpus-files.js';
import { blankDocuments, findTooDeep, MAX_NESTING } from './depth.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: c, image: nginx}]}\n';

/** `levels` nested flow sequences under a ConfigMap key: the document nests levels + 2 deep (root map, data map). */
const flow = (levels: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
/** A staircase of keys: `k1:` then ` k2:` …, then the value on its own line: levels + 2 indentations deep. */
const block = (levels: number) => ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: deep}', 'data:',
  ...Array.from({ length: levels }, (_, d) => `${' '.repeat(d + 1)}k${d + 1}:`), `${' '.repeat(levels + 1)}leaf`].join('\n') + '\n';

describe('nesting depth (issue 12)', () => {
  it('counts block levels by indentation and flow levels by brackets, up to the limit exactly', () => {
    expect(findTooDeep(flow(MAX_NESTING - 2))).toEqual([]);
    expect(findTooDeep(flow(MAX_NESTING - 1))).toHaveLength(1);
    expect(findTooDeep(block(MAX_NESTING - 2))).toEqual([]);
    expect(findTooDeep(block(MAX_NESTING - 1))).toHaveLength(1);
    // Compact sequences: each `- ` is a level (and, as everywhere, the scalar ending the line one more).
    const compact = (n: number) => `${'- '.repeat(n)}x\n`;
    expect(findTooDeep(compact(MAX_NESTING - 1))).toEqual([]);
    expect(findTooDeep(compact(MAX_NESTING))).toHaveLength(1);
  });

  it('does not count brackets in quotes, comments, plain scalars or block scalars', () => {
    const brackets = '['.repeat(500);
    const text = [
      `a: "${brackets}"`, `b: '${brackets}'`, `c: x${brackets}`, `# ${brackets}`, `d: 1 # ${brackets}`,
      'e: |', ...Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 2)}line ${brackets}`), 'f: >-', `  ${brackets}`, 'g: ok',
    ].join('\n');
    expect(findTooDeep(text)).toEqual([]);
  });

  it('no scenario, lesson or test manifest of the project comes near the limit', () => {
    const files = projectManifests();
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(findTooDeep(f.text, 25), f.name).toEqual([]);
  });

  it('blanking keeps every offset and line', () => {
    const text = `${POD}---\n${flow(200)}---\n${POD}`;
    const deep = findTooDeep(text);
    expect(deep).toHaveLength(1);
    const blanked = blankDocuments(text, deep);
    expect(blanked.length).toBe(text.length);
    expect(blanked.split('\n').length).toBe(text.split('\n').length);
    expect(blanked.slice(0, POD.length)).toBe(POD);
    expect(blanked.slice(POD.length)).not.toContain('[[');
    expect(blanked.slice(-POD.length)).toBe(POD);
  });

  // The first line past the limit (after the first pod's 5 lines): the `x:` line of the flow document, the staircase's key MAX_NESTING.
  it.each([['flow', flow(5000), 5], ['block', block(3000), 4 + MAX_NESTING]] as const)(
    'a %s document too deep is one diagnostic at the place it gets too deep; the rest of the file and the other files are analysed', (_, deep, line) => {
      const a = analyze([
        { name: 'deep.yaml', text: `${POD}---\n${deep}---\n${POD.replace('web', 'api')}` },
        { name: 'other.yaml', text: POD.replace('web', 'db') },
      ]);
      expect(a.diagnostics.map((d) => [d.file, d.code, d.line])).toEqual([['deep.yaml', 'yaml-too-deep', line + 5]]);
      expect(a.diagnostics[0]?.message).toMatch(`YAML nesting deeper than ${MAX_NESTING} levels`);
      expect(a.diagnostics.some((d) => d.message.includes('call stack'))).toBe(false);
      expect(a.pods.filter((p) => !p.pod.system).map((p) => p.key).sort()).toEqual(['default/api', 'default/db', 'default/web']);
    });

  it('a document just under the limit is analysed as usual (the parser does not run out of stack)', () => {
    const a = analyze([{ name: 'ok.yaml', text: block(MAX_NESTING - 2) }, { name: 'f.yaml', text: flow(MAX_NESTING - 2) }]);
    expect(a.diagnostics.filter((d) => d.code === 'yaml-too-deep' || d.code === 'yaml-syntax')).toEqual([]);
  });
});
