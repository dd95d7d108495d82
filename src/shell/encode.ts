/** base64 of the UTF-8 bytes, as Go's encoding/base64 StdEncoding (kubectl's secret data). */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function unbase64(text: string): string | null {
  try {
    const bin = atob(text.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A deterministic hex string (container IDs, exec IDs) from any seed text. */
export function hexId(seed: string, length = 64): string {
  let out = '';
  let h = 2166136261;
  let round = 0;
  while (out.length < length) {
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
    round++;
  }
  return out.slice(0, length);
}
