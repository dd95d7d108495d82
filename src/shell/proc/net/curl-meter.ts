/**
 * curl's progress meter (lib/progress.c, 7.88.1): printed on stderr when the body does not go to a
 * terminal and -s is not given. Two header lines, then one `\r`-led line per second of the
 * transfer, ended by a newline (except when name resolution failed: the error follows the line
 * directly). Speeds are the lab's: a cluster-local transfer of a small page.
 */
export const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** max5data: 5 characters, with k/M suffixes above 99999 bytes. */
function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * 1024) return `${String(Math.floor(n / 1024)).padStart(4)}k`;
  return `${String(Math.floor(n / (1024 * 1024))).padStart(4)}M`;
}

function clock(s: number | null): string {
  if (s === null) return '--:--:--';
  return `${String(Math.floor(s / 3600)).padStart(2)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function line(total: number, received: number, speed: number, spent: number | null): string {
  const pct = (part: number) => String(total > 0 ? Math.floor((part * 100) / total) : 0).padStart(3);
  return `\r${pct(received)} ${max5(total)}  ${pct(received)} ${max5(received)}  ${pct(0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} ${clock(null)} ${clock(spent)} ${clock(null)} ${max5(speed)}`;
}

/** A completed transfer of `size` bytes (announced size `total`, e.g. 0 received for HEAD). */
export function meterDone(total: number, received: number): string {
  const speed = received > 0 ? 102400 : 0;
  return `${METER_HEAD}${line(0, 0, 0, null)}${line(total, received, speed, null)}\n`;
}

/** A transfer that waited `seconds` for a connection and gave up. */
export function meterWaited(seconds: number): string {
  let s = `${METER_HEAD}${line(0, 0, 0, null)}`;
  for (let t = 1; t <= seconds; t++) s += line(0, 0, 0, t);
  return `${s}\n`;
}

/** Name resolution failed at once: the meter line is not ended. */
export function meterUnresolved(): string {
  return `${METER_HEAD}${line(0, 0, 0, null)}`;
}

/** Refused at once. */
export function meterRefused(): string {
  return `${METER_HEAD}${line(0, 0, 0, null)}${line(0, 0, 0, null)}\n`;
}
