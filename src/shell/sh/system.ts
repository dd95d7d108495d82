import type { Ctx } from '../context.js';
import type { Proc } from '../proc/process.js';
import type { Net } from '../proc/net/net.js';
import type { Fs } from './fs.js';

/**
 * A program on some PATH: argv[0] is the name it was called by (busybox applets print it in their
 * messages), stdin is `ctx.stdin`, output goes to `ctx.out`, and `ctx.sys` is the machine it runs on.
 */
export type Program = (argv: string[], ctx: Ctx) => number;

/** Which shell reads the commands: the exam host's bash, busybox's ash, or Debian's dash (`sh`). */
export type Dialect = 'bash' | 'ash' | 'dash';

/** Where a program runs: the exam host, or one container of a pod (or of `docker run`). */
export interface System {
  readonly kind: 'host' | 'container';
  readonly fs: Fs;
  readonly home: string;
  readonly hostname: string;
  readonly uid: number;
  /** The uid's name in this system's /etc/passwd, null when it has none. */
  readonly user: string | null;
  /** The container's identity (capabilities, groups, clock); null on the host. */
  readonly proc: Proc | null;
  /** Key of this system's clock and written files in the shell runtime. */
  readonly key: string;
  /** The shells installed, by name (`sh` is dash on Debian, ash in busybox). */
  readonly shells: Readonly<Record<string, Dialect>>;
  /** GNU coreutils or busybox applets: which wording the tools use. */
  readonly flavor: 'gnu' | 'busybox';
  /** The program called `name` (or a path to it); null: not installed here. */
  resolve(name: string): Program | null;
  /** Where `name` is installed (`/usr/bin/kubectl`, `/bin/wget`), as `command -v` prints it. */
  pathOf(name: string): string | null;
  /** The environment a login gives (PATH, HOME, HOSTNAME, …), before the shell's own variables. */
  readonly env: Readonly<Record<string, string>>;
  /** The network as this machine sees it for `tool` (cluster DNS, Services, policies); null: not connected. */
  net(tool: string): Net | null;
}
