import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/**
 * Share links carry the whole scenario in the URL hash (nothing leaves the browser: the hash is
 * never sent to a server). Format: `#s=` + lz-string of `{v:1, f:[[name, text], …], a: active}`.
 */
export const SHARE_PREFIX = '#s=';

export interface SharedScenario {
  readonly files: readonly { name: string; text: string }[];
  readonly active: string | null;
}

export function encodeShare(scenario: SharedScenario): string {
  const payload = { v: 1, f: scenario.files.map((f) => [f.name, f.text]), a: scenario.active };
  return SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify(payload));
}

/** null for anything that is not a share link we wrote (a hand-edited hash must not crash the lab). */
export function decodeShare(hash: string): SharedScenario | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  let parsed: unknown;
  try {
    const json = decompressFromEncodedURIComponent(hash.slice(SHARE_PREFIX.length));
    if (!json) return null;
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { v, f, a } = parsed as { v?: unknown; f?: unknown; a?: unknown };
  if (v !== 1 || !Array.isArray(f)) return null;
  const files: { name: string; text: string }[] = [];
  for (const entry of f) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return null;
    files.push({ name: entry[0], text: entry[1] });
  }
  if (files.length === 0) return null;
  return { files, active: typeof a === 'string' ? a : null };
}
