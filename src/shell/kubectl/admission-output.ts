import { validateNamespace, type Labels } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { appendDocument, CLUSTER_FILE, removeDocument } from '../yaml-edit.js';
import { findDoc } from './mutate.js';
import { invalidMessage } from './pod-update.js';

/**
 * What the lab's API server answered, in its PodSecurity admission (k8s.io/pod-security-admission
 * v0.30.0, run by the engine: src/engine/admission), about one request the terminal sent. Nothing
 * is checked here: the terminal writes the object into the cluster (the editor's files), the
 * engine admits the documents in apply order, and these functions read its verdict on the
 * document just written.
 */
export interface AdmissionAnswer {
  /** The pod was refused: `pods "NAME" is forbidden: violates PodSecurity "L:V": …` (kubectl prints `Error from server (Forbidden): ` before it). */
  readonly forbidden: string | null;
  /** The response's warning headers (`would violate PodSecurity "L:V": …`, a Namespace's `existing pods …`). */
  readonly warnings: readonly string[];
}

/**
 * The admission of the document `doc` of `file`: a Pod's enforce refusal, the warn level's warning
 * on a Pod or on a workload's pod template (the workload itself is never refused: its pods are,
 * by its controller's requests, which nobody sees but its events), a Namespace's warnings.
 */
export function admissionOf(ctx: Ctx, file: string, doc: number): AdmissionAnswer {
  const a = ctx.analysis().admission;
  const at = (ref: { file: string; doc: number } | undefined) => ref !== undefined && ref.file === file && ref.doc === doc;
  const rejected = a.rejected.find((r) => r.owner === undefined && at(r.ref));
  const warnings = a.decisions.filter((d) => d.mode === 'warn' && d.owner === undefined && at(d.ref)).map((d) => d.message);
  const ns = a.namespaces.find((n) => at(n.ref));
  return { forbidden: rejected ? rejected.message : null, warnings: [...warnings, ...(ns ? ns.warnings : [])] };
}

/**
 * `kubectl label ns NAME pod-security.kubernetes.io/…=…`: the update of the Namespace's labels as
 * the PodSecurity plugin validates it (admission.go ValidateNamespace through the engine's
 * validateNamespace): invalid labels refuse the update — kubectl prints the Invalid status as
 * cmdutil.CheckErr does, `The Namespace "NAME" is invalid: CAUSE` — and a new enforce level is
 * checked against the namespace's pods, which it never evicts: the warnings list them.
 */
export function namespaceUpdate(ctx: Ctx, name: string, oldLabels: Labels, labels: Labels): { error: string | null; warnings: readonly string[] } {
  const a = ctx.analysis();
  const pods = a.pods.filter((p) => p.pod.namespace === name).map((p) => p.pod);
  const verdict = validateNamespace({ operation: 'update', name, labels, oldLabels }, pods, { config: a.admission.config });
  if (!verdict.allowed) return { error: invalidMessage('Namespace', name, verdict.errors.map((e) => e.message)).replace(/\n$/, ''), warnings: [] };
  return { error: null, warnings: verdict.warnings };
}

/** Whether a label change touches the PodSecurity labels (only those make the plugin look at a Namespace update). */
export function touchesPodSecurity(before: Labels, after: Labels): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) if (k.startsWith('pod-security.kubernetes.io/') && before[k] !== after[k]) return true;
  return false;
}

/** How many pods of a namespace PodSecurity refused (as the engine admitted the files). */
export function refusedIn(ctx: Ctx, namespace: string): number {
  return ctx.analysis().admission.rejected.filter((r) => r.namespace === namespace).length;
}

/**
 * The cluster is the files, admitted in document order: a Namespace document the terminal wrote
 * (cluster.yaml) before its pods would, once it carries a stricter level, refuse them — while the
 * real update evicts nothing. The labels were set after those pods, so when the update made the
 * engine refuse more pods than before, the document moves after them: to the end of cluster.yaml,
 * and cluster.yaml after the other files when the pods are in a later one. A Namespace in one of
 * the student's own files is left where it is.
 */
export function keepNamespaceAfterPods(ctx: Ctx, namespace: string, refusedBefore: number): void {
  if (refusedIn(ctx, namespace) <= refusedBefore) return;
  const doc = findDoc(ctx, 'Namespace', undefined, namespace);
  if (!doc || doc.file !== CLUSTER_FILE) return;
  ctx.setFiles(appendDocument(removeDocument(ctx.files, doc.file, doc.doc), CLUSTER_FILE, doc.value));
  if (refusedIn(ctx, namespace) <= refusedBefore) return;
  // Pods in a file after cluster.yaml (a tab written and applied later): cluster.yaml goes last,
  // if that is what keeps them.
  const moved = ctx.files;
  const last = [...moved.filter((f) => f.name !== CLUSTER_FILE), ...moved.filter((f) => f.name === CLUSTER_FILE)];
  ctx.setFiles(last);
  if (refusedIn(ctx, namespace) > refusedBefore) ctx.setFiles(moved);
}

/**
 * An object the terminal just wrote to cluster.yaml, in a namespace whose Namespace document is in
 * a later file (a tab written and applied after cluster.yaml began): in document order the engine
 * would admit it before that namespace's labels, while the real API server admits it against the
 * labels as they are now. cluster.yaml then moves after the other files — kept only if no pod that
 * was running becomes refused by the move (the new object's own pods may be).
 */
export function admitAfterNamespace(ctx: Ctx, namespace: string | undefined, kind: string, name: string): void {
  if (namespace === undefined) return;
  const order = ctx.files.map((f) => f.name);
  const at = order.indexOf(CLUSTER_FILE);
  const nsDoc = findDoc(ctx, 'Namespace', undefined, namespace);
  if (at < 0 || !nsDoc || order.indexOf(nsDoc.file) <= at) return;
  const mine = (r: { name: string; owner?: { kind: string; name: string } }) => (kind === 'Pod' ? r.name === name : r.owner?.kind === kind && r.owner.name === name);
  const before = new Set(ctx.analysis().admission.rejected.map((r) => r.key));
  const files = ctx.files;
  ctx.setFiles([...files.filter((f) => f.name !== CLUSTER_FILE), ...files.filter((f) => f.name === CLUSTER_FILE)]);
  const broken = ctx.analysis().admission.rejected.some((r) => !before.has(r.key) && !mine(r));
  if (broken) ctx.setFiles(files);
}
