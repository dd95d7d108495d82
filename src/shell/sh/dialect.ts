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
      heredocWarning: (d) => `${p}warning: ${d}`,
      redirect: (path, e) => `${p}${path}: ${STRERROR[e]}`,
      ambiguousRedirect: (w) => `${p}${w}: ambiguous redirect`,
      cd: (path, e) => `${p}cd: ${path}: ${STRERROR[e]}`,
      cdTooMany: () => `${p}cd: too many arguments`,
      cannotExecute: (path, e) => `${p}${path}: ${STRERROR[e]}`,
      builtin: (name, m) => `${p}${name}: ${m}`,
    };
  }
  if (dialect === 'ash') {
    const p = `${name}: `;
    return {
      notFound: (c) => `${p}${c}: not found`,
      unexpected: (t) => (t === 'eof' ? `${p}syntax error: unexpected end of file` : `${p}syntax error: unexpected ${t === 'newline' ? 'newline' : `"${t}"`}`),
      unexpectedEof: (w) => (w === '"' || w === "'" ? `${p}syntax error: unterminated quoted string` : `${p}syntax error: unexpected end of file (expecting "${w}")`),
      badSubstitution: (t) => `${p}syntax error: bad substitution`.replace('$t', t),
      heredocWarning: () => '',
      redirect: (path, e, reading) => `${p}can't ${reading ? 'open' : 'create'} ${path}: ${e === 'ENOENT' ? (reading ? 'no such file' : 'nonexistent directory') : STRERROR[e]}`,
      ambiguousRedirect: (w) => `${p}${w}: ambiguous redirect`,
      cd: (path, e) => `${p}cd: can't cd to ${path}: ${STRERROR[e]}`,
      cdTooMany: () => `${p}cd: too many arguments`,
      cannotExecute: (path, e) => `${p}${path}: ${STRERROR[e]}`,
      builtin: (name, m) => `${p}${name}: ${m}`,
    };
  }
  const p = () => `${name}: ${line()}: `;
  return {
    notFound: (c) => `${p()}${c}: not found`,
    unexpected: (t) => (t === 'eof' ? `${p()}Syntax error: end of file unexpected` : `${p()}Syntax error: "${t === 'newline' ? 'newline' : t}" unexpected`),
    unexpectedEof: (w) => (w === '"' || w === "'" ? `${p()}Syntax error: Unterminated quoted string` : `${p()}Syntax error: end of file unexpected (expecting "${w}")`),
    badSubstitution: () => `${p()}Bad substitution`,
    heredocWarning: () => '',
    redirect: (path, e, reading) => `${p()}cannot ${reading ? 'open' : 'create'} ${path}: ${e === 'ENOENT' ? (reading ? 'No such file' : 'Directory nonexistent') : STRERROR[e]}`,
    ambiguousRedirect: (w) => `${p()}${w}: ambiguous redirect`,
    cd: (path) => `${p()}cd: can't cd to ${path}`,
    cdTooMany: () => `${p()}cd: too many arguments`,
    cannotExecute: (path, e) => `${p()}${path}: ${e === 'EACCES' ? 'Permission denied' : STRERROR[e]}`,
    builtin: (name, m) => `${p()}${name}: ${m}`,
  };
}
