// Every view's strings: en and ko have the same keys, and every literal key a component asks
// for exists (a typo would otherwise show the raw key to the student).
import { describe, expect, it } from 'vitest';
import { strings as explain } from '../explain/strings.js';
import { strings as inspector } from '../inspector/strings.js';
import { strings as matrix } from '../matrix/strings.js';
import { strings as graph } from './strings.js';

const namespaces: Record<string, { en: Record<string, string>; ko: Record<string, string> }> = { graph, explain, inspector, matrix };
const sources = import.meta.glob<string>(['../{graph,explain,inspector,matrix}/*.tsx'], { query: '?raw', import: 'default', eager: true });

describe('strings', () => {
  it.each(Object.keys(namespaces))('%s: en and ko have the same keys, none empty', (ns) => {
    const { en, ko } = namespaces[ns]!;
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const v of [...Object.values(en), ...Object.values(ko)]) expect(v.trim()).not.toBe('');
  });
  it.each(Object.keys(namespaces))('%s: ko uses the same {{params}} as en', (ns) => {
    const { en, ko } = namespaces[ns]!;
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en)) expect([k, params(ko[k] ?? '')]).toEqual([k, params(en[k]!)]);
  });
  it('every literal t() key used by a component exists in its namespace', () => {
    expect(Object.keys(sources).length).toBeGreaterThanOrEqual(6);
    for (const [file, text] of Object.entries(sources)) {
      const ns = /useTranslation\('(\w+)'\)/.exec(text)?.[1];
      if (!ns) continue;
      for (const m of text.matchAll(/\bt\('([\w-]+)'/g)) expect([file, m[1], m[1]! in namespaces[ns]!.en]).toEqual([file, m[1], true]);
    }
  });
});
