import type { Ctx } from '../context.js';
import { isNamespaced, objectNamespace } from '../objects.js';
import { canonical, objectKey } from './mutate.js';
import { qualifiedKind, resolveResource } from './resources.js';

/**
 * `kubectl apply -f TAB` / `kubectl create -f TAB`: the editor's tabs are the cluster, so the
 * objects already exist; what changes is what the shell has seen submitted. apply prints
 * created / configured / unchanged against the last apply; create refuses what was submitted
 * before (AlreadyExists). An object with an error diagnostic is refused as the API server would.
 */
export function applyFiles(ctx: Ctx, names: readonly string[], verb: 'apply' | 'create'): number {
  let exit = 0;
  const applied = { ...ctx.runtime.applied };
  for (const name of names) {
    const files = ctx.files.filter((f) => f.name === name || f.name.endsWith(`/${name}`) || (name.endsWith('/') || name === '.' ? f.name.startsWith(name === '.' ? '' : name) : false));
    if (files.length === 0) {
      ctx.out.errLine(`error: the path "${name}" does not exist`);
      exit = 1;
      continue;
    }
    for (const file of files) {
      const errors = ctx.analysis().diagnostics.filter((d) => d.severity === 'error' && d.file === file.name);
      for (const o of ctx.objects().filter((x) => x.file === file.name)) {
        const ns = objectNamespace(o);
        const label = `${qualifiedKind(o.kind, o.apiVersion)}/${o.name}`;
        const docErrors = errors.filter((d) => docOf(ctx, file.name, d.line) === o.doc);
        if (docErrors.length) {
          const type = resolveResource(o.kind);
          ctx.out.errLine(`Error from server (BadRequest): error when ${verb === 'apply' ? 'creating' : 'creating'} "${file.name}": ${o.kind} in version "${o.apiVersion}" cannot be handled as a ${o.kind}: ${docErrors[0]?.message ?? ''}`);
          void type;
          exit = 1;
          continue;
        }
        const key = objectKey(o.kind, isNamespaced(o.kind) ? ns : undefined, o.name);
        const now = canonical(o.value);
        const before = applied[key];
        if (verb === 'create') {
          if (before !== undefined) {
            const type = resolveResource(o.kind);
            const plural = type ? `${type.plural}${type.group ? `.${type.group}` : ''}` : `${o.kind.toLowerCase()}s`;
            ctx.out.errLine(`Error from server (AlreadyExists): error when creating "${file.name}": ${plural} "${o.name}" already exists`);
            exit = 1;
            continue;
          }
          ctx.out.line(`${label} created`);
        } else {
          ctx.out.line(`${label} ${before === undefined ? 'created' : before === now ? 'unchanged' : 'configured'}`);
        }
        applied[key] = now;
      }
    }
  }
  ctx.runtime.applied = applied;
  return exit;
}

/** Which document of a file a (1-based) line belongs to. */
function docOf(ctx: Ctx, file: string, line: number): number {
  const text = ctx.files.find((f) => f.name === file)?.text ?? '';
  const lines = text.split('\n').slice(0, Math.max(0, line - 1));
  // Count document separators above the line; a leading `---` does not start a second document.
  let doc = 0;
  let content = false;
  for (const l of lines) {
    if (/^---(\s|$)/.test(l)) {
      if (content) doc++;
      content = false;
    } else if (l.trim() !== '' && !l.trim().startsWith('#')) content = true;
  }
  return doc;
}
