import type { Ctx } from './context.js';
import { listItems } from './kubectl/items.js';
import { RESOURCES, resolveResource } from './kubectl/resources.js';

const KUBECTL_SUBS = ['apply', 'config', 'create', 'delete', 'describe', 'edit', 'exec', 'explain', 'get', 'label', 'run'];
const DOCKER_SUBS = ['build', 'exec', 'images', 'kill', 'ps', 'rm', 'run', 'stop'];
const KUBECTL_FLAGS: Readonly<Record<string, readonly string[]>> = {
  get: ['--all-namespaces', '--namespace', '--output', '--selector', '--show-labels', '--no-headers', '-A', '-n', '-o', '-l'],
  describe: ['--namespace', '--selector', '-A', '-n', '-l'],
  exec: ['--container', '--namespace', '--stdin', '--tty', '-c', '-i', '-t', '-it', '-n', '--'],
  label: ['--overwrite', '--namespace', '-n'],
  run: ['--image=', '--labels=', '--dry-run=client', '--output=yaml', '--command', '--namespace', '-n', '-o'],
  create: ['--docker-server=', '--docker-username=', '--docker-password=', '--docker-email=', '--from-literal=', '--dry-run=client', '-o', '-f', '-n'],
  apply: ['-f', '--filename'],
  delete: ['-f', '--namespace', '-n', '--force'],
  config: ['--current', '--namespace='],
};
const TYPE_WORDS = RESOURCES.flatMap((r) => [r.plural, ...r.short]).sort();

/** Candidates for the word under the cursor (the end of the line), as bash completion offers them. */
export function completeLine(line: string, ctx: Ctx, commands: readonly string[]): { candidates: string[]; from: number } {
  const from = line.search(/\S*$/);
  const word = line.slice(from);
  const before = line.slice(0, from).trim().split(/\s+/).filter(Boolean);
  const pick = (list: readonly string[]) => [...new Set(list)].filter((c) => c.startsWith(word)).sort();
  if (before.length === 0) return { candidates: pick(commands), from };
  const [cmd, sub] = before;
  if (cmd === 'kubectl' || cmd === 'k') {
    if (before.length === 1) return { candidates: pick(KUBECTL_SUBS), from };
    if (word.startsWith('-')) return { candidates: pick(KUBECTL_FLAGS[sub ?? ''] ?? ['-n', '--namespace']), from };
    const prev = before[before.length - 1] ?? '';
    if (prev === '-n' || prev === '--namespace') return { candidates: pick(ctx.analysis().cluster.namespaces.map((n) => n.name)), from };
    if (prev === '-f' || prev === '--filename') return { candidates: pick(ctx.files.map((f) => f.name)), from };
    const positional = before.slice(2).filter((w, i, a) => !w.startsWith('-') && !['-n', '--namespace', '-o', '-l', '-c', '-f'].includes(a[i - 1] ?? ''));
    const ns = namespaceOf(before) ?? ctx.namespace();
    if (sub === 'exec') return { candidates: positional.length === 0 ? pick(names(ctx, 'pods', ns)) : [], from };
    if (sub === 'explain') return { candidates: pick(TYPE_WORDS), from };
    if (sub === 'config') return { candidates: positional.length === 0 ? pick(['current-context', 'get-contexts', 'set-context', 'use-context', 'view']) : [], from };
    if (sub === 'create' && positional.length === 0) return { candidates: pick(['secret', 'namespace', 'serviceaccount']), from };
    if (sub === 'create' && positional[0] === 'secret' && positional.length === 1) return { candidates: pick(['docker-registry', 'generic']), from };
    if (['get', 'describe', 'delete', 'label', 'edit'].includes(sub ?? '')) {
      if (positional.length === 0) return { candidates: pick(sub === 'get' ? [...TYPE_WORDS, 'all'] : TYPE_WORDS), from };
      return { candidates: pick(names(ctx, positional[0] ?? '', ns)), from };
    }
    return { candidates: [], from };
  }
  if (cmd === 'docker') {
    if (before.length === 1) return { candidates: pick(DOCKER_SUBS), from };
    if (['exec', 'rm', 'stop', 'kill'].includes(sub ?? '')) return { candidates: pick(ctx.runtime.containers.map((c) => c.name)), from };
    return { candidates: [], from };
  }
  if (cmd === 'kubens') return { candidates: pick(ctx.analysis().cluster.namespaces.map((n) => n.name)), from };
  if (cmd === 'kubectx') return { candidates: pick(Object.keys(ctx.runtime.namespaces)), from };
  return { candidates: [], from };
}

function names(ctx: Ctx, typeWord: string, ns: string): string[] {
  const type = resolveResource(typeWord);
  if (!type) return [];
  return listItems(ctx, type, type.namespaced ? ns : null).map((i) => i.name);
}

function namespaceOf(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if ((w === '-n' || w === '--namespace') && words[i + 1]) return words[i + 1];
    if (w.startsWith('--namespace=')) return w.slice(12);
  }
  return undefined;
}
