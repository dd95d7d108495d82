import { importNameProblem, type NameProblem } from './files.js';
import { LIMITS } from './limits.js';

/**
 * A tiny ZIP writer/reader: the writer stores (no compression: YAML tabs are small, and this keeps
 * the lab free of a zip dependency); the reader also inflates deflated entries (what `zip` and
 * the operating systems write) with the browser's DecompressionStream. Layout per PKWARE APPNOTE
 * 4.3: local headers + data, central directory, end of central directory. Names are UTF-8
 * (general purpose flag bit 11).
 *
 * Reading is bounded (limits.ts): the entry count, the declared sizes, each entry's ratio and
 * overlapping data (one block named by 2,000 entries) are checked from the central directory
 * before any entry is read, and inflating stops as soon as an entry passes its declared size, its
 * ratio or the total.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** DOS date/time; a fixed date keeps exports byte-for-byte reproducible. */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
const UTF8_FLAG = 0x0800;

/**
 * Entry names a zip may carry: a tab's name as it is when it is already a safe import name, else
 * with separators, `..`, control and bidi characters replaced by `_`, cut to LIMITS.nameChars,
 * and made unique (`-2`, `-3`…). "Download all tabs" never writes `../../.bashrc` or `/etc/…`.
 */
export function safeZipNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    let name = raw;
    if (importNameProblem(name, new Set()) !== null) {
            name = [...raw.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\\/]/gu, '_').replace(/\.\.+/g, '_').trim()]
        .slice(0, LIMITS.nameChars).join('');
      if (name === '' || name === '_') name = 'untitled.yaml';
    }
    let unique = name;
    for (let i = 2; taken.has(unique); i++) {
      const dot = name.lastIndexOf('.');
      const suffix = `-${i}`;
      const stem = [...(dot > 0 ? name.slice(0, dot) : name)].slice(0, LIMITS.nameChars - suffix.length - (dot > 0 ? name.length - dot : 0)).join('');
      unique = `${stem}${suffix}${dot > 0 ? name.slice(dot) : ''}`;
    }
    taken.add(unique);
    return unique;
  });
}

export function zipStore(input: readonly { name: string; text: string }[]): Uint8Array {
  const names = safeZipNames(input.map((e) => e.name));
  const entries = input.map((e, i) => ({ name: names[i] ?? e.name, text: e.text }));
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = encoder.encode(entry.text);
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed
    lv.setUint16(6, UTF8_FLAG, true);
    lv.setUint16(8, 0, true); // method: stored
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    locals.push(local);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // version made by
    cv.setUint16(6, 20, true);
    cv.setUint16(8, UTF8_FLAG, true);
    cv.setUint16(10, 0, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}


/** Why a zip was refused (the message names the bound or the entry). */
export type ZipProblem =
  | { readonly reason: 'broken' }
  | { readonly reason: 'tooManyEntries'; readonly count: number; readonly limit: number }
  | { readonly reason: 'tooManyFiles'; readonly count: number; readonly limit: number }
  | { readonly reason: 'tooLarge'; readonly limit: number }
  | { readonly reason: 'ratio'; readonly name: string; readonly limit: number }
  | { readonly reason: 'overlap'; readonly name: string }
  | { readonly reason: 'badName'; readonly name: string; readonly problem: NameProblem };

export type ZipResult =
  | { readonly ok: true; readonly files: { name: string; text: string }[]; readonly skipped: string[] }
  | { readonly ok: false; readonly problem: ZipProblem };

interface Entry { name: string; method: number; compressed: number; size: number; start: number }

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/**
 * The central directory, checked before any entry is read: entry count, names (a path is
 * reduced to its last part, and refused when a part is `..`, it starts at `/`, or uses `\`),
 * declared sizes in total and per entry ratio, data inside the archive and not shared.
 */
function readDirectory(bytes: Uint8Array): { entries: Entry[]; skipped: string[] } | ZipProblem {
  const broken = { reason: 'broken' } as const;
  if (bytes.length > LIMITS.zipFileBytes) return { reason: 'tooLarge', limit: LIMITS.zipBytes };
  if (bytes.length < 22) return broken;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return broken;
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  let at = view.getUint32(eocd + 16, true);
  // The directory must lie before its end record and hold `count` entries' fixed parts.
  if (at + directorySize > eocd || count * 46 > directorySize) return broken;
  if (count > LIMITS.zipEntries) return { reason: 'tooManyEntries', count, limit: LIMITS.zipEntries };
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  const skipped: string[] = [];
  const taken = new Set<string>();
  let declared = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return broken;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > bytes.length) return broken;
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith('/')) continue; // a folder
    const parts = path.split('/');
    if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) || parts.some((p) => p === '..' || p === '.')) {
      return { reason: 'badName', name: path, problem: path.includes('\\') || path.startsWith('/') ? 'separator' : 'dots' };
    }
    const name = parts.at(-1) ?? path;
    if (!isYaml(name)) { skipped.push(name); continue; }
    const problem = importNameProblem(name, taken);
    if (problem) return { reason: 'badName', name: path, problem };
    taken.add(name);
    if (method !== 0 && method !== 8) { skipped.push(name); continue; }
    if (method === 0 && compressed !== size) return broken;
    if (size > 0 && (compressed === 0 || size / compressed > LIMITS.zipRatio)) return { reason: 'ratio', name, limit: LIMITS.zipRatio };
    declared += size;
    if (declared > LIMITS.zipBytes) return { reason: 'tooLarge', limit: LIMITS.zipBytes };
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== 0x04034b50) return broken;
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (start + compressed > bytes.length) return broken;
    entries.push({ name, method, compressed, size, start });
  }
  if (entries.length > LIMITS.files) return { reason: 'tooManyFiles', count: entries.length, limit: LIMITS.files };
  // Entries whose data overlap (many names for one block: a zip bomb without compression).
  const sorted = [...entries].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!, cur = sorted[i]!;
    if (cur.start < prev.start + prev.compressed) return { reason: 'overlap', name: cur.name };
  }
  return { entries, skipped };
}

/** Inflates raw DEFLATE data, stopping (and answering null) once the output passes `max` bytes. */
async function inflateBounded(data: Uint8Array, max: number): Promise<Uint8Array | null> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  writer.write(new Uint8Array(data)).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) { await reader.cancel().catch(() => undefined); return null; }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/**
 * The YAML files of a zip, all or nothing within the bounds (limits.ts); other files are named in
 * `skipped`. Folders are flattened (`manifests/web.yaml` is `web.yaml`).
 */
export async function readZip(bytes: Uint8Array): Promise<ZipResult> {
  const dir = readDirectory(bytes);
  if ('reason' in dir) return { ok: false, problem: dir };
  const decoder = new TextDecoder();
  const files: { name: string; text: string }[] = [];
  let total = 0;
  for (const e of dir.entries) {
    const raw = bytes.subarray(e.start, e.start + e.compressed);
    let data: Uint8Array | null = raw;
    if (e.method === 8) {
      // Never more than declared, than the ratio allows, or than the total left.
      data = await inflateBounded(raw, Math.min(e.size, LIMITS.zipBytes - total));
      if (data === null) return { ok: false, problem: { reason: 'tooLarge', limit: LIMITS.zipBytes } };
      if (data.length !== e.size) return { ok: false, problem: { reason: 'broken' } };
    }
    total += data.length;
    files.push({ name: e.name, text: decoder.decode(data) });
  }
  return { ok: true, files, skipped: dir.skipped };
}
