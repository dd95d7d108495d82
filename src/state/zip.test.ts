import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { crc32, readZip, safeZipNames, zipStore } from './zip.js';

/**
 * A zip written by hand (PKWARE APPNOTE 4.3), so tests can say what a hostile archive holds:
 * deflated entries (method 8), lying sizes, entries sharing one block of data.
 */
interface RawEntry { name: string; data: Uint8Array; method?: 0 | 8; size?: number; compressed?: number; offsetOf?: number; deflated?: Uint8Array }
const crcs = new WeakMap<Uint8Array, number>();
const crcOf = (data: Uint8Array) => crcs.get(data) ?? (crcs.set(data, crc32(data)), crcs.get(data) ?? 0);
function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = enc.encode(e.name);
    const method = e.method ?? 0;
    const body = method === 8 ? e.deflated ?? new Uint8Array() : e.data;
    const local = new Uint8Array(30 + name.length + body.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, method, true);
    lv.setUint32(18, e.compressed ?? body.length, true);
    lv.setUint32(22, e.size ?? e.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(body, 30 + name.length);
    offsets.push(e.offsetOf !== undefined ? offsets[e.offsetOf] ?? 0 : offset);
    if (e.offsetOf === undefined) { parts.push(local); offset += local.length; }
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crcOf(e.data), true);
    cv.setUint32(20, e.compressed ?? body.length, true);
    cv.setUint32(24, e.size ?? e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offsets[i] ?? 0, true);
    central.set(name, 46);
    centrals.push(central);
  });
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const p of [...parts, ...centrals, end]) { out.set(p, at); at += p.length; }
  return out;
}
const bytes = (text: string) => new TextEncoder().encode(text);

/** Raw DEFLATE (what `zip` writes for method 8), by the platform's CompressionStream. */
async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
/** An entry stored deflated. */
const deflated = async (name: string, data: Uint8Array, size?: number): Promise<RawEntry> =>
  ({ name, data, method: 8, deflated: await deflate(data), ...(size !== undefined ? { size } : {}) });

describe('zip import: what a normal zip gives', () => {
  it('stored and deflated entries (what `zip` writes), folders flattened, other files named', async () => {
    const zip = rawZip([
      { name: 'manifests/', data: new Uint8Array() },
      await deflated('manifests/web.yaml', bytes('kind: Pod\n'.repeat(50))),
      { name: 'db.yml', data: bytes('kind: Service\n') },
      { name: 'README.md', data: bytes('# hi') },
    ]);
    expect(await readZip(zip)).toEqual({
      ok: true, skipped: ['README.md'],
      files: [{ name: 'web.yaml', text: 'kind: Pod\n'.repeat(50) }, { name: 'db.yml', text: 'kind: Service\n' }],
    });
  });
  it('reads back what the lab writes', async () => {
    const files = [{ name: 'a.yaml', text: 'x' }, { name: '정책.yaml', text: '# 한국어' }];
    expect(await readZip(zipStore(files))).toEqual({ ok: true, files, skipped: [] });
  });
});

describe('zip import: bounds, checked before inflating (issue 18)', () => {
  it('more entries than the bound (2,000 small files): refused from the directory, in milliseconds', async () => {
    const zip = rawZip(Array.from({ length: 2000 }, (_, i) => ({ name: `f${i}.yaml`, data: bytes('kind: Pod\n') })));
    const start = performance.now();
    expect(await readZip(zip)).toEqual({ ok: false, problem: { reason: 'tooManyEntries', count: 2000, limit: LIMITS.zipEntries } });
    expect(performance.now() - start).toBeLessThan(100);
  });
  it('more YAML files than a scenario may have: refused', async () => {
    const zip = rawZip(Array.from({ length: LIMITS.files + 1 }, (_, i) => ({ name: `f${i}.yaml`, data: bytes('') })));
    expect(await readZip(zip)).toEqual({ ok: false, problem: { reason: 'tooManyFiles', count: LIMITS.files + 1, limit: LIMITS.files } });
  });
  it('2,000 entries naming one 1 MB block (the renderer crash): refused before reading', async () => {
    const block = new Uint8Array(1024 * 1024).fill(0x61);
    const zip = rawZip([{ name: 'b0.yaml', data: block }, ...Array.from({ length: 1999 }, (_, i) => ({ name: `b${i + 1}.yaml`, data: block, offsetOf: 0 }))]);
    expect(zip.length).toBeLessThan(1.2 * 1024 * 1024);
    expect(await readZip(zip)).toMatchObject({ ok: false, problem: { reason: 'tooManyEntries' } });
    const five = rawZip([{ name: 'b0.yaml', data: block }, ...Array.from({ length: 4 }, (_, i) => ({ name: `b${i + 1}.yaml`, data: block, offsetOf: 0 }))]);
    expect(await readZip(five)).toEqual({ ok: false, problem: { reason: 'tooLarge', limit: LIMITS.zipBytes } });
    // Under the total bound, sharing is still refused.
    const small = new Uint8Array(1000).fill(0x61);
    const shared = rawZip([{ name: 'a.yaml', data: small }, { name: 'b.yaml', data: small, offsetOf: 0 }]);
    expect(await readZip(shared)).toEqual({ ok: false, problem: { reason: 'overlap', name: 'b.yaml' } });
  });
  it('a deflate bomb declaring its size: refused by ratio without inflating', async () => {
    const zip = rawZip([await deflated('bomb.yaml', new Uint8Array(50 * 1024 * 1024))]);
    expect(zip.length).toBeLessThan(100_000);
    const start = performance.now();
    expect(await readZip(zip)).toEqual({ ok: false, problem: { reason: 'ratio', name: 'bomb.yaml', limit: LIMITS.zipRatio } });
    expect(performance.now() - start).toBeLessThan(100);
  });
  it('a deflate bomb lying about its size (declares 1 KB): inflating stops at the declared size', async () => {
    const zip = rawZip([await deflated('liar.yaml', new Uint8Array(50 * 1024 * 1024), 1024)]);
    const start = performance.now();
    expect(await readZip(zip)).toEqual({ ok: false, problem: { reason: 'tooLarge', limit: LIMITS.zipBytes } });
    expect(performance.now() - start).toBeLessThan(2000);
  });
  it('declared sizes past the total: refused before inflating', async () => {
    const part = new Uint8Array(LIMITS.zipBytes / 2 + 1).fill(0x62);
    const zip = rawZip([{ name: 'a.yaml', data: part }, { name: 'b.yaml', data: part }]);
    expect(await readZip(zip)).toEqual({ ok: false, problem: { reason: 'tooLarge', limit: LIMITS.zipBytes } });
  });
  it.each<[string, string]>([
    ['../../.bashrc.yaml', 'dots'], ['/etc/cron.d/x.yaml', 'separator'], ['a\\b.yaml', 'separator'], ['./a.yaml', 'dots'],
    ['evil\u202Elmy.yaml', 'control'], ['esc\u001b[31m.yaml', 'control'], [`${'n'.repeat(LIMITS.nameChars)}.yaml`, 'tooLong'],
  ])('an entry named %j is refused whole (%s)', async (name, problem) => {
    const zip = rawZip([{ name: 'ok.yaml', data: bytes('x') }, { name, data: bytes('y') }]);
    expect(await readZip(zip)).toEqual({ ok: false, problem: { reason: 'badName', name, problem } });
  });
  it('two entries flattening to one name are refused as duplicates', async () => {
    const zip = rawZip([{ name: 'a/web.yaml', data: bytes('1') }, { name: 'b/web.yaml', data: bytes('2') }]);
    expect(await readZip(zip)).toEqual({ ok: false, problem: { reason: 'badName', name: 'b/web.yaml', problem: 'duplicate' } });
  });
  it.each([new Uint8Array(0), new Uint8Array(22), bytes('PK\u0005\u0006 not really a zip at all')])('garbage is broken, not a crash', async (input) => {
    expect(await readZip(input)).toEqual({ ok: false, problem: { reason: 'broken' } });
  });
});

describe('zip export writes only safe names', () => {
  it('separators, dots, control and bidi characters are replaced; names stay unique and short', () => {
    const names = safeZipNames(['../../.bashrc', '/etc/cron.d/x.yaml', 'a.yaml', 'a.yaml', '', 'evil\u202Elmy.yaml', 'x'.repeat(300), 'ok.yaml']);
    expect(names).toEqual([
      '____.bashrc', '_etc_cron.d_x.yaml', 'a.yaml', 'a-2.yaml', 'untitled.yaml', 'evil_lmy.yaml', 'x'.repeat(LIMITS.nameChars), 'ok.yaml',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });
  it('the archive holds those names: an exported zip imports back', async () => {
    const zip = zipStore([{ name: '../../.bashrc.yaml', text: 'a' }, { name: 'x\u202E.yaml', text: 'b' }]);
    expect(await readZip(zip)).toEqual({ ok: true, skipped: [], files: [{ name: '____.bashrc.yaml', text: 'a' }, { name: 'x_.yaml', text: 'b' }] });
  });
});
