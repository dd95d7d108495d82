/**
 * The syntax tree of the lab's shell: the POSIX sh grammar (XCU 2.10) that the exam's bash and the
 * images' busybox ash / dash share, as far as a terminal session uses it.
 */

import type { CondExpr } from './cond.js';

/** One piece of a word. `q` says how it was quoted: 0 bare, 1 single quotes or `\x`, 2 double quotes. */
export type Part =
  | { readonly t: 'lit'; readonly v: string; readonly q: 0 | 1 | 2 }
  /** `bare`: written `$name`, without braces (brace expansion may lengthen its name: `$x{a,b}` is `$xa $xb`). */
  | { readonly t: 'param'; readonly name: string; readonly op: ParamOp | null; readonly arg: Word | null; readonly q: boolean; readonly arg2?: Word | null; readonly bare?: true }
  | { readonly t: 'cmdsub'; readonly body: List; readonly src: string; readonly q: boolean }
  | { readonly t: 'arith'; readonly expr: Word; readonly q: boolean }
  | { readonly t: 'tilde'; readonly user: string };

/**
 * `${x:-w}` and friends; `#` is `${#x}` (length), the others take a word. bash (and in part
 * busybox ash) adds `${x:off:len}` (`:`; arg the offset, arg2 the length), `${x/pat/rep}` and its
 * `//`, `/#`, `/%` forms (arg the pattern, arg2 the replacement), and case changes `^ ^^ , ,, ~ ~~`.
 */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#len' | '#' | '##' | '%' | '%%'
  | ':' | '/' | '//' | '/#' | '/%' | '^' | '^^' | ',' | ',,' | '~' | '~~'
  /** Not an expansion (`${x:}`, `${#x:1}`): bash says so when it expands it; arg holds the text. */
  | 'bad'
  /** bash's `${!name}` (the variable `name` names) and `${!prefix*}` / `${!prefix@}` (the names that start so). */
  | '!' | '!*' | '!@';

export interface Word {
  readonly parts: readonly Part[];
  /** The word as typed (for error messages and alias expansion). */
  readonly src: string;
}

export type RedirOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '<<' | '<<-' | '<<<' | '&>' | '&>>';

export interface Redir {
  readonly fd: number;
  readonly op: RedirOp;
  readonly target: Word;
  /** Here-documents: the body as read, and whether it undergoes expansion (unquoted delimiter). */
  heredoc?: { body: string; expand: boolean };
}

export interface Assign {
  readonly name: string;
  readonly value: Word;
}

export interface Simple {
  readonly t: 'simple';
  readonly assigns: readonly Assign[];
  readonly words: readonly Word[];
  readonly redirs: readonly Redir[];
  /** Source text of the command from its first word on (alias expansion re-reads it). */
  readonly src: string;
  /** Offset in `src` where the first word ends. */
  readonly firstEnd: number;
}

export type Compound =
  | { readonly t: 'group'; readonly body: List; readonly redirs: readonly Redir[] }
  | { readonly t: 'subshell'; readonly body: List; readonly redirs: readonly Redir[] }
  | { readonly t: 'if'; readonly clauses: readonly { readonly cond: List; readonly body: List }[]; readonly otherwise: List | null; readonly redirs: readonly Redir[] }
  | { readonly t: 'for'; readonly name: string; readonly items: readonly Word[] | null; readonly body: List; readonly redirs: readonly Redir[] }
  | { readonly t: 'while' | 'until'; readonly cond: List; readonly body: List; readonly redirs: readonly Redir[] }
  | { readonly t: 'case'; readonly word: Word; readonly arms: readonly { readonly patterns: readonly Word[]; readonly body: List }[]; readonly redirs: readonly Redir[] }
  | { readonly t: 'func'; readonly name: string; readonly body: Command; readonly redirs: readonly Redir[] }
  /** bash's `[[ … ]]` (sh/cond.ts). */
  | { readonly t: 'cond'; readonly expr: CondExpr; readonly redirs: readonly Redir[] }
  /** bash's `(( expr ))` and `for (( init; cond; step ))`: the expressions as words (expanded, then evaluated). */
  | { readonly t: 'arith'; readonly expr: Word; readonly redirs: readonly Redir[] }
  | { readonly t: 'arithFor'; readonly init: Word; readonly cond: Word; readonly step: Word; readonly body: List; readonly redirs: readonly Redir[] };

export type Command = Simple | Compound;

export interface Pipeline {
  readonly negate: boolean;
  readonly cmds: readonly Command[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly p: Pipeline }[];
}

export interface List {
  /**
   * `nl`: the item ends its line (a newline or the end of the text follows it, after any `;` or `&`):
   * an interactive shell reads and runs one such line of items at a time.
   */
  readonly items: readonly { readonly ao: AndOr; readonly bg: boolean; readonly nl?: boolean }[];
}
