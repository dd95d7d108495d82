/**
 * coreutils 9.1 date(1) as the lab's fixed UTC clock answers it: `-d/--date STRING`, `-u`
 * (`--utc`, `--universal`), `+FORMAT` (strftime.ts), `-I[FMT]`/`--iso-8601[=FMT]`, `-R`/`--rfc-email`,
 * `--rfc-3339=FMT`, `-s/--set STRING` and the `MMDDhhmm[[CC]YY][.ss]` operand; getopt_long's
 * option errors (unique prefixes of long options accepted) and date.c's own ("extra operand",
 * "multiple output formats specified", "the options to print and set the time may not be used
 * together", the operand that "lacks a leading '+'"). Every message was captured from GNU date 9.1
 * in the C locale (proc/date.test.ts).
 * Lab limits: the date strings are those clock.ts `parseDate` reads plus `now`, `today`,
 * `yesterday`, `tomorrow` and `N unit [ago]` (GNU's parser takes far more, a lone letter is a
 * military time zone); `-f FILE` and `-r FILE` are read as options and print the lab's time.
 */
import { formatDate, parseDate } from '../clock.js';
import { strftime } from './strftime.js';
import { qLocale } from './coreutils/lib.js';

export interface DateIo {
  out(s: string): void;
  err(s: string): void;
  /** A UTF-8 locale: quote() gives ‘x’ (the host's C.UTF-8), else 'x' (Debian images set no LANG). */
  readonly utf8?: boolean;
}

export interface DateClock {
  /** The container's (or host's) now, in ms. */
  now: number;
  /** Sets the clock (a container with CAP_SYS_TIME); false: not permitted. */
  set(ms: number): boolean;
}

const TRY = "Try 'date --help' for more information.\n";

type Arg = 'none' | 'required' | 'optional';
const LONG: readonly (readonly [name: string, arg: Arg, key: string])[] = [
  ['date', 'required', 'd'], ['debug', 'none', 'debug'], ['file', 'required', 'f'], ['help', 'none', 'help'],
  ['iso-8601', 'optional', 'I'], ['reference', 'required', 'r'], ['resolution', 'none', 'resolution'],
  ['rfc-email', 'none', 'R'], ['rfc-822', 'none', 'R'], ['rfc-2822', 'none', 'R'], ['rfc-3339', 'required', 'rfc-3339'],
  ['set', 'required', 's'], ['uct', 'none', 'u'], ['universal', 'none', 'u'], ['utc', 'none', 'u'], ['version', 'none', 'version'],
];
const SHORT: Readonly<Record<string, Arg>> = { d: 'required', f: 'required', I: 'optional', r: 'required', R: 'none', s: 'required', u: 'none' };

const ISO = ['hours', 'minutes', 'date', 'seconds', 'ns'];
const RFC3339 = ['date', 'seconds', 'ns'];

type Opt = { key: string; value?: string };

/** getopt_long with GNU's permutation: options anywhere, `--` ends them. */
function getopt(args: readonly string[]): { opts: Opt[]; operands: string[] } | string {
  const opts: Opt[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { operands.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const exact = LONG.find(([n]) => n === name);
      const prefixed = LONG.filter(([n]) => n.startsWith(name));
      const distinct = new Set(prefixed.map(([, arg, key]) => `${arg}/${key}`));
      const hit = exact ?? (distinct.size === 1 ? prefixed[0] : undefined);
      if (!hit) {
        if (prefixed.length > 1) return `date: option '--${name}' is ambiguous; possibilities:${prefixed.map(([n]) => ` '--${n}'`).join('')}\n${TRY}`;
        return `date: unrecognized option '${a}'\n${TRY}`;
      }
      const [full, arg, key] = hit;
      if (eq >= 0) {
        if (arg === 'none') return `date: option '--${full}' doesn't allow an argument\n${TRY}`;
        opts.push({ key, value: a.slice(eq + 1) });
      } else if (arg === 'required') {
        if (i + 1 >= args.length) return `date: option '--${full}' requires an argument\n${TRY}`;
        opts.push({ key, value: args[++i]! });
      } else {
        opts.push({ key });
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const arg = SHORT[c];
        if (arg === undefined) return `date: invalid option -- '${c}'\n${TRY}`;
        if (arg === 'none') { opts.push({ key: c }); continue; }
        const rest = a.slice(j + 1);
        if (rest !== '') opts.push({ key: c, value: rest });
        else if (arg === 'optional') opts.push({ key: c });
        else if (i + 1 >= args.length) return `date: option requires an argument -- '${c}'\n${TRY}`;
        else opts.push({ key: c, value: args[++i]! });
        break;
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

const UNITS: Readonly<Record<string, number>> = {
  sec: 1, second: 1, min: 60, minute: 60, hour: 3600, day: 86_400, week: 604_800, fortnight: 1_209_600,
};

/** A date string, or null (`date: invalid date`). */
export function readDate(input: string, now: number): number | null {
  const s = input.trim().toLowerCase();
  const midnight = (ms: number) => ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000);
  if (s === '' || s === 'today' || s === 'now') return s === 'now' ? now : s === '' ? midnight(now) : now;
  if (s === 'yesterday') return now - 86_400_000;
  if (s === 'tomorrow') return now + 86_400_000;
  const rel = /^([+-]?\d+)\s*([a-z]+?)s?(\s+ago)?$/.exec(s);
  if (rel) {
    const unit = UNITS[rel[2]!];
    if (unit !== undefined) return now + Number(rel[1]) * unit * 1000 * (rel[3] ? -1 : 1);
    if (rel[2] === 'month' || rel[2] === 'year') {
      const d = new Date(now);
      const n = Number(rel[1]) * (rel[3] ? -1 : 1);
      if (rel[2] === 'month') d.setUTCMonth(d.getUTCMonth() + n);
      else d.setUTCFullYear(d.getUTCFullYear() + n);
      return d.getTime();
    }
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return parseDate(`${compact[1]}-${compact[2]}-${compact[3]}`, now);
  const frac = /^@(-?\d+)\.(\d+)$/.exec(s);
  if (frac) return Number(frac[1]) * 1000 + Math.sign(Number(frac[1]) || 1) * Number(`0.${frac[2]}`) * 1000;
  return parseDate(input.trim().replace(/T(\d)/, ' $1').replace(/Z$/, ''), now);
}

/** `MMDDhhmm[[CC]YY][.ss]` (posixtime), in the year of `now` when no year is given. */
function posixTime(s: string, now: number): number | null {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2}|\d{4})?(?:\.(\d{2}))?$/.exec(s);
  if (!m) return null;
  let year = new Date(now).getUTCFullYear();
  if (m[5] !== undefined) year = m[5].length === 4 ? Number(m[5]) : Number(m[5]) + (Number(m[5]) < 69 ? 2000 : 1900);
  const p = (x: string | undefined) => String(Number(x ?? 0)).padStart(2, '0');
  return parseDate(`${year}-${p(m[1])}-${p(m[2])} ${p(m[3])}:${p(m[4])}:${p(m[6])}`, now);
}

function iso(kind: string): string {
  switch (kind) {
    case 'hours': return '%Y-%m-%dT%H%:z';
    case 'minutes': return '%Y-%m-%dT%H:%M%:z';
    case 'seconds': return '%Y-%m-%dT%H:%M:%S%:z';
    case 'ns': return '%Y-%m-%dT%H:%M:%S,%N%:z';
    default: return '%Y-%m-%d';
  }
}

/** argmatch: the exact word, or its only completion. */
function argChoice(value: string, valid: readonly string[]): string | null {
  const exact = valid.find((v) => v === value);
  if (exact) return exact;
  const hits = valid.filter((v) => v.startsWith(value));
  return hits.length === 1 ? hits[0]! : null;
}

function badChoice(value: string, valid: readonly string[], option: string, q: (s: string) => string): string {
  const why = valid.filter((v) => v.startsWith(value)).length > 1 ? 'ambiguous' : 'invalid';
  return `date: ${why} argument ${q(value)} for ${q(option)}\nValid arguments are:\n${valid.map((v) => `  - ${q(v)}`).join('\n')}\n${TRY}`;
}

export function runDate(args: readonly string[], clock: DateClock, io: DateIo): number {
  const q = (x: string) => qLocale(x, io.utf8 ?? false);
  const parsed = getopt(args);
  if (typeof parsed === 'string') { io.err(parsed); return 1; }
  let when: string | null = null;
  let setTo: string | null = null;
  let format: string | null = null;
  let formats = 0;
  for (const o of parsed.opts) {
    switch (o.key) {
      case 'd': when = o.value ?? ''; break;
      case 's': setTo = o.value ?? ''; break;
      case 'I': {
        const kind = o.value === undefined ? 'date' : argChoice(o.value, ISO);
        if (kind === null) { io.err(badChoice(o.value ?? '', ISO, '--iso-8601', q)); return 1; }
        format = iso(kind); formats++;
        break;
      }
      case 'rfc-3339': {
        const kind = argChoice(o.value ?? '', RFC3339);
        if (kind === null) { io.err(badChoice(o.value ?? '', RFC3339, '--rfc-3339', q)); return 1; }
        format = kind === 'date' ? '%Y-%m-%d' : kind === 'seconds' ? '%Y-%m-%d %H:%M:%S%:z' : '%Y-%m-%d %H:%M:%S.%N%:z';
        formats++;
        break;
      }
      case 'R': format = '%a, %d %b %Y %H:%M:%S %z'; formats++; break;
      default: break; // -u (the lab's clock is UTC), --debug, -f, -r, --resolution
    }
  }
  if (when !== null && setTo !== null) { io.err(`date: the options to print and set the time may not be used together\n${TRY}`); return 1; }
  const operands = parsed.operands;
  if (operands.length > 1) { io.err(`date: extra operand ${q(operands[1] ?? '')}\n${TRY}`); return 1; }
  const operand = operands[0];
  if (operand !== undefined && operand.startsWith('+')) {
    if (formats > 0) { io.err('date: multiple output formats specified\n'); return 1; }
    format = operand.slice(1);
  } else if (formats > 1) {
    io.err('date: multiple output formats specified\n');
    return 1;
  }
  if (operand !== undefined && !operand.startsWith('+')) {
    if (when !== null || setTo !== null) {
      io.err(`date: the argument ${q(operand)} lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'\n${TRY}`);
      return 1;
    }
  }
  let ms = clock.now;
  let code = 0;
  const setting = setTo !== null ? setTo : operand !== undefined && !operand.startsWith('+') ? operand : null;
  if (setting !== null) {
    const target = setTo !== null ? readDate(setting, clock.now) : posixTime(setting, clock.now);
    if (target === null) { io.err(`date: invalid date ${q(setting)}\n`); return 1; }
    if (!clock.set(target)) {
      io.err('date: cannot set date: Operation not permitted\n');
      code = 1;
    }
    ms = target;
  } else if (when !== null) {
    const target = readDate(when, clock.now);
    if (target === null) { io.err(`date: invalid date ${q(when)}\n`); return 1; }
    ms = target;
  }
  const whole = Math.floor(ms / 1000) * 1000;
  const nanos = Math.round((ms - whole) * 1e6);
  io.out(`${format === null ? formatDate(whole) : strftime(format, whole, nanos)}\n`);
  return code;
}
