import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../testing/ui.js';
import { toElements } from './elements.js';
import { summarizeGraph } from './summary.js';

describe('the graph in words', () => {
  it('counts what is drawn and says whom an isolated pod accepts', () => {
    const a = buildAnalysis({
      pods: [{ key: 'prod/web' }, { key: 'prod/api' }, { key: 'prod/db', isolation: { ingress: ['prod/db-policy'] }, ports: [{ port: 3306, protocol: 'TCP' }] }, { key: 'dev/tool' }],
      allow: ['prod/api->prod/db@3306/TCP', 'prod/web->prod/api@80/TCP'],
    });
    const s = summarizeGraph(toElements(a, { port: 'any', showDenied: true }));
    expect(s.pods).toBe(4);
    expect(s.namespaces).toBe(2);
    expect(s.allowed + s.denied).toBe(12);
    expect(s.isolated.map((i) => i.pod)).toEqual(['prod/db']);
    expect(s.isolated[0]?.from.map((f) => f.split(' ')[0])).toEqual(['prod/api']);
  });
  it('denied connections are counted only when drawn', () => {
    const a = buildAnalysis({ pods: [{ key: 'a/x', isolation: { ingress: ['a/deny'] } }, { key: 'a/y' }], allow: [] });
    expect(summarizeGraph(toElements(a, { port: 'any', showDenied: false })).denied).toBe(0);
    expect(summarizeGraph(toElements(a, { port: 'any', showDenied: true })).denied).toBeGreaterThan(0);
  });
});
