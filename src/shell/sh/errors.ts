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

/**
 * A syntax error: `unexpected token` (with the token as bash names it), `bad substitution`,
 * `syntax`: bash's own `syntax error: …` lines (token holds their details, one a line), or `cond`:
 * bash's parser inside `[[ … ]]`, whose message stands alone (token; '' when bash says nothing).
 */
export class SyntaxFail extends Error {
  constructor(readonly kind: 'token' | 'bad-substitution' | 'syntax' | 'cond', readonly token: string) {
    super(`${kind}: ${token}`);
  }
}
