import { compressToEncodedURIComponent } from 'lz-string';
import { firstBadName, type NameProblem } from './files.js';
import { inflateLzUri } from './lz-bounded.js';
import { LIMITS } from './limits.js';

/**
 * Share links carry the whole scenario in the URL hash (nothing leaves the browser: the hash is
 * never sent to a server). Format: `#s=` + lz-string of `{v:1, f:[[name, text], …], a: active}`.
 *
 * A link is read all or nothing, within bounds (limits.ts): a hash too long is refused unread,
 * decompression stops once the text passes LIMITS.linkDecodedChars (lz-string can inflate a short
 * hash to hundreds of megabytes), and the shape, the number of files and every name are checked
 * before anything is applied.
 */
export const SHARE_PREFIX = '#s=';

export interface SharedScenario {
  readonly files: readonly { name: string; text: string }[];
  readonly active: string | null;
}

/** Why a share link was refused (the message names the bound or the entry). */
export type LinkProblem =
  | { readonly reason: 'broken' }
  | { readonly reason: 'tooLarge'; readonly limit: number }
  | { readonly reason: 'tooManyFiles'; readonly count: number; readonly limit: number }
  | { readonly reason: 'badName'; readonly name: string; readonly problem: NameProblem };

export type LinkResult = { readonly ok: true; readonly scenario: SharedScenario } | { readonly ok: false; readonly problem: LinkProblem };

export function encodeShare(scenario: SharedScenario): string {
  const payload = { v: 1, f: scenario.files.map((f) => [f.name, f.text]), a: scenario.active };
  return SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify(payload));
}

/** null when the hash is not a share link at all; otherwise the scenario or why it is refused. */
export function readShare(hash: string): LinkResult | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const body = hash.slice(SHARE_PREFIX.length);
  const tooLarge = { ok: false, problem: { reason: 'tooLarge', limit: LIMITS.linkDecodedChars } } as const;
  const broken = { ok: false, problem: { reason: 'broken' } } as const;
  if (body.length > LIMITS.linkChars) return tooLarge;
  const json = inflateLzUri(body, LIMITS.linkDecodedChars);
  if (json === 'tooLarge') return tooLarge;
  if (!json) return broken;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return broken;
  }
  if (typeof parsed !== 'object' || parsed === null) return broken;
  const { v, f, a } = parsed as { v?: unknown; f?: unknown; a?: unknown };
  if (v !== 1 || !Array.isArray(f) || f.length === 0) return broken;
  if (f.length > LIMITS.files) return { ok: false, problem: { reason: 'tooManyFiles', count: f.length, limit: LIMITS.files } };
  const files: { name: string; text: string }[] = [];
  for (const entry of f as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return broken;
    files.push({ name: entry[0], text: entry[1] });
  }
  const bad = firstBadName(files.map((x) => x.name));
  if (bad) return { ok: false, problem: { reason: 'badName', ...bad } };
  if (a !== undefined && a !== null && typeof a !== 'string') return broken;
  return { ok: true, scenario: { files, active: typeof a === 'string' && files.some((x) => x.name === a) ? a : null } };
}

/** The scenario of a share link we wrote and that is within bounds; null for anything else. */
export function decodeShare(hash: string): SharedScenario | null {
  const result = readShare(hash);
  return result?.ok ? result.scenario : null;
}
