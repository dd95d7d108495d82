import type { ContainerReport } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { hexId } from '../encode.js';
import { bool, flag, parseFlags } from '../flags.js';
import { podProc } from '../proc/pod-proc.js';
import { podSystem } from '../sh/container.js';
import { runOn } from '../sh/run-on.js';
import { startSession } from '../session.js';
import { fail, usageError } from './errors.js';
import { defaultContainer } from './podcmd.js';
import { listItems, notFound } from './items.js';
import { resolveResource } from './resources.js';

const POD = resolveResource('pods')!;

/**
 * `kubectl exec POD [-c C] [-it] -- CMD…`. A failing command ends with kubectl's
 * `command terminated with exit code N`; a container that is not running answers as the kubelet
 * does (`unable to upgrade connection: container not found`); a missing executable gets
 * containerd's exec error (kubectl exits 1 on it).
 */
export function kubectlExec(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true },
    container: { short: 'c', value: true },
    stdin: { short: 'i', value: false },
    tty: { short: 't', value: false },
    quiet: { short: 'q', value: false },
  });
  if (!r.ok) return usageError(ctx, r.error, 'exec');
  const p = r.parsed;
  let podName = p.positional[0];
  if (!podName) return fail(ctx, "error: pod, type/name or --filename must be specified");
  if (p.positional.length > 1 && p.dash === null) {
    return fail(ctx, "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples");
  }
  if (podName.includes('/')) {
    const [t, n] = podName.split('/', 2) as [string, string];
    if (resolveResource(t)?.kind !== 'Pod') return fail(ctx, `error: cannot attach to ${t}: only pods are supported in the lab`);
    podName = n;
  }
  const argv = p.dash ?? [];
  if (argv.length === 0) return fail(ctx, "error: you must specify at least one command for the container");
  const ns = flag(p, 'namespace') ?? ctx.namespace();
  const item = listItems(ctx, POD, ns).find((i) => i.name === podName);
  if (!item?.pod) return fail(ctx, notFound(POD, podName));
  const pod = item.pod;
  const wanted = flag(p, 'container');
  let c: ContainerReport | undefined;
  if (wanted !== undefined) {
    c = [...pod.containers, ...pod.initContainers].find((x) => x.container.name === wanted);
    if (!c) return fail(ctx, `Error from server (BadRequest): container ${wanted} is not valid for pod ${podName}`);
  } else {
    c = defaultContainer(ctx, pod, bool(p, 'quiet'));
    if (!c) return fail(ctx, `error: pod ${pod.pod.namespace}/${podName} does not have any containers`);
  }
  if (c.state !== 'Running') return fail(ctx, `error: unable to upgrade connection: container not found ("${c.container.name}")`);
  // kubectl's SetupTTY: a TTY needs -i and kubectl's own stdin to be a terminal (not a pipe).
  const wantTty = bool(p, 'tty');
  const tty = wantTty && bool(p, 'stdin') && ctx.tty.in;
  if (wantTty && !tty) ctx.out.errLine('Unable to use a TTY - input is not a terminal or the right kind of file');
  const sys = podSystem(ctx, pod, c, podProc(pod, c, tty));
  const prog = argv[0] ?? '';
  const shell = sys.shells[prog.slice(prog.lastIndexOf('/') + 1)];
  if (shell && argv.length === 1 && bool(p, 'stdin') && sys.resolve(prog)) {
    // `kubectl exec -it POD -- sh`: an interactive shell; the terminal now talks to it.
    startSession(ctx, pod, c, prog);
    return 0;
  }
  const code = runOn(ctx, sys, argv, bool(p, 'stdin') ? ctx.stdin : '', '/', tty);
  if (code === null) {
    const execId = hexId(`${pod.key}/${argv.join(' ')}`);
    return fail(ctx, `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`);
  }
  if (code !== 0) ctx.out.errLine(`command terminated with exit code ${code}`);
  return code;
}
