import { escapeTerminal, tableCell } from '../escape.js';
import type { Ctx } from '../context.js';
import { bool, flag, flagAll, parseFlags, type FlagSpec } from '../flags.js';
import { isRecord } from '../objects.js';
import { kubeTable as table } from './print.js';
import { apiList, apiObject } from './api-object.js';
import { goJsonIndent, goYaml } from './encoding.js';
import { fail, usageError } from './errors.js';
import { listItems, notFound, type Item } from './items.js';
import { executeJsonPath, findResults, jsonpath, parseJsonPath } from './jsonpath.js';
import { DEFAULT_PRINTER, EVENT_WIDE, eventWideRow, PRINTERS } from './printers.js';
import { qualifiedName, resolveResource, resourceByKind, unknownResource, type ResourceType } from './resources.js';
import { formatLabels, matches, parseSelector } from './selector.js';
import { readSources } from './sources.js';

export const GET_FLAGS: FlagSpec = {
  namespace: { short: 'n', value: true },
  'all-namespaces': { short: 'A', value: false },
  output: { short: 'o', value: true },
  selector: { short: 'l', value: true },
  'field-selector': { value: true },
  'show-labels': { value: false },
  'show-kind': { value: false },
  'label-columns': { short: 'L', value: true },
  'no-headers': { value: false },
  watch: { short: 'w', value: false },
  'watch-only': { value: false },
  'sort-by': { value: true },
  'ignore-not-found': { value: false },
  filename: { short: 'f', value: true },
  recursive: { short: 'R', value: false },
  'chunk-size': { value: true },
  'server-print': { value: true, optional: 'true' },
  'show-managed-fields': { value: false },
  'output-watch-events': { value: false },
  template: { value: true },
  'allow-missing-template-keys': { value: true, optional: 'true' },
  subresource: { value: true },
  raw: { value: true },
};

/** `kubectl get all`: the `all` category in discovery order. */
const ALL = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

/** The formats `kubectl get -o` accepts (HumanPrintFlags + PrintFlags), as AllowedFormats lists them. */
const FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** RelaxedJSONPathExpression (kubectl get/get.go): `.a.b`, `a.b`, `{.a.b}` → `{.a.b}`. */
export function relaxedJsonPath(expr: string): string | null {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) return null;
  return `{.${m[1] ?? m[2] ?? ''}}`;
}

/** fmt's %v of an unstructured value (custom-columns cells). */
function goPrint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (isRecord(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goPrint(v[k])}`).join(' ')}]`;
  return String(v);
}

interface Request {
  readonly type: ResourceType;
  readonly names: string[];
  readonly namespace?: string;
}

/** The fields field selectors accept per kind (pkg/registry/core/*\/strategy.go *ToSelectableFields). */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Secret: ['type'],
  Namespace: ['status.phase'],
  Node: ['spec.unschedulable'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

type FieldReq = { field: string; value: string; equal: boolean };

function parseFieldSelector(text: string): FieldReq[] | null {
  const out: FieldReq[] = [];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const m = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) return null;
    out.push({ field: m[1] ?? '', value: m[3] ?? '', equal: m[2] !== '!=' });
  }
  return out;
}

function fieldValue(obj: Record<string, unknown>, field: string): string {
  if (field === 'source') return String(((obj['source'] ?? {}) as Record<string, unknown>)['component'] ?? '');
  let cur: unknown = obj;
  for (const k of field.split('.')) cur = isRecord(cur) ? cur[k] : undefined;
  if (field === 'status.podIPs' && Array.isArray(cur)) return cur.map((x) => (isRecord(x) ? String(x['ip']) : '')).join(',');
  if (cur === undefined || cur === null) return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : '';
  return String(cur);
}

export function kubectlGet(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, GET_FLAGS);
  if (!r.ok) return usageError(ctx, r.error, 'get');
  const p = r.parsed;
  const allNs = bool(p, 'all-namespaces');
  const ns = flag(p, 'namespace') ?? ctx.namespace();
  const output = flag(p, 'output') ?? '';
  const sel = flag(p, 'selector');
  const reqs = sel === undefined ? [] : parseSelector(sel);
  if (reqs === null) return fail(ctx, `error: unable to parse requirement: found '${sel ?? ''}', expected: identifier`);
  const fsel = flag(p, 'field-selector');
  const freqs = fsel === undefined ? [] : parseFieldSelector(fsel);
  if (freqs === null) return fail(ctx, `Error from server (BadRequest): invalid selector: '${fsel ?? ''}'; can't understand '${fsel ?? ''}'`);
  const base = output.split('=')[0] ?? '';
  if (output !== '' && !['wide', 'name', 'yaml', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'template', 'templatefile'].includes(base)) {
    return fail(ctx, `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS}`);
  }
  // Templates are parsed before any request (jsonpath_flags.go ToPrinter).
  let columns: { header: string; nodes: ReturnType<typeof parseJsonPath> }[] | null = null;
  if (base === 'custom-columns') {
    const spec = output.slice('custom-columns='.length);
    if (!output.includes('=') || spec === '') return fail(ctx, 'error: custom-columns format specified but no custom columns given');
    columns = [];
    for (const col of spec.split(',')) {
      const colon = col.indexOf(':');
      if (colon < 0) return fail(ctx, `error: unexpected custom-columns spec: ${col}, expected <header>:<json-path-expr>`);
      const expr = relaxedJsonPath(col.slice(colon + 1));
      if (expr === null) return fail(ctx, "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
      const nodes = parseJsonPath(expr);
      if (!nodes.ok) return fail(ctx, `error: ${nodes.error}`);
      columns.push({ header: col.slice(0, colon), nodes });
    }
  } else if (base === 'jsonpath' || base === 'jsonpath-as-json') {
    if (!output.includes('=')) return fail(ctx, 'error: template format specified but no template given');
    const parsed = parseJsonPath(output.slice(base.length + 1));
    if (!parsed.ok) return fail(ctx, `error: error parsing jsonpath ${output.slice(base.length + 1)}, ${parsed.error}\n`);
  } else if (['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath-file', 'custom-columns-file'].includes(base)) {
    return fail(ctx, `error: the lab does not render -o ${base}; use -o jsonpath or -o custom-columns`);
  }
  const sortBy = flag(p, 'sort-by');
  let sortExpr: string | null = null;
  if (sortBy !== undefined) {
    sortExpr = relaxedJsonPath(sortBy);
    if (sortExpr === null || !parseJsonPath(sortExpr).ok) return fail(ctx, `error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`);
  }

  // Requests: (type, names) in the order typed.
  const requests: Request[] = [];
  const files = flagAll(p, 'filename');
  if (files.length) {
    const read = readSources(ctx, files, bool(p, 'recursive'));
    if (!read.ok) return fail(ctx, read.error);
    for (const src of read.sources) {
      for (const o of src.objects) {
        const type = resourceByKind(String(o.value['kind'] ?? ''), String(o.value['apiVersion'] ?? ''));
        const meta = isRecord(o.value['metadata']) ? o.value['metadata'] : {};
        if (!type) continue;
        requests.push({ type, names: [String(meta['name'] ?? '')], ...(typeof meta['namespace'] === 'string' ? { namespace: meta['namespace'] } : {}) });
      }
    }
  } else if (p.positional.length === 0) {
    ctx.out.errLine('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n');
    ctx.out.errLine('error: Required resource not specified.');
    ctx.out.errLine('Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).');
    ctx.out.errLine("See 'kubectl get -h' for help and examples");
    return 1;
  } else {
    const first = p.positional[0] as string;
    if (first.includes('/')) {
      for (const word of p.positional) {
        if (!word.includes('/')) return fail(ctx, `error: arguments in resource/name form must have a single resource and name`);
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
  }

  const multi = requests.length > 1 || (p.positional[0] ?? '').includes('/') || p.positional[0] === 'all' || bool(p, 'show-kind') || files.length > 0 && new Set(requests.map((x) => x.type)).size > 1;
  const errors: string[] = [];
  const found: { req: Request; items: Item[] }[] = [];
  for (const req of requests) {
    if (freqs.length) {
      const allowed = ['metadata.name', 'metadata.namespace', ...(FIELDS[req.type.kind] ?? [])];
      const bad = freqs.find((f) => !allowed.includes(f.field));
      if (bad) {
        const gvr = `${req.type.group ? `${req.type.group}/${req.type.version}` : `/${req.type.version}`}, Resource=${req.type.plural}`;
        const why = FIELDS[req.type.kind] ? `field label not supported: ${bad.field}` : `"${bad.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
        return fail(ctx, `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${sel ?? ''}", field selector "${fsel ?? ''}": ${why}`);
      }
    }
    const scope = req.type.namespaced ? (req.namespace ?? (allNs && req.names.length === 0 ? null : ns)) : null;
    let items = listItems(ctx, req.type, scope);
    if (req.names.length) {
      const picked: Item[] = [];
      for (const name of req.names) {
        const it = items.find((i) => i.name === name);
        if (it) picked.push(it);
        else if (!bool(p, 'ignore-not-found')) errors.push(notFound(req.type, name));
      }
      items = picked;
    }
    items = items.filter((i) => matches(reqs, i.labels));
    if (freqs.length) {
      items = items.filter((i) => {
        const obj = apiObject(i, ctx);
        return freqs.every((f) => (fieldValue(obj, f.field) === f.value) === f.equal);
      });
    }
    if (sortExpr !== null) {
      const parsed = parseJsonPath(sortExpr);
      if (parsed.ok) {
        const keyed = items.map((i) => {
          const r2 = executeJsonPath(parsed.nodes, apiObject(i, ctx));
          return { i, k: r2.ok ? r2.text : '' };
        });
        const num = keyed.every((x) => x.k === '' || /^-?\d+(\.\d+)?$/.test(x.k));
        keyed.sort((a, b) => (num ? Number(a.k || 0) - Number(b.k || 0) : a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
        items = keyed.map((x) => x.i);
      }
    }
    found.push({ req, items });
  }
  const all = found.flatMap((f) => f.items);
  const named = requests.some((x) => x.names.length > 0);
  const finish = (code: number) => {
    for (const e of errors) fail(ctx, e);
    return errors.length ? 1 : code;
  };
  const noResources = () => {
    if (named) return finish(0);
    const namespaced = requests.some((x) => x.type.namespaced);
    ctx.out.errLine(!allNs && namespaced ? `No resources found in ${ns} namespace.` : 'No resources found');
    return finish(0);
  };

  if (base === 'yaml' || base === 'json' || base === 'jsonpath' || base === 'jsonpath-as-json') {
    if (all.length === 0 && !named) return noResources();
    const objs = all.map((i) => apiObject(i, ctx));
    const single = objs.length === 1 && named && requests.length === 1 && requests[0]?.names.length === 1;
    const data = single ? objs[0] : apiList(objs);
    if (all.length === 0) return finish(0);
    if (base === 'yaml') ctx.out.out(goYaml(data));
    else if (base === 'json') ctx.out.out(`${goJsonIndent(data)}\n`);
    else {
      const res = jsonpath(output.slice(base.length + 1), data, { asJson: base === 'jsonpath-as-json' });
      if (!res.ok) return fail(ctx, res.error);
      ctx.out.out(res.text);
    }
    return finish(0);
  }
  if (base === 'name') {
    for (const i of all) ctx.out.line(`${qualifiedName(i.type)}/${i.name}`);
    if (all.length === 0) return noResources();
    return finish(0);
  }
  if (all.length === 0) return noResources();
  if (columns) {
    const rows = all.map((i) => {
      const obj = apiObject(i, ctx);
      return columns.map((c) => {
        if (!c.nodes.ok) return '<none>';
        const res = findResults(c.nodes.nodes, obj);
        if (!res.ok || res.results.length === 0 || (res.results[0] ?? []).length === 0) return '<none>';
        // customcolumn.go: printers.EscapeTerminal on each value.
        return res.results.flat().map((v) => escapeTerminal(goPrint(v))).join(',');
      });
    });
    ctx.out.out(table(bool(p, 'no-headers') ? rows : [columns.map((c) => c.header), ...rows]));
    return finish(0);
  }
  const wide = output === 'wide';
  const labelCols = flagAll(p, 'label-columns').flatMap((x) => x.split(',')).filter(Boolean);
  const blocks: string[] = [];
  const watched: string[] = [];
  for (const { req, items } of found) {
    if (items.length === 0) continue;
    const pr = PRINTERS[req.type.kind] ?? DEFAULT_PRINTER;
    const nsCol = allNs && req.type.namespaced;
    const isEventWide = wide && req.type.kind === 'Event';
    const header = [
      ...(nsCol ? ['NAMESPACE'] : []),
      ...(isEventWide ? EVENT_WIDE : [...pr.header, ...(wide ? pr.wide : [])]),
      ...labelCols.map((l) => (l.split('/').pop() ?? l).toUpperCase()),
      ...(bool(p, 'show-labels') ? ['LABELS'] : []),
    ];
    const rows = items.map((i) => {
      const row = isEventWide ? eventWideRow(i) : [...pr.row(i), ...(wide ? pr.wideRow(i) : [])];
      if (multi && req.type.kind !== 'Event') row[0] = `${qualifiedName(i.type)}/${i.name}`;
      return [
        ...(nsCol ? [tableCell(i.namespace ?? '')] : []),
        ...row.map((c) => tableCell(c)),
        ...labelCols.map((l) => tableCell(Object.hasOwn(i.labels, l) ? (i.labels[l] ?? '') : '')),
        ...(bool(p, 'show-labels') ? [tableCell(formatLabels(i.labels))] : []),
      ];
    });
    const printed = bool(p, 'no-headers') ? rows : [header, ...rows];
    blocks.push(table(printed));
    if (bool(p, 'watch') && req.type.kind === 'Pod') watched.push(...imagePullBackOffEvents(printed, header.indexOf('STATUS')));
  }
  ctx.out.out(blocks.join('\n') + watched.join(''));
  return finish(0);
}

/**
 * `kubectl get pods -w` after the list: the watch event of each pod whose pull failed, as the kubelet
 * moves it from ErrImagePull to ImagePullBackOff while it backs off (pkg/kubelet/images/image_manager.go
 * returns ErrImagePullBackOff while the image's back-off runs). kubectl prints each event through the
 * same printer and flushes (pkg/cmd/get/get.go watch); cli-runtime's tabwriter (liggitt/tabwriter with
 * RememberWidths) keeps the widths already printed, so the new row lines up with the list unless a
 * cell is wider: the row's widths are those of the list with the row added.
 */
function imagePullBackOffEvents(printed: readonly (readonly string[])[], status: number): string[] {
  if (status < 0) return [];
  const seen: (readonly string[])[] = [...printed];
  return printed.filter((r) => r[status] === 'ErrImagePull').map((r) => {
    seen.push(r.map((c, i) => (i === status ? 'ImagePullBackOff' : c)));
    const lines = table(seen).split('\n');
    return `${lines[lines.length - 2] ?? ''}\n`;
  });
}

