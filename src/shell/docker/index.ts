import type { Command, Ctx } from '../context.js';
import { hexId } from '../encode.js';
import { bool, flag, flagAll } from '../flags.js';
import { runOn } from '../sh/run-on.js';
import { dockerSystem } from './system.js';
import type { Proc } from '../proc/process.js';
import { tabwrite } from '../tabwriter.js';
import type { DockerContainer } from '../types.js';
import { dockerCapabilities } from './caps.js';
import { imageInfo, resolveUser } from './images.js';
import { dockerBuild } from './build.js';
import { parseLeadingFlags } from './args.js';
import { generateName } from './names.js';
import { dockerPullCommand, pullError } from './pull.js';

/** Commands that end at once: a foreground `docker run` prints their output and the container exits. */
const SHORT = new Set(['whoami', 'id', 'date', 'ps', 'cat', 'capsh', 'env', 'printenv', 'hostname', 'echo', 'true', 'false']);

export function containerProc(c: DockerContainer, ctx: Ctx, tty: boolean): Proc | { error: string } {
  const info = imageInfo(c.image, ctx.runtime.images);
  const who = resolveUser(c.user ?? info.user, info.passwd);
  if ('error' in who) return who;
  const caps = dockerCapabilities(c.capAdd, c.capDrop, c.privileged);
  if ('error' in caps) return caps;
  return {
    hostname: c.id.slice(0, 12), uid: who.uid, gid: who.gid, groups: [], passwd: info.passwd,
    bounding: caps.caps,
    // Docker sets no ambient capabilities: a non-root process has none effective.
    effective: who.uid === 0 ? caps.caps : [],
    pid1: c.command, env: [], clockKey: `docker:${c.id}`, tty, noNewPrivs: false, seccomp: c.privileged ? 0 : 2,
  };
}

function find(ctx: Ctx, ref: string): DockerContainer | undefined {
  return ctx.runtime.containers.find((c) => c.name === ref || (ref.length >= 1 && c.id.startsWith(ref)));
}

function run(args: string[], ctx: Ctx): number {
  const { result: r, rest } = parseLeadingFlags(args, {
    detach: { short: 'd', value: false }, name: { value: true }, user: { short: 'u', value: true },
    'cap-add': { value: true }, 'cap-drop': { value: true }, privileged: { value: false },
    interactive: { short: 'i', value: false }, tty: { short: 't', value: false }, rm: { value: false },
  });
  if (!r.ok) {
    ctx.out.errLine(`${r.error}\nSee 'docker run --help'.`);
    return 125;
  }
  // docker stops parsing its flags at the image: everything after is the container's command.
  const p = r.parsed;
  const [image, ...cmd] = rest;
  if (!image) {
    ctx.out.errLine("docker: 'docker run' requires at least 1 argument.\nSee 'docker run --help'.");
    return 125;
  }
  const failed = pullError(image, ctx);
  if (failed) {
    ctx.out.errLine(`Unable to find image '${failed.familiar}' locally`);
    ctx.out.errLine(`docker: Error response from daemon: ${failed.error}.\nSee 'docker run --help'.`);
    return 125;
  }
  const info = imageInfo(image, ctx.runtime.images);
  const rt = ctx.runtime;
  const seq = rt.containers.length + rt.nextHostPid;
  const id = hexId(`container-${seq}-${image}-${cmd.join(' ')}`);
  const taken = (n: string) => rt.containers.some((c) => c.name === n);
  const name = flag(p, 'name') ?? generateName(id, taken);
  if (taken(name)) {
    ctx.out.errLine(`docker: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${rt.containers.find((c) => c.name === name)?.id}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.`);
    return 125;
  }
  const container: DockerContainer = {
    id, name, image, command: cmd.length ? cmd : [...info.cmd], user: flag(p, 'user') ?? null,
    capAdd: flagAll(p, 'cap-add'), capDrop: flagAll(p, 'cap-drop'), privileged: bool(p, 'privileged'),
    running: true, exitCode: 0, hostPid: rt.nextHostPid + 21,
  };
  const proc = containerProc(container, ctx, bool(p, 'tty'));
  if ('error' in proc) {
    ctx.out.errLine(`docker: Error response from daemon: ${proc.error}.\nSee 'docker run --help'.`);
    return 125;
  }
  rt.nextHostPid += 100;
  const prog = (container.command[0] ?? '').split('/').pop() ?? '';
  const detach = bool(p, 'detach');
  let stored = container;
  let code = 0;
  if (!detach && (SHORT.has(prog) || !bool(p, 'interactive') && ['bash', 'sh'].includes(prog))) {
    // Runs to completion in the foreground; a shell without -i exits at once.
    const res = SHORT.has(prog) ? runOn(ctx, dockerSystem(ctx, container, proc), [...container.command], '') : 0;
    code = res ?? 127;
    if (res === null) ctx.out.errLine(`docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${container.command[0]}": executable file not found in $PATH: unknown.`);
    stored = { ...container, running: false, exitCode: code };
  } else if (detach) ctx.out.line(id);
  if (!(bool(p, 'rm') && !stored.running)) rt.containers = [...rt.containers, stored];
  return code;
}

function ps(args: string[], ctx: Ctx): number {
  const all = args.includes('-a') || args.includes('--all');
  const quiet = args.includes('-q');
  const list = [...ctx.runtime.containers].reverse().filter((c) => all || c.running);
  if (quiet) {
    for (const c of list) ctx.out.line(c.id.slice(0, 12));
    return 0;
  }
  const quote = (s: string) => `"${s.length > 20 ? `${s.slice(0, 19)}…` : s}"`;
  const rows = list.map((c) => [c.id.slice(0, 12), c.image, quote(c.command.join(' ')), 'About a minute ago', c.running ? 'Up About a minute' : `Exited (${c.exitCode}) About a minute ago`, '', c.name]);
  // docker's table writer: tabwriter with minwidth 10, padding 3.
  ctx.out.out(tabwrite([['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], ...rows].map((x) => x.join('\t')).join('\n') + '\n', { minwidth: 10, padding: 3 }));
  return 0;
}

function exec(args: string[], ctx: Ctx): number {
  const { result: r, rest } = parseLeadingFlags(args, {
    interactive: { short: 'i', value: false }, tty: { short: 't', value: false }, user: { short: 'u', value: true },
  });
  if (!r.ok) {
    ctx.out.errLine(`${r.error}\nSee 'docker exec --help'.`);
    return 125;
  }
  const [ref, ...argv] = rest;
  if (!ref || argv.length === 0) {
    ctx.out.errLine("docker: 'docker exec' requires at least 2 arguments.\nSee 'docker exec --help'.");
    return 1;
  }
  const c = find(ctx, ref);
  if (!c) {
    ctx.out.errLine(`Error response from daemon: No such container: ${ref}`);
    return 1;
  }
  if (!c.running) {
    ctx.out.errLine(`Error response from daemon: container ${c.id} is not running`);
    return 1;
  }
  const user = flag(r.parsed, 'user');
  const proc = containerProc(user !== undefined ? { ...c, user } : c, ctx, bool(r.parsed, 'tty'));
  if ('error' in proc) {
    ctx.out.errLine(`Error response from daemon: ${proc.error}`);
    return 126;
  }
  const code = runOn(ctx, dockerSystem(ctx, c, proc), argv, bool(r.parsed, 'interactive') ? ctx.stdin : '');
  if (code === null) {
    ctx.out.errLine(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`);
    return 127;
  }
  return code;
}

function stopOrRm(verb: 'stop' | 'rm' | 'kill'): Command {
  return (args, ctx) => {
    const force = args.includes('-f') || args.includes('--force');
    let code = 0;
    for (const ref of args.filter((a) => !a.startsWith('-'))) {
      const c = find(ctx, ref);
      if (!c) {
        ctx.out.errLine(`Error response from daemon: No such container: ${ref}`);
        code = 1;
        continue;
      }
      if (verb === 'rm') {
        if (c.running && !force) {
          ctx.out.errLine(`Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`);
          code = 1;
          continue;
        }
        ctx.runtime.containers = ctx.runtime.containers.filter((x) => x !== c);
      } else {
        ctx.runtime.containers = ctx.runtime.containers.map((x) => (x === c ? { ...x, running: false, exitCode: 137 } : x));
      }
      ctx.out.line(ref);
    }
    return code;
  };
}

function images(_args: string[], ctx: Ctx): number {
  const rows = ctx.runtime.images.map((i) => {
    const [repo, tag = 'latest'] = i.name.split(':');
    return [repo ?? '', tag, i.id.slice(0, 12), 'About a minute ago', '78.1MB'];
  });
  ctx.out.out(tabwrite([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ...rows].map((x) => x.join('\t')).join('\n') + '\n', { minwidth: 10, padding: 3 }));
  return 0;
}

const SUB: Readonly<Record<string, Command>> = { run, ps, exec, build: dockerBuild, pull: dockerPullCommand, stop: stopOrRm('stop'), kill: stopOrRm('kill'), rm: stopOrRm('rm'), images };

export const docker: Command = (args, ctx) => {
  const [sub, ...rest] = args;
  if (!sub) {
    ctx.out.line('Usage:  docker [OPTIONS] COMMAND\n\nThe lab simulates: run, ps, exec, build, pull, images, stop, kill, rm');
    return 0;
  }
  if (sub === 'container' && rest[0] === 'ls') return ps(rest.slice(1), ctx);
  const cmd = SUB[sub];
  if (!cmd) {
    ctx.out.errLine(`docker: unknown command: docker ${sub}\n\nRun 'docker --help' for more information`);
    return 1;
  }
  return cmd(rest, ctx);
};
