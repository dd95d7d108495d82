import { describe, expect, it } from 'vitest';
import { nextMatch, searchEndpoints, type Searchable } from './search.js';

const items: Searchable[] = [
  { id: 'default/api-pod', kind: 'pod', name: 'api-pod', labels: { name: 'api-pod' } },
  { id: 'default/db', kind: 'pod', name: 'db', labels: { role: 'db' } },
  { id: 'prod/api-pod', kind: 'pod', name: 'api-pod', labels: { name: 'api-pod' } },
  { id: 'prod/reporting', kind: 'pod', name: 'reporting', labels: { name: 'reporting', tier: 'backend' } },
  { id: '192.168.5.10', kind: 'external', name: 'backup-server', labels: {} },
];
const found = (q: string) => searchEndpoints(q, items).map((m) => m.id);

describe('searchEndpoints', () => {
  it('exact name first, then names that start with it, then names that contain it', () => {
    expect(found('db')).toEqual(['default/db']);
    expect(found('api')).toEqual(['default/api-pod', 'prod/api-pod']);
    expect(found('port')).toEqual(['prod/reporting']);
  });
  it('by namespace/name, IP, host name, or label (key=value, or a value), any case', () => {
    expect(found('prod/API-POD')).toEqual(['prod/api-pod']);
    expect(found('192.168.5')).toEqual(['192.168.5.10']);
    expect(found('backup')).toEqual(['192.168.5.10']);
    expect(found('tier=backend')).toEqual(['prod/reporting']);
    expect(found('backend')).toEqual(['prod/reporting']);
    expect(found('role=')).toEqual(['default/db']);
  });
  it('nothing for an empty query or no match', () => {
    expect(found('  ')).toEqual([]);
    expect(found('zzz')).toEqual([]);
  });
  it('nextMatch steps through the matches and wraps around', () => {
    const m = searchEndpoints('api', items);
    expect(nextMatch(m, null)?.id).toBe('default/api-pod');
    expect(nextMatch(m, 'default/api-pod')?.id).toBe('prod/api-pod');
    expect(nextMatch(m, 'prod/api-pod')?.id).toBe('default/api-pod');
    expect(nextMatch(m, 'default/db')?.id).toBe('default/api-pod');
    expect(nextMatch([], null)).toBeNull();
  });
});
