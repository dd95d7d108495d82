/**
 * Option parsing as the real tools do it: glibc getopt_long for GNU coreutils/grep (short options
 * grouped `-in`, values attached `-n3` or separate `-n 3`, long options `--lines=3` / `--lines 3`
 * and their unique prefixes `--li`, `--` ends options, operands and options mixed unless
 * POSIXLY_CORRECT-like `+`), and busybox's getopt32 over the same glibc functions (the official
 * busybox image is the glibc build): getopt_long with the applet's long options, or plain getopt
 * for applets that call it directly (head, tail), where `--lines` is `invalid option -- '-'`.
 *
 * Messages are glibc 2.36's posix/getopt.c texts (`invalid option -- 'z'`,
 * `option requires an argument -- 'n'`, `unrecognized option '--foo'`,
 * `option '--lines' requires an argument`, `option '--verbose' doesn't allow an argument`,
 * `option '--v' is ambiguous; possibilities: '--verbose' '--version'`), checked against
 * coreutils 9.1 head and busybox 1.37.0 head/cat/wc (getopt.test.ts).
 */

/** A long option: its name, whether it takes a value (0 no, 1 required, 2 optional), what it sets. */
export interface LongOpt {
  readonly name: string;
  readonly arg: 0 | 1 | 2;
  /** The key reported for it (usually the short letter it aliases). */
  readonly key: string;
}

export interface OptConfig {
  /** getopt's string: letters, `x:` takes a value, `x::` an optional attached one. */
  readonly short: string;
  readonly long?: readonly LongOpt[];
  /** Stop at the first operand (a leading `+` in glibc's optstring). */
  readonly stopAtOperand?: boolean;
  /** Plain getopt() (no long options at all): `--x` is parsed as the letters `-`, `x`. */
  readonly noLong?: boolean;
}

export interface Opt {
  readonly key: string;
  readonly value: string | null;
  /** How it was written (`-n`, `--lines`), for tools that quote it. */
  readonly spelled: string;
}

export type Parsed =
  | { readonly ok: true; readonly opts: Opt[]; readonly operands: string[] }
  | { readonly ok: false; readonly message: string };

function shortArg(short: string, c: string): 0 | 1 | 2 | -1 {
  if (c === ':' || c === '+' || c === '-') return -1;
  const i = short.indexOf(c);
  if (i < 0) return -1;
  if (short[i + 1] !== ':') return 0;
  return short[i + 2] === ':' ? 2 : 1;
}

/** Parses argv[1…]; argv[0] is only for messages, which the caller prefixes. */
export function getopt(argv: readonly string[], cfg: OptConfig): Parsed {
  const opts: Opt[] = [];
  const operands: string[] = [];
  const long = cfg.noLong ? [] : (cfg.long ?? []);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') { operands.push(...argv.slice(i + 1)); break; }
    if (a === '-' || !a.startsWith('-')) {
      if (cfg.stopAtOperand) { operands.push(...argv.slice(i)); break; }
      operands.push(a);
      continue;
    }
    if (a.startsWith('--') && !cfg.noLong) {
      const eq = a.indexOf('=');
      const typed = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const exact = long.find((l) => l.name === typed);
      let found = exact;
      if (!found) {
        const cands = long.filter((l) => l.name.startsWith(typed));
        const distinct = cands.filter((c, k) => cands.findIndex((d) => d.key === c.key && d.arg === c.arg) === k);
        if (distinct.length > 1) {
          return { ok: false, message: `option '${a}' is ambiguous; possibilities:${cands.map((c) => ` '--${c.name}'`).join('')}` };
        }
        found = cands[0];
      }
      if (!found) return { ok: false, message: `unrecognized option '${a}'` };
      if (eq >= 0) {
        if (found.arg === 0) return { ok: false, message: `option '--${found.name}' doesn't allow an argument` };
        opts.push({ key: found.key, value: a.slice(eq + 1), spelled: `--${found.name}` });
      } else if (found.arg === 1) {
        if (i + 1 >= argv.length) return { ok: false, message: `option '--${found.name}' requires an argument` };
        opts.push({ key: found.key, value: argv[++i] as string, spelled: `--${found.name}` });
      } else {
        opts.push({ key: found.key, value: null, spelled: `--${found.name}` });
      }
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      const kind = shortArg(cfg.short, c);
      if (kind < 0) return { ok: false, message: `invalid option -- '${c}'` };
      if (kind === 0) { opts.push({ key: c, value: null, spelled: `-${c}` }); continue; }
      const rest = a.slice(j + 1);
      if (rest !== '') { opts.push({ key: c, value: rest, spelled: `-${c}` }); break; }
      if (kind === 2) { opts.push({ key: c, value: null, spelled: `-${c}` }); break; }
      if (i + 1 >= argv.length) return { ok: false, message: `option requires an argument -- '${c}'` };
      opts.push({ key: c, value: argv[++i] as string, spelled: `-${c}` });
      break;
    }
  }
  return { ok: true, opts, operands };
}

/** Whether `key` was given (any number of times). */
export function has(opts: readonly Opt[], ...keys: string[]): boolean {
  return opts.some((o) => keys.includes(o.key));
}

/** The last value given for `key` (getopt's "last one wins"). */
export function last(opts: readonly Opt[], key: string): string | null {
  for (let i = opts.length - 1; i >= 0; i--) if ((opts[i] as Opt).key === key) return (opts[i] as Opt).value;
  return null;
}

/** Shorthand for long option tables: `L('lines', 1, 'n')`. */
export function L(name: string, arg: 0 | 1 | 2, key: string = name): LongOpt {
  return { name, arg, key };
}

/** Every GNU tool's `--help` and `--version`. */
export const STD_LONG: readonly LongOpt[] = [L('help', 0), L('version', 0)];
