import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lzBombHash } from '../testing/lz-bomb.js';
import { LIMITS } from './limits.js';
import { inflateLzUri } from './lz-bounded.js';
import { decodeShare, encodeShare, readShare, SHARE_PREFIX } from './share.js';

const link = (payload: unknown) => SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify(payload));

describe('bounded lz-string decompression (lz-bounded.ts)', () => {
  it('decodes exactly what lz-string decodes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      const packed = compressToEncodedURIComponent(text);
      expect(inflateLzUri(packed, 10_000)).toBe(decompressFromEncodedURIComponent(packed) || null);
    }), { numRuns: 300 });
  });
  it('the hostile stream is what lz-string decodes (the helper is right)', () => {
    expect(decompressFromEncodedURIComponent(lzBombHash(3))).toBe('{'.repeat(1 + 2 + 3 + 4));
    expect(inflateLzUri(lzBombHash(100), 10_000)).toBe(decompressFromEncodedURIComponent(lzBombHash(100)));
  });
  it('a 57 KB hash standing for 300 MB stops at the bound, in bounded time', () => {
    const packed = lzBombHash(25_000); // ≈ 25,000² / 2 ≈ 312 M characters
    expect(packed.length).toBeLessThan(60_000);
    const start = performance.now();
    expect(inflateLzUri(packed, LIMITS.linkDecodedChars)).toBe('tooLarge');
    expect(readShare(SHARE_PREFIX + packed)).toEqual({ ok: false, problem: { reason: 'tooLarge', limit: LIMITS.linkDecodedChars } });
    expect(performance.now() - start).toBeLessThan(2000);
  });
  it.each(['', '!!!', 'N4Ig', 'garbage'])('answers null for %j (not lz-string output)', (input) => {
    expect(inflateLzUri(input, 1000)).toBeNull();
  });
});

describe('share links (issue 12, 18)', () => {
  it('round-trip names, texts (Korean, emoji) and the active tab', () => {
    const scenario = { files: [{ name: 'a.yaml', text: '# 한국어 ✓ 🙂\nkind: Pod\n' }, { name: 'b.yaml', text: '' }], active: 'b.yaml' };
    expect(readShare(encodeShare(scenario))).toEqual({ ok: true, scenario });
  });
  it('a hash that is not a share link is not one', () => {
    expect(readShare('#other')).toBeNull();
    expect(readShare('')).toBeNull();
  });
  it.each<[string, unknown]>([
    ['not lz-string', '#s=!!!'],
    ['not JSON', SHARE_PREFIX + compressToEncodedURIComponent('{"v":1,')],
    ['wrong version', { v: 2, f: [['a.yaml', '']] }],
    ['no files', { v: 1, f: [] }],
    ['files not a list', { v: 1, f: { 0: ['a.yaml', ''] } }],
    ['a text that is not a string', { v: 1, f: [['a.yaml', 'x'], ['b.yaml', 3]] }],
    ['an entry with extra fields', { v: 1, f: [['a.yaml', 'x', 'y']] }],
    ['active not a string', { v: 1, f: [['a.yaml', 'x']], a: 7 }],
  ])('%s: refused whole as broken', (_, payload) => {
    const hash = typeof payload === 'string' ? payload : link(payload);
    expect(readShare(hash)).toEqual({ ok: false, problem: { reason: 'broken' } });
    expect(decodeShare(hash)).toBeNull();
  });
  it('a hash longer than the bound is refused unread', () => {
    expect(readShare(SHARE_PREFIX + 'A'.repeat(LIMITS.linkChars + 1))).toMatchObject({ ok: false, problem: { reason: 'tooLarge' } });
  });
  it('more files than the bound: refused, naming the count', () => {
    const files = Array.from({ length: LIMITS.files + 1 }, (_, i) => [`f${i}.yaml`, '']);
    expect(readShare(link({ v: 1, f: files }))).toEqual({ ok: false, problem: { reason: 'tooManyFiles', count: LIMITS.files + 1, limit: LIMITS.files } });
  });
  it.each<[string, string]>([
    ['', 'empty'], ['   ', 'empty'], [' a.yaml', 'empty'], ['../../.bashrc', 'separator'], ['..', 'dots'], ['a..yaml', 'dots'],
    ['/etc/cron.d/x.yaml', 'separator'], ['a\\b.yaml', 'separator'], ['evil\u202Elmy.yaml', 'control'], ['a\u001b[2J.yaml', 'control'],
    ['x\n.yaml', 'control'], ['\u2066a.yaml', 'control'], ['n'.repeat(LIMITS.nameChars + 1), 'tooLong'],
  ])('a bad name %j is refused whole (%s), naming it', (name, problem) => {
    const hash = link({ v: 1, f: [['ok.yaml', 'kind: Pod'], [name, '']] });
    expect(readShare(hash)).toEqual({ ok: false, problem: { reason: 'badName', name, problem } });
  });
  it('a duplicate name is refused', () => {
    expect(readShare(link({ v: 1, f: [['a.yaml', '1'], ['a.yaml', '2']] }))).toEqual({ ok: false, problem: { reason: 'badName', name: 'a.yaml', problem: 'duplicate' } });
  });
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('%s is a file name like any other', (name) => {
    const scenario = { files: [{ name, text: 'x' }, { name: `${name}.yaml`, text: 'y' }], active: name };
    expect(readShare(encodeShare(scenario))).toEqual({ ok: true, scenario });
  });
  it('an active tab the link does not hold is ignored', () => {
    expect(readShare(link({ v: 1, f: [['a.yaml', '']], a: 'zzz' }))).toEqual({ ok: true, scenario: { files: [{ name: 'a.yaml', text: '' }], active: null } });
  });
});

describe('a link carries the situation (issue 10)', () => {
  const files = [{ name: 'a.yaml', text: 'A' }];
  it('round-trips the lesson, step, view, selection and language', () => {
    const situation = { lesson: 'network-policy-basics', step: 2, view: 'matrix', selection: { kind: 'edge', from: 'prod/web', to: 'prod/db' }, lang: 'ko' } as const;
    expect(decodeShare(encodeShare({ files, active: 'a.yaml', situation }))).toEqual({ files, active: 'a.yaml', situation });
  });
  it('a link from before the situation still opens, with none', () => {
    expect(decodeShare(link({ v: 1, f: [['a.yaml', 'A']], a: null }))).toEqual({ files, active: null });
  });
  it('keeps the parts with the right shape and drops the others, never the link', () => {
    const r = decodeShare(link({ v: 1, f: [['a.yaml', 'A']], a: null, x: {
      lesson: '', step: -1, view: 'tree', lang: 'fr', selection: { kind: 'edge', from: 'a' },
    } }));
    expect(r).toEqual({ files, active: null });
    const some = decodeShare(link({ v: 1, f: [['a.yaml', 'A']], a: null, x: { step: 3.5, view: 'graph', selection: { kind: 'pod', id: 'default/web' }, __proto__: { lesson: 'x' } } }));
    expect(some?.situation).toEqual({ view: 'graph', selection: { kind: 'pod', id: 'default/web' } });
    expect(decodeShare(link({ v: 1, f: [['a.yaml', 'A']], a: null, x: [1, 2] }))?.situation).toBeUndefined();
  });
});
