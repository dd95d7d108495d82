import type { Command, Ctx } from '../context.js';
import { bool, flag, flagAll, parseFlags } from '../flags.js';
import { visible } from '../escape.js';
import { applySources } from './apply.js';
import { kubectlAuth } from './auth.js';
import { authorizeCommand } from './command-authz.js';
import { withImpersonation } from './impersonation.js';
import { kubectlConfig } from './config.js';
import { kubectlCreate } from './create.js';
import { kubectlDelete } from './delete.js';
import { kubectlDescribe } from './describe.js';
import { kubectlDiff } from './diff.js';
import { kubectlEdit } from './edit.js';
import { fail, usageError, usageErrorf } from './errors.js';
import { kubectlEvents } from './events.js';
import { kubectlExec } from './exec.js';
import { kubectlExplain } from './explain.js';
import { kubectlExpose } from './expose.js';
import { kubectlGet } from './get.js';
import { kubectlAnnotate, kubectlLabel } from './label.js';
import { kubectlLogs } from './logs.js';
import { checkOutputFormat, dryRunOf, kubeTable as table } from './print.js';
import { API_RESOURCES } from './resources.js';
import { kubectlRollout, syncRollouts } from './rollout.js';
import { kubectlRun } from './run.js';
import { kubectlScale, kubectlSet } from './set.js';

const APPLY_FLAGS = {
  filename: { short: 'f', value: true }, namespace: { short: 'n', value: true }, recursive: { short: 'R', value: false },
  kustomize: { short: 'k', value: true }, 'dry-run': { value: true, optional: 'unchanged' }, output: { short: 'o', value: true },
  'server-side': { value: false }, force: { value: false }, prune: { value: false }, selector: { short: 'l', value: true },
  validate: { value: true, optional: 'strict' }, 'field-manager': { value: true }, 'force-conflicts': { value: false },
  overwrite: { value: true, optional: 'true' }, wait: { value: false }, timeout: { value: true }, 'grace-period': { value: true },
  cascade: { value: true, optional: 'background' }, 'show-managed-fields': { value: false }, template: { value: true }, record: { value: false },
} as const;

/** `kubectl apply -f FILE|DIR|-` (kubectl pkg/cmd/apply). */
function apply(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, APPLY_FLAGS);
  if (!r.ok) return usageError(ctx, r.error, 'apply');
  const p = r.parsed;
  const files = flagAll(p, 'filename');
  if (flag(p, 'kustomize') !== undefined) return fail(ctx, `error: must build at directory: not a valid directory: evalsymlink failure on '${flag(p, 'kustomize') ?? ''}' : lstat ${flag(p, 'kustomize') ?? ''}: no such file or directory`);
  if (files.length === 0) return fail(ctx, "error: must specify one of -f and -k\nSee 'kubectl apply -h' for help and examples");
  if (p.positional.length) return usageErrorf(ctx, `Unexpected args: [${p.positional.join(' ')}]`, 'apply');
  const dry = dryRunOf(ctx, flag(p, 'dry-run'));
  if (dry === null || !checkOutputFormat(ctx, flag(p, 'output'))) return 1;
  return applySources(ctx, files, { verb: 'apply', dryRun: dry, output: flag(p, 'output'), namespace: flag(p, 'namespace'), recursive: bool(p, 'recursive') });
}

/** `kubectl replace [--force] -f FILE|-` (kubectl pkg/cmd/replace): --grace-period=0 becomes 1, never `force deleted`. */
function replace(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, APPLY_FLAGS);
  if (!r.ok) return usageError(ctx, r.error, 'replace');
  const p = r.parsed;
  const files = flagAll(p, 'filename');
  if (files.length === 0) return fail(ctx, "error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples");
  const dry = dryRunOf(ctx, flag(p, 'dry-run'));
  if (dry === null || !checkOutputFormat(ctx, flag(p, 'output'))) return 1;
  return applySources(ctx, files, { verb: 'replace', force: bool(p, 'force'), dryRun: dry, output: flag(p, 'output'), namespace: flag(p, 'namespace'), recursive: bool(p, 'recursive') });
}

/** `kubectl top pod|node`: no metrics-server in the lab (top_pod.go / top_node.go). */
function top(args: string[], ctx: Ctx): number {
  const sub = args.find((a) => !a.startsWith('-'));
  if (sub === undefined) {
    // cmdutil.DefaultSubCommandRun(streams.ErrOut): the help on stderr, then CheckErr(ErrExit).
    ctx.out.err('Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n\nUse "kubectl top <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
    return 1;
  }
  if (!['pod', 'pods', 'po', 'node', 'nodes', 'no'].includes(sub)) return fail(ctx, `error: unknown command "${sub}" for "kubectl top"\n\nDid you mean this?\n\tpod\n\tnode\n\nRun 'kubectl top --help' for usage.`);
  return fail(ctx, 'error: Metrics API not available');
}

/** `kubectl api-resources [-o wide|name] [--namespaced=BOOL] [--api-group=G] [--no-headers]` (pkg/cmd/apiresources). */
function apiResources(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, { output: { short: 'o', value: true }, namespaced: { value: true, optional: 'true' }, 'api-group': { value: true }, 'no-headers': { value: false }, 'sort-by': { value: true }, verbs: { value: true }, categories: { value: true }, cached: { value: false } });
  if (!r.ok) return usageError(ctx, r.error, 'api-resources');
  const p = r.parsed;
  const out = flag(p, 'output') ?? '';
  if (out !== '' && out !== 'wide' && out !== 'name') return fail(ctx, `error: --output ${out} is not available`);
  let list = [...API_RESOURCES];
  const nsd = flag(p, 'namespaced');
  if (nsd !== undefined) list = list.filter((x) => x.namespaced === (nsd === 'true'));
  const group = flag(p, 'api-group');
  if (group !== undefined) list = list.filter((x) => x.group === group);
  const verbs = flagAll(p, 'verbs').flatMap((v) => v.split(','));
  if (verbs.length) list = list.filter((x) => verbs.every((v) => x.verbs.includes(v)));
  const sortBy = flag(p, 'sort-by');
  if (sortBy === 'name') list.sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  else if (sortBy === 'kind') list.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  else if (sortBy !== undefined) return fail(ctx, `error: --sort-by accepts only name or kind`);
  if (out === 'name') {
    for (const x of list) ctx.out.line(x.group ? `${x.plural}.${x.group}` : x.plural);
    return 0;
  }
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(out === 'wide' ? ['VERBS', 'CATEGORIES'] : [])];
  const rows = list.map((x) => [x.plural, x.short.join(','), x.group ? `${x.group}/${x.version}` : x.version, String(x.namespaced), x.kind, ...(out === 'wide' ? [`[${x.verbs.join(' ')}]`, x.categories.join(',')] : [])]);
  ctx.out.out(table(bool(p, 'no-headers') ? rows : [header, ...rows]));
  return 0;
}

function apiVersions(_args: string[], ctx: Ctx): number {
  const versions = [...new Set(API_RESOURCES.map((x) => (x.group ? `${x.group}/${x.version}` : x.version)))];
  const sorted = versions.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  ctx.out.out(sorted.map((v) => `${v}\n`).join(''));
  return 0;
}

function clusterInfo(args: string[], ctx: Ctx): number {
  if (args[0] === 'dump') return fail(ctx, 'error: the lab does not dump the cluster state');
  // kubectl's own colours (go-colortext): styled output (escape.ts); the node IP is the lab's.
  const ip = visible(ctx.analysis().nodes[0]?.ip ?? '');
  ctx.out.out(`\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://${ip}:6443\x1b[0m\n\x1b[0;32mCoreDNS\x1b[0m is running at \x1b[0;33mhttps://${ip}:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`, true);
  return 0;
}

export const KUBECTL_SUBCOMMANDS: Readonly<Record<string, Command>> = {
  get: kubectlGet,
  describe: kubectlDescribe,
  apply,
  auth: kubectlAuth,
  create: kubectlCreate,
  replace,
  delete: kubectlDelete,
  diff: kubectlDiff,
  label: kubectlLabel,
  annotate: kubectlAnnotate,
  rollout: kubectlRollout,
  run: kubectlRun,
  expose: kubectlExpose,
  set: kubectlSet,
  scale: kubectlScale,
  edit: kubectlEdit,
  explain: kubectlExplain,
  config: kubectlConfig,
  exec: kubectlExec,
  logs: kubectlLogs,
  top,
  events: kubectlEvents,
  'api-resources': apiResources,
  'api-versions': apiVersions,
  'cluster-info': clusterInfo,
};

const HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller

Cluster Management Commands:
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  exec            Execute a command in a container
  auth            Inspect authorization
  events          List events

Advanced Commands:
  diff            Diff the live version against a would-be applied version
  apply           Apply a configuration to a resource by file name or stdin
  replace         Replace a resource by file name or stdin

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource

Other Commands:
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  config          Modify kubeconfig files
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** `kubectl` / `k`: global flags (`-n`, `--context`) may come before the subcommand. */
export const kubectl: Command = (args, ctx) => {
  const words = [...args];
  const pre: string[] = [];
  let context: string | undefined;
  // Impersonation (cli-runtime genericclioptions ConfigFlags: --as, --as-group repeatable, --as-uid).
  let as: string | undefined;
  const asGroups: string[] = [];
  let asUid: string | undefined;
  const takeAs = (flagName: string, v: string | undefined) => {
    if (flagName === '--as') as = v ?? '';
    else if (flagName === '--as-group') asGroups.push(v ?? '');
    else asUid = v ?? '';
  };
  for (;;) {
    const w = words[0];
    if (w === undefined) break;
    if (w === '--as' || w === '--as-group' || w === '--as-uid') {
      words.shift();
      takeAs(w, words.shift());
    } else if (/^--as(-group|-uid)?=/.test(w)) {
      words.shift();
      const eq = w.indexOf('=');
      takeAs(w.slice(0, eq), w.slice(eq + 1));
    } else if (w === '-n' || w === '--namespace') {
      pre.push(words.shift() as string);
      if (words.length) pre.push(words.shift() as string);
    } else if (w.startsWith('--namespace=') || /^-n\S/.test(w)) pre.push(words.shift() as string);
    else if (w === '--context' || w === '--kubeconfig' || w === '--cluster' || w === '--user' || w === '-v') {
      words.shift();
      const v = words.shift();
      if (w === '--context') context = v;
    } else if (/^--(context|kubeconfig|cluster|user|v)=/.test(w) || /^-v\d/.test(w)) {
      words.shift();
      if (w.startsWith('--context=')) context = w.slice('--context='.length);
    } else break;
  }
  // Global flags may also follow the subcommand.
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '--') break;
    if (w === '--context' && words[i + 1] !== undefined) {
      context = words[i + 1];
      words.splice(i, 2);
      i--;
    } else if (w.startsWith('--context=')) {
      context = w.slice('--context='.length);
      words.splice(i, 1);
      i--;
    } else if ((w === '--as' || w === '--as-group' || w === '--as-uid') && words[i + 1] !== undefined) {
      takeAs(w, words[i + 1]);
      words.splice(i, 2);
      i--;
    } else if (/^--as(-group|-uid)?=/.test(w)) {
      const eq = w.indexOf('=');
      takeAs(w.slice(0, eq), w.slice(eq + 1));
      words.splice(i, 1);
      i--;
    }
  }
  // client-go clientcmd validation.go validateAuthInfo: groups or a UID without a user to impersonate.
  if ((as === undefined || as === '') && (asGroups.length > 0 || (asUid !== undefined && asUid !== ''))) {
    return fail(ctx, 'error: invalid configuration: requesting uid, groups or user-extra for kubernetes-admin without impersonating a user');
  }
  const sub = words.shift();
  if (!sub) {
    ctx.out.out(HELP);
    return 0;
  }
  if (sub === 'version') {
    const r = parseFlags(words, { output: { short: 'o', value: true }, client: { value: false }, short: { value: false } });
    if (r.ok && flag(r.parsed, 'output') === 'yaml') {
      ctx.out.out('clientVersion:\n  buildDate: "2024-04-17T17:36:05Z"\n  compiler: gc\n  gitCommit: 7c48c2bd72b9bf5c44d21d7338cc7bea77d0ad2a\n  gitTreeState: clean\n  gitVersion: v1.30.0\n  goVersion: go1.22.2\n  major: "1"\n  minor: "30"\n  platform: linux/amd64\nkustomizeVersion: v5.0.4-0.20230601165947-6ce0bf390ce3\n');
      return 0;
    }
    ctx.out.line(r.ok && bool(r.parsed, 'client') ? 'Client Version: v1.30.0\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3' : 'Client Version: v1.30.0\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.0');
    return 0;
  }
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    ctx.out.out(HELP);
    return 0;
  }
  const cmd = KUBECTL_SUBCOMMANDS[sub];
  if (!cmd) {
    if (sub.startsWith('-')) return fail(ctx, `error: unknown flag: ${sub.split('=')[0] ?? sub}\nSee 'kubectl --help' for usage.`);
    return fail(ctx, `error: unknown command "${sub}" for "kubectl"\n\nRun 'kubectl --help' for usage.`);
  }
  // The Deployment controller's revisions follow the documents, however they changed.
  const run = () => {
    syncRollouts(ctx);
    try {
      return withImpersonation(ctx, as === '' ? undefined : as, asGroups, () => authorizeCommand(ctx, sub, [...pre, ...words]) ?? cmd([...pre, ...words], ctx));
    } finally {
      syncRollouts(ctx);
    }
  };
  if (context !== undefined && context !== ctx.runtime.context) {
    if (!(context in ctx.runtime.namespaces)) return fail(ctx, `error: context "${context}" does not exist`);
    const saved = ctx.runtime.context;
    ctx.runtime.context = context;
    try {
      return run();
    } finally {
      if (ctx.runtime.context === context) ctx.runtime.context = saved;
    }
  }
  return run();
};
