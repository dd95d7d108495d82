import { procpsEscape } from '../escape.js';
import { BB_BANNER } from './coreutils/bb-usage.js';

/** PID 1's memory in kB, as `ps aux` (VSZ, RSS) and /proc/1/status (VmSize, VmRSS) both show it. */
export const PID1_MEMORY = { vsz: 2788, rss: 1536 } as const;

/** One line of procps `ps aux`. */
export interface PsRow {
  readonly user: string;
  readonly pid: number;
  /** The parent's PID as the caller's PID namespace sees it (0 when the parent is outside it). */
  readonly ppid?: number;
  readonly vsz: number;
  readonly rss: number;
  readonly tty: string;
  readonly stat: string;
  readonly start: string;
  readonly time: string;
  readonly command: string;
}

/** Which of procps' formats the options ask for (src/ps/sortformat.c generate_sysv_list and the BSD `u`). */
function psFormat(opts: readonly string[]): 'default' | 'full' | 'user' | 'bsd' {
  // A word with a leading dash holds UNIX options (-e, -f, -ef); one without is BSD (aux, ax).
  if (opts.some((o) => o.startsWith('-') && !o.startsWith('--') && o.includes('f'))) return 'full';
  const bsd = opts.filter((o) => !o.startsWith('-'));
  if (bsd.some((o) => o.includes('u'))) return 'user';
  // BSD options without a format letter: prefer_bsd_defaults pushes pid,tname,stat,bsdtime,args.
  return bsd.length > 0 ? 'bsd' : 'default';
}

/**
 * procps-ng 4.0 (Ubuntu 24.04) formats, widths from src/ps/output.c format_array; PID and PPID are
 * PIDMAX columns, 7 wide for the kernel's pid_max 4194304.
 * - `ps` and `ps -e`: PID TTY TIME CMD (`ucmd`, the command's name).
 * - `ps -f`, `ps -ef`: generate_sysv_list pushes uid_hack,pid,ppid,c,stime,tname,time,cmd: UID
 *   (8, left; longer names end in `+`), PID (7), PPID (7), C (2), STIME (5, `%H:%M` today), TTY (8,
 *   left), TIME (8, `%02u:%02u:%02u`), CMD (the whole command line).
 * - `ps ax`: PID TTY (8, left) STAT (4, left) TIME (`bsdtime`, 6) COMMAND (the command line).
 * - `ps aux`: USER (8, left), PID (7), %CPU, %MEM (4), VSZ (6), RSS (5), TTY (8, left), STAT (4,
 *   left), START (5), TIME (6), COMMAND.
 */
export function psTable(rows: readonly PsRow[], opts: readonly string[]): string {
  // COMMAND and CMD go through escape_command/escape_str: non-printables become `?` (escape.ts).
  const user = (u: string) => (u.length > 8 ? `${u.slice(0, 7)}+` : u.padEnd(8));
  const format = psFormat(opts);
  if (format === 'default') {
    const lines = ['    PID TTY          TIME CMD', ...rows.map((r) => `${String(r.pid).padStart(7)} ${r.tty.padEnd(8)} 00:00:00 ${procpsEscape(r.command.split(' ')[0]?.split('/').pop() ?? '')}`)];
    return lines.join('\n') + '\n';
  }
  if (format === 'full') {
    // pr_time: the same CPU time as `bsdtime`'s M:SS, as %02u:%02u:%02u.
    const hms = (t: string) => {
      const [m = 0, sec = 0] = t.split(':').map(Number);
      const all = m * 60 + sec;
      return [Math.floor(all / 3600), Math.floor(all / 60) % 60, all % 60].map((n) => String(n).padStart(2, '0')).join(':');
    };
    const lines = ['UID          PID    PPID  C STIME TTY          TIME CMD'];
    for (const r of rows) {
      lines.push(`${user(r.user)} ${String(r.pid).padStart(7)} ${String(r.ppid ?? 0).padStart(7)}  0 ${r.start.padStart(5)} ${r.tty.padEnd(8)} ${hms(r.time)} ${procpsEscape(r.command)}`);
    }
    return lines.join('\n') + '\n';
  }
  if (format === 'bsd') {
    const lines = ['    PID TTY      STAT   TIME COMMAND', ...rows.map((r) => `${String(r.pid).padStart(7)} ${r.tty.padEnd(8)} ${r.stat.padEnd(4)} ${r.time.padStart(6)} ${procpsEscape(r.command)}`)];
    return lines.join('\n') + '\n';
  }
  const lines = ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND'];
  for (const r of rows) {
    lines.push(`${user(r.user)} ${String(r.pid).padStart(7)}  0.0  0.0 ${String(r.vsz).padStart(6)} ${String(r.rss).padStart(5)} ${r.tty.padEnd(8)} ${r.stat.padEnd(4)} ${r.start.padStart(5)} ${r.time.padStart(6)} ${procpsEscape(r.command)}`);
  }
  return lines.join('\n') + '\n';
}

/** busybox 1.37 procps/ps.c usage (CONFIG_DESKTOP, FEATURE_SHOW_THREADS=y in defconfig). */
const BB_PS_USAGE = 'Usage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\n';

/**
 * busybox ps (CONFIG_DESKTOP) parses `getopt32(argv, "Zo:*aAdefl" "T")`: POSIX -a -A -d -e -f -l
 * (and -Z, -T) are accepted and ignored (ps.c: "We allow (and ignore) most of the above"), so
 * `ps -ef` prints the default format; words without a dash (`aux`) are operands it never reads.
 * Another letter is glibc getopt's `invalid option` and bb_show_usage (stderr, exit 1).
 * Returns that stderr text, or null when the options are accepted.
 */
export function busyboxPsOptionError(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return null;
    if (!a.startsWith('-') || a === '-') continue;
    if (a.startsWith('--')) return `ps: unrecognized option '${a}'\n${BB_BANNER}${BB_PS_USAGE}`;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      if (c === 'o') {
        if (j === a.length - 1) {
          if (i + 1 >= args.length) return `ps: option requires an argument -- 'o'\n${BB_BANNER}${BB_PS_USAGE}`;
          i++;
        }
        break;
      }
      if (!'ZaAdeflT'.includes(c)) return `ps: invalid option -- '${c}'\n${BB_BANNER}${BB_PS_USAGE}`;
    }
  }
  return null;
}
