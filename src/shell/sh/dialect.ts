import { STRERROR, type Errno } from './fs.js';
import type { Dialect } from './system.js';

/**
 * How each shell words its own errors. bash 5 (interactive: the prefix is the shell's name),
 * busybox ash (shell/ash.c: `sh: ` + message), dash (`sh: LINE: ` + message, LINE counting the
 * lines read). The texts were checked against the real shells (see sh/dialect.test.ts).
 */
export interface ShellWords {
  notFound(cmd: string): string;
  /** `unexpected token` syntax errors; token is bash's name for it (`|`, `newline`, `eof`). */
  unexpected(token: string): string;
  /** End of input inside quotes / a compound command (a `-c` string, or Ctrl+D). */
  unexpectedEof(wanting: string): string;
  badSubstitution(text: string): string;
  /** A parser message that stands alone (bash's `[[ … ]]` errors). */
  parser(message: string): string;
  heredocWarning(detail: string): string;
  /** A redirection could not be opened (`> dir`, `< missing`). */
  redirect(path: string, errno: Errno, reading: boolean): string;
  ambiguousRedirect(word: string): string;
  cd(path: string, errno: Errno): string;
  cdTooMany(): string;
  /** Running a path that is a directory or not executable. */
  cannotExecute(path: string, errno: Errno): string;
  /** A builtin's usage error (`export: -x: invalid option`). */
  builtin(name: string, message: string): string;
  /** An arithmetic error (`$((1/0))`). */
  arith(expr: string, error: string): string;
  /** `unalias x` of an unknown alias (ash and dash print it without the shell's prefix). */
  unaliasMissing(name: string): string;
  /** Exit status of a failed `cd` (bash 1; ash and dash raise an error: 2). */
  readonly cdStatus: number;
  /** Exit status when a redirection cannot be opened (dash 2, bash and ash 1). */
  readonly redirectStatus: number;
  /** Exit status of an expansion error that drops the line (bash 1, ash/dash 2). */
  readonly expandStatus: number;
}

/** The word a compound command waits for, as ash/dash name it in `(expecting "fi")`. */
function expecting(w: string): string | null {
  for (const k of ['fi', 'done', 'esac', '}', ')', 'then', 'do']) if (w === k || w.split('|').includes(k)) return k;
  return null;
}

/**
 * `name` is `$0` (bash, sh, or what `sh -c CMD NAME` gave); bash adds `line N: ` when not
 * interactive (a -c string or a script), dash always names the line.
 */
export function shellWords(dialect: Dialect, name: string, interactive: boolean, line: () => number): ShellWords {
  if (dialect === 'bash') {
    const p = interactive ? `${name}: ` : `${name}: line ${line()}: `;
    return {
      notFound: (c) => `${p}${c}: command not found`,
      unexpected: (t) => (t === 'eof' ? `${p}syntax error: unexpected end of file` : `${p}syntax error near unexpected token \`${t}'`),
      // bash 5.2 (checked with `bash -i -c`): one line for an open quote, `$(` or `${`.
      unexpectedEof: (w) => {
        const match = w === '"' || w === "'" || w === '`' ? w : w === '(' ? ')' : w === '}' ? '}' : null;
        return match !== null ? `${p}unexpected EOF while looking for matching \`${match}'` : `${p}syntax error: unexpected end of file`;
      },
      badSubstitution: (t) => `${p}${t}: bad substitution`,
      parser: (m) => `${p}${m}`,
      heredocWarning: (d) => `${p}warning: ${d}`,
      redirect: (path, e) => `${p}${path}: ${STRERROR[e]}`,
      ambiguousRedirect: (w) => `${p}${w}: ambiguous redirect`,
      cd: (path, e) => `${p}cd: ${path}: ${STRERROR[e]}`,
      cdTooMany: () => `${p}cd: too many arguments`,
      cannotExecute: (path, e) => `${p}${path}: ${STRERROR[e]}`,
      builtin: (name, m) => `${p}${name}: ${m}`,
      unaliasMissing: (n) => `${p}unalias: ${n}: not found`,
      // bash's expr.c names the expression with its leading blanks skipped, its trailing ones kept.
      arith: (x, e) => `${p}${x.replace(/^\s+/, '')}: ${e}`,
      cdStatus: 1, redirectStatus: 1, expandStatus: 1,
    };
  }
  if (dialect === 'ash') {
    const p = `${name}: `;
    return {
      notFound: (c) => `${p}${c}: not found`,
      unexpected: (t) => (t === 'eof' ? `${p}syntax error: unexpected end of file` : `${p}syntax error: unexpected ${t === 'newline' ? 'newline' : `"${t}"`}`),
      unexpectedEof: (w) => {
        if (w === '"' || w === "'" || w === '`') return `${p}syntax error: unterminated quoted string`;
        const e = expecting(w);
        return e ? `${p}syntax error: unexpected end of file (expecting "${e}")` : `${p}syntax error: unexpected end of file`;
      },
      badSubstitution: () => `${p}syntax error: bad substitution`,
      parser: (m) => `${p}${m}`,
      heredocWarning: () => '',
      redirect: (path, e, reading) => `${p}can't ${reading ? 'open' : 'create'} ${path}: ${e === 'ENOENT' ? (reading ? 'no such file' : 'nonexistent directory') : STRERROR[e]}`,
      ambiguousRedirect: (w) => `${p}${w}: ambiguous redirect`,
      // ash.c: a builtin's error in a non-interactive shell names the line (`-c` strings start at 0).
      cd: (path, e) => `${p}cd: ${interactive ? '' : 'line 0: '}can't cd to ${path}: ${STRERROR[e]}`,
      cdTooMany: () => `${p}cd: too many arguments`,
      cannotExecute: (path, e) => `${p}${path}: ${e === 'ENOENT' ? 'not found' : STRERROR[e]}`,
      builtin: (name, m) => `${p}${name}: ${m}`,
      unaliasMissing: (n) => `unalias: ${n} not found`,
      // ash's math.c: `divide by zero`, `arithmetic syntax error`.
      arith: (_x, e) => `${p}${e.startsWith('division by 0') ? 'divide by zero' : 'arithmetic syntax error'}`,
      cdStatus: 2, redirectStatus: 1, expandStatus: 2,
    };
  }
  const p = () => `${name}: ${line()}: `;
  return {
    notFound: (c) => `${p()}${c}: not found`,
    unexpected: (t) => (t === 'eof' ? `${p()}Syntax error: end of file unexpected` : `${p()}Syntax error: "${t === 'newline' ? 'newline' : t}" unexpected`),
    unexpectedEof: (w) => {
      if (w === '"' || w === "'" || w === '`') return `${p()}Syntax error: Unterminated quoted string`;
      const e = expecting(w);
      return e ? `${p()}Syntax error: end of file unexpected (expecting "${e}")` : `${p()}Syntax error: end of file unexpected`;
    },
    badSubstitution: () => `${p()}Bad substitution`,
    parser: (m) => `${p()}${m}`,
    heredocWarning: () => '',
    redirect: (path, e, reading) => `${p()}cannot ${reading ? 'open' : 'create'} ${path}: ${e === 'ENOENT' ? (reading ? 'No such file' : 'Directory nonexistent') : STRERROR[e]}`,
    ambiguousRedirect: (w) => `${p()}${w}: ambiguous redirect`,
    cd: (path) => `${p()}cd: can't cd to ${path}`,
    cdTooMany: () => `${p()}cd: too many arguments`,
    cannotExecute: (path, e) => `${p()}${path}: ${e === 'ENOENT' ? 'not found' : e === 'EACCES' ? 'Permission denied' : STRERROR[e]}`,
    builtin: (name, m) => `${p()}${name}: ${m}`,
    unaliasMissing: (n) => `unalias: ${n} not found`,
    // arith_yacc.c's yyerror; the messages come from sh/arith-dash.ts.
    arith: (x, e) => `${p()}arithmetic expression: ${e}: "${x}"`,
    cdStatus: 2, redirectStatus: 2, expandStatus: 2,
  };
}
