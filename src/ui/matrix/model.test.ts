import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../testing/ui.js';
import { buildMatrix, cellLabel, cellState, cellText, matchesFilter, moveFocus } from './model.js';
import { strings } from './strings.js';

// A tiny i18next stand-in: looks the key up in the English strings and fills {{params}}.
const t = (key: string, params: Record<string, string | number> = {}) =>
  (strings.en as Record<string, string>)[key]!.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));

const a = buildAnalysis({
  pods: [
    { key: 'prod/web', ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] },
    { key: 'prod/db', ports: [{ port: 5432, protocol: 'TCP' }] },
    { key: 'dev/client' },
  ],
  externals: [{ name: 'backup', ip: '203.0.113.5' }, { name: 'dns', ip: '8.8.8.8' }],
  allow: ['dev/client->prod/web@80/TCP', 'prod/web->prod/db@5432/TCP'],
});

describe('cells', () => {
  it.each([
    ['prod/web', 'prod/db', { port: 5432, protocol: 'TCP' }, 'allow', 'prod/web to prod/db on 5432/TCP: allowed'],
    ['prod/db', 'prod/web', { port: 80, protocol: 'TCP' }, 'deny', 'prod/db to prod/web on 80/TCP: denied'],
    ['prod/web', 'prod/db', 'any', 'allow', 'prod/web to prod/db on any port: allowed'],
    ['dev/client', 'prod/web', 'any', '1/2', 'dev/client to prod/web: allowed on 80/TCP, denied on 443/TCP'],
    ['prod/web', 'prod/web', 'any', '—', 'prod/web to prod/web: not reported'],
    ['203.0.113.5', '8.8.8.8', 'any', '—', '203.0.113.5 to 8.8.8.8: not reported'],
  ] as const)('%s → %s on %j', (from, to, port, text, label) => {
    const s = cellState(a.network, from, to, port);
    expect(cellText(s, t)).toBe(text);
    expect(cellLabel(from, to, port, s, t)).toBe(label);
  });
});

describe('buildMatrix', () => {
  it('lists every endpoint on both axes, pods then externals', () => {
    const m = buildMatrix(a.network, '');
    expect(m.rows.shown.map((e) => e.id)).toEqual(['prod/web', 'prod/db', 'dev/client', '203.0.113.5', '8.8.8.8']);
    expect(m.truncated).toBe(false);
  });
  it('caps both axes and says how many there are', () => {
    const m = buildMatrix(a.network, '', 2);
    expect(m.rows.shown).toHaveLength(2);
    expect(m.cols.total).toBe(5);
    expect(m.truncated).toBe(true);
  });
  it.each([
    ['prod', ['prod/web', 'prod/db']], ['BACKUP', ['203.0.113.5']], ['8.8', ['8.8.8.8']], ['  ', ['prod/web', 'prod/db', 'dev/client', '203.0.113.5', '8.8.8.8']],
  ])('filter %j', (filter, ids) => {
    expect(a.network.endpoints.filter((e) => matchesFilter(e, filter)).map((e) => e.id)).toEqual(ids);
  });
});

describe('moveFocus', () => {
  it.each([
    [0, 0, 'ArrowUp', [0, 0]], [0, 0, 'ArrowDown', [1, 0]], [2, 2, 'ArrowRight', [2, 2]], [1, 1, 'ArrowLeft', [1, 0]],
    [1, 1, 'Home', [1, 0]], [1, 0, 'End', [1, 2]], [1, 1, 'x', null],
  ] as const)('(%i,%i) %s', (r, c, key, out) => expect(moveFocus(r, c, key, 3, 3)).toEqual(out));
});
