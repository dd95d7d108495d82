import type { Ctx } from '../context.js';
import { flag, parseFlags } from '../flags.js';
import { fail, usageError } from './errors.js';
import { listItems, notFound } from './items.js';
import { resolveResource, unknownResource } from './resources.js';

/** `kubectl edit TYPE NAME`: the lab opens the object's document in the editor instead of vi. */
export function kubectlEdit(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, { namespace: { short: 'n', value: true } });
  if (!r.ok) return usageError(ctx, r.error, 'edit');
  let [typeWord, name] = r.parsed.positional;
  if (typeWord?.includes('/')) [typeWord, name] = typeWord.split('/', 2) as [string, string];
  if (!typeWord || !name) return fail(ctx, "error: you must provide one or more resources by argument or filename\nSee 'kubectl edit -h' for help and examples");
  const type = resolveResource(typeWord);
  if (!type) return fail(ctx, unknownResource(typeWord));
  const ns = type.namespaced ? (flag(r.parsed, 'namespace') ?? ctx.namespace()) : null;
  const item = listItems(ctx, type, ns).find((i) => i.name === name);
  if (!item) return fail(ctx, notFound(type, name));
  if (!item.ref) return fail(ctx, `error: ${type.plural} "${name}" is not declared in any file; it exists implicitly`);
  ctx.open = { file: item.ref.file, ref: item.ref };
  return 0;
}
