import type { ContainerReport, PodReport } from '../../engine/index.js';
import type { Proc } from './process.js';

/** The process view of one container of a pod, from the engine's reports. */
export function podProc(p: PodReport, c: ContainerReport, tty: boolean): Proc {
  const sec = c.security;
  const ct = c.container;
  return {
    hostname: p.pod.name,
    uid: sec.identity.uid,
    gid: sec.identity.gid,
    groups: sec.identity.groups,
    passwd: c.image.meta.passwd,
    ...(c.image.meta.groups ? { groupTable: c.image.meta.groups } : {}),
    bounding: sec.capabilities.bounding,
    effective: sec.capabilities.effective,
    pid1: [...ct.command, ...ct.args],
    env: ct.env,
    clockKey: `pod:${p.key}/${ct.name}`,
    tty,
    // The engine's verdicts (security/profiles): containerd installs no filter for a privileged
    // container, and confines it with no AppArmor profile unless a Localhost one is named.
    noNewPrivs: sec.noNewPrivs,
    seccomp: sec.seccomp.mode,
    seccompProfile: sec.seccomp.applied,
    apparmor: sec.appArmor.applied,
  };
}

