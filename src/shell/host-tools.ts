import { imageInfo, resolveUser } from './docker/images.js';
import { LAB_CREATED, formatHourMinute } from './clock.js';
import type { Command } from './context.js';
import { psTable, type PsRow } from './proc/ps.js';

/**
 * `ps` on the host sees every process, the containers' too, under their host PIDs: the course's
 * "process isolation" point. A uid without a name on the host is printed as a number.
 */
const hostPs: Command = (args, ctx) => {
  const start = formatHourMinute(LAB_CREATED - 50 * 60 * 1000);
  const rows: PsRow[] = [
    { user: 'root', pid: 1, ppid: 0, vsz: 167744, rss: 13160, tty: '?', stat: 'Ss', start, time: '0:02', command: '/sbin/init' },
    { user: 'root', pid: 512, ppid: 1, vsz: 1873728, rss: 48752, tty: '?', stat: 'Ssl', start, time: '0:12', command: '/usr/bin/containerd' },
    { user: 'root', pid: 690, ppid: 1, vsz: 2319276, rss: 86016, tty: '?', stat: 'Ssl', start, time: '0:05', command: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock' },
  ];
  for (const c of ctx.runtime.containers.filter((x) => x.running)) {
    rows.push({ user: 'root', pid: c.hostPid - 21, ppid: 1, vsz: 1238200, rss: 10496, tty: '?', stat: 'Sl', start: formatHourMinute(LAB_CREATED), time: '0:00', command: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock` });
    // The container's uid as the kernel sees it: --user, else the image's USER (a built image's too).
    const info = imageInfo(c.image, ctx.runtime.images);
    const who = resolveUser(c.user ?? info.user, info.passwd);
    const uid = 'error' in who ? 0 : who.uid;
    rows.push({ user: uid === 0 ? 'root' : String(uid), pid: c.hostPid, ppid: c.hostPid - 21, vsz: 2788, rss: 1536, tty: '?', stat: 'Ss', start: formatHourMinute(LAB_CREATED), time: '0:00', command: c.command.join(' ') });
  }
  rows.push({ user: 'root', pid: ctx.runtime.nextHostPid + 99, ppid: ctx.runtime.nextHostPid + 98, vsz: 7888, rss: 4096, tty: 'pts/0', stat: 'R+', start: '09:00', time: '0:00', command: ['ps', ...args].join(' ') });
  ctx.out.out(psTable(rows, args));
  return 0;
};

/** kubens (ahmetb/kubectx): list, switch (`Context "…" modified.` + `Active namespace is "…".`), `-`, `-c`. */
const kubens: Command = (args, ctx) => {
  const rt = ctx.runtime;
  const names = ctx.analysis().cluster.namespaces.map((n) => n.name);
  const arg = args[0];
  if (arg === undefined) {
    for (const n of names) ctx.out.line(n);
    return 0;
  }
  if (arg === '-c' || arg === '--current') {
    ctx.out.line(ctx.namespace());
    return 0;
  }
  const target = arg === '-' ? rt.previousNamespace : arg;
  if (target === null) {
    ctx.out.errLine('error: No previous namespace found for current context.');
    return 1;
  }
  if (!names.includes(target)) {
    ctx.out.errLine(`error: no namespace exists with name "${target}"`);
    return 1;
  }
  rt.previousNamespace = ctx.namespace();
  rt.namespaces = { ...rt.namespaces, [rt.context]: target };
  ctx.out.line(`Context "${rt.context}" modified.`);
  ctx.out.line(`Active namespace is "${target}".`);
  return 0;
};

/** kubectx: list contexts, switch (`Switched to context "…".`), `-`, `-c`. */
const kubectx: Command = (args, ctx) => {
  const rt = ctx.runtime;
  const names = Object.keys(rt.namespaces).sort();
  const arg = args[0];
  if (arg === undefined) {
    for (const n of names) ctx.out.line(n);
    return 0;
  }
  if (arg === '-c' || arg === '--current') {
    ctx.out.line(rt.context);
    return 0;
  }
  const target = arg === '-' ? rt.previousContext : arg;
  if (target === null || !names.includes(target)) {
    ctx.out.errLine(target === null ? 'error: No previous context found.' : `error: no context exists with the name: "${target}"`);
    return 1;
  }
  rt.previousContext = rt.context;
  rt.context = target;
  ctx.out.line(`Switched to context "${target}".`);
  return 0;
};

const clear: Command = (_args, ctx) => {
  ctx.clear = true;
  return 0;
};

/** Host-only tools, called with their arguments (argv without the name). */
export const HOST_TOOLS: Readonly<Record<string, Command>> = { kubens, kubectx, clear, ps: hostPs };
