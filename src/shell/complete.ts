import type { Ctx } from './context.js';
import { listItems } from './kubectl/items.js';
import { API_RESOURCES, resolveResource } from './kubectl/resources.js';
import { BUILTINS } from './sh/builtins.js';
import { resolvePath, type Fs } from './sh/fs.js';
import { HOST_ALIASES, hostSystem } from './sh/host.js';
import { HOST_HOME } from './sh/host-fs.js';
import { podSystem } from './sh/container.js';
import { podProc } from './proc/pod-proc.js';

/**
 * Tab completion as bash with kubectl's completion script offers it: the first word of a command
 * is a builtin, alias or program; later words are file names (relative to the working directory),
 * unless the command is kubectl (or an alias of it), whose words complete as kubectl's cobra
 * completion does: subcommands, resource types, objects of the namespace in effect (`-n`), flags
 * of the subcommand and their values (`-o`, `-n`, `--context`, `-c`, `--dry-run`…).
 */

const KUBECTL_SUBS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'cluster-info', 'config', 'create', 'delete', 'describe', 'diff', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'label', 'logs', 'replace', 'rollout', 'run', 'scale', 'set', 'top', 'version',
];

const COMMON = ['--namespace', '-n', '--context', '--help', '-h'];
const DRY = ['--dry-run=client', '--dry-run=server', '--dry-run=none'];
const KUBECTL_FLAGS: Readonly<Record<string, readonly string[]>> = {
  get: ['--all-namespaces', '-A', '--output', '-o', '--selector', '-l', '--field-selector', '--show-labels', '--show-kind', '--label-columns', '-L', '--no-headers', '--watch', '-w', '--sort-by', '--ignore-not-found', '--filename', '-f'],
  describe: ['--all-namespaces', '-A', '--selector', '-l', '--show-events'],
  delete: ['--filename', '-f', '--force', '--grace-period', '--now', '--all', '--selector', '-l', '--ignore-not-found', '--wait'],
  apply: ['--filename', '-f', '--recursive', '-R', '--output', '-o', ...DRY, '--server-side', '--force'],
  create: ['--filename', '-f', '--output', '-o', ...DRY, '--save-config'],
  replace: ['--filename', '-f', '--force', '--grace-period', '--output', '-o', ...DRY],
  diff: ['--filename', '-f', '--recursive', '-R', '--server-side'],
  run: ['--image', '--labels', '-l', '--env', '--port', '--command', '--restart', '--rm', '--stdin', '-i', '--tty', '-t', '--attach', '--quiet', '-q', '--expose', '--image-pull-policy', '--privileged', '--annotations', '--output', '-o', ...DRY],
  expose: ['--port', '--target-port', '--name', '--type', '--protocol', '--selector', '--labels', '-l', '--external-ip', '--cluster-ip', '--session-affinity', '--output', '-o', ...DRY],
  exec: ['--container', '-c', '--stdin', '-i', '--tty', '-t', '-it', '--quiet', '-q', '--'],
  logs: ['--container', '-c', '--follow', '-f', '--previous', '-p', '--tail', '--timestamps', '--all-containers', '--selector', '-l', '--since'],
  label: ['--overwrite', '--all', '--all-namespaces', '-A', '--selector', '-l', '--list', '--local', '--filename', '-f', '--output', '-o', ...DRY],
  rollout: ['--revision', '--to-revision', '--watch', '-w', '--timeout', '--selector', '-l', '--filename', '-f', '--output', '-o', ...DRY],
  annotate: ['--overwrite', '--all', '--all-namespaces', '-A', '--selector', '-l', '--list', '--local', '--filename', '-f', '--output', '-o', ...DRY],
  edit: ['--output', '-o'],
  explain: ['--recursive', '--api-version', '--output'],
  config: ['--current', '--namespace', '--output', '-o', '--minify'],
  events: ['--all-namespaces', '-A', '--watch', '-w', '--types', '--for', '--output', '-o'],
  'api-resources': ['--namespaced', '--api-group', '--output', '-o', '--no-headers', '--sort-by', '--verbs'],
  set: ['--all', '--selector', '-l', ...DRY],
  scale: ['--replicas', '--current-replicas', '--all', ...DRY],
  top: ['--all-namespaces', '-A', '--selector', '-l', '--containers', '--sort-by'],
};

/** Flags whose value is the next word (so that word is not a positional). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '-l', '--selector', '-c', '--container', '-f', '--filename', '--context', '--field-selector',
  '--sort-by', '-L', '--label-columns', '--image', '--labels', '--env', '--port', '--restart', '--target-port', '--name', '--type', '--protocol', '--tail',
  '--grace-period', '--replicas', '--since', '--timeout', '--image-pull-policy', '--annotations', '--api-group', '--verbs', '--types', '--for', '--revision', '--to-revision']);

const OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  get: ['custom-columns=', 'json', 'jsonpath=', 'jsonpath-as-json=', 'name', 'wide', 'yaml'],
  'api-resources': ['name', 'wide'],
  config: ['name'],
  default: ['json', 'jsonpath=', 'name', 'yaml'],
};

const CREATE_SUBS = ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token'];
const CONFIG_SUBS = ['current-context', 'get-clusters', 'get-contexts', 'get-users', 'set-context', 'use-context', 'view'];
const DOCKER_SUBS = ['build', 'exec', 'images', 'kill', 'ps', 'rm', 'run', 'stop'];
const TYPE_WORDS = [...new Set(API_RESOURCES.flatMap((r) => [r.plural, ...r.short]))].sort();

/** The words of the command under the cursor (after the last `|`, `;`, `&&`, `||`, `(`), as the shell splits them. */
function currentCommand(line: string): { words: string[]; word: string; from: number } {
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '\\') { i++; continue; }
    if (ch === '"' || ch === "'") { quote = ch; continue; }
    if (ch === '|' || ch === ';' || ch === '&' || ch === '(' || ch === '`') start = i + 1;
    else if (ch === '$' && line[i + 1] === '(') { start = i + 2; i++; }
  }
  const from = line.search(/\S*$/);
  const before = line.slice(start, from).trim();
  const words = before === '' ? [] : before.split(/\s+/).map((w) => w.replace(/^['"]|['"]$/g, ''));
  return { words, word: line.slice(from), from };
}

/** The machine the terminal talks to: the host, or the container of a `kubectl exec -it`/`run -it` session. */
interface Where {
  readonly fs: Fs;
  readonly cwd: string;
  readonly home: string;
  readonly aliases: Readonly<Record<string, string>>;
  /** Programs in PATH there (null: the host's list, given by the caller). */
  readonly programs: readonly string[] | null;
}

const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function where(ctx: Ctx): Where | null {
  try {
    const s = ctx.runtime.session;
    if (!s) return { fs: hostSystem(ctx).fs, cwd: ctx.runtime.sh?.cwd ?? HOST_HOME, home: HOST_HOME, aliases: ctx.runtime.sh?.aliases ?? HOST_ALIASES, programs: null };
    const pod = ctx.analysis().pods.find((p) => p.pod.namespace === s.namespace && p.pod.name === s.pod);
    const c = pod?.containers.find((x) => x.container.name === s.container);
    if (!pod || !c || c.state !== 'Running') return null;
    const sys = podSystem(ctx, pod, c, podProc(pod, c, true));
    const programs = PATH_DIRS.flatMap((d) => {
      const e = sys.fs.readdir(d);
      return Array.isArray(e) ? e.filter((n) => sys.resolve(n) !== null) : [];
    });
    return { fs: sys.fs, cwd: s.state.cwd, home: s.state.vars['HOME'] ?? sys.home, aliases: s.state.aliases, programs };
  } catch {
    return null;
  }
}

/** File names for a partial path (`dir/fi` → `dir/file`, directories with a trailing `/`). */
function fileCandidates(ctx: Ctx, word: string): string[] {
  const w = where(ctx);
  if (!w) return [];
  const { fs, cwd } = w;
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = slash >= 0 ? word.slice(slash + 1) : word;
  const expanded = dirPart.startsWith('~') ? w.home + dirPart.slice(1) : dirPart;
  const dir = resolvePath(cwd, expanded === '' ? '.' : expanded);
  const entries = fs.readdir(dir);
  if (!Array.isArray(entries)) return [];
  return entries
    .filter((e) => e.startsWith(prefix) && (prefix.startsWith('.') || !e.startsWith('.')))
    .map((e) => {
      const st = fs.stat(dir === '/' ? `/${e}` : `${dir}/${e}`);
      return `${dirPart}${e}${typeof st === 'object' && st.type === 'dir' ? '/' : ''}`;
    });
}

/** Candidates for the word under the cursor (the end of the line), as bash completion offers them. */
export function completeLine(line: string, ctx: Ctx, hostCommands: readonly string[]): { candidates: string[]; from: number } {
  const { words, word, from } = currentCommand(line);
  const pick = (list: readonly string[], w = word) => [...new Set(list)].filter((c) => c.startsWith(w)).sort();
  const here = where(ctx);
  const aliases = here?.aliases ?? HOST_ALIASES;
  const commands = here?.programs ?? hostCommands;
  if (words.length === 0) {
    const builtins = Object.keys(BUILTINS).filter((b) => /^[a-z]/.test(b));
    return { candidates: pick([...commands, ...builtins, ...Object.keys(aliases)]), from };
  }
  const prev = words[words.length - 1] ?? '';
  if (/^[0-9]*(>|>>|<|&>)$/.test(prev)) return { candidates: fileCandidates(ctx, word).sort(), from };
  let cmd = words[0] as string;
  let rest = words.slice(1);
  const alias = aliases[cmd];
  if (alias !== undefined) {
    const expanded = alias.trim().split(/\s+/);
    cmd = expanded[0] ?? cmd;
    rest = [...expanded.slice(1), ...rest];
  }
  if (here?.programs) {
    // In a container: its shell's words, no kubectl or docker there.
    if (cmd === 'cd') return { candidates: fileCandidates(ctx, word).filter((c) => c.endsWith('/')).sort(), from };
    if (cmd === 'type' || cmd === 'which' || cmd === 'command') return { candidates: pick([...commands, ...Object.keys(BUILTINS)]), from };
    return { candidates: fileCandidates(ctx, word).sort(), from };
  }
  if (cmd === 'kubectl') return kubectlCandidates(ctx, rest, word, from);
  if (cmd === 'docker') {
    if (rest.length === 0) return { candidates: pick(DOCKER_SUBS), from };
    if (['exec', 'rm', 'stop', 'kill'].includes(rest[0] ?? '')) return { candidates: pick(ctx.runtime.containers.map((c) => c.name)), from };
    return { candidates: fileCandidates(ctx, word).sort(), from };
  }
  if (cmd === 'kubens') return { candidates: pick(ctx.analysis().cluster.namespaces.map((n) => n.name)), from };
  if (cmd === 'kubectx') return { candidates: pick(Object.keys(ctx.runtime.namespaces)), from };
  if (cmd === 'cd') return { candidates: fileCandidates(ctx, word).filter((c) => c.endsWith('/')).sort(), from };
  if (cmd === 'type' || cmd === 'which' || cmd === 'command') return { candidates: pick([...commands, ...Object.keys(BUILTINS)]), from };
  return { candidates: fileCandidates(ctx, word).sort(), from };
}

function names(ctx: Ctx, typeWord: string, ns: string): string[] {
  const type = resolveResource(typeWord);
  if (!type) return [];
  return listItems(ctx, type, type.namespaced ? ns : null).map((i) => i.name);
}

function kubectlCandidates(ctx: Ctx, args: string[], word: string, from: number): { candidates: string[]; from: number } {
  const pick = (list: readonly string[], w = word) => [...new Set(list)].filter((c) => c.startsWith(w)).sort();
  const out = (candidates: string[]) => ({ candidates, from });
  // The namespace in effect: -n/--namespace anywhere on the line, else the context's.
  let ns = ctx.namespace();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if ((a === '-n' || a === '--namespace') && args[i + 1]) ns = args[i + 1] as string;
    else if (a.startsWith('--namespace=')) ns = a.slice(12);
    else if (/^-n./.test(a)) ns = a.slice(2).replace(/^=/, '');
  }
  const namespaces = () => ctx.analysis().cluster.namespaces.map((n) => n.name);
  const positional: string[] = [];
  let sub: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (VALUE_FLAGS.has(a)) i++;
      continue;
    }
    if (sub === undefined) sub = a;
    else positional.push(a);
  }
  const prev = args[args.length - 1] ?? '';
  // A flag's value: the next word, or `--flag=…`.
  const valueFor = (flagName: string, partial: string, prefix: string): string[] | null => {
    switch (flagName) {
      case '-n': case '--namespace': return pick(namespaces(), partial).map((v) => prefix + v);
      case '--context': return pick(Object.keys(ctx.runtime.namespaces), partial).map((v) => prefix + v);
      case '-o': case '--output': return pick(OUTPUTS[sub ?? ''] ?? OUTPUTS['default'] ?? [], partial).map((v) => prefix + v);
      case '-f': case '--filename': return fileCandidates(ctx, partial).map((v) => prefix + v).sort();
      case '-c': case '--container': {
        const podName = positional[0]?.replace(/^(pods?|po)\//, '');
        const pod = listItems(ctx, resolveResource('pods')!, ns).find((i) => i.name === podName)?.pod;
        const cs = pod ? [...pod.containers, ...pod.initContainers].map((c) => c.container.name) : [];
        return pick(cs, partial).map((v) => prefix + v);
      }
      case '--dry-run': return pick(['client', 'none', 'server'], partial).map((v) => prefix + v);
      case '--restart': return pick(['Always', 'Never', 'OnFailure'], partial).map((v) => prefix + v);
      case '--image-pull-policy': return pick(['Always', 'IfNotPresent', 'Never'], partial).map((v) => prefix + v);
      case '--type': return pick(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'], partial).map((v) => prefix + v);
      case '--protocol': return pick(['SCTP', 'TCP', 'UDP'], partial).map((v) => prefix + v);
      default: return VALUE_FLAGS.has(flagName) ? [] : null;
    }
  };
  if (word.startsWith('--') && word.includes('=')) {
    const eq = word.indexOf('=');
    const values = valueFor(word.slice(0, eq), word.slice(eq + 1), word.slice(0, eq + 1));
    if (values !== null) return out(values);
  }
  if (VALUE_FLAGS.has(prev) && !word.startsWith('-')) {
    const values = valueFor(prev, word, '');
    if (values !== null) return out(values);
  }
  if (sub === undefined) {
    if (word.startsWith('-')) return out(pick(COMMON));
    return out(pick(KUBECTL_SUBS));
  }
  if (word.startsWith('-')) return out(pick([...(KUBECTL_FLAGS[sub] ?? []), ...COMMON]));
  const typeOrNames = (n: number): string[] => {
    if (n === 0) {
      if (word.includes('/')) {
        const [t] = word.split('/', 1) as [string];
        return pick(names(ctx, t, ns).map((x) => `${t}/${x}`));
      }
      return pick(sub === 'get' ? [...TYPE_WORDS, 'all'] : TYPE_WORDS);
    }
    const t = positional[0] ?? '';
    if (t.includes('/')) return [];
    return pick(t.split(',').flatMap((x) => names(ctx, x, ns)));
  };
  switch (sub) {
    case 'get': case 'describe': case 'delete': case 'edit': case 'label': case 'annotate':
      return out(typeOrNames(positional.length));
    case 'exec': case 'logs': case 'attach': case 'port-forward':
      return out(positional.length === 0 ? pick(names(ctx, 'pods', ns)) : []);
    case 'expose':
      if (positional.length === 0) return out(word.includes('/') ? typeOrNames(0) : pick(['deployment', 'pod', 'replicaset', 'replicationcontroller', 'service']));
      return out(positional.length === 1 ? typeOrNames(1) : []);
    case 'scale':
      if (positional.length === 0) return out(word.includes('/') ? typeOrNames(0) : pick(['deployment', 'replicaset', 'replicationcontroller', 'statefulset']));
      return out(positional.length === 1 ? typeOrNames(1) : []);
    case 'rollout':
      if (positional.length === 0) return out(pick(['history', 'pause', 'restart', 'resume', 'status', 'undo']));
      if (positional.length === 1) return out(word.includes('/') ? typeOrNames(0) : pick(['daemonset', 'deployment', 'statefulset']));
      return out(positional.length === 2 && !positional[1]?.includes('/') ? pick(names(ctx, positional[1] ?? '', ns)) : []);
    case 'set':
      if (positional.length === 0) return out(pick(['image']));
      if (positional.length === 1) return out(word.includes('/') ? typeOrNames(0) : pick(['cronjob', 'daemonset', 'deployment', 'job', 'pod', 'replicaset', 'statefulset']));
      return out(positional.length === 2 && !positional[1]?.includes('/') ? pick(names(ctx, positional[1] ?? '', ns)) : []);
    case 'top':
      if (positional.length === 0) return out(pick(['node', 'pod']));
      return out(positional.length === 1 ? pick(names(ctx, positional[0] === 'node' ? 'nodes' : 'pods', ns)) : []);
    case 'explain':
      return out(positional.length === 0 ? pick(TYPE_WORDS) : []);
    case 'config':
      if (positional.length === 0) return out(pick(CONFIG_SUBS));
      if (['use-context', 'get-contexts', 'set-context', 'delete-context', 'rename-context'].includes(positional[0] ?? '') && positional.length === 1) return out(pick(Object.keys(ctx.runtime.namespaces)));
      return out([]);
    case 'create':
      if (positional.length === 0) return out(pick(CREATE_SUBS));
      if (positional[0] === 'secret' && positional.length === 1) return out(pick(['docker-registry', 'generic', 'tls']));
      if (positional[0] === 'service' && positional.length === 1) return out(pick(['clusterip', 'externalname', 'loadbalancer', 'nodeport']));
      if (positional[0] === 'token' && positional.length === 1) return out(pick(names(ctx, 'serviceaccounts', ns)));
      return out([]);
    case 'apply': case 'replace': case 'diff':
      return out([]);
    default:
      return out([]);
  }
}
