import type { Ctx } from '../context.js';
import { base64 } from '../encode.js';
import { flag, flagAll, parseFlags } from '../flags.js';
import { toYaml } from '../yaml-edit.js';
import { sortKeys } from './api-object.js';
import { applyFiles } from './apply.js';
import { fail, usageError } from './errors.js';
import { alreadyExists, createObject, findDoc } from './mutate.js';
import { resolveResource } from './resources.js';

const COMMON = {
  namespace: { short: 'n', value: true },
  'dry-run': { value: true, optional: 'unchanged' },
  output: { short: 'o', value: true },
  filename: { short: 'f', value: true },
} as const;

export function kubectlCreate(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    ...COMMON,
    'docker-server': { value: true },
    'docker-username': { value: true },
    'docker-password': { value: true },
    'docker-email': { value: true },
    'from-literal': { value: true },
    type: { value: true },
  });
  if (!r.ok) return usageError(ctx, r.error, 'create');
  const p = r.parsed;
  const files = flagAll(p, 'filename');
  if (files.length) return applyFiles(ctx, files, 'create');
  const [what, sub, name] = p.positional;
  const ns = flag(p, 'namespace') ?? ctx.namespace();
  let obj: Record<string, unknown>;
  if (what === 'secret' && (sub === 'docker-registry' || sub === 'generic')) {
    if (!name) return fail(ctx, 'error: NAME is required');
    if (sub === 'docker-registry') {
      const user = flag(p, 'docker-username') ?? '';
      const pass = flag(p, 'docker-password') ?? '';
      // kubernetes/kubectl pkg/cmd/create/create_secret_docker.go: Validate().
      if (!user || !pass) return fail(ctx, 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
      const server = flag(p, 'docker-server') ?? 'https://index.docker.io/v1/';
      const email = flag(p, 'docker-email') ?? '';
      // DockerConfigEntry field order, `omitempty` on each: username, password, email, auth.
      const entry: Record<string, string> = { username: user, password: pass };
      if (email) entry['email'] = email;
      entry['auth'] = base64(`${user}:${pass}`);
      const json = JSON.stringify({ auths: { [server]: entry } });
      obj = { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': base64(json) } };
    } else {
      const data: Record<string, string> = {};
      for (const lit of flagAll(p, 'from-literal')) {
        const eq = lit.indexOf('=');
        if (eq <= 0) return fail(ctx, `error: invalid literal source ${lit}, expected key=value`);
        data[lit.slice(0, eq)] = base64(lit.slice(eq + 1));
      }
      obj = { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: flag(p, 'type') ?? 'Opaque', data };
    }
  } else if (what === 'namespace' || what === 'ns') {
    if (!sub) return fail(ctx, 'error: exactly one NAME is required, got 0');
    obj = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: sub } };
  } else if (what === 'serviceaccount' || what === 'sa') {
    if (!sub) return fail(ctx, 'error: exactly one NAME is required, got 0');
    obj = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sub } };
  } else {
    return fail(ctx, `error: unknown command "${what ?? ''}" for "kubectl create"\nDid you mean this?\n\tsecret\n\tnamespace\n\tserviceaccount`);
  }
  return finish(ctx, obj, ns, flag(p, 'dry-run'), flag(p, 'output'), flag(p, 'namespace') !== undefined);
}

/** Prints (dry run) or stores a new object, as kubectl create/run do. */
export function finish(ctx: Ctx, obj: Record<string, unknown>, ns: string, dryRun: string | undefined, output: string | undefined, nsGiven: boolean): number {
  const kind = obj['kind'] as string;
  const type = resolveResource(kind);
  const meta = obj['metadata'] as Record<string, unknown>;
  const name = meta['name'] as string;
  const namespaced = type?.namespaced ?? true;
  const dry = dryRun !== undefined && dryRun !== 'none';
  if (dry) {
    const shown = structuredClone(obj);
    const m = shown['metadata'] as Record<string, unknown>;
    m['creationTimestamp'] = null;
    if (nsGiven && namespaced) m['namespace'] = ns;
    if (output === 'yaml') ctx.out.out(toYaml(sortKeys(shown)));
    else if (output === 'json') ctx.out.out(`${JSON.stringify(sortKeys(shown), null, 4)}\n`);
    else ctx.out.line(`${(type?.singular ?? kind.toLowerCase())}/${name} created (dry run)`);
    return 0;
  }
  if (type && findDoc(ctx, kind, namespaced ? ns : undefined, name)) return fail(ctx, alreadyExists(type, name));
  if (namespaced && ns !== 'default') meta['namespace'] = ns;
  createObject(ctx, obj);
  if (output === 'yaml') ctx.out.out(toYaml(sortKeys(obj)));
  else ctx.out.line(`${type?.singular ?? kind.toLowerCase()}/${name} created`);
  return 0;
}
