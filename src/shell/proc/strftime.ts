/**
 * GNU strftime (gnulib nstrftime, as coreutils `date +FORMAT` uses it) in the C locale, for UTC
 * (the lab's clock has no other zone): the conversions, the flags `-` (no padding), `_` (spaces),
 * `0` (zeros), `^` (upper case) and `#` (swap case), a field width, the `E`/`O` modifiers
 * (ignored in the C locale) and `%:z`, `%::z`, `%:::z`. An unknown conversion is printed as typed.
 */
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const DAY_MS = 86_400_000;

/** Day of the year, 0-based. */
function yday(d: Date): number {
  return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS);
}

/** ISO 8601 week-based year and week (weeks start on Monday; week 1 holds the year's first Thursday). */
function isoWeek(d: Date): { year: number; week: number } {
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + (3 - day) * DAY_MS);
  const year = thursday.getUTCFullYear();
  return { year, week: Math.floor(yday(thursday) / 7) + 1 };
}

type Field = { text: string; numeric: boolean; width: number; pad: '0' | ' ' };

const num = (n: number, width: number, pad: '0' | ' ' = '0'): Field => ({ text: String(n), numeric: true, width, pad });
const word = (text: string): Field => ({ text, numeric: false, width: 0, pad: ' ' });

/** One conversion's value (before flags and width), or null when `c` is not a conversion. */
function field(c: string, d: Date, nanos: number, colons: number): Field | string | null {
  const h = d.getUTCHours();
  switch (c) {
    case 'a': return word(DAYS[d.getUTCDay()]!.slice(0, 3));
    case 'A': return word(DAYS[d.getUTCDay()]!);
    case 'b': case 'h': return word(MONTHS[d.getUTCMonth()]!.slice(0, 3));
    case 'B': return word(MONTHS[d.getUTCMonth()]!);
    case 'c': return `%a %b %e %H:%M:%S %Y`;
    case 'C': return num(Math.floor(d.getUTCFullYear() / 100), 2);
    case 'd': return num(d.getUTCDate(), 2);
    case 'D': return '%m/%d/%y';
    case 'e': return num(d.getUTCDate(), 2, ' ');
    case 'F': return '%Y-%m-%d';
    case 'g': return num(isoWeek(d).year % 100, 2);
    case 'G': return num(isoWeek(d).year, 4);
    case 'H': return num(h, 2);
    case 'I': return num(h % 12 || 12, 2);
    case 'j': return num(yday(d) + 1, 3);
    case 'k': return num(h, 2, ' ');
    case 'l': return num(h % 12 || 12, 2, ' ');
    case 'm': return num(d.getUTCMonth() + 1, 2);
    case 'M': return num(d.getUTCMinutes(), 2);
    case 'n': return word('\n');
    case 'N': return { text: String(nanos).padStart(9, '0'), numeric: true, width: 9, pad: '0' };
    case 'p': return word(h < 12 ? 'AM' : 'PM');
    case 'P': return word(h < 12 ? 'am' : 'pm');
    case 'q': return num(Math.floor(d.getUTCMonth() / 3) + 1, 1);
    case 'r': return '%I:%M:%S %p';
    case 'R': return '%H:%M';
    case 's': return num(Math.floor(d.getTime() / 1000), 1);
    case 'S': return num(d.getUTCSeconds(), 2);
    case 't': return word('\t');
    case 'T': return '%H:%M:%S';
    case 'u': return num(d.getUTCDay() || 7, 1);
    case 'U': return num(Math.floor((yday(d) + 7 - d.getUTCDay()) / 7), 2);
    case 'V': return num(isoWeek(d).week, 2);
    case 'w': return num(d.getUTCDay(), 1);
    case 'W': return num(Math.floor((yday(d) + 7 - ((d.getUTCDay() + 6) % 7)) / 7), 2);
    case 'x': return '%m/%d/%y';
    case 'X': return '%H:%M:%S';
    case 'y': return num(d.getUTCFullYear() % 100, 2);
    case 'Y': return num(d.getUTCFullYear(), 1);
    case 'z': return word(['+0000', '+00:00', '+00:00:00', '+00'][colons] ?? '+0000');
    case 'Z': return word('UTC');
    default: return null;
  }
}

/** `format` with `ms` (UTC) and the nanoseconds within its second. */
export function strftime(format: string, ms: number, nanos = 0): string {
  const d = new Date(ms);
  let out = '';
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch !== '%') { out += ch; i++; continue; }
    const start = i;
    i++;
    let flag = '';
    while (i < format.length && '-_0^#'.includes(format[i]!)) flag += format[i++];
    let widthText = '';
    while (i < format.length && /\d/.test(format[i]!)) widthText += format[i++];
    let colons = 0;
    while (format[i] === ':') { colons++; i++; }
    if (format[i] === 'E' || format[i] === 'O') i++;
    const c = format[i];
    if (c === undefined) { out += format.slice(start); break; }
    i++;
    if (c === '%') { out += '%'; continue; }
    if (colons > 0 && (c !== 'z' || colons > 3)) { out += format.slice(start, i); continue; }
    const f = field(c, d, nanos, colons);
    if (f === null) { out += format.slice(start, i); continue; }
    // A composite (%c, %D, %T…): its parts, then the flags on the whole.
    const value: Field = typeof f === 'string' ? word(strftime(f, ms, nanos)) : f;
    let text = value.text;
    if (c === 'N' && widthText === '') { out += text; continue; }
    if (c === 'N') {
      out += text.slice(0, Number(widthText)).padEnd(Number(widthText), '0');
      continue;
    }
    // gnulib nstrftime: `#` (change_case) upper-cases %a %A %b %B %h and lower-cases %p %Z, and then
    // wins over `^`; %P is lower case whatever the flags; a composite (%c, %r, …) takes `^` only.
    const upper = flag.includes('^');
    const swap = flag.includes('#');
    if (c === 'P' || (swap && (c === 'p' || c === 'Z'))) text = text.toLowerCase();
    else if (upper || (swap && 'aAbBh'.includes(c))) text = text.toUpperCase();
    const last = flag.replace(/[\^#]/g, '').slice(-1);
    const width = widthText !== '' ? Number(widthText) : value.numeric ? value.width : 0;
    if (last === '-') { out += value.numeric ? String(Number(text)) : text; continue; }
    const pad = last === '_' ? ' ' : last === '0' ? '0' : value.numeric ? value.pad : ' ';
    if (value.numeric && pad === ' ' && text.startsWith('0') && text.length > 1) text = String(Number(text));
    out += text.padStart(width, pad);
  }
  return out;
}
