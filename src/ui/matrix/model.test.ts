import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../testing/ui.js';
import { buildMatrix, cellLabel, cellState, cellText, firstCell, matchesFilter, moveFocus } from './model.js';
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
    ['prod/web', 'prod/db', { port: 5432, protocol: 'TCP' }, 'allow', 'allow: prod/web to prod/db on 5432/TCP'],
    ['prod/db', 'prod/web', { port: 80, protocol: 'TCP' }, 'deny', 'deny: prod/db to prod/web on 80/TCP'],
    ['prod/web', 'prod/db', 'any', 'allow', 'allow: prod/web to prod/db on any port'],
    ['dev/client', 'prod/web', 'any', '1/2', '1/2 ports: dev/client to prod/web, allowed on 80/TCP, denied on 443/TCP'],
    ['prod/web', 'prod/web', 'any', '—', 'prod/web to prod/web: not reported'],
    ['203.0.113.5', '8.8.8.8', 'any', '—', '203.0.113.5 to 8.8.8.8: not reported'],
  ] as const)('%s → %s on %j', (from, to, port, text, label) => {
    const s = cellState(a.network, from, to, port);
    expect(cellText(s, t)).toBe(text);
    expect(cellLabel(from, to, port, s, t)).toBe(label);
    // Label in Name (WCAG 2.5.3): a button's name starts with the text it shows.
    if (s.kind === 'flow') expect(label.startsWith(`${text} `) || label.startsWith(`${text}:`)).toBe(true);
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

describe('moveFocus over cells that cannot take focus (the self-pairs)', () => {
  // 3×3 with the diagonal not focusable, as the matrix of three pods.
  const offDiagonal = (r: number, c: number) => r !== c;
  it.each([
    [0, 1, 'ArrowLeft', [0, 1]], [0, 1, 'ArrowDown', [2, 1]], [1, 0, 'ArrowRight', [1, 2]], [2, 1, 'ArrowUp', [0, 1]],
    [1, 2, 'Home', [1, 0]], [0, 1, 'End', [0, 2]], [2, 0, 'End', [2, 1]], [0, 2, 'ArrowRight', [0, 2]],
  ] as const)('(%i,%i) %s', (r, c, key, out) => expect(moveFocus(r, c, key, 3, 3, offDiagonal)).toEqual(out));
  it('the tab stop starts on the first real cell, not the self-pair [0,0]', () => {
    expect(firstCell(3, 3, offDiagonal)).toEqual([0, 1]);
    expect(firstCell(1, 1, offDiagonal)).toBeNull();
    expect(firstCell(2, 2, (r, c) => r === 1 && c === 0)).toEqual([1, 0]);
  });
});
