import type { Compound, List, Word } from './ast.js';
import { evalArith } from './arith.js';
import { arithLookup } from './expand.js';
import type { Builtin } from './builtins.js';
import type { Frame, Interp } from './exec.js';

/**
 * bash's arithmetic commands: `(( expr ))`, `for (( init; cond; step ))` and the `let` builtin.
 * Their status is 0 when the (last) value is non-zero, 1 when it is zero or the expression fails;
 * a failing expression prints bash's message named after the command (`bash: ((: 1/0: division
 * by 0 (error token is "0")`, `bash: let: …`) and the command line goes on (unlike `$((1/0))`).
 */

/** Expands a word as `$((…))` would (expansion errors end the command line, as there). */
export type ExpandArith = (w: Word) => string | null;

/** The value of an expanded expression, or null after printing the error. */
function evaluate(sh: Interp, text: string, who: string, f: Frame): bigint | null {
  // An unset name under `set -u` ends the command line, as in `$((…))` (Interp.guard prints it).
  const r = sh.guard(f, () => evalArith(text, arithLookup(sh.env()), (n, v) => sh.setVar(n, v)));
  if (r === null) return null;
  if (r.ok) return r.value;
  // bash's evalerror names the expression with its leading blanks skipped.
  f.err(`${sh.words.builtin(who, `${r.expr.replace(/^[ \t]+/, '')}: ${r.error}`)}\n`);
  return null;
}

/** `(( expr ))`. */
export function arithCommand(sh: Interp, expr: Word, f: Frame, expand: ExpandArith): number {
  const text = expand(expr);
  if (text === null) return 1;
  const v = evaluate(sh, text, '((', f);
  return v === null || v === 0n ? 1 : 0;
}

/** `for (( init; cond; step ))`: an empty condition is true; the status is the body's last. */
export function arithFor(
  sh: Interp,
  c: Extract<Compound, { t: 'arithFor' }>,
  f: Frame,
  expand: ExpandArith,
  loopBody: (body: List) => { status: number; brk: boolean },
): number {
  const run = (w: Word, blank: bigint): bigint | null => {
    const text = expand(w);
    if (text === null) return null;
    return /^[ \t\n]*$/.test(text) ? blank : evaluate(sh, text, '((', f);
  };
  if (run(c.init, 0n) === null) return 1;
  let status = 0;
  for (;;) {
    const cond = run(c.cond, 1n);
    if (cond === null) return 1;
    if (cond === 0n) break;
    const r = loopBody(c.body);
    status = r.status;
    if (r.brk) break;
    if (run(c.step, 0n) === null) return 1;
  }
  return status;
}

/** `let expr…`: each argument evaluated in turn; `--` first is skipped. */
export const letBuiltin: Builtin = {
  dialects: ['bash'],
  run(argv, sh, f) {
    const args = argv.slice(1);
    if (args[0] === '--') args.shift();
    if (args.length === 0) {
      f.err(`${sh.words.builtin('let', 'expression expected')}\n`);
      return 1;
    }
    let v = 0n;
    for (const a of args) {
      const r = evaluate(sh, a, 'let', f);
      if (r === null) return 1;
      v = r;
    }
    return v === 0n ? 1 : 0;
  },
};
