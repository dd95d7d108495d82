// The `imports` namespace: en and ko say the same things with the same parameters, and every key
// the dialogs ask for exists (a missing one would show the raw key to the student).
import { describe, expect, it } from 'vitest';
import { refusalText } from './ImportDialogs.js';
import { sizeText, strings } from './strings.js';
import source from './ImportDialogs.tsx?raw';

type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, prefix = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flat(v, `${prefix}${k}.`)));

describe('imports strings', () => {
  const en = new Map(flat(strings.en as Tree)), ko = new Map(flat(strings.ko as Tree));
  it('en and ko have the same keys, none empty, the same {{params}}', () => {
    expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of en) {
      expect(v.trim()).not.toBe('');
      expect([k, params(ko.get(k) ?? '')]).toEqual([k, params(v)]);
    }
  });
  it('every literal key the dialogs use exists', () => {
    const keys = [...source.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!).filter((k) => !k.includes(':'));
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) expect([k, en.has(k) || en.has(`${k}_one`)]).toEqual([k, true]);
  });
  it('a refusal names the entry with its hidden characters shown', () => {
    const t = (key: string, p?: Record<string, unknown>) =>
      (en.get(key) ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(p?.[name] ?? ''));
    expect(refusalText({ reason: 'badName', name: 'evil\u202Elmy.yaml', problem: 'control' }, 'x.zip', t))
      .toBe(`A file name was refused: “evil\\u{202E}lmy.yaml” ${en.get('problem.control')}`);
    expect(refusalText({ reason: 'tooLarge', limit: 4 * 1024 * 1024 }, '', t)).toContain('more than 4 MB');
    expect(sizeText(512 * 1024)).toBe('512 KB');
  });
});
