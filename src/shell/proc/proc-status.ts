import { capBitmap } from '../caps.js';
import type { Proc } from './process.js';

/** /proc/PID/status as the kernel prints it (fs/proc/array.c), capability bitmaps from the sets. */
export function statusFile(proc: Proc, pid: number, name: string): string {
  const g = [proc.gid, ...proc.groups.filter((x) => x !== proc.gid)];
  const eff = capBitmap(proc.effective);
  return [
    `Name:\t${name}`, 'Umask:\t0022', 'State:\tS (sleeping)', `Tgid:\t${pid}`, 'Ngid:\t0', `Pid:\t${pid}`, `PPid:\t${pid === 1 ? 0 : 0}`, 'TracerPid:\t0',
    `Uid:\t${proc.uid}\t${proc.uid}\t${proc.uid}\t${proc.uid}`, `Gid:\t${proc.gid}\t${proc.gid}\t${proc.gid}\t${proc.gid}`,
    'FDSize:\t64', `Groups:\t${g.join(' ')} `, `NStgid:\t${pid}`, `NSpid:\t${pid}`, `NSpgid:\t${pid}`, `NSsid:\t${pid}`,
    'Threads:\t1', 'SigQ:\t0/15420', 'SigPnd:\t0000000000000000', 'ShdPnd:\t0000000000000000', 'SigBlk:\t0000000000000000',
    'SigIgn:\t0000000000000000', 'SigCgt:\t0000000000000000',
    'CapInh:\t0000000000000000', `CapPrm:\t${eff}`, `CapEff:\t${eff}`, `CapBnd:\t${capBitmap(proc.bounding)}`, 'CapAmb:\t0000000000000000',
    `NoNewPrivs:\t${proc.noNewPrivs ? 1 : 0}`, `Seccomp:\t${proc.seccomp}`, `Seccomp_filters:\t${proc.seccomp === 2 ? 1 : 0}`,
    'Speculation_Store_Bypass:\tthread vulnerable', 'Cpus_allowed_list:\t0-1', 'voluntary_ctxt_switches:\t2', 'nonvoluntary_ctxt_switches:\t0',
  ].join('\n') + '\n';
}


/**
 * /proc/PID/attr/current under AppArmor: the confining profile and its mode, `unconfined` when
 * none (the kernel's apparmor getprocattr; `cri-containerd.apparmor.d (enforce)` as the
 * kubernetes.io AppArmor tutorial's `cat /proc/1/attr/current` shows for a profile).
 */
export function attrCurrentFile(proc: Proc): string {
  const label = proc.apparmor ?? 'unconfined';
  return label === 'unconfined' ? 'unconfined\n' : `${label} (enforce)\n`;
}
