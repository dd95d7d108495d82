import { LAB_NOW } from '../clock.js';
import type { Ctx } from '../context.js';
import { bool, flag, flagAll, parseFlags } from '../flags.js';
import { isRecord } from '../objects.js';
import { tabwrite } from '../tabwriter.js';
import type { RolloutRevision } from '../types.js';
import { updateDocument } from '../yaml-edit.js';
import { podTemplateHash, revisionsOf, rolloutKey as keyOf } from './cluster.js';
import { defaultPodSpec } from './defaults.js';
import { podTemplateLines } from './describe-deployment.js';
import { fail, usageError } from './errors.js';
import { listItems, notFound, type Item } from './items.js';
import { canonical, findDoc } from './mutate.js';
import { dryRunOf, dryRunSuffix, kindName, printObject, type DryRun } from './print.js';
import { resolveResource, resourceByKind, unknownResource, type ResourceType } from './resources.js';
import { matches, parseSelector } from './selector.js';
import { readSources } from './sources.js';

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const HASH_LABEL = 'pod-template-hash';
const ROLLED = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

/** What makes two templates the same ReplicaSet: the template with the API server's defaults. */
function sameTemplate(a: unknown, b: unknown): boolean {
  const norm = (t: unknown) => {
    const x = rec(t);
    const meta = { ...rec(x['metadata']) };
    const labels = { ...rec(meta['labels']) };
    delete labels[HASH_LABEL];
    return canonical({ ...x, metadata: { ...meta, labels }, spec: defaultPodSpec(x['spec']) });
  };
  return norm(a) === norm(b);
}


/**
 * The Deployment controller's bookkeeping, replayed from what the documents say (the lab keeps
 * no controller running): a template not seen before is a new ReplicaSet with the next revision,
 * a template seen before takes its ReplicaSet back with the next revision (deploymentutil
 * SetNewReplicaSetAnnotations), the newest carries the Deployment's change-cause, and only
 * revisionHistoryLimit (10) old ones are kept. A paused Deployment starts no new revision.
 * Called before and after every kubectl command, so edits made in the editor count too.
 */
export function syncRollouts(ctx: Ctx): void {
  const before = ctx.runtime.rollouts ?? {};
  const next: Record<string, readonly RolloutRevision[]> = {};
  for (const w of ctx.analysis().cluster.workloads) {
    if (!ROLLED.has(w.kind)) continue;
    const value = ctx.docAt(w.ref)?.value;
    if (!value) continue;
    const spec = rec(value['spec']);
    if (!isRecord(spec['template'])) continue;
    const template = spec['template'];
    const cause = rec(rec(value['metadata'])['annotations'])[CHANGE_CAUSE];
    const key = keyOf(w.kind, w.namespace, w.name);
    let list = [...(before[key] ?? [])];
    const latest = list.reduce<RolloutRevision | undefined>((m, r) => (!m || r.revision > m.revision ? r : m), undefined);
    const withCause = (r: RolloutRevision): RolloutRevision => {
      const { cause: _old, ...rest } = r;
      void _old;
      return typeof cause === 'string' ? { ...rest, cause } : rest;
    };
    if (!latest) list = [withCause({ revision: 1, template: JSON.stringify(template) })];
    else if (sameTemplate(JSON.parse(latest.template), template)) list = list.map((r) => (r === latest ? withCause(r) : r));
    else if (spec['paused'] !== true) {
      list = list.filter((r) => !sameTemplate(JSON.parse(r.template), template));
      list.push(withCause({ revision: latest.revision + 1, template: JSON.stringify(template) }));
      const limit = typeof spec['revisionHistoryLimit'] === 'number' ? spec['revisionHistoryLimit'] : 10;
      list.sort((a, b) => a.revision - b.revision);
      while (list.length > limit + 1) list.shift();
    }
    next[key] = list;
  }
  if (canonical(next) !== canonical(before)) ctx.runtime.rollouts = next;
}


/** The template of a revision as its ReplicaSet holds it: with the pod-template-hash label. */
export function revisionTemplate(r: RolloutRevision): Record<string, unknown> {
  const t = rec(JSON.parse(r.template));
  const meta = rec(t['metadata']);
  return { ...t, metadata: { ...meta, labels: { ...rec(meta['labels']), [HASH_LABEL]: podTemplateHash(t) } } };
}

const HELP = `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]

Use "kubectl rollout <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

const SUBS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

/**
 * `kubectl rollout history|pause|restart|resume|status|undo` (kubectl v0.30.3 pkg/cmd/rollout,
 * pkg/polymorphichelpers history.go, rollback.go, rollout_status.go, objectrestarter.go,
 * objectpauser.go, objectresumer.go), over the revisions syncRollouts keeps.
 */
export function kubectlRollout(args: string[], ctx: Ctx): number {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    // cmdutil.DefaultSubCommandRun(streams.Out): the help, then CheckErr(ErrExit).
    ctx.out.out(HELP);
    return sub === undefined ? 1 : 0;
  }
  if (!SUBS.includes(sub)) return fail(ctx, `error: unknown command "${sub}" for "kubectl rollout"\n\nRun 'kubectl rollout --help' for usage.`);
  const r = parseFlags(rest, {
    namespace: { short: 'n', value: true },
    selector: { short: 'l', value: true },
    filename: { short: 'f', value: true },
    recursive: { short: 'R', value: false },
    kustomize: { short: 'k', value: true },
    output: { short: 'o', value: true },
    revision: { value: true },
    'to-revision': { value: true },
    watch: { short: 'w', value: true, optional: 'true' },
    timeout: { value: true },
    'dry-run': { value: true, optional: 'unchanged' },
    'field-manager': { value: true },
    'allow-missing-template-keys': { value: true, optional: 'true' },
    'show-managed-fields': { value: false },
    template: { value: true },
  });
  if (!r.ok) return usageError(ctx, r.error, `rollout ${sub}`);
  const p = r.parsed;
  const dry = dryRunOf(ctx, flag(p, 'dry-run'));
  if (dry === null) return 1;
  const intFlag = (name: string): number | null | undefined => {
    const v = flag(p, name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) {
      fail(ctx, `error: invalid argument "${v}" for "--${name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax\nSee 'kubectl rollout ${sub} --help' for usage.`);
      return null;
    }
    return Number(v);
  };
  const revision = intFlag(sub === 'undo' ? 'to-revision' : 'revision');
  if (revision === null) return 1;
  const files = flagAll(p, 'filename');
  if (p.positional.length === 0 && files.length === 0) return fail(ctx, 'error: required resource not specified');
  if ((revision ?? 0) < 0 && sub === 'history') return fail(ctx, `error: revision must be a positive integer: ${revision ?? 0}`);
  const ns = flag(p, 'namespace') ?? ctx.namespace();
  const found = targets(ctx, p.positional, files, ns, flag(p, 'selector'), bool(p, 'recursive'));
  if ('error' in found) return fail(ctx, found.error);
  if (found.items.length === 0 && !found.errors.length) {
    ctx.out.errLine(`No resources found in ${ns} namespace.`);
    return 0;
  }
  const errors = [...found.errors];
  for (const item of found.items) {
    const err = runOne(ctx, sub, item, { revision: revision ?? 0, dry, output: flag(p, 'output'), watch: flag(p, 'watch') !== 'false', timeout: flag(p, 'timeout') });
    if (err) errors.push(err);
  }
  if (errors.length === 1) return fail(ctx, errors[0] as string);
  if (errors.length > 1) {
    for (const e of errors) ctx.out.errLine(e.replace(/^error: /, ''));
    return 1;
  }
  return 0;
}

/** ResourceTypeOrNameArgs(true, …) with -l, or -f: the objects, and a NotFound per missing name. */
function targets(ctx: Ctx, words: readonly string[], files: readonly string[], ns: string, selector: string | undefined, recursive: boolean): { items: Item[]; errors: string[] } | { error: string } {
  const items: Item[] = [];
  const errors: string[] = [];
  const want = (type: ResourceType, name: string, namespace: string | undefined) => {
    const it = listItems(ctx, type, type.namespaced ? (namespace ?? ns) : null).find((i) => i.name === name);
    if (it) items.push(it);
    else errors.push(notFound(type, name));
  };
  if (files.length) {
    const read = readSources(ctx, files, recursive);
    if (!read.ok) return { error: read.error };
    for (const src of read.sources) {
      for (const o of src.objects) {
        const type = resourceByKind(String(o.value['kind'] ?? ''), String(o.value['apiVersion'] ?? ''));
        const meta = rec(o.value['metadata']);
        if (type) want(type, String(meta['name'] ?? ''), typeof meta['namespace'] === 'string' ? meta['namespace'] : undefined);
      }
    }
  }
  const [first, ...names] = words;
  if (first?.includes('/')) {
    for (const w of words) {
      const slash = w.indexOf('/');
      if (slash < 0) return { error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      const type = resolveResource(w.slice(0, slash));
      if (!type) return { error: unknownResource(w.slice(0, slash)) };
      want(type, w.slice(slash + 1), undefined);
    }
  } else if (first) {
    const types: ResourceType[] = [];
    for (const t of first.split(',')) {
      const type = resolveResource(t);
      if (!type) return { error: unknownResource(t) };
      types.push(type);
    }
    if (selector !== undefined) {
      if (names.length) return { error: 'error: name cannot be provided when a selector is specified' };
      const reqs = parseSelector(selector);
      if (reqs === null) return { error: `error: unable to parse requirement: found '${selector}', expected: identifier` };
      for (const type of types) items.push(...listItems(ctx, type, type.namespaced ? ns : null).filter((i) => matches(reqs, i.labels)));
    } else if (names.length === 0) {
      // ResourceTypeOrNameArgs(allowEmptySelector=true): the whole type.
      for (const type of types) items.push(...listItems(ctx, type, type.namespaced ? ns : null));
    } else for (const type of types) for (const n of names) want(type, n, undefined);
  }
  return { items, errors };
}

/** The group-qualified plural, as the pauser/resumer/restarter errors name the resource. */
const resourceString = (t: ResourceType) => `${t.plural}${t.group ? `.${t.group}` : ''}`;
const groupKind = (t: ResourceType) => `${t.kind}${t.group ? `.${t.group}` : ''}`;

function runOne(ctx: Ctx, sub: string, item: Item, o: { revision: number; dry: DryRun; output: string | undefined; watch: boolean; timeout: string | undefined }): string | null {
  const kind = item.type.kind;
  const ns = item.namespace ?? 'default';
  const doc = findDoc(ctx, kind, item.namespace, item.name);
  const obj = { apiVersion: item.type.group ? `${item.type.group}/${item.type.version}` : item.type.version, kind, metadata: { name: item.name, namespace: ns } };
  const print = (operation: string) => (printObject(ctx, obj, o.output, `${operation}${dryRunSuffix(o.dry)}`) ? '' : null);
  switch (sub) {
    case 'status':
      return status(ctx, item, o);
    case 'history': {
      if (!ROLLED.has(kind)) return `error: no history viewer has been implemented for "${groupKind(item.type)}"`;
      const revs = revisionsOf(ctx, kind, ns, item.name);
      if (o.revision > 0) {
        const r = revs.find((x) => x.revision === o.revision);
        if (!r) return 'error: unable to find the specified revision';
        const t = revisionTemplate(r);
        if (r.cause) t['metadata'] = { ...rec(t['metadata']), annotations: { ...rec(rec(t['metadata'])['annotations']), [CHANGE_CAUSE]: r.cause } };
        // printTemplate writes DescribePodTemplate through a PrefixWriter, without a tabwriter.
        ctx.out.out(`${kindName(obj)} with revision #${o.revision}\n${podTemplateLines(t)}\n`);
        return null;
      }
      if (revs.length === 0) {
        ctx.out.out(`${kindName(obj)} \nNo rollout history found.\n`);
        return null;
      }
      const table = tabwrite(`REVISION\tCHANGE-CAUSE\n${revs.map((r) => `${r.revision}\t${r.cause || '<none>'}\n`).join('')}`, { padding: 2 });
      ctx.out.out(`${kindName(obj)} \n${table}\n`);
      return null;
    }
    case 'undo': {
      if (!ROLLED.has(kind)) return `error: no rollbacker has been implemented for {"${item.type.group}" "${kind}"}`;
      if (!doc) return `error: ${kindName(obj)} is part of the lab's fixed cluster; the lab cannot roll it back`;
      if (o.revision < 0) return `error: unable to find specified revision ${o.revision} in history`;
      const revs = revisionsOf(ctx, kind, ns, item.name);
      let target: RolloutRevision | undefined;
      if (o.revision > 0) {
        target = revs.find((r) => r.revision === o.revision);
        if (!target) return `error: unable to find specified revision ${o.revision} in history`;
      } else {
        target = revs[revs.length - 2];
        if (!target) return kind === 'Deployment' ? `error: no rollout history found for deployment "${item.name}"` : 'error: no last revision to roll back to';
      }
      const template = JSON.parse(target.template) as Record<string, unknown>;
      if (o.dry === 'client') {
        // The template is the printer's operation, and PrintFlagsWithDryRunStrategy appends " (dry run)".
        ctx.out.out(`${kindName(obj)} ${podTemplateLines(revisionTemplate(target))} (dry run)\n`);
        return null;
      }
      if (rec(doc.value['spec'])['paused'] === true) return "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again";
      const current = rec(doc.value['spec'])['template'];
      if (sameTemplate(template, current)) return print(`skipped rollback (current template already matches revision ${target.revision})`);
      if (o.dry === 'none') {
        const cause = target.cause;
        ctx.setFiles(updateDocument(ctx.files, doc.file, doc.doc, (d) => {
          d.setIn(['spec', 'template'], d.createNode(template, { aliasDuplicateObjects: false }));
          // The ReplicaSet's annotations come back onto the Deployment (change-cause among them).
          if (kind === 'Deployment') {
            if (cause !== undefined) {
              if (!d.hasIn(['metadata', 'annotations'])) d.setIn(['metadata', 'annotations'], d.createNode({}));
              d.setIn(['metadata', 'annotations', CHANGE_CAUSE], cause);
            } else if (d.hasIn(['metadata', 'annotations', CHANGE_CAUSE])) {
              d.deleteIn(['metadata', 'annotations', CHANGE_CAUSE]);
              const m = d.getIn(['metadata', 'annotations']);
              if (m && typeof m === 'object' && 'items' in m && Array.isArray(m.items) && m.items.length === 0) d.deleteIn(['metadata', 'annotations']);
            }
          }
        }));
      }
      return print('rolled back');
    }
    case 'restart': {
      if (!ROLLED.has(kind)) return `error: ${resourceString(item.type)} "${item.name}" restarting is not supported`;
      if (!doc) return `error: ${kindName(obj)} is part of the lab's fixed cluster; the lab cannot restart it`;
      const spec = rec(doc.value['spec']);
      if (kind === 'Deployment' && spec['paused'] === true) return `error: ${resourceString(item.type)} "${item.name}" can't restart paused deployment (run rollout resume first)`;
      // The lab's clock stands still: each restart is one second after the previous one.
      const prev = rec(rec(rec(spec['template'])['metadata'])['annotations'])['kubectl.kubernetes.io/restartedAt'];
      let at = LAB_NOW;
      if (typeof prev === 'string' && Date.parse(prev) >= at) at = Date.parse(prev) + 1000;
      const stamp = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (o.dry === 'none') {
        ctx.setFiles(updateDocument(ctx.files, doc.file, doc.doc, (d) => {
          if (!d.hasIn(['spec', 'template', 'metadata'])) d.setIn(['spec', 'template', 'metadata'], d.createNode({}));
          if (!d.hasIn(['spec', 'template', 'metadata', 'annotations'])) d.setIn(['spec', 'template', 'metadata', 'annotations'], d.createNode({}));
          d.setIn(['spec', 'template', 'metadata', 'annotations', 'kubectl.kubernetes.io/restartedAt'], stamp);
        }));
      }
      return print('restarted');
    }
    case 'pause':
    case 'resume': {
      if (kind !== 'Deployment') return `error: ${resourceString(item.type)} "${item.name}" ${sub === 'pause' ? 'pausing' : 'resuming'} is not supported`;
      if (!doc) return `error: ${kindName(obj)} is part of the lab's fixed cluster; the lab cannot ${sub} it`;
      const paused = rec(doc.value['spec'])['paused'] === true;
      if (sub === 'pause' && paused) return `error: ${resourceString(item.type)} "${item.name}" is already paused`;
      if (sub === 'resume' && !paused) return `error: ${resourceString(item.type)} "${item.name}" is not paused`;
      if (o.dry === 'none') {
        ctx.setFiles(updateDocument(ctx.files, doc.file, doc.doc, (d) => {
          if (sub === 'pause') d.setIn(['spec', 'paused'], true);
          else d.deleteIn(['spec', 'paused']);
        }));
      }
      return print(sub === 'pause' ? 'paused' : 'resumed');
    }
  }
  return null;
}

/** rollout_status.go Run with the StatusViewers of polymorphichelpers/rollout_status.go. */
function status(ctx: Ctx, item: Item, o: { revision: number; watch: boolean; timeout: string | undefined }): string | null {
  const kind = item.type.kind;
  if (!ROLLED.has(kind)) return `error: no status viewer has been implemented for ${groupKind(item.type)}`;
  const pods = item.pods ?? [];
  const ready = pods.filter((p) => p.containers.every((c) => c.state === 'Running') && p.initContainers.every((c) => c.state === 'Running')).length;
  const spec = rec(item.raw?.['spec']);
  const desired = typeof spec['replicas'] === 'number' ? spec['replicas'] : (item.replicas ?? pods.length);
  const timedOut = () => (o.timeout !== undefined && !/^0[a-z]*$/.test(o.timeout) ? 'error: timed out waiting for the condition' : null);
  if (kind === 'Deployment') {
    if (o.revision > 0) {
      const revs = revisionsOf(ctx, kind, item.namespace ?? 'default', item.name);
      const current = revs[revs.length - 1]?.revision ?? 1;
      if (current !== o.revision) return `error: desired revision (${o.revision}) is different from the running revision (${current})`;
    }
    if (ready >= desired) {
      ctx.out.out(`deployment "${item.name}" successfully rolled out\n`);
      return null;
    }
    ctx.out.out(`Waiting for deployment "${item.name}" rollout to finish: ${ready} of ${pods.length} updated replicas are available...\n`);
    if (!o.watch) return null;
    // Nothing changes in the lab while kubectl watches: the Progressing condition times out
    // after progressDeadlineSeconds (600), or --timeout comes first.
    return timedOut() ?? `error: deployment "${item.name}" exceeded its progress deadline`;
  }
  if (kind === 'DaemonSet') {
    if (ready >= pods.length) {
      ctx.out.out(`daemon set "${item.name}" successfully rolled out\n`);
      return null;
    }
    ctx.out.out(`Waiting for daemon set "${item.name}" rollout to finish: ${ready} of ${pods.length} updated pods are available...\n`);
  } else {
    if (ready >= desired) {
      ctx.out.out(`partitioned roll out complete: ${pods.length} new pods have been updated...\n`);
      return null;
    }
    ctx.out.out(`Waiting for ${desired - ready} pods to be ready...\n`);
  }
  if (!o.watch) return null;
  // Without --timeout kubectl watches until interrupted; the lab stops at once, as a timeout would.
  return timedOut() ?? 'error: timed out waiting for the condition';
}
