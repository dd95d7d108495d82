import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { SourceFile } from '../engine/index.js';

/** A command line kslab does not understand: exit 2, with the usage. */
export class UsageError extends Error {}

/** Input that cannot be read (missing, not a regular file, too big, a symlink loop…): exit 3, one line. */
export class InputError extends Error {}

/**
 * What kslab reads, at most. A file past the limit is refused before it is read, so a 600 MB file
 * or a symlink to /dev/zero ends in one line, not in memory exhaustion. 32 MiB is three times the
 * largest paste issue 12 asks to answer (10 MB, 70,000 pods); the engine bounds the work above that.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** At most this many files in one run (a directory of a million *.yaml is refused, not walked). */
export const MAX_FILES = 10_000;
/** At most this many bytes over all files of one run. */
export const MAX_TOTAL_BYTES = 128 * 1024 * 1024;

export interface ReadOptions {
  /**
   * `--follow-symlinks`: read symlinks inside a directory PATH whose target is outside it. Without
   * it they are refused (a shared folder must not make kslab read ~/.ssh). A symlink named on the
   * command line itself is always followed (as `find -H` does): the user chose it.
   */
  readonly followSymlinks?: boolean;
}

const MIB = 1024 * 1024;
const mib = (n: number) => `${(n / MIB).toFixed(n < 10 * MIB ? 1 : 0)} MiB`;

/** The one-line reason an fs call failed, from its errno code. */
function reason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'symbolic link loop (too many levels of symbolic links)';
    case 'ENOTDIR': return 'not a directory';
    case 'EISDIR': return 'is a directory';
    case 'ENAMETOOLONG': return 'file name too long';
    case 'ENXIO': return 'no such device or address (a socket?)';
    case 'EIO': return 'input/output error';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    default: return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  }
}

/** Whether `e` is an error from node:fs (it carries an errno code). */
export function isFsError(e: unknown): e is Error & { code: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** `--follow-symlinks` and the rest of the arguments. */
export function symlinkFlag(args: readonly string[]): { followSymlinks: boolean; rest: string[] } {
  return { followSymlinks: args.includes('--follow-symlinks'), rest: args.filter((a) => a !== '--follow-symlinks') };
}

/** What kind of non-regular file a Stats is, in words. */
function kindOf(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'is a directory';
  if (st.isFIFO()) return 'is a FIFO (named pipe); only regular files are read';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device; only regular files are read';
  if (st.isSocket()) return 'is a socket; only regular files are read';
  return 'is not a regular file';
}

/** Whether `path` is `dir` or inside it (both real paths). */
function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * The real path behind `path`, with symlink trouble in words: a loop, a dangling link, or (when
 * `within` is given and symlinks are not followed) a link that leaves that directory.
 */
function realTarget(path: string, within: string | undefined, opts: ReadOptions): string {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (e) {
    throw new InputError(`${path}: ${reason(e)}`);
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT' && link.isSymbolicLink()) {
      let to = '?';
      try { to = readlinkSync(path); } catch { /* keep '?' */ }
      throw new InputError(`${path}: dangling symbolic link (its target ${to} does not exist)`);
    }
    throw new InputError(`${path}: ${reason(e)}`);
  }
  if (within !== undefined && !opts.followSymlinks && !inside(real, within)) {
    throw new InputError(`${path}: symbolic link to ${real}, outside ${within}; pass --follow-symlinks to read it`);
  }
  return real;
}

/** Running totals of one run, so MAX_FILES and MAX_TOTAL_BYTES hold across PATHs. */
export class Budget {
  files = 0;
  bytes = 0;
  take(path: string, bytes: number): void {
    this.files += 1;
    this.bytes += bytes;
    if (this.files > MAX_FILES) throw new InputError(`${path}: more than ${MAX_FILES} files in one run; analyze fewer`);
    if (this.bytes > MAX_TOTAL_BYTES) throw new InputError(`${path}: more than ${mib(MAX_TOTAL_BYTES)} in one run; analyze fewer files`);
  }
}

/**
 * Reads one regular file as UTF-8: FIFOs, devices and sockets are refused before they are opened
 * (and checked again on the opened descriptor, opened non-blocking so a FIFO swapped in cannot
 * hang); at most MAX_FILE_BYTES, checked on the size and while reading (a file may grow).
 * `within`: the real path of the directory the file was listed from (symlinks must stay inside).
 */
export function readTextFile(path: string, opts: ReadOptions = {}, within?: string, budget = new Budget()): string {
  const real = realTarget(path, within, opts);
  let st: Stats;
  try {
    st = statSync(real);
  } catch (e) {
    throw new InputError(`${path}: ${reason(e)}`);
  }
  const kind = kindOf(st);
  if (kind) throw new InputError(`${path}: ${kind}`);
  if (st.size > MAX_FILE_BYTES) throw new InputError(`${path}: ${mib(st.size)}, over the limit of ${mib(MAX_FILE_BYTES)} per file`);
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    throw new InputError(`${path}: ${reason(e)}`);
  }
  try {
    const again = kindOf(fstatSync(fd));
    if (again) throw new InputError(`${path}: ${again}`);
    const bytes = readBounded(fd, path);
    budget.take(path, bytes.length);
    return new TextDecoder().decode(bytes);
  } finally {
    closeSync(fd);
  }
}

/** Reads fd to its end, refusing more than MAX_FILE_BYTES; EAGAIN (a non-blocking pipe) waits a little. */
function readBounded(fd: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(256 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); continue; }
      if (code === 'EOF') break;
      throw new InputError(`${name}: ${reason(e)}`);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) throw new InputError(`${name}: more than ${mib(MAX_FILE_BYTES)}, the limit per file`);
    chunks.push(Uint8Array.prototype.slice.call(chunk, 0, n));
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/**
 * The *.yaml / *.yml names of a directory (and `Dockerfile` when asked), sorted; null when `path`
 * is not a directory. Entries are read later through readTextFile with the directory as `within`.
 */
export function listDirectory(path: string, also: (name: string) => boolean = () => false): { names: string[]; real: string } | null {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    // A dangling symlink or a loop is reported by readTextFile with its own words.
    if ((e as { code?: unknown }).code === 'ENOENT' || (e as { code?: unknown }).code === 'ELOOP') {
      realTarget(path, undefined, {});
    }
    throw new InputError(`${path}: ${reason(e)}`);
  }
  if (!st.isDirectory()) return null;
  let names: string[];
  try {
    names = readdirSync(path);
  } catch (e) {
    throw new InputError(`${path}: ${reason(e)}`);
  }
  const picked = names.filter((n) => /\.ya?ml$/i.test(n) || also(n)).sort();
  if (picked.length > MAX_FILES) throw new InputError(`${path}: ${picked.length} files, more than ${MAX_FILES} in one run`);
  return { names: picked, real: realpathSync(path) };
}

/**
 * PATH = a file, a directory (its *.yaml / *.yml, sorted by name) or `-` (standard input).
 * File names in diagnostics are the paths as the user wrote them.
 */
export function readSources(paths: readonly string[], readStdin: () => string, opts: ReadOptions = {}): SourceFile[] {
  const files: SourceFile[] = [];
  const budget = new Budget();
  for (const path of paths) {
    if (path === '-') {
      const text = readStdin();
      budget.take('<stdin>', text.length);
      files.push({ name: '<stdin>', text });
      continue;
    }
    const dir = listDirectory(path);
    if (dir) {
      for (const name of dir.names) files.push({ name: join(path, name), text: readTextFile(join(path, name), opts, dir.real, budget) });
    } else {
      files.push({ name: path, text: readTextFile(path, opts, undefined, budget) });
    }
  }
  return files;
}

/** Standard input, at most MAX_FILE_BYTES (`kslab analyze - < /dev/zero` stops with one line). */
export function readStdinSync(): string {
  try {
    const st = fstatSync(0);
    if (st.isFile() && st.size > MAX_FILE_BYTES) throw new InputError(`<stdin>: ${mib(st.size)}, over the limit of ${mib(MAX_FILE_BYTES)}`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    return ''; // no standard input at all (closed): nothing to read
  }
  return new TextDecoder().decode(readBounded(0, '<stdin>'));
}

/**
 * A reader confined to one folder (a lesson's): paths are resolved against it and every file read
 * must be inside it — a `@../../…` reference or a symlink out of the folder is refused (symlinks
 * only with --follow-symlinks).
 */
export function folderReader(root: string, opts: ReadOptions = {}) {
  const realRoot = (() => {
    try {
      return realpathSync(root);
    } catch (e) {
      throw new InputError(`${root}: ${reason(e)}`);
    }
  })();
  const budget = new Budget();
  const check = (path: string): void => {
    const abs = resolve(path);
    const absRoot = resolve(root);
    if (!inside(abs, absRoot) && !inside(abs, realRoot)) {
      throw new InputError(`${path}: outside the lesson folder ${root}; a lesson may refer only to its own files`);
    }
  };
  return {
    readFile(path: string): string {
      check(path);
      return readTextFile(path, opts, realRoot, budget);
    },
    listDir(path: string): string[] {
      check(path);
      if (path !== root) realTarget(path, realRoot, opts);
      try {
        return readdirSync(path).sort();
      } catch (e) {
        throw new InputError(`${path}: ${reason(e)}`);
      }
    },
    exists(path: string): boolean {
      check(path);
      try {
        lstatSync(path);
        return true;
      } catch {
        return false;
      }
    },
  };
}
