import { parseFlags, type FlagSpec, type ParseResult } from '../flags.js';

/**
 * docker's commands that run something (`docker run`, `docker exec`) call pflag's
 * `flags.SetInterspersed(false)` (docker/cli cli/command/container/run.go NewRunCommand, exec.go):
 * flag parsing stops at the first positional word (the image, the container), and every word
 * after it belongs to the container's command, `-s` in `date -s` included. `--` also ends the
 * flags. Returns the parsed flags and the positional words from the first one on.
 */
export function parseLeadingFlags(args: readonly string[], spec: FlagSpec): { result: ParseResult; rest: string[] } {
  const byShort = new Map<string, boolean>();
  for (const def of Object.values(spec)) if (def.short) byShort.set(def.short, def.value);
  let i = 0;
  while (i < args.length) {
    const a = args[i] as string;
    if (a === '--') return { result: parseFlags(args.slice(0, i), spec), rest: args.slice(i + 1) };
    if (!a.startsWith('-') || a === '-') break;
    if (a.startsWith('--')) {
      // `--name value` takes the next word unless written `--name=value`.
      const def = spec[a.slice(2)];
      i += def?.value && def.optional === undefined ? 2 : 1;
      continue;
    }
    // A group of shorthands: the first that takes a value takes the rest of the word or the next word.
    let skip = 1;
    for (let j = 1; j < a.length; j++) {
      if (byShort.get(a[j] as string) === true) {
        if (j === a.length - 1) skip = 2;
        break;
      }
    }
    i += skip;
  }
  const cut = Math.min(i, args.length);
  return { result: parseFlags(args.slice(0, cut), spec), rest: args.slice(cut) };
}
