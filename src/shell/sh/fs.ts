/**
 * A small file system interface: the host's (the editor's files are the home directory) and each
 * container's (its image's files plus what was written) implement it. Paths are absolute and
 * normalized; errors are errno names, printed by each tool in its own words with `strerror`.
 */
export type Errno = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EACCES' | 'EPERM' | 'EROFS' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL' | 'EBUSY';

/** glibc / musl strerror texts (identical for these errnos). */
export const STRERROR: Readonly<Record<Errno, string>> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EROFS: 'Read-only file system',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  EBUSY: 'Device or resource busy',
};

export interface Stat {
  readonly type: 'file' | 'dir' | 'char';
  readonly size: number;
  /** Permission bits, e.g. 0o644. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

/** Why a read failed (an object, so it can never be mistaken for file content). */
export interface ReadError {
  readonly errno: Errno;
}

export interface Fs {
  stat(path: string): Stat | Errno;
  /** The file's text, or why it cannot be read. */
  read(path: string): string | ReadError;
  /** Creates or truncates (append false) / appends; the parent directory must exist. */
  write(path: string, text: string, append: boolean): Errno | null;
  /** Entry names, sorted. */
  readdir(path: string): string[] | Errno;
  mkdir(path: string): Errno | null;
  unlink(path: string): Errno | null;
  rmdir(path: string): Errno | null;
}

export function isErrno(v: unknown): v is Errno {
  return typeof v === 'string' && Object.hasOwn(STRERROR, v);
}

/** `cwd` + `path` → absolute, with `.`/`..`/`//` resolved and `~` expanded by the caller. */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** A path as the prompt and `pwd` show it relative to HOME (`~`, `~/dir`). */
export function tildePath(path: string, home: string): string {
  if (path === home) return '~';
  return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}
