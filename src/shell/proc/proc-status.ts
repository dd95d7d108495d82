import { capBitmap } from '../caps.js';
import type { Proc } from './process.js';
import { PID1_MEMORY } from './ps.js';

/** `VmPeak:\t    2616 kB`: task_mem's seq_put_decimal_ull_width(m, name, value, 8) then ` kB`. */
const kb = (name: string, value: number) => `${name}:\t${String(value).padStart(8)} kB`;

/** The memory block of task_mem (fs/proc/task_mmu.c), with VmSize and VmRSS as `ps aux` shows them (PID1_MEMORY). */
function memoryLines(): string[] {
  const { vsz, rss } = PID1_MEMORY;
  return [
    kb('VmPeak', vsz), kb('VmSize', vsz), kb('VmLck', 0), kb('VmPin', 0), kb('VmHWM', rss), kb('VmRSS', rss),
    kb('RssAnon', 88), kb('RssFile', rss - 88), kb('RssShmem', 0), kb('VmData', 224), kb('VmStk', 132), kb('VmExe', 4),
    kb('VmLib', 1672), kb('VmPTE', 44), kb('VmSwap', 0), kb('HugetlbPages', 0), 'CoreDumping:\t0', 'THP_enabled:\t1',
  ];
}

/** Mems_allowed: nodemask_pr_args over MAX_NUMNODES (Ubuntu's CONFIG_NODES_SHIFT=10: 32 words), node 0. */
const MEMS_ALLOWED = `${Array(31).fill('00000000').join(',')},00000001`;

/**
 * /proc/PID/status as the lab node's kernel (Ubuntu 22.04, 5.15) prints it, in fs/proc/array.c's
 * order: task_name, umask, task_state, task_mem, task_sig, task_cap, task_seccomp (NoNewPrivs,
 * Seccomp, Seccomp_filters, the speculation lines), task_cpus_allowed, cpuset (Mems_allowed),
 * context switches. Capability bitmaps from the sets; the node has two CPUs.
 */
export function statusFile(proc: Proc, pid: number, name: string): string {
  const g = [proc.gid, ...proc.groups.filter((x) => x !== proc.gid)];
  const eff = capBitmap(proc.effective);
  return [
    `Name:\t${name}`, 'Umask:\t0022', 'State:\tS (sleeping)', `Tgid:\t${pid}`, 'Ngid:\t0', `Pid:\t${pid}`, `PPid:\t${pid === 1 ? 0 : 0}`, 'TracerPid:\t0',
    `Uid:\t${proc.uid}\t${proc.uid}\t${proc.uid}\t${proc.uid}`, `Gid:\t${proc.gid}\t${proc.gid}\t${proc.gid}\t${proc.gid}`,
    'FDSize:\t64', `Groups:\t${g.join(' ')} `, `NStgid:\t${pid}`, `NSpid:\t${pid}`, `NSpgid:\t${pid}`, `NSsid:\t${pid}`,
    ...memoryLines(),
    'Threads:\t1', 'SigQ:\t0/15420', 'SigPnd:\t0000000000000000', 'ShdPnd:\t0000000000000000', 'SigBlk:\t0000000000000000',
    'SigIgn:\t0000000000000000', 'SigCgt:\t0000000000000000',
    'CapInh:\t0000000000000000', `CapPrm:\t${eff}`, `CapEff:\t${eff}`, `CapBnd:\t${capBitmap(proc.bounding)}`, 'CapAmb:\t0000000000000000',
    `NoNewPrivs:\t${proc.noNewPrivs ? 1 : 0}`, `Seccomp:\t${proc.seccomp}`, `Seccomp_filters:\t${proc.seccomp === 2 ? 1 : 0}`,
    'Speculation_Store_Bypass:\tthread vulnerable', 'SpeculationIndirectBranch:\tconditional enabled',
    'Cpus_allowed:\t3', 'Cpus_allowed_list:\t0-1', `Mems_allowed:\t${MEMS_ALLOWED}`, 'Mems_allowed_list:\t0',
    'voluntary_ctxt_switches:\t2', 'nonvoluntary_ctxt_switches:\t0',
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
