import type { Ctx } from '../context.js';
import { bool, flag, flagAll, parseFlags } from '../flags.js';
import { isNamespaced, isRecord } from '../objects.js';
import { fail, usageError } from './errors.js';
import { listItems, notFound } from './items.js';
import { deleteObject, findDoc, forgetApplied, objectKey } from './mutate.js';
import { qualifiedName, resolveResource, resourceByKind, unknownResource, type ResourceType } from './resources.js';
import { matches, parseSelector } from './selector.js';
import { readSources } from './sources.js';

/**
 * `kubectl delete TYPE NAME… | TYPE/NAME… | -f FILE|- | TYPE -l SEL | TYPE --all` (kubectl
 * pkg/cmd/delete/delete.go): removes each object's document. `--force` (grace period 0) prints
 * the immediate-deletion warning and `force deleted`; `--grace-period=0` alone becomes 1 (a
 * normal delete); `--force` with a positive grace period is refused (kubectl-cluster-ops.md).
 */
export function kubectlDelete(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true },
    filename: { short: 'f', value: true },
    recursive: { short: 'R', value: false },
    force: { value: false },
    'grace-period': { value: true },
    now: { value: false },
    all: { value: false },
    'all-namespaces': { short: 'A', value: false },
    selector: { short: 'l', value: true },
    'field-selector': { value: true },
    'ignore-not-found': { value: false },
    wait: { value: true, optional: 'true' },
    cascade: { value: true, optional: 'background' },
    output: { short: 'o', value: true },
    timeout: { value: true },
    'dry-run': { value: true, optional: 'unchanged' },
  });
  if (!r.ok) return usageError(ctx, r.error, 'delete');
  const p = r.parsed;
  const ns = flag(p, 'namespace') ?? ctx.namespace();
  const grace = flag(p, 'grace-period');
  const force = bool(p, 'force');
  if (grace !== undefined && !/^-?\d+$/.test(grace)) return fail(ctx, `error: invalid argument "${grace}" for "--grace-period" flag: strconv.ParseInt: parsing "${grace}": invalid syntax\nSee 'kubectl delete --help' for usage.`);
  if (force && grace !== undefined && Number(grace) > 0) return fail(ctx, 'error: --force and --grace-period greater than 0 cannot be specified together');
  if (bool(p, 'now') && grace !== undefined && Number(grace) >= 0) return fail(ctx, 'error: --now and --grace-period cannot be specified together');
  const immediate = force;
  const sel = flag(p, 'selector');
  const reqs = sel === undefined ? [] : parseSelector(sel);
  if (reqs === null) return fail(ctx, `error: unable to parse requirement: found '${sel ?? ''}', expected: identifier`);

  const targets: { type: ResourceType; name: string; namespace: string | undefined }[] = [];
  const files = flagAll(p, 'filename');
  if (files.length) {
    const read = readSources(ctx, files, bool(p, 'recursive'));
    if (!read.ok) return fail(ctx, read.error);
    for (const src of read.sources) {
      for (const o of src.objects) {
        const kind = String(o.value['kind'] ?? '');
        const type = resourceByKind(kind, String(o.value['apiVersion'] ?? ''));
        const meta = isRecord(o.value['metadata']) ? o.value['metadata'] : {};
        if (!type) continue;
        const onsp = typeof meta['namespace'] === 'string' ? meta['namespace'] : ns;
        targets.push({ type, name: String(meta['name'] ?? ''), namespace: type.namespaced ? onsp : undefined });
      }
    }
  }
  const [first, ...rest] = p.positional;
  if (first?.includes('/')) {
    for (const w of p.positional) {
      const [t, n] = w.split('/', 2) as [string, string];
      const type = resolveResource(t);
      if (!type) return fail(ctx, unknownResource(t));
      targets.push({ type, name: n, namespace: type.namespaced ? ns : undefined });
    }
  } else if (first) {
    const types: ResourceType[] = [];
    for (const t of first.split(',')) {
      const type = resolveResource(t);
      if (!type) return fail(ctx, unknownResource(t));
      types.push(type);
    }
    if (bool(p, 'all') || sel !== undefined) {
      if (rest.length) return fail(ctx, "error: name cannot be provided when a selector is specified");
      for (const type of types) {
        const scope = type.namespaced ? (bool(p, 'all-namespaces') ? null : ns) : null;
        for (const it of listItems(ctx, type, scope)) {
          if (it.system && !findDoc(ctx, type.kind, it.namespace, it.name)) continue;
          if (matches(reqs, it.labels)) targets.push({ type, name: it.name, namespace: it.namespace });
        }
      }
      if (targets.length === 0) {
        ctx.out.errLine('No resources found');
        return 0;
      }
    } else {
      if (rest.length === 0) return fail(ctx, "error: resource(s) were provided, but no name was specified");
      for (const type of types) for (const n of rest) targets.push({ type, name: n, namespace: type.namespaced ? ns : undefined });
    }
  }
  if (targets.length === 0) return fail(ctx, "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  if (immediate) ctx.out.errLine('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  let exit = 0;
  for (const t of targets) {
    const doc = findDoc(ctx, t.type.kind, t.namespace, t.name);
    const exists = doc || listItems(ctx, t.type, t.namespace ?? null).some((i) => i.name === t.name && i.namespace === t.namespace);
    if (!exists) {
      if (bool(p, 'ignore-not-found')) continue;
      ctx.out.errLine(notFound(t.type, t.name));
      exit = 1;
      continue;
    }
    // A pod of a Deployment has no document of its own: its controller recreates it at once.
    if (doc) deleteObject(ctx, doc);
    else forgetApplied(ctx, objectKey(t.type.kind, isNamespaced(t.type.kind) ? t.namespace : undefined, t.name));
    ctx.out.line(`${qualifiedName(t.type)} "${t.name}" ${immediate ? 'force deleted' : 'deleted'}`);
  }
  return exit;
}
