import type { ContainerReport, PodReport } from '../engine/index.js';
import type { Ctx } from './context.js';
import { listItems } from './kubectl/items.js';
import { findDoc } from './kubectl/mutate.js';
import { resolveResource } from './kubectl/resources.js';
import { podProc } from './proc/pod-proc.js';
import { podSystem } from './sh/container.js';
import { Input, Interp } from './sh/exec.js';
import { tildePath } from './sh/fs.js';
import { freshState } from './sh/state.js';
import type { Dialect } from './sh/system.js';
import type { ExecSession } from './types.js';
import { removeDocument } from './yaml-edit.js';

const POD = resolveResource('pods')!;

/** The pod and container a session is attached to, as the cluster is now (null: gone or not running). */
function target(ctx: Ctx, s: ExecSession): { pod: PodReport; c: ContainerReport } | null {
  const pod = listItems(ctx, POD, s.namespace).find((i) => i.name === s.pod)?.pod;
  const c = pod?.containers.find((x) => x.container.name === s.container);
  return pod && c && c.state === 'Running' ? { pod, c } : null;
}

function dialectOf(ctx: Ctx, s: ExecSession, shells: Readonly<Record<string, Dialect>>): Dialect {
  const base = s.shell.slice(s.shell.lastIndexOf('/') + 1);
  return shells[base] ?? 'ash';
}

/** Starts an interactive shell in a container: the next lines typed go to it until `exit`. */
export function startSession(ctx: Ctx, pod: PodReport, c: ContainerReport, shell: string, opts: { removeOnExit?: boolean; started?: boolean; restartPolicy?: 'Always' | 'OnFailure' | 'Never' } = {}): void {
  const sys = podSystem(ctx, pod, c, podProc(pod, c, true));
  ctx.runtime.session = {
    namespace: pod.pod.namespace, pod: pod.pod.name, container: c.container.name, shell,
    state: freshState('/', sys.env),
    removeOnExit: opts.removeOnExit === true,
    started: opts.started === true,
    ...(opts.restartPolicy ? { restartPolicy: opts.restartPolicy } : {}),
  };
}

/** Runs a line in the session's shell; returns what it still needs, or null when it ran. */
export function runSession(ctx: Ctx, src: string, atEof: boolean): string | null {
  const s = ctx.runtime.session as ExecSession;
  const t = target(ctx, s);
  if (!t) {
    // The pod was deleted or stopped under the session: the stream closes.
    ctx.runtime.session = null;
    ctx.out.errLine('command terminated with exit code 137');
    ctx.lastStatus = 137;
    return null;
  }
  const sys = podSystem(ctx, t.pod, t.c, podProc(t.pod, t.c, true));
  ctx.sys = sys;
  const state = { ...s.state, vars: { ...s.state.vars }, aliases: { ...s.state.aliases }, exported: [...s.state.exported] };
  const base = s.shell.slice(s.shell.lastIndexOf('/') + 1);
  const dialect = dialectOf(ctx, s, sys.shells);
  const sh = new Interp(ctx, sys, state, dialect, base, true);
  const top = ctx.out;
  const r = sh.run(src, { stdin: new Input(''), out: (x, styled) => top.out(x, styled), err: (x, styled) => top.err(x, styled), outTty: true, errTty: true, inTty: true }, atEof);
  if (r.incomplete !== undefined) return r.incomplete;
  ctx.lastStatus = r.status;
  if (r.exited !== undefined) {
    ctx.runtime.session = { ...s, state };
    endSession(ctx, r.exited);
  } else {
    ctx.runtime.session = { ...s, state };
  }
  return null;
}

/**
 * The shell in the container ended (exit, Ctrl+D): back on the host. kubectl reports a non-zero
 * exit; `kubectl run --rm` deletes its pod; `kubectl run -it` without --rm says how to attach again.
 */
export function endSession(ctx: Ctx, code: number): void {
  const s = ctx.runtime.session;
  if (!s) return;
  ctx.runtime.session = null;
  ctx.lastStatus = code;
  // attach.go sessionEndedMessage: only a pod that restarts (Always) can be attached again.
  const policy = s.restartPolicy ?? (s.removeOnExit ? 'Never' : 'Always');
  if (s.started && policy === 'Always') {
    ctx.out.line(`Session ended, resume using 'kubectl attach ${s.pod} -c ${s.container} -i -t' command when the pod is running`);
  }
  if (s.removeOnExit) {
    const doc = findDoc(ctx, 'Pod', s.namespace, s.pod);
    if (doc) ctx.setFiles(removeDocument(ctx.files, doc.file, doc.doc));
    ctx.out.line(`pod "${s.pod}" deleted`);
  }
  if (s.started && policy === 'Always') ctx.lastStatus = 0;
  // run.go waits for a Never pod to end and reports a failed container with its code; an
  // OnFailure pod restarts, so waiting for it to succeed runs into the pod-running timeout.
  if (s.started && policy === 'Never' && code !== 0) ctx.out.errLine(`pod ${s.namespace}/${s.pod} terminated (Error)`);
  if (s.started && policy === 'OnFailure' && code !== 0) {
    ctx.out.errLine('error: timed out waiting for the condition');
    ctx.lastStatus = 1;
  }
  if (code !== 0 && !s.started) ctx.out.errLine(`command terminated with exit code ${code}`);
}

/** PS1 of the session's shell: busybox ash `\w \$ `, Debian bash `\u@\h:\w\$ `, dash `$ `. */
export function sessionPrompt(s: ExecSession, ctx: Ctx): string {
  const t = target(ctx, s);
  if (!t) return '$ ';
  const sys = podSystem(ctx, t.pod, t.c, podProc(t.pod, t.c, true));
  const sign = sys.uid === 0 ? '#' : '$';
  const cwd = tildePath(s.state.cwd, s.state.vars['HOME'] ?? sys.home);
  const dialect = dialectOf(ctx, s, sys.shells);
  if (dialect === 'bash') return `${sys.user ?? 'I have no name!'}@${sys.hostname}:${cwd}${sign} `;
  if (dialect === 'dash') return `${sign} `;
  return `${cwd} ${sign} `;
}
