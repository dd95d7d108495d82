import { escapeTerminal } from '../escape.js';
import type { ContainerReport, PodReport } from '../../engine/index.js';
import { LAB_NOW } from '../clock.js';
import type { Ctx } from '../context.js';
import { fnvHash } from './hash.js';
import { defaultPullPolicy } from './defaults.js';
import { bool, flag, flagAll, parseFlags } from '../flags.js';
import { apiObject } from './api-object.js';
import { createdAt, humanDuration, podTemplateHash, replicaSetName, revisionsOf } from './cluster.js';
import { fail, usageError } from './errors.js';
import { listItems } from './items.js';
import { checkOutputFormat, kubeTable, printObject } from './print.js';
import { resolveResource } from './resources.js';

/**
 * The events the lab's simulated components would have recorded for the state the engine decided
 * (kubectl-cluster-ops.md "Event texts", v1.30 sources): the scheduler's Scheduled, the kubelet's
 * image pulls (Pulling, Pulled with duration and size, Failed + ErrImagePull, BackOff +
 * ImagePullBackOff on the image-pull back-off schedule 10s doubling to 300s), Created/Started,
 * CreateContainerConfigError retries, and the controllers' ScalingReplicaSet / SuccessfulCreate.
 * Events live one hour (the API server's event TTL): the cluster's own pods have none left.
 */
export interface ClusterEvent {
  readonly namespace: string;
  /** `<object name>.<hex of the first timestamp in nanoseconds>`, as record.go names them. */
  readonly name: string;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly object: { readonly kind: string; readonly name: string; readonly namespace: string; readonly fieldPath?: string };
  readonly message: string;
  /** source.component or reportingController. */
  readonly component: string;
  /** source.host / reportingInstance. */
  readonly host: string;
  readonly first: number;
  readonly last: number;
  readonly count: number;
}

const S = 1000;
const TTL = 3600 * S;

/**
 * The scaling steps of a RollingUpdate with the default 25% surge and 25% unavailable
 * (deployment controller rolling.go: reconcileNewReplicaSet scales the new ReplicaSet up to
 * replicas + maxSurge − old pods; reconcileOldReplicaSets scales the old one down to what keeps
 * replicas − maxUnavailable available). New pods that never become available stop it early.
 */
export function rollingUpdate(replicas: number, newAvailable: boolean): { up: boolean; from: number; to: number }[] {
  const surge = Math.ceil(replicas / 4);
  let unavailable = Math.floor(replicas / 4);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  const steps: { up: boolean; from: number; to: number }[] = [];
  let fresh = 0;
  let old = replicas;
  for (let guard = 0; guard < 4 * replicas + 4 && (fresh < replicas || old > 0); guard++) {
    const up = Math.min(replicas, replicas + surge - old);
    const before = { fresh, old };
    if (up > fresh) {
      steps.push({ up: true, from: fresh, to: up });
      fresh = up;
    }
    const available = newAvailable ? fresh : 0;
    const unavailableNew = fresh - available;
    const down = Math.max(0, Math.min(old, old + fresh - (replicas - unavailable) - unavailableNew));
    if (down > 0) {
      steps.push({ up: false, from: old, to: old - down });
      old -= down;
    }
    if (before.fresh === fresh && before.old === old) break;
  }
  return steps;
}

/** Go's time.Duration String of a duration rounded to milliseconds (`539ms`, `2.514s`, `1m3.2s`). */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const min = Math.floor(ms / 60000);
  const rest = ms - min * 60000;
  const sec = (rest / 1000).toFixed(3).replace(/\.?0+$/, '');
  return min > 0 ? `${min}m${sec}s` : `${sec}s`;
}

/** Compressed image sizes as the kubelet reports them (linux/amd64); others from a stable hash. */
const IMAGE_SIZES: Readonly<Record<string, number>> = {
  'docker.io/library/nginx': 71026652,
  'docker.io/library/busybox': 2159953,
  'docker.io/library/alpine': 3623807,
  'docker.io/library/ubuntu': 29754422,
  'docker.io/library/debian': 49557601,
  'docker.io/library/redis': 45010542,
  'docker.io/library/mysql': 171602578,
  'docker.io/library/httpd': 58169154,
  'docker.io/library/postgres': 153768134,
};

function imageSize(c: ContainerReport): number {
  const ref = c.image.ref;
  const repo = ref ? `${ref.registry}/${ref.repository}` : c.container.image;
  return IMAGE_SIZES[repo] ?? 20_000_000 + (fnvHash(repo) % 180_000_000);
}

function pullMs(c: ContainerReport): number {
  return 450 + (fnvHash(`pull/${c.container.image}`) % 7000);
}

class Recorder {
  readonly events: ClusterEvent[] = [];
  private seq = 0;
  add(e: Omit<ClusterEvent, 'name' | 'count' | 'last'> & { last?: number; count?: number }): void {
    if (LAB_NOW - (e.last ?? e.first) > TTL) return;
    const ns = BigInt(e.first) * 1000000n + BigInt(this.seq++);
    this.events.push({ ...e, name: `${e.object.name}.${ns.toString(16)}`, last: e.last ?? e.first, count: e.count ?? 1 });
  }
}

/** Times from `start` to now at which a retrying kubelet sync happens (every `period`). */
function retries(start: number, period: number): number[] {
  const out: number[] = [];
  for (let t = start; t <= LAB_NOW; t += period) out.push(t);
  return out;
}

function containerEvents(rec: Recorder, p: PodReport, c: ContainerReport, start: number, cached: Set<string>): number {
  const pod = p.pod;
  const ct = c.container;
  const kind = ct.kind === 'initContainer' ? 'initContainers' : 'containers';
  const object = { kind: 'Pod', name: pod.name, namespace: pod.namespace, fieldPath: `spec.${kind}{${ct.name}}` };
  const base = { namespace: pod.namespace, object, component: 'kubelet', host: pod.nodeName };
  const image = ct.image;
  const policy = ct.imagePullPolicy ?? defaultPullPolicy(image);
  if (c.state === 'PodInitializing') return start;
  if (c.state === 'InvalidImageName') {
    const times = retries(start, 12 * S);
    rec.add({ ...base, type: 'Warning', reason: 'InspectFailed', message: c.message ?? `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`, first: times[0] ?? start, last: times[times.length - 1] ?? start, count: times.length });
    rec.add({ ...base, type: 'Warning', reason: 'Failed', message: 'Error: InvalidImageName', first: times[0] ?? start, last: times[times.length - 1] ?? start, count: times.length });
    return start;
  }
  if (c.state === 'ErrImagePull') {
    // Attempts on the image pull back-off (10s, doubling, at most 300s); syncs in between report BackOff.
    const attempts: number[] = [];
    let t = start;
    let delay = 10 * S;
    while (t <= LAB_NOW) {
      attempts.push(t);
      t += delay + S;
      delay = Math.min(delay * 2, 300 * S);
    }
    const backoffs: number[] = [];
    for (let i = 0; i < attempts.length; i++) {
      const from = (attempts[i] as number) + 2 * S;
      const to = attempts[i + 1] ?? LAB_NOW + 1;
      for (let b = from; b < to && b <= LAB_NOW; b += 15 * S) backoffs.push(b);
    }
    const span = (ts: number[], off = 0) => ({ first: (ts[0] ?? start) + off, last: (ts[ts.length - 1] ?? start) + off, count: Math.max(1, ts.length) });
    rec.add({ ...base, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, ...span(attempts) });
    rec.add({ ...base, type: 'Warning', reason: 'Failed', message: c.message ?? `Failed to pull image "${image}"`, ...span(attempts, S) });
    rec.add({ ...base, type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull', ...span(attempts, S) });
    if (backoffs.length) {
      rec.add({ ...base, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, ...span(backoffs) });
      rec.add({ ...base, type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', ...span(backoffs) });
    }
    return start;
  }
  // The image is on the node: pulled now (Always, or first use on this node) or already present.
  const key = `${pod.nodeName}/${c.image.ref?.reference ?? image}`;
  const pull = policy === 'Always' || (policy === 'IfNotPresent' && !cached.has(key));
  cached.add(key);
  const d = pull ? pullMs(c) : 0;
  const pulled = pull
    ? `Successfully pulled image "${image}" in ${goDuration(d)} (${goDuration(d)} including waiting). Image size: ${imageSize(c)} bytes.`
    : `Container image "${image}" already present on machine`;
  if (c.state === 'CreateContainerConfigError') {
    // Every sync retries: the image check again, then the same error.
    const times = retries(start, 12 * S);
    const span = { first: times[0] ?? start, last: times[times.length - 1] ?? start, count: times.length };
    if (pull) {
      rec.add({ ...base, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, ...span });
      rec.add({ ...base, type: 'Normal', reason: 'Pulled', message: pulled, ...span, first: span.first + d, last: span.last + d > LAB_NOW ? span.last : span.last + d });
    } else rec.add({ ...base, type: 'Normal', reason: 'Pulled', message: pulled, ...span });
    rec.add({ ...base, type: 'Warning', reason: 'Failed', message: `Error: ${c.message ?? 'CreateContainerConfigError'}`, ...span, first: span.first + d, last: Math.min(LAB_NOW, span.last + d) });
    return start;
  }
  if (pull) rec.add({ ...base, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, first: start });
  const done = start + d;
  rec.add({ ...base, type: 'Normal', reason: 'Pulled', message: pulled, first: done });
  rec.add({ ...base, type: 'Normal', reason: 'Created', message: `Created container ${ct.name}`, first: done });
  rec.add({ ...base, type: 'Normal', reason: 'Started', message: `Started container ${ct.name}`, first: done });
  return done + S;
}

/** Every event still in the API (TTL one hour), in the API server's list order (namespace, name). */
export function clusterEvents(ctx: Ctx): ClusterEvent[] {
  const a = ctx.analysis();
  const rec = new Recorder();
  const cached = new Set<string>();
  const pods = [...a.pods].filter((p) => !p.pod.system);
  for (const p of pods) {
    const t0 = createdAt(p.pod.system);
    rec.add({
      namespace: p.pod.namespace, type: 'Normal', reason: 'Scheduled',
      object: { kind: 'Pod', name: p.pod.name, namespace: p.pod.namespace },
      message: `Successfully assigned ${p.pod.namespace}/${p.pod.name} to ${p.pod.nodeName}`,
      component: 'default-scheduler', host: `default-scheduler-controlplane`, first: t0,
    });
    let t = t0 + S;
    for (const c of p.initContainers) t = containerEvents(rec, p, c, t, cached);
    if (p.initContainers.every((c) => c.state === 'Running')) for (const c of p.containers) containerEvents(rec, p, c, t, cached);
  }
  for (const w of a.cluster.workloads) {
    const t0 = createdAt(false);
    const mine = a.pods.filter((p) => p.pod.namespace === w.namespace && p.pod.owner?.kind === w.kind && p.pod.owner.name === w.name);
    const obj = (kind: string, name: string) => ({ kind, name, namespace: w.namespace });
    if (w.kind === 'Deployment') {
      const rs = replicaSetName(ctx, w.namespace, w.name);
      const revs = revisionsOf(ctx, 'Deployment', w.namespace, w.name);
      const names = revs.map((r) => `${w.name}-${podTemplateHash(JSON.parse(r.template))}`);
      const scale = (message: string, at: number) => rec.add({ namespace: w.namespace, type: 'Normal', reason: 'ScalingReplicaSet', object: obj('Deployment', w.name), message, component: 'deployment-controller', host: '', first: at });
      if (names.length <= 1) scale(`Scaled up replica set ${rs} to ${w.replicas} from 0`, t0);
      else {
        scale(`Scaled up replica set ${names[0] ?? rs} to ${w.replicas} from 0`, t0);
        let at = t0;
        for (let i = 1; i < names.length; i++) {
          const steps = rollingUpdate(w.replicas, i === names.length - 1 ? mine.every((p) => p.containers.every((c) => c.state === 'Running')) : true);
          for (const s of steps) scale(s.up ? `Scaled up replica set ${names[i] ?? rs} to ${s.to} from ${s.from}` : `Scaled down replica set ${names[i - 1] ?? rs} to ${s.to} from ${s.from}`, (at += S));
        }
      }
      for (const p of mine) rec.add({ namespace: w.namespace, type: 'Normal', reason: 'SuccessfulCreate', object: obj('ReplicaSet', rs), message: `Created pod: ${p.pod.name}`, component: 'replicaset-controller', host: '', first: t0 });
    } else if (w.kind === 'StatefulSet') {
      for (const p of mine) rec.add({ namespace: w.namespace, type: 'Normal', reason: 'SuccessfulCreate', object: obj('StatefulSet', w.name), message: `create Pod ${p.pod.name} in StatefulSet ${w.name} successful`, component: 'statefulset-controller', host: '', first: t0 });
    } else if (w.kind === 'DaemonSet' || w.kind === 'ReplicaSet' || w.kind === 'Job') {
      const component = w.kind === 'DaemonSet' ? 'daemonset-controller' : w.kind === 'Job' ? 'job-controller' : 'replicaset-controller';
      for (const p of mine) rec.add({ namespace: w.namespace, type: 'Normal', reason: 'SuccessfulCreate', object: obj(w.kind, w.name), message: `Created pod: ${p.pod.name}`, component, host: '', first: t0 });
    }
  }
  // A controller whose pod PodSecurity refused records FailedCreate (the engine's event text:
  // RealPodControl `Error creating: …`, the StatefulSet controller's own wording). A CronJob's Job
  // has a name its controller chooses at run time: the lab has none to show.
  for (const r of a.admission.rejected) {
    const e = r.event;
    if (!e) continue;
    const via = e.involvedObject.via;
    const name = via?.kind === 'Deployment' ? replicaSetName(ctx, r.namespace, via.name) : e.involvedObject.name;
    if (name === undefined) continue;
    rec.add({ namespace: r.namespace, type: e.type, reason: e.reason, object: { kind: e.involvedObject.kind, name, namespace: r.namespace }, message: e.message, component: e.component, host: '', first: createdAt(false) });
  }
  return rec.events.sort((x, y) => (x.namespace < y.namespace ? -1 : x.namespace > y.namespace ? 1 : x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** The events about one object (describe's Events section), oldest last-seen first (SortableEvents). */
export function eventsFor(ctx: Ctx, kind: string, namespace: string | undefined, name: string): ClusterEvent[] {
  return clusterEvents(ctx)
    .filter((e) => e.object.kind === kind && e.object.name === name && (namespace === undefined || e.object.namespace === namespace))
    .sort((x, y) => x.last - y.last);
}

/**
 * `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A] [-w] [-o …]` (kubectl v0.30.3
 * pkg/cmd/events events.go, event_printer.go): its own printer — LAST SEEN with `(xN over …)`
 * for repeated events, OBJECT as `Kind/name` — sorted by time (SortableEvents); `No events found
 * in NS namespace.` on stderr when there are none.
 */
export function kubectlEvents(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true }, 'all-namespaces': { short: 'A', value: false }, types: { value: true }, for: { value: true },
    watch: { short: 'w', value: false }, output: { short: 'o', value: true }, 'no-headers': { value: false },
    'allow-missing-template-keys': { value: true, optional: 'true' }, 'show-managed-fields': { value: false }, template: { value: true }, 'chunk-size': { value: true },
  });
  if (!r.ok) return usageError(ctx, r.error, 'events');
  const p = r.parsed;
  const all = bool(p, 'all-namespaces');
  const ns = flag(p, 'namespace') ?? ctx.namespace();
  let forKind: string | undefined;
  let forName: string | undefined;
  const forObject = flag(p, 'for');
  if (forObject) {
    if (forObject.includes('/')) {
      const seg = forObject.split('/');
      if (seg.length !== 2) return fail(ctx, 'error: arguments in resource/name form may not have more than one slash');
      const type = resolveResource((seg[0] ?? '').toLowerCase());
      if (!type) return fail(ctx, `error: the server doesn't have a resource type "${(seg[0] ?? '').toLowerCase()}"`);
      forKind = type.kind;
      forName = seg[1];
    } else return fail(ctx, 'error: --for must be in resource/name form');
  }
  const types = flagAll(p, 'types').flatMap((t) => t.split(',')).filter((t) => t !== '');
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') return fail(ctx, 'error: valid --types are Normal or Warning');
  const output = flag(p, 'output');
  if (!checkOutputFormat(ctx, output)) return 1;
  const type = resolveResource('events');
  const items = (type ? listItems(ctx, type, all ? null : ns) : [])
    .filter((i) => i.event && (forKind === undefined || (i.event.object.kind === forKind && i.event.object.name === forName)))
    .filter((i) => types.length === 0 || types.some((t) => t.toLowerCase() === i.event?.type.toLowerCase()))
    .map((i, n) => ({ i, n }))
    .sort((a, b) => (a.i.event?.last ?? 0) - (b.i.event?.last ?? 0) || a.n - b.n)
    .map((x) => x.i);
  if (items.length === 0) {
    ctx.out.errLine(all ? 'No events found.' : `No events found in ${ns} namespace.`);
    return 0;
  }
  if (output) return printObject(ctx, { apiVersion: 'v1', items: items.map((i) => apiObject(i, ctx)), kind: 'EventList', metadata: {} }, output, '');
  const rows: string[][] = [];
  if (!bool(p, 'no-headers')) rows.push([...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
  for (const i of items) {
    const e = i.event as ClusterEvent;
    const first = humanDuration(LAB_NOW - e.first);
    const interval = e.count > 1 ? `${humanDuration(LAB_NOW - e.last)} (x${e.count} over ${first})` : first;
    // event_printer.go printOneEvent: printers.EscapeTerminal on type, reason, object and message.
    const x = escapeTerminal;
    rows.push([...(all ? [e.namespace] : []), interval, x(e.type), x(e.reason), `${x(e.object.kind)}/${x(e.object.name)}`, x(e.message.trim())]);
  }
  ctx.out.out(kubeTable(rows));
  return 0;
}
