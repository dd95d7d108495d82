import type { Command } from './context.js';
import { docker } from './docker/index.js';
import { HOST_TOOLS } from './host-tools.js';
import { kubectl } from './kubectl/index.js';
import { PROC_PROGRAMS } from './proc/commands.js';
import { COREUTILS } from './proc/coreutils/index.js';
import { editor } from './proc/editor.js';
import { mount } from './proc/mount.js';
import { unshare } from './proc/unshare.js';
import { NET_TOOLS } from './proc/net/index.js';
import type { Toolset } from './proc/toolsets.js';
import { shellProgram } from './sh/shell-program.js';
import type { Program } from './sh/system.js';

/** A command that takes its arguments without argv[0] (kubectl, docker, kubens). */
const withArgs = (c: Command): Program => (argv, ctx) => c(argv.slice(1), ctx);

/** What both the host and the images run: coreutils-like tools and the identity tools. */
const COMMON: Readonly<Record<string, Program>> = { ...PROC_PROGRAMS, ...COREUTILS };

/** The exam host's PATH: coreutils, kubectl, docker, kubens/kubectx, the shells, vi. */
export const HOST_PROGRAMS: Readonly<Record<string, Program>> = {
  ...COMMON,
  kubectl: withArgs(kubectl),
  docker: withArgs(docker),
  kubens: withArgs(HOST_TOOLS.kubens as Command),
  kubectx: withArgs(HOST_TOOLS.kubectx as Command),
  clear: withArgs(HOST_TOOLS.clear as Command),
  ps: withArgs(HOST_TOOLS.ps as Command),
  bash: shellProgram('bash'),
  sh: shellProgram('dash'),
  dash: shellProgram('dash'),
  vi: editor, vim: editor, nano: editor,
};

const IN_CONTAINER: Readonly<Record<string, Program>> = { ...COMMON, ...NET_TOOLS, mount, unshare };

/** An installed program that the lab does not simulate says so instead of pretending. */
const notSimulated: Program = (argv, ctx) => {
  ctx.out.errLine(`lab: ${argv[0] ?? ''} is installed in this image, but the lab does not simulate it`);
  return 1;
};

/** The program `name` of an image's toolset (the caller checked that the image has it). */
export function containerProgram(name: string, toolset: Toolset): Program {
  const shell = toolset.shells[name];
  if (shell) return shellProgram(shell);
  // The simulated wget is busybox's; Debian images (node, python) ship GNU wget, worded otherwise.
  if (name === 'wget' && toolset.flavor === 'gnu') return notSimulated;
  return Object.hasOwn(IN_CONTAINER, name) ? (IN_CONTAINER[name] as Program) : notSimulated;
}
