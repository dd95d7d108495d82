import type { GroupEntry, PasswdEntry } from '../../engine/index.js';
import type { Toolset } from './toolsets.js';

/**
 * /etc/passwd and /etc/group as each base image writes them: busybox's skeleton
 * (docker-library/busybox, buildroot `system/skeleton/etc/passwd`), Debian's base-passwd
 * (`/usr/share/base-passwd/passwd.master`), alpine-baselayout. The engine's catalogue gives the
 * entries (name, uid, gid); this adds the gecos, home and shell fields they carry.
 */
type Fields = readonly [gecos: string, home: string, shell: string];

const BUSYBOX: Readonly<Record<string, Fields>> = {
  root: ['root', '/root', '/bin/sh'], daemon: ['daemon', '/usr/sbin', '/bin/false'], bin: ['bin', '/bin', '/bin/false'],
  sys: ['sys', '/dev', '/bin/false'], sync: ['sync', '/bin', '/bin/sync'], mail: ['mail', '/var/spool/mail', '/bin/false'],
  'www-data': ['www-data', '/var/www', '/bin/false'], operator: ['Operator', '/var', '/bin/false'], nobody: ['nobody', '/home', '/bin/false'],
};

const DEBIAN: Readonly<Record<string, Fields>> = {
  root: ['root', '/root', '/bin/bash'], daemon: ['daemon', '/usr/sbin', '/usr/sbin/nologin'], bin: ['bin', '/bin', '/usr/sbin/nologin'],
  sys: ['sys', '/dev', '/usr/sbin/nologin'], sync: ['sync', '/bin', '/bin/sync'], games: ['games', '/usr/games', '/usr/sbin/nologin'],
  man: ['man', '/var/cache/man', '/usr/sbin/nologin'], lp: ['lp', '/var/spool/lpd', '/usr/sbin/nologin'],
  mail: ['mail', '/var/mail', '/usr/sbin/nologin'], news: ['news', '/var/spool/news', '/usr/sbin/nologin'],
  uucp: ['uucp', '/var/spool/uucp', '/usr/sbin/nologin'], proxy: ['proxy', '/bin', '/usr/sbin/nologin'],
  'www-data': ['www-data', '/var/www', '/usr/sbin/nologin'], backup: ['backup', '/var/backups', '/usr/sbin/nologin'],
  list: ['Mailing List Manager', '/var/list', '/usr/sbin/nologin'], irc: ['ircd', '/run/ircd', '/usr/sbin/nologin'],
  gnats: ['Gnats Bug-Reporting System (admin)', '/var/lib/gnats', '/usr/sbin/nologin'], _apt: ['', '/nonexistent', '/usr/sbin/nologin'],
  nobody: ['nobody', '/nonexistent', '/usr/sbin/nologin'], nginx: ['nginx user', '/nonexistent', '/bin/false'],
  ubuntu: ['Ubuntu', '/home/ubuntu', '/bin/bash'], node: ['', '/home/node', '/bin/bash'],
  mysql: ['', '/var/lib/mysql', '/bin/bash'], redis: ['', '/home/redis', '/usr/sbin/nologin'],
  postgres: ['', '/var/lib/postgresql', '/bin/bash'],
};

const ALPINE_SHELL = '/sbin/nologin';

function fieldsOf(family: Toolset['family'], e: PasswdEntry): Fields {
  if (family === 'busybox') return BUSYBOX[e.name] ?? [e.name, `/home/${e.name}`, '/bin/sh'];
  if (family === 'alpine' || family === 'oraclelinux') return e.uid === 0 ? ['root', '/root', '/bin/sh'] : [e.name, e.name === 'nobody' ? '/' : `/home/${e.name}`, ALPINE_SHELL];
  return DEBIAN[e.name] ?? ['', `/home/${e.name}`, '/bin/sh'];
}

export function passwdFile(family: Toolset['family'], entries: readonly PasswdEntry[]): string {
  return entries.map((e) => {
    const [gecos, home, shell] = fieldsOf(family, e);
    return `${e.name}:x:${e.uid}:${e.gid}:${gecos}:${home}:${shell}`;
  }).join('\n') + '\n';
}

/** The home directory of a uid, as login would set HOME (`/` when the uid has no entry). */
export function homeOf(family: Toolset['family'], entries: readonly PasswdEntry[], uid: number): string {
  const e = entries.find((x) => x.uid === uid);
  return e ? fieldsOf(family, e)[1] : '/';
}

export function groupFile(entries: readonly PasswdEntry[], table: readonly GroupEntry[] = []): string {
  const seen = new Map<number, string>();
  for (const e of entries) if (!seen.has(e.gid)) seen.set(e.gid, `${e.uid === e.gid ? e.name : e.gid === 0 ? 'root' : e.gid === 65534 ? 'nogroup' : e.name}:x:${e.gid}:`);
  for (const g of table) seen.set(g.gid, `${g.name}:x:${g.gid}:${g.members.join(',')}`);
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line).join('\n') + '\n';
}

/**
 * /etc/os-release of the base images (debian: base-files 12, as Debian 12 itself writes it;
 * ubuntu: base-files of 24.04 "noble" and 22.04 "jammy"; alpine: alpine-release 3.21; Oracle Linux 9
 * under mysql). The busybox image has none.
 */
export function osRelease(family: Toolset['family'], passwd: readonly PasswdEntry[]): string | null {
  switch (family) {
    case 'debian': case 'assumed':
      return 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';
    case 'ubuntu': {
      // 23.04 and later have the `ubuntu` user (the catalogue's passwd tells the release apart).
      const noble = passwd.some((e) => e.name === 'ubuntu');
      const [v, pretty, code] = noble ? ['24.04', '24.04.1 LTS', 'noble'] : ['22.04', '22.04.5 LTS', 'jammy'];
      return `PRETTY_NAME="Ubuntu ${pretty}"\nNAME="Ubuntu"\nVERSION_ID="${v}"\nVERSION="${pretty} (${code === 'noble' ? 'Noble Numbat' : 'Jammy Jellyfish'})"\nVERSION_CODENAME=${code}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=${code}\n${noble ? 'LOGO=ubuntu-logo\n' : ''}`;
    }
    case 'alpine':
      return 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n';
    case 'oraclelinux':
      return 'NAME="Oracle Linux Server"\nVERSION="9.5"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVARIANT_ID="server"\nVERSION_ID="9.5"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Oracle Linux Server 9.5"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:9:5:server"\nHOME_URL="https://linux.oracle.com/"\nBUG_REPORT_URL="https://github.com/oracle/oracle-linux"\n';
    default:
      return null;
  }
}
