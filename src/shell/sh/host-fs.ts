import type { SourceFile } from '../../engine/index.js';
import { basename, dirname, type Errno, type Fs, type ReadError, type Stat } from './fs.js';

/** The exam host's home: root's, as on the exam's control plane. */
export const HOST_HOME = '/root';

/** What the host file system keeps beyond the editor's files (plain JSON in the shell runtime). */
export interface HostDisk {
  /** Directories made with mkdir (absolute). */
  readonly dirs: readonly string[];
  /** Files outside the editor's tabs (absolute path → text): /tmp, dotfiles in ~. */
  readonly scratch: Readonly<Record<string, string>>;
}

export interface HostFsStore {
  files(): readonly SourceFile[];
  setFiles(files: SourceFile[]): void;
  disk(): HostDisk;
  setDisk(disk: HostDisk): void;
  /** Read-only files generated from the lab's state (`~/.kube/config`, /etc/hostname). */
  virtual(path: string): string | null;
}

/** A Debian/Ubuntu root file system's top directories, and the ones the lab populates. */
const SYSTEM_DIRS = [
  '/', '/bin', '/boot', '/dev', '/etc', '/etc/kubernetes', '/etc/kubernetes/manifests', '/home', '/lib', '/media', '/mnt', '/opt',
  '/proc', '/root', '/root/.kube', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin',
  '/usr/sbin', '/usr/share', '/var', '/var/log',
];
/** The kernel's trees: even root cannot create files there. */
const READ_ONLY_TREES = ['/proc', '/sys', '/dev'];

/** An editor tab's name ↔ its path: tabs live in the home directory (`a/b.yaml` is ~/a/b.yaml). */
export function tabPath(name: string): string {
  return name.startsWith('/') ? name : `${HOST_HOME}/${name}`;
}

/** The tab name for a path, or null when the path is not a tab (outside ~, or a dotfile). */
export function tabName(path: string): string | null {
  if (!path.startsWith(`${HOST_HOME}/`)) return null;
  const rel = path.slice(HOST_HOME.length + 1);
  if (rel.split('/').some((seg) => seg.startsWith('.'))) return null;
  return rel;
}

export class HostFs implements Fs {
  constructor(private readonly store: HostFsStore) {}

  /** A tab, else what was written to the disk, else what the lab generates. */
  private fileText(path: string): string | null {
    if (path === '/dev/null') return '';
    const tab = this.store.files().find((f) => tabPath(f.name) === path);
    if (tab) return tab.text;
    const s = this.store.disk().scratch;
    if (Object.hasOwn(s, path)) return s[path] as string;
    return this.store.virtual(path);
  }

  private isDir(path: string): boolean {
    if (SYSTEM_DIRS.includes(path) || this.store.disk().dirs.includes(path)) return true;
    const prefix = path === '/' ? '/' : `${path}/`;
    if (this.store.files().some((f) => tabPath(f.name).startsWith(prefix))) return true;
    return Object.keys(this.store.disk().scratch).some((p) => p.startsWith(prefix));
  }

  stat(path: string): Stat | Errno {
    if (path === '/dev/null') return { type: 'char', size: 0, mode: 0o666, uid: 0, gid: 0 };
    if (this.isDir(path)) return { type: 'dir', size: 4096, mode: path === '/tmp' ? 0o1777 : 0o755, uid: 0, gid: 0 };
    const text = this.fileText(path);
    if (text !== null) return { type: 'file', size: new TextEncoder().encode(text).length, mode: 0o644, uid: 0, gid: 0 };
    return this.parentError(path) ?? 'ENOENT';
  }

  private parentError(path: string): Errno | null {
    const parent = dirname(path);
    if (parent === path) return null;
    if (this.fileText(parent) !== null) return 'ENOTDIR';
    return null;
  }

  read(path: string): string | ReadError {
    if (this.isDir(path)) return { errno: 'EISDIR' };
    return this.fileText(path) ?? { errno: this.parentError(path) ?? 'ENOENT' };
  }

  write(path: string, text: string, append: boolean): Errno | null {
    if (path === '/dev/null') return null;
    if (this.isDir(path)) return 'EISDIR';
    const parent = dirname(path);
    if (!this.isDir(parent)) return this.fileText(parent) !== null ? 'ENOTDIR' : 'ENOENT';
    if (READ_ONLY_TREES.some((t) => path === t || path.startsWith(`${t}/`))) return 'EACCES';
    const name = tabName(path);
    if (name !== null) {
      const files = [...this.store.files()];
      const i = files.findIndex((f) => f.name === name);
      const before = i >= 0 ? (files[i] as SourceFile).text : '';
      const next = { name, text: append ? before + text : text };
      if (i >= 0) files[i] = next;
      else files.push(next);
      this.store.setFiles(files);
      return null;
    }
    const disk = this.store.disk();
    const before = disk.scratch[path] ?? '';
    this.store.setDisk({ ...disk, scratch: { ...disk.scratch, [path]: append ? before + text : text } });
    return null;
  }

  readdir(path: string): string[] | Errno {
    if (!this.isDir(path)) return this.fileText(path) !== null ? 'ENOTDIR' : 'ENOENT';
    const prefix = path === '/' ? '/' : `${path}/`;
    const names = new Set<string>();
    const add = (p: string) => {
      if (!p.startsWith(prefix) || p === prefix) return;
      const first = p.slice(prefix.length).split('/')[0];
      if (first) names.add(first);
    };
    for (const d of [...SYSTEM_DIRS, ...this.store.disk().dirs]) add(d);
    for (const f of this.store.files()) add(tabPath(f.name));
    for (const p of Object.keys(this.store.disk().scratch)) add(p);
    for (const v of VIRTUAL_FILES) add(v);
    return [...names].sort();
  }

  mkdir(path: string): Errno | null {
    if (this.isDir(path) || this.fileText(path) !== null) return 'EEXIST';
    const parent = dirname(path);
    if (!this.isDir(parent)) return this.fileText(parent) !== null ? 'ENOTDIR' : 'ENOENT';
    if (READ_ONLY_TREES.some((t) => path.startsWith(`${t}/`))) return 'EACCES';
    const disk = this.store.disk();
    this.store.setDisk({ ...disk, dirs: [...disk.dirs, path] });
    return null;
  }

  unlink(path: string): Errno | null {
    if (this.isDir(path)) return 'EISDIR';
    if (path === '/dev/null') return 'EACCES';
    const name = tabName(path);
    const files = this.store.files();
    if (name !== null && files.some((f) => f.name === name)) {
      this.store.setFiles(files.filter((f) => f.name !== name));
      return null;
    }
    const disk = this.store.disk();
    if (!Object.hasOwn(disk.scratch, path)) return this.store.virtual(path) !== null ? 'EACCES' : (this.parentError(path) ?? 'ENOENT');
    const scratch = { ...disk.scratch };
    delete scratch[path];
    this.store.setDisk({ ...disk, scratch });
    return null;
  }

  rmdir(path: string): Errno | null {
    if (!this.isDir(path)) return this.fileText(path) !== null ? 'ENOTDIR' : 'ENOENT';
    const entries = this.readdir(path);
    if (Array.isArray(entries) && entries.length > 0) return 'ENOTEMPTY';
    if (SYSTEM_DIRS.includes(path)) return 'EBUSY';
    const disk = this.store.disk();
    this.store.setDisk({ ...disk, dirs: disk.dirs.filter((d) => d !== path) });
    return null;
  }
}

/** Files the host has whatever the lab holds (listed by `ls`; contents from `virtual`). */
export const VIRTUAL_FILES = [
  '/etc/hostname', '/etc/hosts', '/etc/os-release', '/etc/passwd', '/etc/group', '/etc/resolv.conf',
  '/root/.kube/config', '/root/.bashrc', '/root/.vimrc', '/etc/kubernetes/admin.conf', '/dev/null',
];

export { basename };
