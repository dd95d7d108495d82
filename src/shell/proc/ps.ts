import { procpsEscape } from '../escape.js';

/** PID 1's memory in kB, as `ps aux` (VSZ, RSS) and /proc/1/status (VmSize, VmRSS) both show it. */
export const PID1_MEMORY = { vsz: 2788, rss: 1536 } as const;

/** One line of procps `ps aux`. */
export interface PsRow {
  readonly user: string;
  readonly pid: number;
  readonly vsz: number;
  readonly rss: number;
  readonly tty: string;
  readonly stat: string;
  readonly start: string;
  readonly time: string;
  readonly command: string;
}

/**
 * procps-ng `ps aux` columns: USER (8, left; longer names end in `+`), PID (7), %CPU, %MEM (4),
 * VSZ (6), RSS (5), TTY (8, left), STAT (4, left), START (5), TIME (6), COMMAND. Plain `ps`
 * (no options) prints PID TTY TIME CMD.
 */
export function psTable(rows: readonly PsRow[], opts: readonly string[]): string {
  // COMMAND and CMD go through escape_command/escape_str: non-printables become `?` (escape.ts).
  if (opts.length === 0) {
    const lines = ['    PID TTY          TIME CMD', ...rows.map((r) => `${String(r.pid).padStart(7)} ${r.tty.padEnd(8)} 00:00:00 ${procpsEscape(r.command.split(' ')[0]?.split('/').pop() ?? '')}`)];
    return lines.join('\n') + '\n';
  }
  const user = (u: string) => (u.length > 8 ? `${u.slice(0, 7)}+` : u.padEnd(8));
  const lines = ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND'];
  for (const r of rows) {
    lines.push(`${user(r.user)} ${String(r.pid).padStart(7)}  0.0  0.0 ${String(r.vsz).padStart(6)} ${String(r.rss).padStart(5)} ${r.tty.padEnd(8)} ${r.stat.padEnd(4)} ${r.start.padStart(5)} ${r.time.padStart(6)} ${procpsEscape(r.command)}`);
  }
  return lines.join('\n') + '\n';
}
