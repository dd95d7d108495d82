import type { Ctx } from '../context.js';
import { LAB_CREATED, formatRfc1123z } from '../clock.js';
import { bool, flag, parseFlags } from '../flags.js';
import { tabwrite } from '../tabwriter.js';
import { describeNetworkPolicy } from './describe-netpol.js';
import { describePod, podAnnotations } from './describe-pod.js';
import { labelLines } from './describe-util.js';
import { fail, usageError } from './errors.js';
import { listItems, notFound, type Item } from './items.js';
import { resolveResource, unknownResource } from './resources.js';
import { matches, parseSelector } from './selector.js';

export function kubectlDescribe(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true },
    'all-namespaces': { short: 'A', value: false },
    selector: { short: 'l', value: true },
  });
  if (!r.ok) return usageError(ctx, r.error, 'describe');
  const p = r.parsed;
  const ns = bool(p, 'all-namespaces') ? null : (flag(p, 'namespace') ?? ctx.namespace());
  const [first, ...names] = p.positional;
  if (!first) return fail(ctx, 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  let typeWord = first;
  if (first.includes('/')) {
    const [t, n] = first.split('/', 2) as [string, string];
    typeWord = t;
    names.unshift(n);
  }
  const type = resolveResource(typeWord);
  if (!type) return fail(ctx, unknownResource(typeWord));
  let items = listItems(ctx, type, type.namespaced ? ns : null);
  const sel = flag(p, 'selector');
  const reqs = sel === undefined ? [] : parseSelector(sel) ?? [];
  let exit = 0;
  if (names.length) {
    const picked: Item[] = [];
    for (const name of names) {
      // kubectl describe also matches by name prefix when there is no exact match.
      const exact = items.filter((i) => i.name === name);
      const found = exact.length ? exact : items.filter((i) => i.name.startsWith(name));
      if (found.length === 0) {
        ctx.out.errLine(notFound(type, name));
        exit = 1;
      }
      picked.push(...found);
    }
    items = picked;
  } else {
    items = items.filter((i) => matches(reqs, i.labels));
    if (items.length === 0) {
      ctx.out.errLine(ns !== null && type.namespaced ? `No resources found in ${ns} namespace.` : 'No resources found');
      return 0;
    }
  }
  const texts = items.map((i) => describeOne(ctx, i));
  ctx.out.out(texts.join('\n\n'));
  return exit;
}

function describeOne(ctx: Ctx, item: Item): string {
  if (item.pod) return describePod(item.pod, podAnnotations(item.raw));
  if (item.type.kind === 'NetworkPolicy') {
    const pol = ctx.analysis().cluster.policies.find((x) => x.namespace === item.namespace && x.name === item.name);
    return describeNetworkPolicy(item, pol?.policyTypes ?? ['Ingress']);
  }
  // Other kinds: the header every describer prints.
  let s = `Name:\t${item.name}\n`;
  if (item.namespace !== undefined) s += `Namespace:\t${item.namespace}\n`;
  s += labelLines('Labels', item.labels);
  s += 'Annotations:\t<none>\n';
  if (item.type.kind === 'Namespace') s += 'Status:\tActive\n\nNo resource quota.\n\nNo LimitRange resource.\n';
  else if (item.type.kind === 'Secret') {
    const type = typeof item.raw?.['type'] === 'string' ? item.raw['type'] : 'Opaque';
    s += `\nType:\t${type}\n\nData\n====\n`;
    const data = item.raw?.['data'];
    if (data && typeof data === 'object') {
      for (const [k, v] of Object.entries(data)) s += `${k}:\t${Math.floor((String(v).replace(/=+$/, '').length * 3) / 4)} bytes\n`;
    }
  } else s += `CreationTimestamp:\t${formatRfc1123z(LAB_CREATED)}\n`;
  return tabwrite(s, { padding: 2 });
}
