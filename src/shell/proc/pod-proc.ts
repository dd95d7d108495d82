import type { ContainerReport, PodReport } from '../../engine/index.js';
import type { Proc } from './process.js';

/** The process view of one container of a pod, from the engine's reports. */
export function podProc(p: PodReport, c: ContainerReport, tty: boolean): Proc {
  const sec = c.security;
  const ct = c.container;
  const seccomp = ct.securityContext?.seccompProfile?.type ?? p.pod.securityContext?.seccompProfile?.type;
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
    noNewPrivs: !sec.allowPrivilegeEscalation,
    seccomp: seccomp === 'RuntimeDefault' || seccomp === 'Localhost' ? 2 : 0,
  };
}

