import type { ImageRef } from '../../engine/index.js';
import type { Dialect } from '../sh/system.js';

/**
 * What a container can run comes from its image: the shells, the tool family (busybox applets or
 * GNU coreutils and friends) and the extra programs each image installs. Facts from the images'
 * Dockerfiles (docker-library/busybox, alpine, nginx, httpd, redis, mysql, postgres, node, python;
 * ubuntu's and debian's base manifests: ubuntu ships procps, debian does not; distroless images have
 * no shell at all).
 */
export interface Toolset {
  /** Human name of the family, for the inspector and notes. */
  readonly family: 'busybox' | 'alpine' | 'debian' | 'ubuntu' | 'oraclelinux' | 'distroless' | 'assumed';
  readonly flavor: 'gnu' | 'busybox';
  /** Shell programs by name. */
  readonly shells: Readonly<Record<string, Dialect>>;
  /** Every installed program name (shells included), and where it lives. */
  readonly programs: ReadonlyMap<string, string>;
}

/** BusyBox 1.36/1.37 applets of the official image's default config that people use in a pod. */
const BUSYBOX_APPLETS = [
  '[', '[[', 'arch', 'ash', 'awk', 'base64', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'clear', 'cp', 'cut', 'date', 'dd', 'df',
  'diff', 'dirname', 'dmesg', 'dnsdomainname', 'du', 'echo', 'egrep', 'env', 'expr', 'false', 'fgrep', 'find', 'free', 'getopt',
  'grep', 'groups', 'gunzip', 'gzip', 'head', 'hexdump', 'hostname', 'httpd', 'id', 'ifconfig', 'ip', 'kill', 'killall', 'less', 'ln',
  'ls', 'md5sum', 'mkdir', 'mktemp', 'more', 'mount', 'mv', 'nc', 'netstat', 'nproc', 'nslookup', 'od', 'pgrep', 'pidof', 'ping',
  'ping6', 'pkill', 'printenv', 'printf', 'ps', 'pwd', 'readlink', 'realpath', 'rev', 'rm', 'rmdir', 'route', 'sed', 'seq', 'sh',
  'sha256sum', 'sleep', 'sort', 'stat', 'strings', 'su', 'sync', 'tac', 'tail', 'tar', 'tee', 'telnet', 'test', 'time', 'timeout', 'top',
  'touch', 'tr', 'traceroute', 'true', 'tty', 'uname', 'uniq', 'unzip', 'uptime', 'usleep', 'vi', 'watch', 'wc', 'wget', 'which',
  'whoami', 'xargs', 'yes', 'zcat',
];

/** Debian bookworm / Ubuntu base: coreutils, grep, sed, mawk (awk), findutils, tar, gzip, hostname, debianutils, ncurses-bin, login. */
const DEBIAN_BASE = [
  'bash', 'sh', 'dash', 'cat', 'chgrp', 'chmod', 'chown', 'clear', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'basename', 'du',
  'echo', 'env', 'expr', 'false', 'find', 'grep', 'egrep', 'fgrep', 'groups', 'gzip', 'head', 'hostname', 'id', 'ln', 'ls', 'md5sum',
  'mkdir', 'mktemp', 'mv', 'nproc', 'od', 'printenv', 'printf', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'sed', 'seq', 'awk', 'mawk',
  'sha256sum', 'sleep', 'sort', 'stat', 'su', 'sync', 'tac', 'tail', 'tar', 'tee', 'test', '[', 'timeout', 'touch', 'tr', 'true',
  'tty', 'uname', 'uniq', 'wc', 'which', 'whoami', 'xargs', 'yes', 'zcat', 'base64', 'getent', 'mount', 'more', 'kill',
  // util-linux (Essential: yes) ships unshare next to mount.
  'unshare',
];

const BIN = (names: readonly string[], dir: string) => names.map((n) => [n, `${dir}/${n}`] as const);

function toolset(family: Toolset['family'], flavor: Toolset['flavor'], shells: Record<string, Dialect>, names: readonly string[]): Toolset {
  const dir = flavor === 'busybox' ? '/bin' : '/usr/bin';
  return { family, flavor, shells, programs: new Map(BIN(names, dir)) };
}

// unshare (util-linux/unshare.c, `default y`) is in the image's defconfig build; whether Alpine's
// busybox has it is not known here, so alpine images are not given it.
const busyboxSet = toolset('busybox', 'busybox', { sh: 'ash', ash: 'ash' }, [...BUSYBOX_APPLETS, 'unshare']);
const alpineSet = (extra: readonly string[] = []) => toolset('alpine', 'busybox', { sh: 'ash', ash: 'ash' }, [...BUSYBOX_APPLETS, 'apk', ...extra]);
const debianSet = (extra: readonly string[] = [], family: Toolset['family'] = 'debian') =>
  toolset(family, 'gnu', { sh: 'dash', dash: 'dash', bash: 'bash' }, [...DEBIAN_BASE, ...extra]);
const DISTROLESS: Toolset = { family: 'distroless', flavor: 'gnu', shells: {}, programs: new Map() };

/** What an image's repository (Docker Hub path) and tag install beyond its base. */
const EXTRA: Readonly<Record<string, readonly string[]>> = {
  'library/nginx': ['curl', 'nginx'],
  'nginxinc/nginx-unprivileged': ['curl', 'nginx'],
  'library/httpd': ['httpd', 'apachectl'],
  'library/redis': ['redis-cli', 'redis-server'],
  'library/postgres': ['psql', 'postgres', 'ps', 'watch'],
  'library/node': ['node', 'npm', 'curl', 'wget', 'ps', 'watch'],
  'library/python': ['python', 'python3', 'pip', 'curl', 'wget', 'ps', 'watch'],
  'library/ubuntu': ['ps', 'pgrep', 'pkill', 'top', 'free', 'uptime', 'w', 'watch'],
};

/** The toolset of an image; unknown images are assumed Debian-like (bash, coreutils) — the inspector says so. */
export function toolsetOf(ref: ImageRef | null): Toolset {
  if (!ref) return debianSet([], 'assumed');
  const repo = ref.registry === 'docker.io' ? ref.repository : ref.repository.includes('/') ? ref.repository : `library/${ref.repository}`;
  const tag = ref.tag ?? 'latest';
  if (/(^|\/)distroless\//.test(`${ref.registry}/${ref.repository}`) || ref.registry === 'gcr.io' && ref.repository.startsWith('distroless/')) return DISTROLESS;
  if (ref.registry === 'registry.k8s.io') return ref.repository.includes('coredns') || ref.repository.includes('pause') ? DISTROLESS : debianSet(['iptables']);
  if (repo === 'library/busybox') return busyboxSet;
  if (repo === 'library/alpine') return alpineSet();
  if (repo === 'curlimages/curl') return alpineSet(['curl']);
  if (repo === 'nicolaka/netshoot') return alpineSet(['curl', 'bash', 'nslookup', 'dig', 'nc', 'tcpdump', 'nmap']);
  if (repo === 'library/mysql' && !/debian/.test(tag)) return toolset('oraclelinux', 'gnu', { sh: 'bash', bash: 'bash' }, [...DEBIAN_BASE.filter((n) => n !== 'dash'), 'mysql', 'mysqld']);
  const extra = EXTRA[repo] ?? [];
  if (/alpine/.test(tag)) return alpineSet(extra.filter((n) => n !== 'ps' && n !== 'wget'));
  if (repo === 'library/ubuntu') return debianSet(extra, 'ubuntu');
  if (repo === 'library/debian' || Object.hasOwn(EXTRA, repo) || repo.startsWith('bitnami/')) return debianSet(extra);
  return debianSet([], 'assumed');
}
