import type { ContainerReport, ImageRef, PodReport } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { groupFile, homeOf, osRelease, passwdFile } from '../proc/etc-files.js';
import { attrCurrentFile, statusFile } from '../proc/proc-status.js';
import { containerMounts } from '../proc/mounts.js';
import { serviceAccountFiles } from '../proc/serviceaccount.js';
import type { Proc } from '../proc/process.js';
import { containerProgram } from '../programs.js';
import { toolsetOf, type Toolset } from '../proc/toolsets.js';
import type { ContainerDisk } from '../types.js';
import type { Net } from '../proc/net/net.js';
import { podNet } from '../proc/net/pod-net.js';
import { ContainerFs, type BaseFile } from './container-fs.js';
import type { System } from './system.js';

const EMPTY_DISK: ContainerDisk = { files: {}, removed: [], dirs: [] };
const BASE_DIRS = ['/', '/bin', '/dev', '/etc', '/home', '/proc', '/proc/1', '/proc/self', '/proc/1/attr', '/proc/self/attr', '/root', '/run', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/usr/sbin', '/sbin', '/var', '/var/run', '/lib'];

export interface ContainerSpec {
  /** The network the container is on (a pod's: the cluster; docker's bridge: none simulated). */
  readonly net: (tool: string) => Net | null;
  /** Key of the writable layer and clock in the runtime (`pod:ns/name/container`, `docker:ID`). */
  readonly key: string;
  readonly proc: Proc;
  readonly image: ImageRef | null;
  /** Files the runtime adds (kubelet's /etc/hosts, resolv.conf, service account token). */
  readonly extra: ReadonlyMap<string, string>;
  readonly mounts: readonly string[];
  /** Read-only volume mounts (proc/mounts.ts); absent: none. */
  readonly readOnlyMounts?: readonly string[];
  readonly readOnlyRoot: boolean;
  /** Extra environment (the container's env). */
  readonly env: Readonly<Record<string, string>>;
}

/** A container as a machine the shell can run programs on. */
export function containerSystem(ctx: Ctx, spec: ContainerSpec): System {
  const toolset = toolsetOf(spec.image);
  const { proc } = spec;
  const home = homeOf(toolset.family, proc.passwd, proc.uid);
  const base = new Map<string, BaseFile>();
  const dirs = new Set(BASE_DIRS);
  if (toolset.family !== 'distroless') {
    base.set('/etc/passwd', { text: passwdFile(toolset.family, proc.passwd) });
    base.set('/etc/group', { text: groupFile(proc.passwd, proc.groupTable) });
    const release = osRelease(toolset.family, proc.passwd);
    if (release !== null) base.set('/etc/os-release', { text: release });
    base.set('/etc/shadow', { text: `${proc.passwd.map((e) => `${e.name}:*:19000:0:99999:7:::`).join('\n')}\n`, mode: 0o640 });
  }
  base.set('/etc/hostname', { text: `${proc.hostname}\n` });
  base.set('/proc/1/status', { text: statusFile(proc, 1, (proc.pid1[0] ?? 'sleep').split('/').pop() ?? 'sleep') });
  base.set('/proc/self/status', { text: statusFile(proc, 8, 'cat') });
  base.set('/proc/1/attr/current', { text: attrCurrentFile(proc) });
  base.set('/proc/self/attr/current', { text: attrCurrentFile(proc) });
  for (const dir of toolset.programs.values()) base.set(dir, { text: '', mode: 0o755 });
  for (const [path, text] of spec.extra) {
    base.set(path, { text });
    for (let d = path.slice(0, path.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) dirs.add(d);
  }
  const disk = () => ctx.runtime.containerDisk[spec.key] ?? EMPTY_DISK;
  const fs = new ContainerFs({
    base, baseDirs: dirs, disk,
    setDisk: (d) => { ctx.runtime.containerDisk = { ...ctx.runtime.containerDisk, [spec.key]: d }; },
    readOnlyRoot: spec.readOnlyRoot, mounts: spec.mounts, readOnlyMounts: spec.readOnlyMounts ?? [], uid: proc.uid, home,
  });
  const user = proc.passwd.find((p) => p.uid === proc.uid)?.name ?? null;
  return {
    kind: 'container', fs, home, hostname: proc.hostname, uid: proc.uid, user, proc, key: spec.key,
    shells: toolset.shells, flavor: toolset.flavor,
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOSTNAME: proc.hostname,
      ...spec.env,
      HOME: home,
    },
    resolve: (name) => resolveIn(toolset, name),
    net: spec.net,
    pathOf: (name) => toolset.programs.get(name) ?? null,
  };
}

function resolveIn(toolset: Toolset, name: string): ReturnType<System['resolve']> {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const where = toolset.programs.get(base);
  if (where === undefined) return null;
  // `/bin/sh` and `sh` both find it; a path elsewhere does not.
  if (name.includes('/') && name !== where && !['/bin/', '/usr/bin/', '/sbin/', '/usr/sbin/', '/usr/local/bin/'].some((d) => name === `${d}${base}`)) return null;
  return containerProgram(base, toolset);
}

/** The files the kubelet adds to every container (pkg/kubelet/kubelet_pods.go managedHostsFileContent). */
export function kubeletFiles(p: PodReport, container: string): Map<string, string> {
  const pod = p.pod;
  const files = new Map<string, string>();
  files.set('/etc/hosts', pod.hostNetwork
    ? `# Kubernetes-managed hosts file (host network).\n127.0.0.1 localhost\n`
    : `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.ip}\t${pod.name}\n`);
  files.set('/etc/resolv.conf', `search ${pod.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`);
  for (const [path, text] of serviceAccountFiles(p, container)) files.set(path, text);
  return files;
}

/** The System of one container of a pod, for `kubectl exec`. */
export function podSystem(ctx: Ctx, p: PodReport, c: ContainerReport, proc: Proc): System {
  const ct = c.container;
  return containerSystem(ctx, {
    key: `pod:${p.key}/${ct.name}`,
    proc,
    net: (tool) => podNet(ctx, p, tool),
    image: c.image.ref,
    extra: kubeletFiles(p, ct.name),
    mounts: containerMounts(p, c).writable,
    readOnlyMounts: containerMounts(p, c).readOnly,
    readOnlyRoot: ct.securityContext?.readOnlyRootFilesystem === true,
    env: Object.fromEntries(ct.env.map((e) => [e.name, e.value])),
  });
}
