import { isQualifiedName, isValidLabelValue } from '../../engine/normalize/names.js';
import type { Ctx } from '../context.js';
import { bool, flag, flagAll, parseFlags } from '../flags.js';
import { isRecord } from '../objects.js';
import { appendDocument, CLUSTER_FILE, updateDocument } from '../yaml-edit.js';
import { keepNamespaceAfterPods, namespaceUpdate, refusedIn, touchesPodSecurity } from './admission-output.js';
import { apiObject } from './api-object.js';
import { fail, usageError } from './errors.js';
import { listItems, notFound, type Item } from './items.js';
import { findDoc } from './mutate.js';
import { invalidMessage } from './pod-update.js';
import { checkOutputFormat, dryRunOf, dryRunSuffix, printObject, type DryRun } from './print.js';
import { resolveResource, resourceByKind, unknownResource, type ResourceType } from './resources.js';
import { matches, parseSelector } from './selector.js';
import { readSources } from './sources.js';
import { printWarnings } from './warnings.js';
import { hasKey, setOwn, userMap, userMapOf } from './user-map.js';

/** Which metadata map a command edits: `kubectl label` (labels) or `kubectl annotate` (annotations). */
type Which = 'label' | 'annotation';

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const strings = (v: unknown): Record<string, string> => userMapOf(Object.fromEntries(Object.entries(rec(v)).map(([k, x]) => [k, String(x)])));

/**
 * cmdutil.GetResourcesAndPairs (kubectl pkg/cmd/util/helpers.go): the words before the first
 * `k=v` or `k-` name resources; a resource word after one is an error.
 */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let found = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      found = true;
      pairs.push(s);
    } else if (found) return { error: `all resources must be specified before ${pairType} changes: ${s}` };
    else resources.push(s);
  }
  return { resources, pairs };
}

interface Changes {
  readonly set: Record<string, string>;
  readonly remove: string[];
}

/**
 * parseLabels (kubectl pkg/cmd/label/label.go): `k=v` (exactly one `=`, the value checked by
 * IsValidLabelValue), `k-`; a key both set and removed is refused.
 */
export function parseLabels(spec: readonly string[]): Changes | { error: string } {
  const set = userMap();
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes('=')) {
      const parts = s.split('=');
      if (parts.length !== 2) return { error: `invalid label spec: ${s}` };
      const errs = isValidLabelValue(parts[1] ?? '');
      if (errs.length) return { error: `invalid label value: ${JSON.stringify(s)}: ${errs.join(';')}` };
      setOwn(set, parts[0] ?? '', parts[1] ?? '');
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else return { error: `unknown label spec: ${s}` };
  }
  if (remove.some((k) => hasKey(set, k))) return { error: 'can not both modify and remove a label in the same command' };
  return { set, remove };
}

/**
 * parseAnnotations → cmdutil.ParsePairs(…, "annotation", true) and validateAnnotations (kubectl
 * pkg/cmd/annotate/annotate.go): `k=v` splits at the first `=`; `k-` removes.
 */
export function parseAnnotations(spec: readonly string[]): Changes | { error: string } {
  const set = userMap();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const s of spec) {
    if (s.includes('=') && s[0] !== '=') {
      const eq = s.indexOf('=');
      setOwn(set, s.slice(0, eq), s.slice(eq + 1));
    } else if (s.endsWith('-') && s !== '-') remove.push(s.slice(0, -1));
    else invalid.push(s);
  }
  if (invalid.length) return { error: `invalid annotation format: ${invalid.join(', ')}` };
  const both = remove.filter((k) => hasKey(set, k));
  if (both.length) return { error: `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}` };
  return { set, remove };
}

/** One object the command visits: what the builder fetched (or read from a file with --local). */
interface Target {
  readonly type: ResourceType;
  readonly name: string;
  readonly namespace: string | undefined;
  /** The object read from a file (--local): printed, never looked up. */
  readonly local?: Record<string, unknown>;
}

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/**
 * `kubectl label` (pkg/cmd/label/label.go) and `kubectl annotate` (pkg/cmd/annotate/annotate.go),
 * v0.30: resources as `TYPE NAME…`, `TYPE/NAME…`, `TYPE -l SEL|--all [-A]` or `-f FILE`, then
 * the changes. Without --overwrite a key with another value is refused (label: one error per
 * key; annotate: one error naming them all, change-cause exempt). The printer's operation is
 * `labeled`, `unlabeled` (something removed and the object got smaller, without --overwrite) or
 * `not labeled`; annotate always says `annotated`. `--list` prints the map instead; `-o` prints
 * the object; `--dry-run` changes nothing.
 */
export function kubectlMetaEdit(args: string[], ctx: Ctx, which: Which): number {
  const sub = which === 'label' ? 'label' : 'annotate';
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true },
    'all-namespaces': { short: 'A', value: false },
    selector: { short: 'l', value: true },
    'field-selector': { value: true },
    all: { value: false },
    overwrite: { value: false },
    list: { value: false },
    local: { value: false },
    output: { short: 'o', value: true },
    'dry-run': { value: true, optional: 'unchanged' },
    filename: { short: 'f', value: true },
    recursive: { short: 'R', value: false },
    kustomize: { short: 'k', value: true },
    'resource-version': { value: true },
    'field-manager': { value: true },
    record: { value: false },
    'allow-missing-template-keys': { value: true, optional: 'true' },
    'show-managed-fields': { value: false },
    template: { value: true },
  });
  if (!r.ok) return usageError(ctx, r.error, sub);
  const p = r.parsed;
  const output = flag(p, 'output');
  const dry = dryRunOf(ctx, flag(p, 'dry-run'));
  if (dry === null) return 1;
  if (!checkOutputFormat(ctx, output)) return 1;
  const split = resourcesAndPairs(p.positional, which);
  if ('error' in split) return fail(ctx, `error: ${split.error}`);
  const changes = which === 'label' ? parseLabels(split.pairs) : parseAnnotations(split.pairs);
  const list = bool(p, 'list');
  const sel = flag(p, 'selector');
  const files = flagAll(p, 'filename');
  const local = bool(p, 'local');
  // label checks --list/--output in Complete after parsing the pairs; annotate before parsing them.
  if (which === 'annotation' && 'error' in changes) return fail(ctx, `error: ${changes.error}`);
  if (list && output) return fail(ctx, 'error: --list and --output may not be specified together');
  if (which === 'label' && 'error' in changes) return fail(ctx, `error: ${changes.error}`);
  if ('error' in changes) return 1;
  if (bool(p, 'all') && sel !== undefined) return fail(ctx, 'error: cannot set --all and --selector at the same time');
  if (bool(p, 'all') && flag(p, 'field-selector') !== undefined) return fail(ctx, 'error: cannot set --all and --field-selector at the same time');
  const fileWords = which === 'label' ? '-f pod.yaml or --filename=pod.json' : '-f rsrc.yaml or --filename=rsrc.json';
  if (local) {
    if (dry === 'server') return fail(ctx, 'error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (split.resources.length) return fail(ctx, `error: can only use local files by ${fileWords} when --local=true is set`);
    if (files.length === 0) return fail(ctx, `error: one or more files must be specified as ${fileWords}`);
  } else if (split.resources.length === 0 && files.length === 0) {
    return fail(ctx, 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (Object.keys(changes.set).length === 0 && changes.remove.length === 0 && !list) return fail(ctx, `error: at least one ${which} update is required`);

  const ns = flag(p, 'namespace') ?? ctx.namespace();
  const found = targetsOf(ctx, split.resources, files, { ns, all: bool(p, 'all'), allNamespaces: bool(p, 'all-namespaces'), selector: sel, local, recursive: bool(p, 'recursive') });
  if ('error' in found) return fail(ctx, found.error);
  if (!found.one && flag(p, 'resource-version') !== undefined) return fail(ctx, 'error: --resource-version may only be used with a single resource');

  const errors: string[] = [];
  let printFailed = false;
  for (const t of found.targets) {
    const err = editOne(ctx, t, which, changes, { overwrite: bool(p, 'overwrite'), list, one: found.one, dry: local ? 'client' : dry, output });
    if (err === '') printFailed = true;
    else if (err) errors.push(err);
  }
  if (printFailed && errors.length === 0) return 1;
  // ContinueOnError: the errors after the objects that went through; CheckErr's MultipleErrors for several.
  if (errors.length === 1) return fail(ctx, errors[0] as string);
  if (errors.length > 1) {
    for (const e of errors) ctx.out.errLine(e.replace(/^error: /, ''));
    return 1;
  }
  return 0;
}

export function kubectlLabel(args: string[], ctx: Ctx): number {
  return kubectlMetaEdit(args, ctx, 'label');
}

export function kubectlAnnotate(args: string[], ctx: Ctx): number {
  return kubectlMetaEdit(args, ctx, 'annotation');
}

/** The builder's ResourceTypeOrNameArgs / LabelSelectorParam / FilenameParam, and IntoSingleItemImplied. */
function targetsOf(ctx: Ctx, resources: readonly string[], files: readonly string[], o: { ns: string; all: boolean; allNamespaces: boolean; selector: string | undefined; local: boolean; recursive: boolean }): { targets: Target[]; one: boolean } | { error: string } {
  const targets: Target[] = [];
  let one = false;
  if (files.length) {
    const read = readSources(ctx, files, o.recursive);
    if (!read.ok) return { error: read.error };
    for (const src of read.sources) {
      for (const obj of src.objects) {
        const type = resourceByKind(String(obj.value['kind'] ?? ''), String(obj.value['apiVersion'] ?? ''));
        if (!type) return { error: `error: resource mapping not found for name: "${String(rec(obj.value['metadata'])['name'] ?? '')}" namespace: "" from "${src.name}": no matches for kind "${String(obj.value['kind'] ?? '')}" in version "${String(obj.value['apiVersion'] ?? '')}"\nensure CRDs are installed first` };
        const meta = rec(obj.value['metadata']);
        const objNs = typeof meta['namespace'] === 'string' ? meta['namespace'] : o.ns;
        targets.push({ type, name: String(meta['name'] ?? ''), namespace: type.namespaced ? objNs : undefined, ...(o.local ? { local: obj.value } : {}) });
      }
    }
    one = files.length === 1 && targets.length === 1;
  }
  if (o.local) return { targets, one };
  const [first, ...rest] = resources;
  const reqs = o.selector === undefined ? [] : parseSelector(o.selector);
  if (reqs === null) return { error: `error: unable to parse requirement: found '${o.selector ?? ''}', expected: identifier` };
  if (first?.includes('/')) {
    if (o.selector !== undefined || o.all) return { error: 'error: name cannot be provided when a selector is specified' };
    for (const w of resources) {
      const slash = w.indexOf('/');
      const t = w.slice(0, slash);
      const n = w.slice(slash + 1);
      if (!w.includes('/')) return { error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      const type = resolveResource(t);
      if (!type) return { error: unknownResource(t) };
      targets.push({ type, name: n, namespace: type.namespaced ? o.ns : undefined });
    }
    one = resources.length === 1 && files.length === 0;
  } else if (first) {
    const types: ResourceType[] = [];
    for (const t of first.split(',')) {
      const type = resolveResource(t);
      if (!type) return { error: unknownResource(t) };
      types.push(type);
    }
    if (o.all || o.selector !== undefined) {
      if (rest.length) return { error: 'error: name cannot be provided when a selector is specified' };
      for (const type of types) {
        const scope = type.namespaced && !o.allNamespaces ? o.ns : null;
        for (const it of listItems(ctx, type, scope)) if (matches(reqs, it.labels)) targets.push({ type, name: it.name, namespace: it.namespace });
      }
    } else {
      if (rest.length === 0) return { error: 'error: resource(s) were provided, but no name was specified' };
      for (const type of types) for (const n of rest) targets.push({ type, name: n, namespace: type.namespaced ? o.ns : undefined });
      one = types.length === 1 && rest.length === 1 && files.length === 0;
    }
  }
  return { targets, one };
}

/** The map as JSON marshals it inside the object: absent, or `"labels":{…}` with sorted keys. */
function mapJson(key: string, m: Record<string, string> | undefined): string {
  // ObjectMeta's labels/annotations are `omitempty`: an empty map is not in the JSON either.
  if (m === undefined || Object.keys(m).length === 0) return '';
  return `"${key}":${JSON.stringify(Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]])))}`;
}

/** Visits one object: checks, the new map, the server's validation, the write, the printer. Returns an error line or null. */
function editOne(ctx: Ctx, t: Target, which: Which, ch: Changes, o: { overwrite: boolean; list: boolean; one: boolean; dry: DryRun; output: string | undefined }): string | null {
  const field = which === 'label' ? 'labels' : 'annotations';
  let item: Item | undefined;
  let obj: Record<string, unknown>;
  const doc = t.local ? undefined : findDoc(ctx, t.type.kind, t.namespace, t.name);
  if (t.local) obj = structuredClone(t.local);
  else {
    item = listItems(ctx, t.type, t.namespace ?? null).find((i) => i.name === t.name && i.namespace === t.namespace);
    if (!item) return notFound(t.type, t.name);
    obj = apiObject(item, ctx);
  }
  const meta = rec(obj['metadata']);
  obj['metadata'] = meta;
  const had = isRecord(meta[field]);
  const current = strings(meta[field]);
  if (!o.overwrite) {
    if (which === 'label') {
      const errs = Object.keys(ch.set).sort().filter((k) => hasKey(current, k) && current[k] !== ch.set[k]).map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
      if (errs.length === 1) return `error: ${errs[0]}`;
      if (errs.length > 1) return errs.join('\n');
    } else {
      const errs = Object.keys(ch.set).sort().filter((k) => k !== CHANGE_CAUSE && hasKey(current, k) && current[k] !== ch.set[k]).map((k) => `'${k}' already has a value (${current[k]})`);
      if (errs.length) return `error: --overwrite is false but found the following declared annotation(s): ${errs.join('; ')}`;
    }
  }
  // label.go prints this before the patch goes out (not for --dry-run=client, --local or --list).
  const notFoundKeys = which === 'label' && o.dry !== 'client' && !o.list ? ch.remove.filter((k) => !hasKey(current, k)) : [];
  const next = userMapOf({ ...current, ...ch.set });
  for (const k of ch.remove) delete next[k];
  meta[field] = next;
  const before = had ? mapJson(field, current) : '';
  const after = mapJson(field, next);
  const operation = which === 'annotation' ? 'annotated' : before === after ? 'not labeled' : !o.overwrite && after.length < before.length ? 'unlabeled' : 'labeled';

  if (o.list) {
    const indent = o.one ? '' : ' ';
    if (!o.one) {
      const [group] = String(obj['apiVersion'] ?? '').split('/').reverse().slice(1);
      ctx.out.line(`Listing ${field} for ${t.type.kind}.${group ?? ''}/${t.name}:`);
    }
    for (const k of Object.keys(next).sort()) ctx.out.line(`${indent}${k}=${next[k]}`);
    return null;
  }
  for (const k of notFoundKeys) ctx.out.line(`label ${JSON.stringify(k)} not found.`);

  if (!t.local && before !== after) {
    // The API server's ValidateObjectMeta: label keys are qualified names; annotation keys too (lower-cased).
    const causes = Object.keys(next).sort().flatMap((k) => isQualifiedName(which === 'label' ? k : k.toLowerCase()).map((m) => `metadata.${field}: Invalid value: ${JSON.stringify(k)}: ${m}`));
    if (causes.length) return invalidMessage(t.type.kind, t.name, causes).replace(/\n$/, '');
    // PodSecurity validates a Namespace's label update (also a server dry run): refused, or warnings.
    if (t.type.kind === 'Namespace' && o.dry !== 'client' && touchesPodSecurity(current, next)) {
      const answer = namespaceUpdate(ctx, t.name, current, next);
      if (answer.error !== null) return answer.error;
      printWarnings(ctx, answer.warnings);
    }
    if (o.dry === 'none') {
      const err = write(ctx, t, doc, item, field, ch);
      if (err) return err;
    }
  }
  const code = printObject(ctx, obj, o.output, `${operation}${dryRunSuffix(o.dry)}`);
  return code ? '' : null;
}

/** Writes the change into the object's document (an implicit namespace gets one of its own). */
function write(ctx: Ctx, t: Target, doc: ReturnType<typeof findDoc>, item: Item | undefined, field: 'labels' | 'annotations', ch: Changes): string | null {
  if (doc) {
    const refusedBefore = refusedIn(ctx, t.name);
    ctx.setFiles(updateDocument(ctx.files, doc.file, doc.doc, (d) => {
      // Create the map from a plain object: with the YAML 1.1 schema, setIn's implicit map would be a !!omap.
      if (Object.keys(ch.set).length > 0 && !d.hasIn(['metadata', field])) d.setIn(['metadata', field], d.createNode({}));
      for (const [k, v] of Object.entries(ch.set)) d.setIn(['metadata', field, k], v);
      for (const k of ch.remove) d.deleteIn(['metadata', field, k]);
      const m = d.getIn(['metadata', field]);
      if (m && typeof m === 'object' && 'items' in m && Array.isArray(m.items) && m.items.length === 0) d.deleteIn(['metadata', field]);
    }));
    if (t.type.kind === 'Namespace') keepNamespaceAfterPods(ctx, t.name, refusedBefore);
    return null;
  }
  if (t.type.kind === 'Namespace' && item) {
    const current = field === 'labels' ? { ...item.labels } : {};
    const next: Record<string, string> = { ...current, ...ch.set };
    for (const k of ch.remove) delete next[k];
    delete next['kubernetes.io/metadata.name'];
    const metadata: Record<string, unknown> = { name: t.name };
    if (Object.keys(next).length) metadata[field] = next;
    ctx.setFiles(appendDocument(ctx.files, CLUSTER_FILE, { apiVersion: 'v1', kind: 'Namespace', metadata }));
    return null;
  }
  const kindName = `${t.type.singular}${t.type.group ? `.${t.type.group}` : ''}/${t.name}`;
  if (item?.pod?.pod.owner) return `error: ${kindName} belongs to ${item.pod.pod.owner.kind.toLowerCase()} ${item.pod.pod.owner.name}, whose controller would replace it; the lab changes ${field} in the template instead`;
  return `error: ${kindName} is part of the lab's fixed cluster; the lab cannot change its ${field}`;
}
