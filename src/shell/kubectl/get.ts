import type { Ctx } from '../context.js';
import { bool, flag, parseFlags, type FlagSpec } from '../flags.js';
import { table } from '../tabwriter.js';
import { toYaml } from '../yaml-edit.js';
import { apiList, apiObject } from './api-object.js';
import { usageError } from './errors.js';
import { listItems, notFound, type Item } from './items.js';
import { jsonpath } from './jsonpath.js';
import { PRINTERS } from './printers.js';
import { qualifiedName, resolveResource, unknownResource, type ResourceType } from './resources.js';
import { formatLabels, matches, parseSelector } from './selector.js';

export const GET_FLAGS: FlagSpec = {
  namespace: { short: 'n', value: true },
  'all-namespaces': { short: 'A', value: false },
  output: { short: 'o', value: true },
  selector: { short: 'l', value: true },
  'show-labels': { value: false },
  'no-headers': { value: false },
  watch: { short: 'w', value: false },
};

/** `kubectl get all` lists these, in this order (kubectl's "all" category). */
const ALL = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'jobs', 'cronjobs'];

export function kubectlGet(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, GET_FLAGS);
  if (!r.ok) return usageError(ctx, r.error, 'get');
  const p = r.parsed;
  const allNs = bool(p, 'all-namespaces');
  const ns = allNs ? null : (flag(p, 'namespace') ?? ctx.namespace());
  const output = flag(p, 'output') ?? '';
  const sel = flag(p, 'selector');
  const reqs = sel === undefined ? [] : parseSelector(sel);
  if (reqs === null) {
    ctx.out.errLine(`error: unable to parse requirement: found '${sel}', expected: identifier`);
    return 1;
  }
  if (p.positional.length === 0) {
    ctx.out.errLine('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n');
    ctx.out.errLine('error: Required resource not specified.');
    ctx.out.errLine('Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).');
    ctx.out.errLine("See 'kubectl get -h' for help and examples");
    return 1;
  }

  // Requests: (type, names[]) in the order typed.
  const requests: { type: ResourceType; names: string[] }[] = [];
  const first = p.positional[0] as string;
  if (first.includes('/')) {
    for (const word of p.positional) {
      const [t, name] = word.split('/', 2) as [string, string];
      const type = resolveResource(t);
      if (!type) return fail(ctx, unknownResource(t));
      const last = requests[requests.length - 1];
      if (last && last.type === type) last.names.push(name);
      else requests.push({ type, names: [name] });
    }
  } else {
    for (const t of first.split(',')) {
      const words = t === 'all' ? ALL : [t];
      for (const w of words) {
        const type = resolveResource(w);
        if (!type) return fail(ctx, unknownResource(w));
        requests.push({ type, names: p.positional.slice(1) });
      }
    }
  }

  const multi = requests.length > 1 || first.includes('/') || first === 'all';
  let exit = 0;
  const found: Item[][] = [];
  for (const req of requests) {
    const nsFor = req.type.namespaced ? ns : null;
    let items = listItems(ctx, req.type, nsFor);
    if (req.names.length) {
      const picked: Item[] = [];
      for (const name of req.names) {
        const it = items.find((i) => i.name === name);
        if (it) picked.push(it);
        else {
          ctx.out.errLine(notFound(req.type, name));
          exit = 1;
        }
      }
      items = picked;
    }
    items = items.filter((i) => matches(reqs, i.labels));
    found.push(items);
  }
  const all = found.flat();
  const named = requests.some((r) => r.names.length > 0);

  if (output === 'yaml' || output === 'json' || output.startsWith('jsonpath')) {
    if (all.length === 0 && !named) return noResources(ctx, ns, requests);
    const objs = all.map((i) => apiObject(i, ctx));
    const data = objs.length === 1 && named && requests.every((r) => r.names.length <= 1) ? objs[0] : apiList(objs);
    if (output === 'yaml') ctx.out.out(toYaml(data));
    else if (output === 'json') ctx.out.out(`${JSON.stringify(data, null, 4)}\n`);
    else {
      const tpl = output.replace(/^jsonpath=?/, '').replace(/^'(.*)'$/, '$1');
      const res = jsonpath(tpl, data);
      if (!res.ok) return fail(ctx, res.error);
      ctx.out.out(res.text);
    }
    return exit;
  }
  if (output === 'name') {
    for (const i of all) ctx.out.line(`${qualifiedName(i.type)}/${i.name}`);
    if (all.length === 0 && !named) return noResources(ctx, ns, requests);
    return exit;
  }
  if (output !== '' && output !== 'wide') {
    return fail(ctx, `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`);
  }
  if (all.length === 0) {
    if (!named) return noResources(ctx, ns, requests);
    return exit;
  }
  const blocks: string[] = [];
  requests.forEach((req, k) => {
    const items = found[k] ?? [];
    if (items.length === 0) return;
    const pr = PRINTERS[req.type.kind];
    if (!pr) return;
    const wide = output === 'wide';
    const header = [...(allNs && req.type.namespaced ? ['NAMESPACE'] : []), ...pr.header, ...(wide ? pr.wide : []), ...(bool(p, 'show-labels') ? ['LABELS'] : [])];
    const rows = items.map((i) => {
      const row = pr.row(i);
      if (multi) row[0] = `${qualifiedName(i.type)}/${i.name}`;
      return [...(allNs && req.type.namespaced ? [i.namespace ?? ''] : []), ...row, ...(wide ? pr.wideRow(i) : []), ...(bool(p, 'show-labels') ? [formatLabels(i.labels)] : [])];
    });
    blocks.push(table(bool(p, 'no-headers') ? rows : [header, ...rows]));
  });
  ctx.out.out(blocks.join('\n'));
  return exit;
}

function noResources(ctx: Ctx, ns: string | null, requests: { type: ResourceType }[]): number {
  const namespaced = requests.some((r) => r.type.namespaced);
  ctx.out.errLine(ns !== null && namespaced ? `No resources found in ${ns} namespace.` : 'No resources found');
  return 0;
}

function fail(ctx: Ctx, message: string): number {
  ctx.out.errLine(message);
  return 1;
}
