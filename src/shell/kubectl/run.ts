import type { ContainerReport, PodReport } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { bool, flag, flagAll, parseFlags } from '../flags.js';
import { podProc } from '../proc/pod-proc.js';
import { toolsetOf } from '../proc/toolsets.js';
import { startSession } from '../session.js';
import { podSystem } from '../sh/container.js';
import { runOn } from '../sh/run-on.js';
import { finishCreate } from './create.js';
import { fail, usageError, usageErrorf } from './errors.js';
import { exposeService } from './expose.js';
import { listItems } from './items.js';
import { deleteObject, findDoc } from './mutate.js';
import { checkOutputFormat, dryRunOf, dryRunSuffix, printObjects } from './print.js';
import { setOwn, userMap } from './user-map.js';
import { resolveResource } from './resources.js';

const POD = resolveResource('pods')!;

/** distribution/reference ReferenceRegexp (anchored name, optional tag, optional digest). */
const REFERENCE = /^((?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*)(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Whether the program's standard input is the terminal (ctx.tty, when the shell sets it). */
function stdinIsTerminal(ctx: Ctx): boolean {
  const tty = (ctx as unknown as { tty?: { in?: boolean } }).tty;
  return tty?.in !== false;
}

/**
 * `kubectl run NAME --image=I [flags] [-- ARGS…]` as kubectl v0.30 pkg/cmd/run/run.go: validation in
 * RunOptions.Run's order, the pod BasicPod.Generate builds (kubectl-run.md §4), `--expose`, and the
 * attach path: `-i`/`-it` runs the command in the new pod (or, for a shell, opens an interactive
 * session), `--rm` deletes the pod afterwards, a failed command ends with
 * `pod NS/NAME terminated (Error)` and its exit code.
 */
export function kubectlRun(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true },
    image: { value: true },
    labels: { short: 'l', value: true },
    annotations: { value: true },
    env: { value: true },
    port: { value: true },
    command: { value: false },
    restart: { value: true },
    'dry-run': { value: true, optional: 'unchanged' },
    output: { short: 'o', value: true },
    stdin: { short: 'i', value: false },
    tty: { short: 't', value: false },
    attach: { value: false },
    rm: { value: false },
    quiet: { short: 'q', value: false },
    expose: { value: false },
    'image-pull-policy': { value: true },
    privileged: { value: false },
    'leave-stdin-open': { value: false },
    'pod-running-timeout': { value: true },
    'save-config': { value: false },
    'field-manager': { value: true },
    'override-type': { value: true },
    overrides: { value: true },
    'show-managed-fields': { value: false },
    template: { value: true },
    cascade: { value: true, optional: 'background' },
    'grace-period': { value: true },
    force: { value: false },
    timeout: { value: true },
    wait: { value: false },
    filename: { short: 'f', value: true },
  });
  if (!r.ok) return usageError(ctx, r.error, 'run');
  const p = r.parsed;
  // cobra checks MarkFlagRequired("image") before Run.
  if (flag(p, 'image') === undefined) return fail(ctx, 'error: required flag(s) "image" not set');
  const name = p.positional[0];
  if (!name) return usageErrorf(ctx, 'NAME is required for run', 'run');
  const image = flag(p, 'image') as string;
  if (image === '') return fail(ctx, 'error: --image is required');
  if (!REFERENCE.test(image)) return fail(ctx, `error: Invalid image name "${image}": invalid reference format`);
  const interactive = bool(p, 'stdin');
  const tty = bool(p, 'tty');
  if (tty && !interactive) return usageErrorf(ctx, '-i/--stdin is required for containers with -t/--tty=true', 'run');
  const port = flag(p, 'port');
  if (bool(p, 'expose') && !port) return usageErrorf(ctx, '--port must be set when exposing a service', 'run');
  const dry = dryRunOf(ctx, flag(p, 'dry-run'));
  if (dry === null) return 1;
  const restartFlag = flag(p, 'restart');
  const restart = restartFlag === undefined || restartFlag === '' ? (interactive ? 'OnFailure' : 'Always') : restartFlag;
  if (restart !== 'Always' && restart !== 'OnFailure' && restart !== 'Never') return usageErrorf(ctx, `invalid restart policy: ${restart}`, 'run');
  const attach = bool(p, 'attach') || interactive;
  if (!attach && bool(p, 'rm')) return usageErrorf(ctx, '--rm should only be used for attached containers', 'run');
  if (attach && dry !== 'none') return usageErrorf(ctx, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", 'run');
  const pullPolicy = flag(p, 'image-pull-policy');
  if (pullPolicy !== undefined && pullPolicy !== '' && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) return usageErrorf(ctx, `invalid image pull policy: ${pullPolicy}`, 'run');
  if (!checkOutputFormat(ctx, flag(p, 'output'))) return 1;

  const labels = userMap();
  const lab = flag(p, 'labels');
  if (lab) {
    for (const kv of lab.split(',')) {
      const eq = kv.indexOf('=');
      if (eq <= 0) return fail(ctx, `error: invalid label spec: ${lab}`);
      setOwn(labels, kv.slice(0, eq), kv.slice(eq + 1));
    }
  } else labels['run'] = name;
  const annotations = userMap();
  for (const kv of flagAll(p, 'annotations')) {
    const eq = kv.indexOf('=');
    if (eq <= 0) return fail(ctx, `error: invalid annotation spec: ${kv}`);
    setOwn(annotations, kv.slice(0, eq), kv.slice(eq + 1));
  }
  const env: { name: string; value: string }[] = [];
  for (const e of flagAll(p, 'env')) {
    const eq = e.indexOf('=');
    if (eq < 0 || !ENV_NAME.test(e.slice(0, eq))) return fail(ctx, `error: invalid env: ${e}`);
    env.push({ name: e.slice(0, eq), value: e.slice(eq + 1) });
  }
  if (port !== undefined && !/^-?\d+$/.test(port)) return fail(ctx, `error: strconv.Atoi: parsing "${port}": invalid syntax`);

  const container: Record<string, unknown> = { name, image };
  const rest = p.dash ?? p.positional.slice(1);
  if (rest.length) container[bool(p, 'command') ? 'command' : 'args'] = [...rest];
  if (env.length) container['env'] = env;
  if (pullPolicy) container['imagePullPolicy'] = pullPolicy;
  if (port !== undefined && Number(port) > 0) container['ports'] = [{ containerPort: Number(port) }];
  container['resources'] = {};
  if (bool(p, 'privileged')) container['securityContext'] = { privileged: true };
  if (interactive) {
    container['stdin'] = true;
    if (!bool(p, 'leave-stdin-open')) container['stdinOnce'] = true;
  }
  if (tty) container['tty'] = true;
  const nsFlag = flag(p, 'namespace');
  const ns = nsFlag ?? ctx.namespace();
  const pod: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(Object.keys(annotations).length ? { annotations } : {}), creationTimestamp: null, labels, name, ...(nsFlag !== undefined ? { namespace: ns } : {}) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
  const output = flag(p, 'output');

  // --expose: the Service first (generateService prints it before the pod is created).
  let service: Record<string, unknown> | null = null;
  if (bool(p, 'expose')) {
    const svc = exposeService({ name, labels: lab ? labels : null, selector: labels, ports: [{ port: Number(port), protocol: 'TCP' }], port: Number(port), targetPort: undefined, protocol: undefined, type: undefined, nsGiven: nsFlag !== undefined ? ns : undefined });
    service = svc;
  }
  if (dry === 'client') {
    if (output) return printObjects(ctx, service ? [service, pod] : [pod], output, `created${dryRunSuffix(dry)}`, { typed: true });
    if (service) ctx.out.line(`service/${name} created (dry run)`);
    ctx.out.line(`pod/${name} created (dry run)`);
    return 0;
  }
  if (service) {
    const code = finishCreate(ctx, service, { ns, dry, output });
    if (code !== 0) return code;
    if (output === 'yaml') ctx.out.out('---\n');
  }
  // What lands in the editor: the object without the printer's empty and default fields.
  const stored = structuredClone(pod);
  const spec = stored['spec'] as Record<string, unknown>;
  delete spec['dnsPolicy'];
  if (spec['restartPolicy'] === 'Always') delete spec['restartPolicy'];
  // run.go prints the created object only when it does not attach.
  const created = finishCreate(ctx, stored, { ns, dry, output, quiet: attach && dry === 'none' });
  if (created !== 0 || dry !== 'none' || !attach) return created;
  return attachToPod(ctx, { ns, name, rm: bool(p, 'rm'), tty, interactive, quiet: bool(p, 'quiet'), restart, argv: rest, command: bool(p, 'command'), image });
}

interface AttachOpts {
  readonly ns: string;
  readonly name: string;
  readonly rm: boolean;
  readonly tty: boolean;
  readonly interactive: boolean;
  readonly quiet: boolean;
  readonly restart: 'Always' | 'OnFailure' | 'Never';
  readonly argv: readonly string[];
  readonly command: boolean;
  readonly image: string;
}

/** The default command of an image whose CMD is a shell (busybox `sh`, alpine `/bin/sh`, ubuntu/debian `bash`). */
function defaultShell(c: ContainerReport): string | null {
  const ts = toolsetOf(c.image.ref);
  if (ts.family === 'busybox' || ts.family === 'alpine') return 'sh';
  if (ts.family === 'ubuntu' || ts.family === 'debian') return 'bash';
  return null;
}

/**
 * run.go handleAttachPod and what follows: wait for the pod (a container that cannot start times
 * out), `If you don't see a command prompt, try pressing enter.`, the command's output or an
 * interactive shell, then `--rm`'s deletion (printed before any error), then the exit code.
 */
function attachToPod(ctx: Ctx, o: AttachOpts): number {
  const item = listItems(ctx, POD, o.ns).find((i) => i.name === o.name);
  const report: PodReport | undefined = item?.pod;
  const c = report?.containers.find((x) => x.container.name === o.name) ?? report?.containers[0];
  const remove = () => {
    if (!o.rm) return;
    const doc = findDoc(ctx, 'Pod', o.ns, o.name);
    if (doc) deleteObject(ctx, doc);
    ctx.out.line(`pod "${o.name}" deleted`);
  };
  if (!report || !c || c.state !== 'Running') {
    // waitForPod(…, podRunningAndReady) until --pod-running-timeout (1m0s).
    remove();
    return fail(ctx, 'error: timed out waiting for the condition');
  }
  if (o.tty && !stdinIsTerminal(ctx)) ctx.out.errLine('Unable to use a TTY - input is not a terminal or the right kind of file');
  const sys = podSystem(ctx, report, c, podProc(report, c, o.tty));
  const argv = o.argv.length ? [...o.argv] : null;
  const prog = argv?.[0] ?? defaultShell(c);
  const shellName = prog === null ? null : prog.slice(prog.lastIndexOf('/') + 1);
  const isShell = shellName !== null && Object.hasOwn(sys.shells, shellName) && (argv === null || argv.length === 1);
  if (!o.quiet) ctx.out.errLine("If you don't see a command prompt, try pressing enter.");
  if (isShell && o.interactive && o.tty && prog !== null && sys.resolve(prog)) {
    // The terminal now talks to the shell in the pod; ending it deletes the pod (--rm).
    startSession(ctx, report, c, prog, { removeOnExit: o.rm, started: true, restartPolicy: o.restart });
    return 0;
  }
  if (argv === null) {
    // Attached to a server's output (nginx…): nothing to show in the lab; the session ends at once.
    remove();
    return 0;
  }
  const code = runOn(ctx, sys, argv, o.interactive ? ctx.stdin : '', '/');
  if (code === null) {
    // The container's process could not start: the kubelet reports StartError, the pod fails with 128.
    remove();
    ctx.out.errLine(`pod ${o.ns}/${o.name} terminated (StartError)`);
    ctx.out.errLine(`failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown`);
    return 128;
  }
  remove();
  if (code === 0) return 0;
  if (o.restart === 'Never') return fail(ctx, `pod ${o.ns}/${o.name} terminated (Error)`, code);
  if (o.restart === 'OnFailure') return fail(ctx, 'error: timed out waiting for the condition');
  return 0;
}
