import type { Ctx } from '../context.js';
import { base64 } from '../encode.js';
import { bool, flag, flagAll, parseFlags, type FlagSpec, type Parsed } from '../flags.js';
import { basename, isErrno, resolvePath, STRERROR } from '../sh/fs.js';
import { applySources, serverError } from './apply.js';
import { fail, usageError, usageErrorf } from './errors.js';
import { listItems } from './items.js';
import { serviceAccountToken } from '../proc/serviceaccount.js';
import { CLUSTER_FILE } from '../yaml-edit.js';
import { admissionOf, admitAfterNamespace } from './admission-output.js';
import { alreadyExistsMessage, createObject, findDoc, findDocs, notFoundMessage } from './mutate.js';
import { printWarnings } from './warnings.js';
import { setOwn, userMap } from './user-map.js';
import { checkOutputFormat, dryRunOf, dryRunSuffix, printObject, type DryRun } from './print.js';
import { resolveResource, resourceByKind, type ResourceType } from './resources.js';

/**
 * `kubectl create -f FILE|-` and the generators `kubectl create KIND NAME …`, each building the
 * object its kubectl v0.30 pkg/cmd/create/create_*.go builds, printing it with `--dry-run=client
 * -o yaml|json`, and wrapping API errors as that subcommand does (kubectl-create-errors.md).
 */

const COMMON: FlagSpec = {
  namespace: { short: 'n', value: true },
  'dry-run': { value: true, optional: 'unchanged' },
  output: { short: 'o', value: true },
  'save-config': { value: false },
  validate: { value: true, optional: 'strict' },
  'field-manager': { value: true },
  'show-managed-fields': { value: false },
  template: { value: true },
  'allow-missing-template-keys': { value: true, optional: 'true' },
};

const SUBCOMMANDS: Readonly<Record<string, string>> = {
  clusterrole: 'Create a cluster role',
  clusterrolebinding: 'Create a cluster role binding for a particular cluster role',
  configmap: 'Create a config map from a local file, directory or literal value',
  cronjob: 'Create a cron job with the specified name',
  deployment: 'Create a deployment with the specified name',
  ingress: 'Create an ingress with the specified name',
  job: 'Create a job with the specified name',
  namespace: 'Create a namespace with the specified name',
  poddisruptionbudget: 'Create a pod disruption budget with the specified name',
  priorityclass: 'Create a priority class with the specified name',
  quota: 'Create a quota with the specified name',
  role: 'Create a role with single rule',
  rolebinding: 'Create a role binding for a particular role or cluster role',
  secret: 'Create a secret using a specified subcommand',
  service: 'Create a service using a specified subcommand',
  serviceaccount: 'Create a service account with the specified name',
  token: 'Request a service account token',
};
const ALIASES: Readonly<Record<string, string>> = { cm: 'configmap', cj: 'cronjob', deploy: 'deployment', ing: 'ingress', ns: 'namespace', pdb: 'poddisruptionbudget', pc: 'priorityclass', resourcequota: 'quota', sa: 'serviceaccount', svc: 'service' };

interface Gen {
  readonly path: string;
  readonly flags: FlagSpec;
  /** Builds the object, or returns an error message (already `error: …`-prefixed when needed). */
  build(ctx: Ctx, name: string, p: Parsed, ns: NsInfo): Record<string, unknown> | { error: string };
  /** How the subcommand wraps a create error (`failed to create secret %v`), or null: unchanged. */
  readonly wrap: ((msg: string, obj: Record<string, unknown>) => string) | null;
  /** `create job NAME -- CMD`: words after the name are the command. */
  readonly command?: boolean;
}

interface NsInfo {
  readonly ns: string;
  /** -n given: the generated object names its namespace (EnforceNamespace). */
  readonly enforce: boolean;
}

const meta = (name: string, ns: NsInfo, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name, ...(ns.enforce ? { namespace: ns.ns } : {}), creationTimestamp: null, ...extra,
});

export function kubectlCreate(args: string[], ctx: Ctx): number {
  const words = args.filter((a, i) => !a.startsWith('-') && !isFlagValue(args, i));
  const subWord = words[0];
  const sub = subWord === undefined ? undefined : (ALIASES[subWord] ?? subWord);
  if (sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub)) {
    const at = args.findIndex((a, i) => a === subWord && !isFlagValue(args, i));
    const rest = args.filter((_, i) => i !== at);
    return sub === 'token' ? createToken(ctx, rest) : runGenerator(sub, rest, ctx);
  }
  const r = parseFlags(args, { ...COMMON, filename: { short: 'f', value: true }, recursive: { short: 'R', value: false }, edit: { value: false }, selector: { short: 'l', value: true }, raw: { value: true } });
  if (!r.ok) return usageError(ctx, r.error, 'create');
  const p = r.parsed;
  const files = flagAll(p, 'filename');
  if (files.length === 0) {
    ctx.out.err('Error: must specify one of -f and -k\n\n');
    if (p.positional.length) return usageErrorf(ctx, `unknown command "${p.positional.join(' ')}"`, 'create');
    ctx.out.out(createHelp());
    return 1;
  }
  if (p.positional.length) return usageErrorf(ctx, `Unexpected args: [${p.positional.join(' ')}]`, 'create');
  const dry = dryRunOf(ctx, flag(p, 'dry-run'));
  if (dry === null || !checkOutputFormat(ctx, flag(p, 'output'))) return 1;
  return applySources(ctx, files, { verb: 'create', dryRun: dry, output: flag(p, 'output'), namespace: flag(p, 'namespace'), recursive: bool(p, 'recursive'), saveConfig: bool(p, 'save-config') });
}

/** Whether args[i] is the value of the flag before it (`-n dev`, `-o yaml`). */
function isFlagValue(args: readonly string[], i: number): boolean {
  const prev = args[i - 1];
  return prev !== undefined && /^(-n|--namespace|-o|--output|-f|--filename|-l|--selector)$/.test(prev);
}

function createHelp(): string {
  const names = Object.keys(SUBCOMMANDS).sort();
  const width = Math.max(...names.map((n) => n.length)) + 3;
  return `Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.\n\nExamples:\n  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n\n  # Create a pod based on the JSON passed into stdin\n  cat pod.json | kubectl create -f -\n\nAvailable Commands:\n${names.map((n) => `  ${n.padEnd(width)}${SUBCOMMANDS[n]}`).join('\n')}\n\nUsage:\n  kubectl create -f FILENAME [options]\n\nUse "kubectl create <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

function runGenerator(sub: string, args: string[], ctx: Ctx): number {
  // `create secret generic`, `create service clusterip`: one more level of subcommand.
  let path = sub;
  let rest = args;
  if (sub === 'secret' || sub === 'service') {
    const kinds = sub === 'secret' ? ['docker-registry', 'generic', 'tls'] : ['clusterip', 'externalname', 'loadbalancer', 'nodeport'];
    const idx = rest.findIndex((a, i) => !a.startsWith('-') && !isFlagValue(rest, i));
    const which = idx >= 0 ? rest[idx] : undefined;
    if (which === undefined || !kinds.includes(which)) {
      if (which !== undefined) return usageErrorf(ctx, `unknown command "${which}"`, `create ${sub}`);
      return fail(ctx, `error: must specify one of ${kinds.join(', ')}\nSee 'kubectl create ${sub} -h' for help and examples`);
    }
    path = `${sub} ${which}`;
    rest = rest.filter((_, i) => i !== idx);
  }
  const gen = GENERATORS[path];
  if (!gen) return fail(ctx, `error: unknown command "${sub}" for "kubectl create"`);
  const r = parseFlags(rest, { ...COMMON, ...gen.flags });
  if (!r.ok) return usageError(ctx, r.error, `create ${path}`);
  const p = r.parsed;
  // NameFromCommandArgs: exactly one NAME before `--`.
  const nameCount = p.positional.length;
  if (nameCount !== 1) return usageErrorf(ctx, `exactly one NAME is required, got ${nameCount}`, `create ${path}`);
  const name = p.positional[0] as string;
  const nsGiven = flag(p, 'namespace');
  const ns: NsInfo = { ns: nsGiven ?? ctx.namespace(), enforce: nsGiven !== undefined };
  const dry = dryRunOf(ctx, flag(p, 'dry-run'));
  if (dry === null || !checkOutputFormat(ctx, flag(p, 'output'))) return 1;
  const built = gen.build(ctx, name, p, ns);
  if ('error' in built) return fail(ctx, built.error as string);
  return finishCreate(ctx, built, { ns: ns.ns, dry, output: flag(p, 'output'), wrap: gen.wrap, saveConfig: bool(p, 'save-config') });
}

/**
 * Prints (dry run) or stores a new object as the generators do: AlreadyExists from the API server
 * (wrapped or not), the created object printed through the operation `created`.
 */
export function finishCreate(
  ctx: Ctx, obj: Record<string, unknown>,
  opts: { ns: string; dry: DryRun; output: string | undefined; wrap?: ((msg: string, obj: Record<string, unknown>) => string) | null; saveConfig?: boolean; operation?: string; quiet?: boolean },
): number {
  const kind = String(obj['kind']);
  const type = resourceByKind(kind, String(obj['apiVersion'] ?? ''));
  const m = obj['metadata'] as Record<string, unknown>;
  const name = String(m['name']);
  const namespaced = type?.namespaced ?? true;
  const operation = `${opts.operation ?? 'created'}${dryRunSuffix(opts.dry)}`;
  if (opts.dry === 'client') return printObject(ctx, obj, opts.output, operation, { typed: true });
  if (type && existsObject(ctx, type, namespaced ? opts.ns : undefined, name)) {
    const msg = alreadyExistsMessage(type, name);
    return fail(ctx, opts.wrap ? `error: ${opts.wrap(msg, obj)}` : `Error from server (AlreadyExists): ${msg}`);
  }
  const stored = structuredClone(obj);
  const sm = stored['metadata'] as Record<string, unknown>;
  delete sm['creationTimestamp'];
  if (namespaced && opts.ns !== 'default') sm['namespace'] = opts.ns;
  else if (!namespaced || opts.ns === 'default') delete sm['namespace'];
  pruneEmpty(stored);
  // The API server's admission (PodSecurity) answers a server dry run as it answers a create.
  const before = ctx.files;
  const beforeApplied = ctx.runtime.applied;
  createObject(ctx, stored, opts.saveConfig === true);
  admitAfterNamespace(ctx, namespaced ? opts.ns : undefined, kind, name);
  const target = findDocs(ctx, kind, namespaced ? opts.ns : undefined, name).filter((d) => d.file === CLUSTER_FILE).pop();
  const answer = target ? admissionOf(ctx, target.file, target.doc) : null;
  // Validation (the engine's diagnostics on the document, as the API server words them) comes before admission.
  const invalid = target && !answer?.forbidden ? serverError(ctx, target.file, target.doc, stored, 'creating', CLUSTER_FILE) : null;
  if (invalid || answer?.forbidden || opts.dry === 'server') {
    ctx.setFiles(before);
    ctx.runtime.applied = beforeApplied;
  }
  if (invalid) return fail(ctx, opts.wrap ? `error: ${opts.wrap(invalid.replace(/\n$/, ''), obj)}` : invalid);
  if (answer?.forbidden) return fail(ctx, opts.wrap ? `error: ${opts.wrap(answer.forbidden, obj)}` : `Error from server (Forbidden): ${answer.forbidden}`);
  if (answer) printWarnings(ctx, answer.warnings);
  if (opts.quiet) return 0;
  const shown = structuredClone(obj);
  const shownMeta = shown['metadata'] as Record<string, unknown>;
  if (namespaced) shownMeta['namespace'] = opts.ns;
  shownMeta['creationTimestamp'] = '2024-05-20T09:00:00Z';
  return printObject(ctx, shown, opts.output, operation, { typed: true });
}

/** What lands in the editor drops the printer's empty `status: {}` and `resources: {}`. */
function pruneEmpty(obj: Record<string, unknown>): void {
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const x = o[k];
      if ((k === 'status' || k === 'resources' || k === 'strategy') && typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === 0) delete o[k];
      else if (k === 'creationTimestamp' && x === null) delete o[k];
      else if (k === 'status' && typeof x === 'object' && x !== null && JSON.stringify(x) === '{"loadBalancer":{}}') delete o[k];
      else walk(x);
    }
  };
  walk(obj);
}

/** Whether the object exists: a document declares it, or the cluster has it implicitly (kube-system, default SA…). */
export function existsObject(ctx: Ctx, type: ResourceType, namespace: string | undefined, name: string): boolean {
  if (findDoc(ctx, type.kind, namespace, name)) return true;
  return listItems(ctx, type, namespace ?? null).some((i) => i.name === name && (namespace === undefined || i.namespace === namespace));
}

// ---- the generators ----

const splitList = (values: readonly string[]): string[] => values.flatMap((v) => v.split(',')).filter((v) => v !== '');

/** `--from-literal`, `--from-file`, `--from-env-file` (kubectl create_configmap.go / create_secret.go). */
function collectData(ctx: Ctx, p: Parsed, what: 'ConfigMap' | 'Secret', name: string): { data: Record<string, string> } | { error: string } {
  const data = userMap();
  const add = (k: string, v: string): string | null => {
    if (Object.hasOwn(data, k)) return `error: cannot add key ${k}, another key by that name already exists in ${what === 'ConfigMap' ? 'Data for ConfigMap' : 'data'} "${name}"`;
    setOwn(data, k, v);
    return null;
  };
  for (const lit of flagAll(p, 'from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) return { error: `error: invalid literal source ${lit}, expected key=value` };
    const e = add(lit.slice(0, eq), lit.slice(eq + 1));
    if (e) return { error: e };
  }
  for (const src of flagAll(p, 'from-file')) {
    const eq = src.indexOf('=');
    const [key, file] = eq > 0 ? [src.slice(0, eq), src.slice(eq + 1)] : [null, src];
    const path = resolvePath(ctx.cwd, file);
    const st = ctx.sys?.fs.stat(path);
    if (!st || isErrno(st)) return { error: `error: error reading ${file}: ${STRERROR[isErrno(st) ? st : 'ENOENT'].toLowerCase()}` };
    const files: [string, string][] = [];
    if (st.type === 'dir') {
      if (key) return { error: `error: cannot give a key name for a directory path` };
      const entries = ctx.sys.fs.readdir(path);
      for (const e of Array.isArray(entries) ? entries : []) {
        const t = ctx.sys.fs.read(`${path}/${e}`);
        if (typeof t === 'string') files.push([e, t]);
      }
    } else {
      const t = ctx.sys.fs.read(path);
      if (typeof t !== 'string') return { error: `error: error reading ${file}: ${STRERROR[t.errno].toLowerCase()}` };
      files.push([key ?? basename(file), t]);
    }
    for (const [k, v] of files) {
      const e = add(k, v);
      if (e) return { error: e };
    }
  }
  for (const file of flagAll(p, 'from-env-file')) {
    const t = ctx.sys?.fs.read(resolvePath(ctx.cwd, file));
    if (typeof t !== 'string') return { error: `error: open ${file}: no such file or directory` };
    for (const line of t.split('\n')) {
      const l = line.replace(/^\uFEFF/, '').trim();
      if (l === '' || l.startsWith('#')) continue;
      const eq = l.indexOf('=');
      const e = eq < 0 ? add(l, '') : add(l.slice(0, eq), l.slice(eq + 1));
      if (e) return { error: e };
    }
  }
  return { data };
}

const encoded = (data: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)]));

function podTemplateContainer(name: string, image: string, command: readonly string[] | null): Record<string, unknown> {
  return { name, image, ...(command && command.length ? { command: [...command] } : {}), resources: {} };
}

/** create_role.go specialVerbs: verbs that only make sense on these group/resources. */
const SPECIAL_VERBS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  escalate: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras'], ['authentication.k8s.io', 'uids']],
};

/**
 * create_role.go Complete (`RESOURCE[.GROUP][/SUBRESOURCE]`; a bare `*` alone stands for all),
 * validateResource (an empty resource; a special verb on another resource: `can not perform
 * 'use' on 'pods' in group ''`; the RESTMapper's error for an unknown type — forgiven when a
 * special verb matched; everything after a `*` unchecked) and generateResourcePolicyRules: one
 * rule per API group (groups sorted), resources by their plural names.
 */
function policyRules(verbs: string[], resources: string[], resourceNames: string[], nonResourceURLs: string[]): Record<string, unknown>[] | { error: string } {
  const parsed: { resource: string; group: string; sub: string | undefined }[] = [];
  for (const r of resources) {
    const slash = r.indexOf('/');
    const sub = slash < 0 ? undefined : r.slice(slash + 1);
    const base = slash < 0 ? r : r.slice(0, slash);
    const dot = base.indexOf('.');
    const entry = { resource: dot < 0 ? base : base.slice(0, dot), group: dot < 0 ? '' : base.slice(dot + 1), sub };
    if (entry.resource === '*' && dot < 0 && slash < 0) {
      parsed.splice(0, parsed.length, entry);
      break;
    }
    parsed.push(entry);
  }
  const resolved = parsed.map((r) => {
    const t = r.resource === '*' ? undefined : resolveResource(r.group ? `${r.resource}.${r.group}` : r.resource);
    return { ...r, plural: t ? t.plural : r.resource, group: t ? t.group : r.group, known: t !== undefined };
  });
  for (const r of resolved) {
    if (r.resource === '') return { error: 'error: resource must be specified if apiGroup/subresource specified' };
    if (r.resource === '*') break;
    let known = r.known;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === r.group && res === r.plural)) return { error: `error: can not perform '${v}' on '${r.plural}' in group '${r.group}'` };
      known = true;
    }
    if (!known) return { error: `error: the server doesn't have a resource type "${r.resource}"` };
  }
  const byGroup = new Map<string, string[]>();
  for (const r of resolved) {
    const full = r.sub !== undefined && r.sub !== '' ? `${r.plural}/${r.sub}` : r.plural;
    const list = byGroup.get(r.group) ?? [];
    if (!list.includes(full)) list.push(full);
    byGroup.set(r.group, list);
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((g) => ({
    apiGroups: [g], resources: byGroup.get(g), verbs, ...(resourceNames.length ? { resourceNames } : {}),
  }));
  if (nonResourceURLs.length) rules.push({ nonResourceURLs, verbs });
  return rules;
}

/** create_role.go Complete: verbs deduplicated, `*` standing for all. */
function dedupeVerbs(values: readonly string[]): string[] {
  const verbs: string[] = [];
  for (const v of splitList(values)) {
    if (v === '*') return ['*'];
    if (!verbs.includes(v)) verbs.push(v);
  }
  return verbs;
}

/** Validate's `Warning: 'x' is not a standard resource verb` (fmt.Fprintf to stderr, not the warning printer). */
function warnVerbs(ctx: Ctx, verbs: readonly string[]): void {
  const valid = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
  for (const v of verbs) if (!valid.includes(v)) ctx.out.errLine(`Warning: '${v}' is not a standard resource verb`);
}

function verbsOf(ctx: Ctx, p: Parsed): string[] {
  const verbs = dedupeVerbs(flagAll(p, 'verb'));
  warnVerbs(ctx, verbs);
  return verbs;
}

function subjects(p: Parsed): Record<string, unknown>[] | { error: string } {
  const out: Record<string, unknown>[] = [];
  for (const u of flagAll(p, 'user')) out.push({ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: u });
  for (const g of flagAll(p, 'group')) out.push({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g });
  for (const sa of flagAll(p, 'serviceaccount')) {
    const t = sa.split(':');
    if (t.length !== 2 || !t[0] || !t[1]) return { error: 'error: serviceaccount must be <namespace>:<name>' };
    out.push({ kind: 'ServiceAccount', name: t[1], namespace: t[0] });
  }
  return out;
}

const GENERATORS: Readonly<Record<string, Gen>> = {
  namespace: {
    path: 'namespace', flags: {}, wrap: null,
    build: (_c, name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: null }, spec: {}, status: {} }),
  },
  serviceaccount: {
    path: 'serviceaccount', flags: {}, wrap: (m) => `failed to create serviceaccount: ${m}`,
    build: (_c, name, _p, ns) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(name, ns) }),
  },
  configmap: {
    path: 'configmap', flags: { 'from-literal': { value: true }, 'from-file': { value: true }, 'from-env-file': { value: true }, 'append-hash': { value: false } },
    wrap: (m) => `failed to create configmap: ${m}`,
    build: (ctx, name, p, ns) => {
      const r = collectData(ctx, p, 'ConfigMap', name);
      if ('error' in r) return r;
      const data = r.data;
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, ns), ...(Object.keys(data).length ? { data } : {}) };
    },
  },
  'secret generic': {
    path: 'secret generic', flags: { 'from-literal': { value: true }, 'from-file': { value: true }, 'from-env-file': { value: true }, type: { value: true }, 'append-hash': { value: false } },
    wrap: (m) => `failed to create secret ${m}`,
    build: (ctx, name, p, ns) => {
      const r = collectData(ctx, p, 'Secret', name);
      if ('error' in r) return r;
      const data = r.data;
      const type = flag(p, 'type');
      return { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, ns), ...(Object.keys(data).length ? { data: encoded(data) } : {}), ...(type ? { type } : {}) };
    },
  },
  'secret docker-registry': {
    path: 'secret docker-registry',
    flags: { 'docker-server': { value: true }, 'docker-username': { value: true }, 'docker-password': { value: true }, 'docker-email': { value: true }, 'from-file': { value: true }, 'append-hash': { value: false } },
    wrap: (m) => `failed to create secret ${m}`,
    build: (ctx, name, p, ns) => {
      const user = flag(p, 'docker-username') ?? '';
      const pass = flag(p, 'docker-password') ?? '';
      const server = flag(p, 'docker-server') ?? 'https://index.docker.io/v1/';
      if (flagAll(p, 'from-file').length === 0 && (!user || !pass || !server)) {
        return { error: 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required' };
      }
      if (flagAll(p, 'from-file').length) {
        const r = collectData(ctx, p, 'Secret', name);
        if ('error' in r) return r;
        return { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, ns), data: encoded(r.data), type: 'kubernetes.io/dockerconfigjson' };
      }
      const email = flag(p, 'docker-email') ?? '';
      // DockerConfigEntry field order, `omitempty` on each: username, password, email, auth.
      const entry: Record<string, string> = { username: user, password: pass };
      if (email) entry['email'] = email;
      entry['auth'] = base64(`${user}:${pass}`);
      const json = JSON.stringify({ auths: { [server]: entry } });
      return { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, ns), data: { '.dockerconfigjson': base64(json) }, type: 'kubernetes.io/dockerconfigjson' };
    },
  },
  'secret tls': {
    path: 'secret tls', flags: { cert: { value: true }, key: { value: true }, 'append-hash': { value: false } },
    wrap: (m) => `failed to create secret ${m}`,
    build: (ctx, name, p, ns) => {
      const cert = flag(p, 'cert');
      const key = flag(p, 'key');
      if (!cert || !key) return { error: 'error: key and cert must be specified' };
      const read = (f: string) => ctx.sys?.fs.read(resolvePath(ctx.cwd, f));
      const c = read(cert);
      const k = read(key);
      if (typeof c !== 'string') return { error: `error: open ${cert}: no such file or directory` };
      if (typeof k !== 'string') return { error: `error: open ${key}: no such file or directory` };
      return { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, ns), data: { 'tls.crt': base64(c), 'tls.key': base64(k) }, type: 'kubernetes.io/tls' };
    },
  },
  deployment: {
    path: 'deployment', flags: { image: { value: true }, replicas: { short: 'r', value: true }, port: { value: true } }, command: true,
    wrap: (m) => `failed to create deployment: ${m}`,
    build: (_c, name, p, ns) => {
      const images = splitList(flagAll(p, 'image'));
      if (images.length === 0) return { error: 'error: required flag(s) "image" not set' };
      const command = p.dash ?? [];
      if (images.length > 1 && command.length) return { error: 'error: cannot specify multiple --image options and command' };
      const replicas = Number(flag(p, 'replicas') ?? '1');
      const labels = { app: name };
      const containers = images.map((img) => {
        let cname = img.split('/').pop() ?? img;
        cname = cname.split(':')[0] ?? cname;
        cname = cname.split('@')[0] ?? cname;
        // sanitizeAndUniquify: `.`/`_` become `-` plus a random suffix.
        if (/[._]/.test(cname)) cname = `${cname.replace(/[._]/g, '-')}-${suffix5(`${name}/${img}`)}`;
        return podTemplateContainer(cname, img, command);
      });
      const port = flag(p, 'port');
      if (port !== undefined && Number(port) >= 0 && containers[0]) containers[0]['ports'] = [{ containerPort: Number(port) }];
      return {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, ns, { labels }),
        spec: { replicas, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } } },
        status: {},
      };
    },
  },
  job: {
    path: 'job', flags: { image: { value: true }, from: { value: true } }, command: true,
    wrap: (m) => `failed to create job: ${m}`,
    build: (ctx, name, p, ns) => {
      const image = flag(p, 'image');
      const from = flag(p, 'from');
      if ((!image && !from) || (image && from)) return { error: 'error: either --image or --from must be specified' };
      if (p.dash && p.dash.length && from) return { error: 'error: cannot specify --from and command' };
      if (from) {
        const [t, n] = from.split('/', 2);
        if (!n || resolveResource(t ?? '')?.kind !== 'CronJob') return { error: `error: from must be an existing cronjob: ${from}` };
        const doc = findDoc(ctx, 'CronJob', ns.ns, n);
        if (!doc) return { error: `Error from server (NotFound): cronjobs.batch "${n}" not found` };
        const spec = (doc.value['spec'] ?? {}) as Record<string, unknown>;
        const jt = (spec['jobTemplate'] ?? {}) as Record<string, unknown>;
        return {
          apiVersion: 'batch/v1', kind: 'Job',
          metadata: meta(name, ns, { annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' }, ownerReferences: [{ apiVersion: 'batch/v1', controller: true, kind: 'CronJob', name: n, uid: '' }] }),
          spec: structuredClone(jt['spec'] ?? {}), status: {},
        };
      }
      return {
        apiVersion: 'batch/v1', kind: 'Job', metadata: meta(name, ns),
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [podTemplateContainer(name, image as string, p.dash)], restartPolicy: 'Never' } } },
        status: {},
      };
    },
  },
  cronjob: {
    path: 'cronjob', flags: { image: { value: true }, schedule: { value: true }, restart: { value: true } }, command: true,
    wrap: (m) => `failed to create cronjob: ${m}`,
    build: (_c, name, p, ns) => {
      const image = flag(p, 'image');
      const schedule = flag(p, 'schedule');
      if (!image) return { error: 'error: --image must be specified' };
      if (!schedule) return { error: 'error: --schedule must be specified' };
      return {
        apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta(name, ns),
        spec: {
          jobTemplate: { metadata: { creationTimestamp: null, name }, spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [podTemplateContainer(name, image, p.dash)], restartPolicy: flag(p, 'restart') ?? 'OnFailure' } } } },
          schedule,
        },
        status: {},
      };
    },
  },
  role: {
    path: 'role', flags: { verb: { value: true }, resource: { value: true }, 'resource-name': { value: true } }, wrap: null,
    build: (ctx, name, p, ns) => {
      const verbs = verbsOf(ctx, p);
      if (verbs.length === 0) return { error: 'error: at least one verb must be specified' };
      const resources = splitList(flagAll(p, 'resource'));
      if (resources.length === 0) return { error: 'error: at least one resource must be specified' };
      const names = [...new Set(flagAll(p, 'resource-name'))];
      const rules = policyRules(verbs, resources, names, []);
      if ('error' in rules) return rules;
      return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta(name, ns), rules };
    },
  },
  clusterrole: {
    path: 'clusterrole', flags: { verb: { value: true }, resource: { value: true }, 'resource-name': { value: true }, 'non-resource-url': { value: true }, 'aggregation-rule': { value: true } }, wrap: null,
    // create_clusterrole.go Validate: an aggregation rule alone; verbs; resource verbs warned; URL verbs and shapes checked.
    build: (ctx, name, p) => {
      const verbs = dedupeVerbs(flagAll(p, 'verb'));
      const resources = splitList(flagAll(p, 'resource'));
      const urls = splitList(flagAll(p, 'non-resource-url'));
      const names = [...new Set(flagAll(p, 'resource-name'))];
      const aggregation = splitList(flagAll(p, 'aggregation-rule'));
      if (aggregation.length) {
        if (urls.length || verbs.length || resources.length || names.length) return { error: 'error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames' };
        const matchLabels = userMap();
        for (const kv of aggregation) {
          const eq = kv.indexOf('=');
          if (eq < 0) return { error: `error: invalid argument "${aggregation.join(',')}" for "--aggregation-rule" flag: ${kv} must be formatted as key=value\nSee 'kubectl create clusterrole -h' for help and examples` };
          setOwn(matchLabels, kv.slice(0, eq), kv.slice(eq + 1));
        }
        return { aggregationRule: { clusterRoleSelectors: [{ matchLabels }] }, apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name, creationTimestamp: null }, rules: null };
      }
      if (verbs.length === 0) return { error: 'error: at least one verb must be specified' };
      if (resources.length === 0 && urls.length === 0) return { error: 'error: one of resource or nonResourceURL must be specified' };
      if (resources.length) warnVerbs(ctx, verbs);
      let rules = policyRules(verbs, resources, names, []);
      if ('error' in rules) return rules;
      if (urls.length) {
        const bad = verbs.find((v) => !['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'].includes(v));
        if (bad !== undefined) return { error: `error: invalid verb: '${bad}' for nonResourceURL` };
        for (const u of urls) {
          if (u === '*') continue;
          if (!u.startsWith('/')) return { error: 'error: nonResourceURL should start with /' };
          if (u.slice(0, -1).includes('*')) return { error: "error: nonResourceURL only supports wildcard matches when '*' is at the end" };
        }
        rules = [...rules, { nonResourceURLs: urls, verbs }];
      }
      return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name, creationTimestamp: null }, rules };
    },
  },
  rolebinding: {
    path: 'rolebinding', flags: { role: { value: true }, clusterrole: { value: true }, user: { value: true }, group: { value: true }, serviceaccount: { value: true } },
    wrap: (m) => `failed to create rolebinding: ${m}`,
    build: (_c, name, p, ns) => {
      const role = flag(p, 'role');
      const cr = flag(p, 'clusterrole');
      if ((!role) === (!cr)) return { error: 'error: exactly one of clusterrole or role must be specified' };
      const subs = subjects(p);
      if ('error' in subs) return subs;
      return {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta(name, ns),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: role ? 'Role' : 'ClusterRole', name: role ?? cr },
        ...(subs.length ? { subjects: subs } : {}),
      };
    },
  },
  clusterrolebinding: {
    path: 'clusterrolebinding', flags: { clusterrole: { value: true }, user: { value: true }, group: { value: true }, serviceaccount: { value: true } },
    wrap: (m) => `failed to create clusterrolebinding: ${m}`,
    build: (_c, name, p) => {
      const cr = flag(p, 'clusterrole');
      if (!cr) return { error: 'error: required flag(s) "clusterrole" not set' };
      const subs = subjects(p);
      if ('error' in subs) return subs;
      return {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name, creationTimestamp: null },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: cr }, ...(subs.length ? { subjects: subs } : {}),
      };
    },
  },
  quota: {
    path: 'quota', flags: { hard: { value: true }, scopes: { value: true } }, wrap: (m) => `failed to create quota: ${m}`,
    build: (_c, name, p, ns) => {
      const hard = userMap();
      for (const kv of splitList(flagAll(p, 'hard'))) {
        const [k, v] = kv.split('=', 2);
        if (!k || v === undefined) return { error: `error: invalid argument "${kv}" for "--hard" flag` };
        setOwn(hard, k, v);
      }
      return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta(name, ns), spec: { ...(Object.keys(hard).length ? { hard } : {}) }, status: {} };
    },
  },
  priorityclass: {
    path: 'priorityclass', flags: { value: { value: true }, 'global-default': { value: false }, description: { value: true }, 'preemption-policy': { value: true } },
    wrap: (m) => `failed to create priorityclass: ${m}`,
    build: (_c, name, p) => ({
      apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name, creationTimestamp: null },
      ...(flag(p, 'description') ? { description: flag(p, 'description') } : {}), ...(bool(p, 'global-default') ? { globalDefault: true } : {}),
      preemptionPolicy: flag(p, 'preemption-policy') ?? 'PreemptLowerPriority', value: Number(flag(p, 'value') ?? '0'),
    }),
  },
  'service clusterip': serviceGen('ClusterIP'),
  'service nodeport': serviceGen('NodePort'),
  'service loadbalancer': serviceGen('LoadBalancer'),
  'service externalname': serviceGen('ExternalName'),
  token: {
    path: 'token', flags: { duration: { value: true }, audience: { value: true }, 'bound-object-kind': { value: true }, 'bound-object-name': { value: true } },
    wrap: (m) => `failed to create token: ${m}`,
    build: () => ({ error: 'error: unknown command "token"' }),
  },
};

/** create_service.go createService: ports from --tcp (`80:8080` named `80-8080`), selector and labels app=NAME. */
function serviceGen(type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'): Gen {
  return {
    path: `service ${type.toLowerCase()}`,
    flags: { tcp: { value: true }, clusterip: { value: true }, 'node-port': { value: true }, 'external-name': { value: true } },
    wrap: (m) => `failed to create ${type} service: ${m}`,
    build: (_c, name, p, ns) => {
      const tcp = splitList(flagAll(p, 'tcp'));
      const clusterIP = flag(p, 'clusterip');
      if (clusterIP === 'None' && type !== 'ClusterIP') return { error: 'error: ClusterIP=None can only be used with ClusterIP service type' };
      if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') return { error: 'error: at least one tcp port specifier must be provided' };
      const ext = flag(p, 'external-name') ?? '';
      if (type === 'ExternalName' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(ext)) return { error: `error: invalid service external name ${ext}` };
      const nodePort = Number(flag(p, 'node-port') ?? '0');
      const ports: Record<string, unknown>[] = [];
      for (const t of tcp) {
        const [a, b] = t.split(':', 2) as [string, string | undefined];
        const port = Number(a);
        if (!/^\d+$/.test(a) || port > 65535) return { error: `error: strconv.Atoi: parsing "${a}": invalid syntax` };
        const target: number | string = b === undefined ? port : /^\d+$/.test(b) ? Number(b) : b;
        ports.push({ name: t.replace(/:/g, '-'), port, protocol: 'TCP', targetPort: target, ...(nodePort ? { nodePort } : {}) });
      }
      return {
        apiVersion: 'v1', kind: 'Service', metadata: meta(name, ns, { labels: { app: name } }),
        spec: { ...(clusterIP ? { clusterIP } : {}), ...(type === 'ExternalName' ? { externalName: ext } : {}), ...(ports.length ? { ports } : {}), selector: { app: name }, type },
        status: { loadBalancer: {} },
      };
    },
  };
}

/** apimachinery util/rand.String(5) stand-in: stable per seed, from the same alphabet. */
function suffix5(seed: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) + i * 7919;
  }
  return out;
}

/**
 * `kubectl create token SA [--duration D]` (create_token.go): the TokenRequest's token on stdout
 * (proc/serviceaccount.ts: JWT-shaped, NOT a real signature — the lab has no signing key), or the
 * wrapped NotFound; a newline after it only on a terminal. --duration: a Go duration in whole
 * seconds, at least 10 minutes (the API server's ValidateTokenRequest minimum).
 */
export function createToken(ctx: Ctx, args: string[]): number {
  const r = parseFlags(args, { ...COMMON, ...GENERATORS['token']!.flags });
  if (!r.ok) return usageError(ctx, r.error, 'create token');
  const name = r.parsed.positional[0];
  if (!name || r.parsed.positional.length !== 1) return usageErrorf(ctx, `exactly one NAME is required, got ${r.parsed.positional.length}`, 'create token');
  const ns = flag(r.parsed, 'namespace') ?? ctx.namespace();
  const durationFlag = flag(r.parsed, 'duration');
  let seconds = 3600;
  if (durationFlag !== undefined) {
    const d = goDurationSeconds(durationFlag);
    if (d === null) return usageErrorf(ctx, `invalid argument "${durationFlag}" for "--duration" flag: time: invalid duration "${durationFlag}"`, 'create token');
    if (d < 0) return fail(ctx, 'error: --duration must be greater than or equal to 0');
    if (!Number.isInteger(d)) return fail(ctx, 'error: --duration cannot be expressed in units less than seconds');
    if (d > 0) seconds = d;
  }
  const sa = resolveResource('serviceaccounts') as ResourceType;
  if (!existsObject(ctx, sa, ns, name)) return fail(ctx, `error: failed to create token: ${notFoundMessage(sa, name)}`);
  // The API server refuses a TokenRequest below ten minutes (ValidateTokenRequest).
  if (seconds < 600) return fail(ctx, `error: failed to create token: TokenRequest.authentication.k8s.io "${name}" is invalid: spec.expirationSeconds: Invalid value: ${seconds}: may not specify a duration less than 10 minutes`);
  // create_token.go: a newline only when stdout is a terminal.
  ctx.out.out(`${serviceAccountToken(ns, name, seconds)}${ctx.tty.out ? '\n' : ''}`);
  return 0;
}

/** Go's time.ParseDuration, in seconds (null: not a duration). */
function goDurationSeconds(s: string): number | null {
  if (s === '0') return 0;
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(s);
  if (!m) return null;
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const part of s.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * (unit[part[2] as string] ?? 0);
  return m[1] === '-' ? -total : total;
}
