import type { Ctx } from '../context.js';
import { NODE_NAME } from '../context.js';
import { hostProc } from '../proc/host-proc.js';
import { HOST_PROGRAMS } from '../programs.js';
import { hostFile } from './host-files.js';
import { HOST_HOME, HostFs } from './host-fs.js';
import type { System } from './system.js';

/** The exam host's login environment (root on the control plane). */
export const HOST_ENV: Readonly<Record<string, string>> = {
  HOME: HOST_HOME,
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  USER: 'root',
  LOGNAME: 'root',
  SHELL: '/bin/bash',
  HOSTNAME: NODE_NAME,
  TERM: 'xterm-256color',
  LANG: 'C.UTF-8',
};

/** Aliases of a fresh login: the exam environment defines `k` (kubectl's alias in ~/.bashrc). */
export const HOST_ALIASES: Readonly<Record<string, string>> = { k: 'kubectl' };

/** Programs that live in /usr/local/bin on the exam host rather than /usr/bin. */
const LOCAL_BIN = new Set(['kubens', 'kubectx', 'helm', 'etcdctl']);

export function hostSystem(ctx: Ctx): System {
  const fs = new HostFs({
    files: () => ctx.files,
    setFiles: (files) => ctx.setFiles(files),
    disk: () => ctx.runtime.disk,
    setDisk: (disk) => { ctx.runtime.disk = disk; },
    virtual: (path) => hostFile(path, ctx.runtime),
  });
  const proc = hostProc();
  return {
    kind: 'host',
    fs,
    home: HOST_HOME,
    hostname: NODE_NAME,
    uid: 0,
    user: 'root',
    proc,
    key: 'host',
    shells: { bash: 'bash', sh: 'dash', dash: 'dash' },
    flavor: 'gnu',
    env: HOST_ENV,
    resolve: (name) => {
      const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
      if (name.includes('/') && !/^\/(usr\/)?(local\/)?s?bin\//.test(name)) return null;
      return Object.hasOwn(HOST_PROGRAMS, base) ? (HOST_PROGRAMS[base] ?? null) : null;
    },
    // The node's own networking (its resolv.conf, host-to-pod rules) is not simulated yet.
    net: () => null,
    pathOf: (name) => (Object.hasOwn(HOST_PROGRAMS, name) ? `${LOCAL_BIN.has(name) ? '/usr/local/bin' : '/usr/bin'}/${name}` : null),
  };
}
