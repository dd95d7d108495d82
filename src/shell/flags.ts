/**
 * A small pflag (spf13/pflag, which kubectl and docker use): `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, grouped booleans `-it`, `--` ends flags. Errors use pflag's wording.
 */
export interface FlagDef {
  readonly short?: string;
  /** True when the flag takes a value. */
  readonly value: boolean;
  /** A value flag whose value may be omitted (`--dry-run` means `--dry-run=unchanged`). */
  readonly optional?: string;
}

export type FlagSpec = Readonly<Record<string, FlagDef>>;

export interface Parsed {
  readonly positional: string[];
  /** Values per long name, in order (booleans: 'true'/'false'). */
  readonly flags: Map<string, string[]>;
  /** Words after `--`, or null when there is no `--`. */
  readonly dash: string[] | null;
}

export type ParseResult = { ok: true; parsed: Parsed } | { ok: false; error: string };

export function parseFlags(args: readonly string[], spec: FlagSpec): ParseResult {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (name: string, v: string) => flags.set(name, [...(flags.get(name) ?? []), v]);
  const byShort = new Map<string, string>();
  for (const [long, def] of Object.entries(spec)) if (def.short) byShort.set(def.short, long);

  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return { ok: true, parsed: { positional, flags, dash: args.slice(i + 1) } };
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = spec[name];
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      if (eq >= 0) add(name, a.slice(eq + 1));
      else if (!def.value) add(name, 'true');
      else if (def.optional !== undefined) add(name, def.optional);
      else if (i + 1 < args.length) add(name, args[++i] as string);
      else return { ok: false, error: `flag needs an argument: --${name}` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        const long = byShort.get(c);
        if (!long) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` };
        const def = spec[long] as FlagDef;
        if (!def.value) {
          add(long, 'true');
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest !== '') add(long, rest);
        else if (i + 1 < args.length) add(long, args[++i] as string);
        else return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
        break;
      }
      continue;
    }
    positional.push(a);
  }
  return { ok: true, parsed: { positional, flags, dash: null } };
}

export function flag(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return v ? v[v.length - 1] : undefined;
}

export function flagAll(p: Parsed, name: string): string[] {
  return p.flags.get(name) ?? [];
}

export function bool(p: Parsed, name: string): boolean {
  const v = flag(p, name);
  return v !== undefined && v !== 'false';
}
