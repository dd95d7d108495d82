import type { ContainerReport, PodReport } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { bool, flag, parseFlags } from '../flags.js';
import { fail, usageError, usageErrorf } from './errors.js';
import { defaultContainer } from './podcmd.js';
import { listItems } from './items.js';
import { resolveResource } from './resources.js';

const POD = resolveResource('pods')!;

/**
 * What a container has written to its stdout/stderr so far. The lab's containers log nothing of
 * their own yet; a server image's access log of the lab's probes (nginx) hooks in here.
 */
export type LogSource = (ctx: Ctx, pod: PodReport, container: ContainerReport) => string;

const sources: LogSource[] = [];

/** Adds a source of container logs (their texts are concatenated in registration order). */
export function registerLogSource(source: LogSource): void {
  sources.push(source);
}

/** The log of one container of a pod ('' when nothing was written). */
export function logsOf(ctx: Ctx, pod: PodReport, container: ContainerReport): string {
  return sources.map((s) => s(ctx, pod, container)).join('');
}

/**
 * `kubectl logs POD [-c C] [--tail N] [-p]` (kubectl pkg/cmd/logs/logs.go, polymorphichelpers
 * logsforobject.go, kubelet validateContainerLogStatus): kubectl-logs-exec.md's errors and the
 * `Defaulted container` line of a multi-container pod.
 */
export function kubectlLogs(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true }, container: { short: 'c', value: true }, follow: { short: 'f', value: false },
    previous: { short: 'p', value: false }, tail: { value: true }, timestamps: { value: false }, 'all-containers': { value: false },
    selector: { short: 'l', value: true }, since: { value: true }, 'since-time': { value: true }, 'limit-bytes': { value: true },
    prefix: { value: false }, 'ignore-errors': { value: false }, 'pod-running-timeout': { value: true }, 'max-log-requests': { value: true },
    'insecure-skip-tls-verify-backend': { value: false },
  });
  if (!r.ok) return usageError(ctx, r.error, 'logs');
  const p = r.parsed;
  let [target] = p.positional;
  let containerArg = flag(p, 'container');
  if (p.positional.length > 1 && containerArg === undefined) containerArg = p.positional[1];
  if (!target) return usageErrorf(ctx, "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", 'logs');
  if (target.includes('/')) {
    const [t, n] = target.split('/', 2) as [string, string];
    const type = resolveResource(t);
    if (!type) return fail(ctx, `error: the server doesn't have a resource type "${t}"`);
    if (type.kind !== 'Pod') {
      // A workload's first pod (logsforobject: the controller's pods, sorted).
      const ns = flag(p, 'namespace') ?? ctx.namespace();
      const pod = listItems(ctx, POD, ns).find((i) => i.pod?.pod.owner?.kind === type.kind && i.pod.pod.owner.name === n);
      if (!pod) return fail(ctx, `error: error from server (NotFound): ${type.plural}${type.group ? `.${type.group}` : ''} "${n}" not found in namespace "${ns}"`);
      target = pod.name;
    } else target = n;
  }
  const ns = flag(p, 'namespace') ?? ctx.namespace();
  const item = listItems(ctx, POD, ns).find((i) => i.name === target);
  const pod = item?.pod;
  if (!pod) return fail(ctx, `error: error from server (NotFound): pods "${target}" not found in namespace "${ns}"`);
  const all = [...pod.containers, ...pod.initContainers];
  let chosen: ContainerReport[];
  if (bool(p, 'all-containers')) chosen = [...pod.initContainers, ...pod.containers];
  else if (containerArg !== undefined) {
    const c = all.find((x) => x.container.name === containerArg);
    if (!c) return fail(ctx, `error: container ${containerArg} is not valid for pod ${target}`);
    chosen = [c];
  } else {
    const named = pod.pod.annotations['kubectl.kubernetes.io/default-container'];
    if (named && !all.some((x) => x.container.name === named)) ctx.out.errLine(`Default container name "${named}" not found in pod ${target}`);
    const first = defaultContainer(ctx, pod, false);
    if (!first) return fail(ctx, `error: pod ${ns}/${target} does not have any containers`);
    chosen = [first];
  }
  let text = '';
  for (const c of chosen) {
    const name = c.container.name;
    if (bool(p, 'previous')) return fail(ctx, `Error from server (BadRequest): previous terminated container "${name}" in pod "${target}" not found`);
    if (c.state !== 'Running') {
      const why = c.state === 'ErrImagePull' ? "image can't be pulled" : c.state;
      return fail(ctx, `Error from server (BadRequest): container "${name}" in pod "${target}" is waiting to start: ${why}`);
    }
    text += logsOf(ctx, pod, c);
  }
  const tail = flag(p, 'tail');
  if (tail !== undefined && Number(tail) >= 0) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    text = lines.slice(Math.max(0, lines.length - Number(tail))).map((l) => `${l}\n`).join('');
  }
  ctx.out.out(text);
  return 0;
}
