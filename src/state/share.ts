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
  /** Where the sharer was (issue 10: an instructor puts a class on one step); absent in older links. */
  readonly situation?: Situation;
}

/**
 * The situation a link carries besides the files: the lesson and step, the view, the selected pod or
 * connection, the language. Each part is optional and checked on its own: a part that does not make
 * sense (an unknown lesson, a step past the end) is dropped by the one who opens it, never the link.
 */
export interface Situation {
  readonly lesson?: string;
  readonly step?: number;
  readonly view?: 'graph' | 'matrix';
  readonly selection?: { readonly kind: 'pod' | 'external'; readonly id: string } | { readonly kind: 'edge'; readonly from: string; readonly to: string };
  readonly lang?: 'en' | 'ko';
}

/** Why a share link was refused (the message names the bound or the entry). */
export type LinkProblem =
  | { readonly reason: 'broken' }
  | { readonly reason: 'tooLarge'; readonly limit: number }
  | { readonly reason: 'tooManyFiles'; readonly count: number; readonly limit: number }
  | { readonly reason: 'badName'; readonly name: string; readonly problem: NameProblem };

export type LinkResult = { readonly ok: true; readonly scenario: SharedScenario } | { readonly ok: false; readonly problem: LinkProblem };

export function encodeShare(scenario: SharedScenario): string {
  // `x` is new (the situation); links without it, and readers that ignore it, still work.
  const payload = { v: 1, f: scenario.files.map((f) => [f.name, f.text]), a: scenario.active, ...(scenario.situation ? { x: scenario.situation } : {}) };
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
  const { v, f, a, x } = parsed as { v?: unknown; f?: unknown; a?: unknown; x?: unknown };
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
  const situation = readSituation(x);
  return {
    ok: true,
    scenario: { files, active: typeof a === 'string' && files.some((y) => y.name === a) ? a : null, ...(situation ? { situation } : {}) },
  };
}

/** The scenario of a share link we wrote and that is within bounds; null for anything else. */
export function decodeShare(hash: string): SharedScenario | null {
  const result = readShare(hash);
  return result?.ok ? result.scenario : null;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 300;

/** The parts of a link's situation that have the right shape; anything else is left out. */
function readSituation(x: unknown): Situation | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  const out: { -readonly [K in keyof Situation]: Situation[K] } = {};
  if (isId(o.lesson)) out.lesson = o.lesson;
  if (typeof o.step === 'number' && Number.isInteger(o.step) && o.step >= 0 && o.step < 1000) out.step = o.step;
  if (o.view === 'graph' || o.view === 'matrix') out.view = o.view;
  if (o.lang === 'en' || o.lang === 'ko') out.lang = o.lang;
  const sel = o.selection as Record<string, unknown> | null | undefined;
  if (sel && typeof sel === 'object') {
    if ((sel.kind === 'pod' || sel.kind === 'external') && isId(sel.id)) out.selection = { kind: sel.kind, id: sel.id };
    else if (sel.kind === 'edge' && isId(sel.from) && isId(sel.to)) out.selection = { kind: 'edge', from: sel.from, to: sel.to };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
