/**
 * The lab is timeless: one fixed clock, so every transcript and test is reproducible.
 * "Now" is 2024-05-20 09:00:00 UTC; every object in the editor was created ten minutes before
 * (AGE 10m, Start Time 08:50:00), and `date -s` moves a container's clock by an offset.
 */
export const LAB_NOW = Date.UTC(2024, 4, 20, 9, 0, 0);
export const LAB_CREATED = LAB_NOW - 10 * 60 * 1000;
/** kubectl's AGE for every object (duration.HumanDuration of ten minutes). */
export const LAB_AGE = '10m';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** coreutils `date` default format in the C locale: `%a %b %e %H:%M:%S %Z %Y`. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Go's time.RFC1123Z, as `kubectl describe` prints timestamps: `Mon, 20 May 2024 08:50:00 +0000`. */
export function formatRfc1123z(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** metav1.Time's String(): `2024-05-20 08:50:00 +0000 UTC` (describe netpol's "Created on"). */
export function formatGoTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000 UTC`;
}

/** `HH:MM` (ps START column for processes started today). */
export function formatHourMinute(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/**
 * The date strings `date -s` accepts in the lab: ISO-like `YYYY-MM-DD[ T]HH:MM[:SS]`, a bare date,
 * a bare time (today), `@SECONDS`, `19 APR 2012 11:14:00`, and date's own output format. null ⇒ `date: invalid date`.
 */
export function parseDate(input: string, nowMs: number): number | null {
  const s = input.trim();
  let m = /^@(-?\d+)$/.exec(s);
  if (m) return Number(m[1]) * 1000;
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:UTC|Z))?$/.exec(s);
  if (m) return utc(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m) {
    const d = new Date(nowMs);
    return utc(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), +m[1]!, +m[2]!, +(m[3] ?? 0));
  }
  // `19 APR 2012 11:14:00` (day month year time), the form GNU date's parser and the course use.
  m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const month = MONTHS.findIndex((x) => x.toLowerCase() === m![2]!.toLowerCase());
    if (month >= 0) return utc(+m[3]!, month, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  }
  m = /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(?:UTC\s+)?(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.findIndex((x) => x.toLowerCase() === m![1]!.toLowerCase());
    if (month >= 0) return utc(+m[6]!, month, +m[2]!, +m[3]!, +m[4]!, +m[5]!);
  }
  return null;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const ms = Date.UTC(y, mo, d, h, mi, s);
  // Reject dates that rolled over (Feb 30).
  return new Date(ms).getUTCDate() === d ? ms : null;
}
