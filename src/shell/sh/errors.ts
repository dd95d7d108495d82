/**
 * The input ended where the grammar needs more: inside quotes (`'`, `"`, `` ` ``), a `$(`, a `${`,
 * after `|`/`&&`/`||`, inside a compound command, or before a here-document's delimiter line.
 * Interactively the shell asks for a continuation line (PS2); at the real end of input it is an error.
 */
export class Incomplete extends Error {
  constructor(readonly wanting: string) {
    super(`incomplete: ${wanting}`);
  }
}

/** A syntax error: `unexpected token` (with the token as bash names it) or `bad substitution`. */
export class SyntaxFail extends Error {
  constructor(readonly kind: 'token' | 'bad-substitution', readonly token: string) {
    super(`${kind}: ${token}`);
  }
}
