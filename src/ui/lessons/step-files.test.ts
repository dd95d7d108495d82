import { describe, expect, it } from 'vitest';
import type { Check, Step } from '../../course/model.js';
import { snippetTarget, stepFileNames, suggestedNewFile } from './step-files.js';

const text = { en: '', ko: '' };
function step(check: Check, files: string[] = []): Step {
  return { id: 's', title: text, body: text, hint: text, check, solution: { files: files.map((name) => ({ name, text: '' })), patch: [], commands: [] } };
}
const fileCheck = (file: string): Check => ({ kind: 'file', file, lineMatches: 'x' });

describe('the files a step asks for', () => {
  it('reads file checks (inside all/any/sequence) before the solution files, once each', () => {
    const s = step({ kind: 'all', checks: [{ kind: 'noErrors' }, fileCheck('db-policy.yaml'), { kind: 'any', checks: [fileCheck('b.yaml')] }] }, ['db-policy.yaml', 'c.yaml']);
    expect(stepFileNames(s)).toEqual(['db-policy.yaml', 'b.yaml', 'c.yaml']);
  });
  it('ignores a file the check says must not match', () => {
    expect(stepFileNames(step({ kind: 'not', check: fileCheck('old.yaml') }))).toEqual([]);
  });
  it('suggests the first one that no tab has', () => {
    const s = step(fileCheck('db-policy.yaml'), ['db-policy.yaml', 'api-egress.yaml']);
    expect(suggestedNewFile(s, [{ name: 'pods.yaml' }])).toBe('db-policy.yaml');
    expect(suggestedNewFile(s, [{ name: 'db-policy.yaml' }])).toBe('api-egress.yaml');
    expect(suggestedNewFile(s, [{ name: 'db-policy.yaml' }, { name: 'api-egress.yaml' }])).toBeNull();
    expect(suggestedNewFile(undefined, [])).toBeNull();
  });
  it('applies a snippet only to a whole solution file of its language', () => {
    const whole = 'apiVersion: v1\nkind: Pod\n';
    expect(snippetTarget(step({ kind: 'noErrors' }, ['db-policy.yaml']), 'yaml', whole)).toBe('db-policy.yaml');
    expect(snippetTarget(step({ kind: 'noErrors' }, ['db-policy.yaml']), 'yaml', '  ingress:\n  - from: []\n')).toBeNull();
    expect(snippetTarget(step({ kind: 'noErrors' }, ['db-policy.yaml']), 'bash', whole)).toBeNull();
    expect(snippetTarget(step({ kind: 'noErrors' }, ['db-policy.yaml']), '', whole)).toBeNull();
    expect(snippetTarget(step({ kind: 'noErrors' }, ['Dockerfile']), 'dockerfile', 'FROM ubuntu\n')).toBe('Dockerfile');
    expect(snippetTarget(step({ kind: 'noErrors' }), 'yaml', whole)).toBeNull();
  });
});
