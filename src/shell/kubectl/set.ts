import type { Ctx } from '../context.js';
import { flag, parseFlags } from '../flags.js';
import { isRecord } from '../objects.js';
import { updateDocument } from '../yaml-edit.js';
import { fail, usageError, usageErrorf } from './errors.js';
import { listItems, notFound } from './items.js';
import { findDoc } from './mutate.js';
import { qualifiedName, resolveResource, unknownResource, type ResourceType } from './resources.js';

/** The object named `TYPE/NAME` or `TYPE NAME` and its document. */
function target(ctx: Ctx, words: string[], ns: string): { type: ResourceType; name: string; rest: string[] } | { error: string } {
  const [first, ...rest] = words;
  if (!first) return { error: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>' };
  let typeWord = first;
  let name: string | undefined;
  if (first.includes('/')) [typeWord, name] = first.split('/', 2) as [string, string];
  else name = rest.shift();
  const type = resolveResource(typeWord);
  if (!type) return { error: unknownResource(typeWord) };
  if (!name) return { error: 'error: resource(s) were provided, but no name was specified' };
  void ctx;
  void ns;
  return { type, name, rest };
}

const SET_HELP = `Configure application resources.

 These commands help you make changes to existing application resources.

Available Commands:
  env              Update environment variables on a pod template
  image            Update the image of a pod template
  resources        Update resource requests/limits on objects with pod templates
  selector         Set the selector on a resource
  serviceaccount   Update the service account of a resource
  subject          Update the user, group, or service account in a role binding or cluster role binding

Usage:
  kubectl set SUBCOMMAND [options]

Use "kubectl set <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/**
 * `kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE…` (kubectl pkg/cmd/set/set_image.go):
 * rewrites the image in the object's document; `pod/web image updated`. The image is one of the
 * few fields of a running pod that may change.
 */
export function kubectlSet(args: string[], ctx: Ctx): number {
  const [sub, ...rest] = args;
  if (sub !== 'image') {
    if (sub === undefined) {
      // cmdutil.DefaultSubCommandRun(streams.ErrOut): the help on stderr, then CheckErr(ErrExit);
      // subcommands padded to cobra's NamePadding (the longest name, at least 11) and three spaces.
      ctx.out.err(SET_HELP);
      return 1;
    }
    if (['env', 'resources', 'selector', 'serviceaccount', 'subject'].includes(sub)) return fail(ctx, `error: the lab does not simulate "kubectl set ${sub}": change the object's YAML (kubectl edit, or the file and kubectl apply)`);
    return fail(ctx, `error: unknown command "${sub}" for "kubectl set"\n\nRun 'kubectl set --help' for usage.`);
  }
  const r = parseFlags(rest, { namespace: { short: 'n', value: true }, all: { value: false }, 'dry-run': { value: true, optional: 'unchanged' }, output: { short: 'o', value: true }, local: { value: false }, record: { value: false } });
  if (!r.ok) return usageError(ctx, r.error, 'set image');
  const ns = flag(r.parsed, 'namespace') ?? ctx.namespace();
  const words = r.parsed.positional.filter((w) => !w.includes('='));
  const pairs = r.parsed.positional.filter((w) => w.includes('='));
  const t = target(ctx, words, ns);
  if ('error' in t) return fail(ctx, t.error);
  if (pairs.length === 0) return usageErrorf(ctx, 'at least one image update is required', 'set image');
  const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
  const nsFor = t.type.namespaced ? ns : undefined;
  const doc = findDoc(ctx, t.type.kind, nsFor, t.name);
  if (!doc) {
    if (listItems(ctx, t.type, nsFor ?? null).some((i) => i.name === t.name)) return fail(ctx, `error: ${qualifiedName(t.type)}/${t.name} is managed by its controller; set the image on its template instead`);
    return fail(ctx, notFound(t.type, t.name));
  }
  const path = t.type.kind === 'Pod' ? ['spec'] : t.type.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
  let spec: unknown = doc.value;
  for (const k of path) spec = isRecord(spec) ? spec[k] : undefined;
  const containers = isRecord(spec) && Array.isArray(spec['containers']) ? spec['containers'] : [];
  const names = containers.map((c) => (isRecord(c) ? String(c['name']) : ''));
  const all = images.get('*');
  for (const name of images.keys()) {
    if (name !== '*' && !names.includes(name)) return fail(ctx, `error: unable to find container named "${name}"`);
  }
  let changed = false;
  ctx.setFiles(updateDocument(ctx.files, doc.file, doc.doc, (d) => {
    names.forEach((name, i) => {
      const image = images.get(name) ?? all;
      if (image === undefined) return;
      const at = [...path, 'containers', i, 'image'];
      if (d.getIn(at) !== image) changed = true;
      d.setIn(at, image);
    });
  }));
  // set_image.go prints `image updated` whether or not the image differed.
  void changed;
  ctx.out.line(`${qualifiedName(t.type)}/${t.name} image updated`);
  return 0;
}

/** `kubectl scale (TYPE NAME | TYPE/NAME) --replicas=N` (pkg/cmd/scale): `deployment.apps/web scaled`. */
export function kubectlScale(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, { namespace: { short: 'n', value: true }, replicas: { value: true }, 'current-replicas': { value: true }, all: { value: false }, 'dry-run': { value: true, optional: 'unchanged' }, output: { short: 'o', value: true }, timeout: { value: true } });
  if (!r.ok) return usageError(ctx, r.error, 'scale');
  const replicas = flag(r.parsed, 'replicas');
  if (replicas === undefined) return fail(ctx, 'error: required flag(s) "replicas" not set');
  if (!/^\d+$/.test(replicas)) return fail(ctx, 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const ns = flag(r.parsed, 'namespace') ?? ctx.namespace();
  const t = target(ctx, r.parsed.positional, ns);
  if ('error' in t) return fail(ctx, t.error);
  if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(t.type.kind)) return fail(ctx, `error: cannot scale a ${t.type.group ? `${t.type.kind}.${t.type.group}` : t.type.kind}`);
  const doc = findDoc(ctx, t.type.kind, ns, t.name);
  if (!doc) return fail(ctx, notFound(t.type, t.name));
  ctx.setFiles(updateDocument(ctx.files, doc.file, doc.doc, (d) => { d.setIn(['spec', 'replicas'], Number(replicas)); }));
  ctx.out.line(`${qualifiedName(t.type)}/${t.name} scaled`);
  return 0;
}
