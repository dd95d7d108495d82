import { describe, expect, it } from 'vitest';
import { podYaml, shellWith } from '../../testing/shell.js';

const sh = () => shellWith(podYaml('u', { image: 'ubuntu' }), podYaml('b', { image: 'busybox' }));

describe('procps-ng ps (ubuntu): each option asks for its own format', () => {
  // procps src/ps/sortformat.c generate_sysv_list: -f pushes uid_hack,pid,ppid,c,stime,tname,time,cmd;
  // widths from src/ps/output.c format_array (UID 8 USER, PID/PPID 5 grown to 7 by PIDMAX for
  // pid_max 4194304, C 2, STIME 5 "%H:%M", TTY 8 left, TIME 8 "%02u:%02u:%02u", CMD the command line).
  // A process `kubectl exec` starts has its parent outside the pod's PID namespace: PPID 0.
  it('ps -ef: UID PID PPID C STIME TTY TIME CMD', () => {
    expect(sh().run('kubectl exec u -- ps -ef').output).toBe(
      'UID          PID    PPID  C STIME TTY          TIME CMD\n'
      + 'root           1       0  0 08:50 ?        00:00:00 sleep 3600\n'
      + 'root           7       0  0 09:00 ?        00:00:00 ps -ef\n');
  });
  it('-e without -f is the default PID TTY TIME CMD (ucmd: the name only)', () => {
    expect(sh().run('kubectl exec u -- ps -e').output).toBe('    PID TTY          TIME CMD\n      1 ?        00:00:00 sleep\n      7 ?        00:00:00 ps\n');
  });
  // generate_sysv_list with prefer_bsd_defaults: pid,tname,stat,bsdtime,args.
  it('BSD ax without u: PID TTY STAT TIME COMMAND', () => {
    expect(sh().run('kubectl exec u -- ps ax').output).toBe('    PID TTY      STAT   TIME COMMAND\n      1 ?        Ss     0:00 sleep 3600\n      7 ?        Rs     0:00 ps ax\n');
  });
  it('ps aux keeps the BSD u format', () => {
    expect(sh().run('kubectl exec u -- ps aux').output.split('\n')[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
  });
  it('on the host, ps -ef shows each container process under its shim, CPU time as hh:mm:ss', () => {
    const s = shellWith();
    const id = s.run('docker run -d ubuntu sleep 3600').output.trim();
    const out = s.run('ps -ef').output;
    expect(out).toContain('\nroot           1       0  0 08:00 ?        00:00:02 /sbin/init\n');
    const shim = new RegExp(`\\nroot +(\\d+) +1  0 \\d\\d:\\d\\d \\? +00:00:00 /usr/bin/containerd-shim-runc-v2 -namespace moby -id ${id} `).exec(out);
    expect(shim).not.toBeNull();
    expect(out).toMatch(new RegExp(`\\nroot +\\d+ +${shim?.[1]}  0 \\d\\d:\\d\\d \\? +00:00:00 sleep 3600\\n`));
  });
});

describe('busybox ps: accepts the POSIX letters and ignores them', () => {
  // busybox procps/ps.c (CONFIG_DESKTOP): getopt32(argv, "Zo:*aAdefl" IF_FEATURE_SHOW_THREADS("T"))
  // and "We allow (and ignore) most of the above": -ef prints the default pid,user,time,args.
  it('ps -ef prints the default format', () => {
    expect(sh().run('kubectl exec b -- ps -ef').output).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps -ef\n');
  });
  // getopt32 → glibc getopt_long's message, then bb_show_usage: the banner and ps.c's //usage text.
  it.each([
    ['-x', "ps: invalid option -- 'x'\n"],
    ['-eF', "ps: invalid option -- 'F'\n"],
    ['--forest', "ps: unrecognized option '--forest'\n"],
  ])('ps %s is a usage error (exit 1)', (opt, first) => {
    const r = sh().run(`kubectl exec b -- ps ${opt}`);
    expect(r.output).toBe(`${first}BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\ncommand terminated with exit code 1\n`);
    expect(r.exitCode).toBe(1);
  });
});
