import type { Ctx } from '../context.js';
import { isRecord } from '../objects.js';
import { forbidden, impersonating } from './impersonation.js';
import { findDocs } from './mutate.js';
import { resolveResource, resourceByKind, type ResourceType } from './resources.js';
import { readSources } from './sources.js';

/**
 * The API requests a kubectl command sends, in order, authorized as the impersonated user
 * (`--as`/`--as-group`) by the engine's RBAC authorizer before the command runs: the first one
 * denied ends the command with the API server's Forbidden status as kubectl prints it
 * (`Error from server (Forbidden): MESSAGE`, exit 1). Which requests, per command (kubectl
 * v1.30): get/describe — list (no name) or get per name; delete — delete; exec — get the pod,
 * then create pods/exec (exec.go); logs — get the pod, then get pods/log; run — create pods;
 * create GENERATOR — create; create token SA — create serviceaccounts/token; create -f — create,
 * wrapped by cmdutil.AddSourceToErr (`error when creating "SRC": …`); apply -f — get first
 * (`error when retrieving current configuration of:` + resource.Info.String()), then create when
 * absent; label/annotate — get, then patch; edit — get; scale — patch TYPE/scale; rollout and
 * set — get, then patch when they write; expose — get, then create services; events — list
 * events. Other commands (replace, diff, top…) are not checked.
 */
interface Check {
  readonly verb: string;
  readonly type: ResourceType;
  readonly namespace: string;
  readonly name?: string;
  readonly subresource?: string;
  /** How kubectl wraps the Forbidden message. */
  readonly wrap?: (msg: string) => string;
}

const VALUE_FLAGS = new Set([
  '-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename', '-c', '--container', '--field-selector', '--sort-by',
  '--image', '-r', '--replicas', '--port', '--for', '--template', '--type', '--timeout', '--tail', '--since', '--since-time',
  '--dry-run', '--grace-period', '--cascade', '--restart', '--env', '--labels', '--overrides', '--image-pull-policy', '--verb',
  '--resource', '--resource-name', '--role', '--clusterrole', '--user', '--group', '--serviceaccount', '--from-literal',
  '--from-file', '--from-env-file', '--duration', '--audience', '--tcp', '--schedule', '--hard', '--value', '--non-resource-url',
  '--aggregation-rule', '--docker-server', '--docker-username', '--docker-password', '--docker-email', '--cert', '--key',
  '--annotations', '--pod-running-timeout', '--limit-bytes', '--prefix', '--max-log-requests', '--chunk-size', '--field-manager',
]);

/** Positional words and the few flags the checks need. */
function scan(args: readonly string[]): { words: string[]; namespace: string | undefined; all: boolean; files: string[]; dash: boolean } {
  const words: string[] = [];
  const files: string[] = [];
  let namespace: string | undefined;
  let all = false;
  let dash = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      dash = true;
      break;
    }
    if (a === '-A' || a === '--all-namespaces' || a === '--all-namespaces=true') all = true;
    else if (a === '-n' || a === '--namespace') namespace = args[++i];
    else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
    else if (/^-n./.test(a)) namespace = a.slice(2).replace(/^=/, '');
    else if (a === '-f' || a === '--filename') files.push(args[++i] ?? '');
    else if (a.startsWith('--filename=')) files.push(a.slice('--filename='.length));
    else if (/^-f./.test(a)) files.push(a.slice(2).replace(/^=/, ''));
    else if (VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-') || a === '-') words.push(a);
  }
  return { words, namespace, all, files, dash };
}

/** `TYPE NAME…` or `TYPE/NAME…`: the types and names the builder visits. */
function targets(words: readonly string[]): { type: ResourceType; name?: string }[] | null {
  const [first, ...rest] = words;
  if (first === undefined) return [];
  if (first.includes('/')) {
    const out: { type: ResourceType; name?: string }[] = [];
    for (const w of words) {
      const slash = w.indexOf('/');
      const type = resolveResource(w.slice(0, slash));
      if (!type) return null;
      out.push({ type, name: w.slice(slash + 1) });
    }
    return out;
  }
  const out: { type: ResourceType; name?: string }[] = [];
  for (const t of first.split(',')) {
    const type = resolveResource(t);
    if (!type) return null;
    if (rest.length === 0) out.push({ type });
    for (const n of rest) out.push({ type, name: n });
  }
  return out;
}

const GENERATOR_TYPES: Readonly<Record<string, string>> = {
  clusterrole: 'clusterroles', clusterrolebinding: 'clusterrolebindings', configmap: 'configmaps', cm: 'configmaps', cronjob: 'cronjobs', cj: 'cronjobs',
  deployment: 'deployments', deploy: 'deployments', ingress: 'ingresses', ing: 'ingresses', job: 'jobs', namespace: 'namespaces', ns: 'namespaces',
  poddisruptionbudget: 'poddisruptionbudgets', pdb: 'poddisruptionbudgets', priorityclass: 'priorityclasses', pc: 'priorityclasses', quota: 'resourcequotas',
  resourcequota: 'resourcequotas', role: 'roles', rolebinding: 'rolebindings', secret: 'secrets', service: 'services', svc: 'services',
  serviceaccount: 'serviceaccounts', sa: 'serviceaccounts',
};

function checksFor(ctx: Ctx, sub: string, args: readonly string[]): Check[] {
  const s = scan(args);
  const ns = s.namespace ?? ctx.namespace();
  const scoped = (type: ResourceType, all = false) => (type.namespaced && !all ? ns : '');
  const pod = resolveResource('pods') as ResourceType;
  switch (sub) {
    case 'get': case 'describe': {
      const ts = targets(s.words);
      if (!ts) return [];
      return ts.map((t) => ({ verb: t.name === undefined ? 'list' : 'get', type: t.type, namespace: scoped(t.type, t.name === undefined && s.all), ...(t.name !== undefined ? { name: t.name } : {}) }));
    }
    case 'delete': {
      const ts = targets(s.words);
      return (ts ?? []).filter((t) => t.name !== undefined).map((t) => ({ verb: 'delete', type: t.type, namespace: scoped(t.type), name: t.name as string }));
    }
    case 'label': case 'annotate': {
      const ts = targets(s.words.filter((w) => !w.includes('=') && !(w.endsWith('-') && w !== '-')));
      return (ts ?? []).filter((t) => t.name !== undefined).flatMap((t) => [
        { verb: 'get', type: t.type, namespace: scoped(t.type), name: t.name as string },
        { verb: 'patch', type: t.type, namespace: scoped(t.type), name: t.name as string },
      ]);
    }
    case 'exec': case 'logs': {
      const name = s.words[0];
      if (name === undefined || name.includes('/')) return [];
      return [
        { verb: 'get', type: pod, namespace: ns, name },
        sub === 'exec' ? { verb: 'create', type: pod, namespace: ns, name, subresource: 'exec' } : { verb: 'get', type: pod, namespace: ns, name, subresource: 'log' },
      ];
    }
    case 'run':
      return s.words.length ? [{ verb: 'create', type: pod, namespace: ns }] : [];
    case 'edit': {
      // The editor fetches the objects first (builder .Latest()); the patch afterwards is not checked.
      const ts = targets(s.words);
      return (ts ?? []).filter((t) => t.name !== undefined).map((t) => ({ verb: 'get', type: t.type, namespace: scoped(t.type), name: t.name as string }));
    }
    case 'scale': {
      // scale.go patches the scale subresource.
      const ts = targets(s.words);
      return (ts ?? []).filter((t) => t.name !== undefined).map((t) => ({ verb: 'patch', type: t.type, namespace: scoped(t.type), name: t.name as string, subresource: 'scale' }));
    }
    case 'rollout': case 'set': {
      // The object is fetched (.Latest()); restart/pause/resume/undo and set patch it; status/history only read.
      const [action, ...rest] = s.words;
      const ts = targets(rest.filter((w) => !w.includes('=')));
      const writes = sub === 'set' || ['restart', 'pause', 'resume', 'undo'].includes(action ?? '');
      return (ts ?? []).filter((t) => t.name !== undefined).flatMap((t) => [
        { verb: 'get', type: t.type, namespace: scoped(t.type), name: t.name as string },
        ...(writes ? [{ verb: 'patch', type: t.type, namespace: scoped(t.type), name: t.name as string }] : []),
      ]);
    }
    case 'expose': {
      const ts = targets(s.words);
      const svc = resolveResource('services') as ResourceType;
      return (ts ?? []).filter((t) => t.name !== undefined).flatMap((t) => [
        { verb: 'get', type: t.type, namespace: scoped(t.type), name: t.name as string },
        { verb: 'create', type: svc, namespace: ns },
      ]);
    }
    case 'events':
      return [{ verb: 'list', type: resolveResource('events') as ResourceType, namespace: s.all ? '' : ns }];
    case 'create': case 'apply': {
      if (s.files.length) return fileChecks(ctx, sub, s.files, s.namespace);
      if (sub !== 'create') return [];
      const [gen, name] = s.words;
      if (gen === 'token' && name !== undefined) return [{ verb: 'create', type: resolveResource('serviceaccounts') as ResourceType, namespace: ns, name, subresource: 'token' }];
      const plural = gen === undefined ? undefined : GENERATOR_TYPES[gen];
      const type = plural === undefined ? undefined : resolveResource(plural);
      return type ? [{ verb: 'create', type, namespace: scoped(type) }] : [];
    }
    default:
      return [];
  }
}

/** create -f / apply -f: per object of the sources. */
function fileChecks(ctx: Ctx, sub: 'create' | 'apply', files: readonly string[], nsFlag: string | undefined): Check[] {
  const read = readSources(ctx, files, false);
  if (!read.ok) return [];
  const out: Check[] = [];
  for (const src of read.sources) {
    for (const o of src.objects) {
      const v = o.value;
      const type = resourceByKind(String(v['kind'] ?? ''), String(v['apiVersion'] ?? ''));
      const meta = isRecord(v['metadata']) ? v['metadata'] : {};
      const name = typeof meta['name'] === 'string' ? meta['name'] : '';
      if (!type || name === '') continue;
      const ns = type.namespaced ? (typeof meta['namespace'] === 'string' ? meta['namespace'] : nsFlag ?? ctx.namespace()) : '';
      const creating = (msg: string) => `error when creating "${src.name}": ${msg}`;
      if (sub === 'create') {
        out.push({ verb: 'create', type, namespace: ns, wrap: creating });
        continue;
      }
      const gv = type.group === '' ? `/${type.version}` : `${type.group}/${type.version}`;
      // cli-runtime resource.Info.String(): `Resource: "G/V, Resource=R", GroupVersionKind: "G/V, Kind=K"\nName: "N", Namespace: "NS"`.
      const info = `Resource: "${gv}, Resource=${type.plural}", GroupVersionKind: "${gv}, Kind=${type.kind}"\nName: "${name}", Namespace: "${ns}"`;
      out.push({ verb: 'get', type, namespace: ns, name, wrap: (msg) => `error when retrieving current configuration of:\n${info}\nfrom server for: "${src.name}": ${msg}` });
      const exists = findDocs(ctx, type.kind, type.namespaced ? ns : undefined, name).length > 0;
      if (!exists) out.push({ verb: 'create', type, namespace: ns, wrap: creating });
    }
  }
  return out;
}

/**
 * Authorizes a command's requests as the impersonated user; prints the first Forbidden and returns
 * kubectl's exit code (1), or null when everything is allowed (or nobody is impersonated).
 */
export function authorizeCommand(ctx: Ctx, sub: string, args: readonly string[]): number | null {
  if (!impersonating(ctx)) return null;
  for (const c of checksFor(ctx, sub, args)) {
    const msg = forbidden(ctx, {
      verb: c.verb, resource: c.type.plural, apiGroup: c.type.group, namespace: c.namespace,
      ...(c.name !== undefined ? { name: c.name } : {}), ...(c.subresource !== undefined ? { subresource: c.subresource } : {}),
    });
    if (msg !== null) {
      ctx.out.err(`Error from server (Forbidden): ${c.wrap ? c.wrap(msg) : msg}\n`);
      return 1;
    }
  }
  return null;
}
