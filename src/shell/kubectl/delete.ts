import type { Ctx } from '../context.js';
import { bool, flag, flagAll, parseFlags } from '../flags.js';
import { removeDocument } from '../yaml-edit.js';
import { fail, usageError } from './errors.js';
import { listItems, notFound } from './items.js';
import { findDoc } from './mutate.js';
import { resolveResource, unknownResource } from './resources.js';

/** `kubectl delete TYPE NAME…` / `TYPE/NAME` / `-f TAB`: removes the object's document. */
export function kubectlDelete(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true },
    filename: { short: 'f', value: true },
    force: { value: false },
    'grace-period': { value: true },
    now: { value: false },
    all: { value: false },
  });
  if (!r.ok) return usageError(ctx, r.error, 'delete');
  const p = r.parsed;
  const ns = flag(p, 'namespace') ?? ctx.namespace();
  if (bool(p, 'force')) ctx.out.errLine('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  const targets: { typeWord: string; name: string }[] = [];
  for (const fname of flagAll(p, 'filename')) {
    const file = ctx.files.find((f) => f.name === fname || f.name.endsWith(`/${fname}`));
    if (!file) return fail(ctx, `error: the path "${fname}" does not exist`);
    for (const o of ctx.objects().filter((x) => x.file === file.name)) targets.push({ typeWord: o.kind, name: o.name });
  }
  const [first, ...rest] = p.positional;
  if (first?.includes('/')) {
    for (const w of p.positional) {
      const [t, n] = w.split('/', 2) as [string, string];
      targets.push({ typeWord: t, name: n });
    }
  } else if (first) {
    if (bool(p, 'all')) {
      const type = resolveResource(first);
      if (!type) return fail(ctx, unknownResource(first));
      for (const it of listItems(ctx, type, type.namespaced ? ns : null)) targets.push({ typeWord: first, name: it.name });
    }
    if (rest.length === 0 && !bool(p, 'all')) return fail(ctx, 'error: resource(s) were provided, but no name was specified');
    for (const n of rest) targets.push({ typeWord: first, name: n });
  }
  if (targets.length === 0) return fail(ctx, 'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
  let exit = 0;
  for (const t of targets) {
    const type = resolveResource(t.typeWord);
    if (!type) {
      ctx.out.errLine(unknownResource(t.typeWord));
      exit = 1;
      continue;
    }
    const nsFor = type.namespaced ? ns : undefined;
    const doc = findDoc(ctx, type.kind, nsFor, t.name);
    const exists = doc || listItems(ctx, type, nsFor ?? null).some((i) => i.name === t.name);
    if (!exists) {
      ctx.out.errLine(notFound(type, t.name));
      exit = 1;
      continue;
    }
    // A pod of a Deployment has no document: its controller recreates it at once.
    if (doc) ctx.setFiles(removeDocument(ctx.files, doc.file, doc.doc));
    ctx.out.line(`${type.singular}${type.group ? `.${type.group}` : ''} "${t.name}" deleted`);
  }
  return exit;
}
