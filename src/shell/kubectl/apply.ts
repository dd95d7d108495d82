import type { Diagnostic } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { isNamespaced, isRecord, type DocObject } from '../objects.js';
import { updateDocument } from '../yaml-edit.js';
import { admittedPodSpec, defaultPodSpec } from './defaults.js';
import { fail } from './errors.js';
import {
  canonical, createObject, deleteObject, findDocs, keyOf, notFoundMessage, objectKey, replaceObject,
} from './mutate.js';
import { admitPodUpdate, invalidMessage, podUpdateErrors } from './pod-update.js';
import { admissionOf, admitAfterNamespace, keepNamespaceAfterPods, namespaceUpdate, refusedIn, touchesPodSecurity } from './admission-output.js';
import { dryRunSuffix, printObjects, type DryRun } from './print.js';
import { qualifiedKind, qualifiedPlural, resourceByKind } from './resources.js';
import { readSources, type Source, type SourceObject } from './sources.js';
import { printWarnings } from './warnings.js';
import { hasKey, setOwn } from './user-map.js';

/** A record's own value for a key (user keys such as `constructor` are not inherited). */
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/**
 * `kubectl apply|create|replace -f FILE|DIR|-`: each object of the sources against the cluster (the
 * editor's files). Objects read from standard input or a file outside the editor's tabs land in
 * cluster.yaml, or replace the document that already declares them; a tab is itself the object's
 * document, so applying it changes nothing in the files unless another document declared the
 * object before (that one is then dropped: the tab holds it now). What was last applied is the
 * runtime's `applied` record (the last-applied-configuration annotation). Errors are the API
 * server's (AlreadyExists, NotFound, Invalid with the pod update diff) and kubectl's wrappers
 * (`error when creating "SRC": …`, cmdutil.AddSourceToErr), collected and printed after the
 * objects that succeeded, as kubectl's ContinueOnError visitor does.
 */

export type Verb = 'apply' | 'create' | 'replace';

export interface ApplyOptions {
  readonly verb: Verb;
  readonly dryRun: DryRun;
  readonly output: string | undefined;
  /** `-n` as given (EnforceNamespace), or undefined. */
  readonly namespace: string | undefined;
  readonly recursive: boolean;
  readonly saveConfig?: boolean;
  /** replace --force: delete, then create. */
  readonly force?: boolean;
}

const IGNORED_CODES = new Set(['duplicate-object', 'cluster-duplicate', 'image-invalid', 'pod-ip-duplicate', 'pod-cidr-exhausted', 'internal']);
const FIELD_ERROR = /^[\w.[\]/-]+: (Required value|Invalid value|Forbidden|Unsupported value|Duplicate value|Too long|Too many|Not found)/;

/** What the API server answers for a document the engine refuses (null: it accepts it). */
export function serverError(ctx: Ctx, file: string, doc: number, value: Record<string, unknown>, verb: string, source: string): string | null {
  const diags = ctx.analysis().diagnostics.filter((d) => d.severity === 'error' && d.file === file && !IGNORED_CODES.has(d.code) && docOf(ctx, file, d.line) === doc);
  if (diags.length === 0) return null;
  const kind = String(value['kind'] ?? '');
  const name = String(isRecord(value['metadata']) ? value['metadata']['name'] ?? '' : '');
  const apiVersion = String(value['apiVersion'] ?? '');
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  // PodSecurity refused the pod (admission, after decoding and validation passed).
  const forbidden = diags.find((d) => d.code === 'pod-security-forbidden');
  if (forbidden) return `Error from server (Forbidden): error when ${verb} "${source}": ${forbidden.message}`;
  const decode = diags.filter((d) => d.code === 'unknown-field' || d.code === 'field-type' || d.message.includes('cannot be handled as'));
  if (decode.length) {
    const first = decode[0] as Diagnostic;
    if (first.message.includes('cannot be handled as')) return `Error from server (BadRequest): error when ${verb} "${source}": ${first.message}`;
    // The decoder keeps the first type error it meets and reports it before any unknown field
    // (sigs.k8s.io/json decode.go: saveError keeps the first; unmarshal returns savedError before
    // savedStrictErrors); it meets them in the JSON kubectl sends, whose keys Go's encoder sorted.
    const typeError = decode.filter((d) => d.code === 'field-type').sort(byDecodeOrder)[0];
    const strict = decode.filter((d) => d.code === 'unknown-field').sort(byDecodeOrder).map((d) => d.message);
    const body = typeError ? String(typeError.params['decoder'] ?? typeError.message) : strict.length ? `strict decoding error: ${strict.join(', ')}` : first.message;
    return `Error from server (BadRequest): error when ${verb} "${source}": ${kind} in version "${version}" cannot be handled as a ${kind}: ${body}`;
  }
  const fields = diags.filter((d) => FIELD_ERROR.test(d.message)).map((d) => d.message);
  if (fields.length) return invalidMessage(kind, name, fields);
  return `Error from server (BadRequest): error when ${verb} "${source}": ${diags.map((d) => d.message).join(', ')}`;
}

/** A field path's steps: keys, and `[i]` as numbers (a key holding a dot reads as two: close enough for an order). */
function pathSteps(path: string): (string | number)[] {
  return path.split(/\.|(?=\[)/).filter((s) => s !== '').map((s) => (/^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s));
}

/** The order the API server's decoder meets two fields in: object keys sorted (as Go's encoder wrote them), list items in order. */
export function byDecodeOrder(a: Diagnostic, b: Diagnostic): number {
  const x = pathSteps(a.path), y = pathSteps(b.path);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string | number, q = y[i] as string | number;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return String(p) < String(q) ? -1 : 1;
  }
  return x.length - y.length;
}

/** Which (0-based) document of a file a (1-based) line belongs to. */
export function docOf(ctx: Ctx, file: string, line: number): number {
  const text = ctx.files.find((f) => f.name === file)?.text ?? '';
  const lines = text.split('\n').slice(0, Math.max(0, line - 1));
  let doc = 0;
  let content = false;
  for (const l of lines) {
    if (/^---(\s|$)/.test(l)) {
      if (content) doc++;
      content = false;
    } else if (l.trim() !== '' && !l.trim().startsWith('#')) content = true;
  }
  return doc;
}

/** kubectl's client-side checks before anything is sent (apiVersion/kind, a known resource, a name). */
function clientError(o: SourceObject, source: string): string | null {
  const v = o.value;
  const missing = [...(typeof v['apiVersion'] === 'string' && v['apiVersion'] ? [] : ['apiVersion not set']), ...(typeof v['kind'] === 'string' && v['kind'] ? [] : ['kind not set'])];
  if (missing.length) {
    const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    return `error: error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`;
  }
  const kind = String(v['kind']);
  const apiVersion = String(v['apiVersion']);
  const meta = isRecord(v['metadata']) ? v['metadata'] : {};
  const known = resourceByKind(kind, apiVersion) !== undefined || apiVersion === 'lab/v1';
  if (!known) {
    return `error: resource mapping not found for name: "${String(meta['name'] ?? '')}" namespace: "${String(meta['namespace'] ?? '')}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
  }
  if (typeof meta['name'] !== 'string' || meta['name'] === '') {
    const type = resourceByKind(kind, apiVersion);
    const gv = apiVersion.includes('/') ? apiVersion : `/${apiVersion}`;
    return `error: error when retrieving current configuration of:\nResource: "${gv}, Resource=${type?.plural ?? kind.toLowerCase()}", GroupVersionKind: "${gv}, Kind=${kind}"\nName: "", Namespace: "${String(meta['namespace'] ?? 'default')}"\nfrom server for: "${source}": resource name may not be empty`;
  }
  return null;
}

/** The merge keys of the strategic merge patch kubectl apply sends (core/v1 `patchMergeKey` tags). */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', env: 'name', volumes: 'name', imagePullSecrets: 'name',
  ports: 'containerPort', volumeMounts: 'mountPath', hostAliases: 'ip', volumeDevices: 'devicePath',
};

/**
 * The three-way merge of `kubectl apply` (strategic merge patch): the new configuration over the
 * live object, dropping what the last applied configuration had and the new one no longer has.
 */
export function applyMerge(live: unknown, config: unknown, last: unknown, key = ''): unknown {
  if (isRecord(config) && isRecord(live)) {
    const out: Record<string, unknown> = { ...live };
    for (const k of Object.keys(config)) setOwn(out, k, config[k] === null ? undefined : applyMerge(own(live, k), config[k], isRecord(last) ? own(last, k) : undefined, k));
    if (isRecord(last)) for (const k of Object.keys(last)) if (!hasKey(config, k)) delete out[k];
    for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
    return out;
  }
  const mk = MERGE_KEYS[key];
  if (mk && Array.isArray(config) && Array.isArray(live)) {
    const id = (x: unknown) => (isRecord(x) ? JSON.stringify(x[mk]) : JSON.stringify(x));
    const lastItems = Array.isArray(last) ? last : [];
    const result: unknown[] = config.map((c) => {
      const l = live.find((x) => id(x) === id(c));
      const la = lastItems.find((x) => id(x) === id(c));
      return l === undefined ? c : applyMerge(l, c, la);
    });
    for (const l of live) {
      if (config.some((c) => id(c) === id(l))) continue;
      if (lastItems.some((x) => id(x) === id(l))) continue;
      result.push(l);
    }
    return result;
  }
  return config;
}

interface Live {
  /** The document declaring the object now (another one than the source's), if any. */
  readonly doc: DocObject | null;
  /** The object as stored (the document's value, or what the tab had when last applied). */
  readonly value: Record<string, unknown>;
}

/** The live object for a source object: another document declaring it, or the tab's last applied self. */
function liveOf(ctx: Ctx, src: Source, o: SourceObject, key: string, kind: string, ns: string | undefined, name: string, selfIsLive: boolean): Live | null {
  // A document whose pod PodSecurity refused declares nothing that exists.
  const docs = findDocs(ctx, kind, ns, name).filter((d) => !(src.tab !== null && d.file === src.tab && d.doc === o.doc) && admissionOf(ctx, d.file, d.doc).forbidden === null);
  const doc = docs[0];
  if (doc) return { doc, value: doc.value };
  const applied = ctx.runtime.applied[key];
  // replace: a tab is in the cluster already, applied or not.
  if (selfIsLive && src.tab !== null && applied === undefined) return { doc: null, value: o.value };
  if (src.tab !== null && applied !== undefined) {
    // Created from this tab before: as last applied, or (created without the annotation) as it is now.
    if (applied === '') return { doc: null, value: o.value };
    try {
      return { doc: null, value: JSON.parse(applied) as Record<string, unknown> };
    } catch {
      return null;
    }
  }
  return null;
}

/** Where the scheduler put a pod (for the server view of an existing pod). */
function nodeOf(ctx: Ctx, ns: string, name: string): string | undefined {
  return ctx.analysis().pods.find((p) => p.pod.namespace === ns && p.pod.name === name)?.pod.nodeName;
}

export function applySources(ctx: Ctx, names: readonly string[], opts: ApplyOptions): number {
  const read = readSources(ctx, names, opts.recursive);
  if (!read.ok) return fail(ctx, read.error);
  const errors: string[] = [];
  const printed: Record<string, unknown>[] = [];
  let count = 0;
  const verbing = opts.verb === 'replace' ? 'replacing' : 'creating';
  for (const src of read.sources) {
    for (const o of src.objects) {
      const ce = clientError(o, src.name);
      if (ce) {
        errors.push(ce);
        continue;
      }
      const value = o.value;
      const kind = String(value['kind']);
      const apiVersion = String(value['apiVersion']);
      const meta = value['metadata'] as Record<string, unknown>;
      const name = String(meta['name']);
      const type = resourceByKind(kind, apiVersion);
      const namespaced = type ? type.namespaced : isNamespaced(kind);
      const written = typeof meta['namespace'] === 'string' ? meta['namespace'] : undefined;
      if (namespaced && written !== undefined && opts.namespace !== undefined && written !== opts.namespace) {
        errors.push(`error: the namespace from the provided object "${written}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${written}' to perform this operation.`);
        continue;
      }
      const ns = namespaced ? (written ?? opts.namespace ?? ctx.namespace()) : undefined;
      const key = objectKey(kind, ns, name);
      const label = `${qualifiedKind(kind, apiVersion)}/${name}`;
      const plural = type ? qualifiedPlural(type) : `${kind.toLowerCase()}s`;
      count++;
      // kubectl's warning handler prints each distinct warning once (Deduplicate: true).
      const seen = new Set<string>();
      let namespaceRefused: number | null = null;
      // The object as it will be stored: namespace written when it is not `default`.
      const stored: Record<string, unknown> = structuredClone(value);
      const sm = stored['metadata'] as Record<string, unknown>;
      if (ns !== undefined && ns !== 'default') sm['namespace'] = ns;
      if (src.tab !== null) {
        const err = serverError(ctx, src.tab, o.doc, value, verbing, src.name);
        if (err) {
          errors.push(err);
          continue;
        }
      }
      const live = liveOf(ctx, src, o, key, kind, ns, name, opts.verb === 'replace');
      const lastRaw = ctx.runtime.applied[key];
      const lastApplied = lastRaw ? safeParse(lastRaw) : undefined;

      if (opts.verb === 'create' && live) {
        errors.push(`Error from server (AlreadyExists): error when creating "${src.name}": ${plural} "${name}" already exists`);
        continue;
      }
      if (opts.verb === 'replace' && !live && !opts.force) {
        errors.push(`Error from server (NotFound): error when replacing "${src.name}": ${notFoundMessage(type ?? { kind, plural: `${kind.toLowerCase()}s`, singular: kind.toLowerCase(), short: [], group: '', version: 'v1', namespaced: true, verbs: [], categories: [] }, name)}`);
        continue;
      }
      let result = stored;
      let operation = 'created';
      if (live && !(opts.verb === 'replace' && opts.force)) {
        if (opts.verb === 'apply' && (lastRaw === undefined || lastRaw === '') && live.doc) {
          ctx.out.errLine(`Warning: resource ${type?.plural ?? `${kind.toLowerCase()}s`}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`);
        }
        result = opts.verb === 'apply' ? applyMerge(live.value, stored, lastApplied) as Record<string, unknown> : stored;
        if (kind === 'Pod') {
          const podKey = `${ns ?? 'default'}/${name}`;
          const oldSpec = admittedPodSpec(live.value['spec'], { podKey, nodeName: nodeOf(ctx, ns ?? 'default', name) });
          const newSpec = admitPodUpdate(oldSpec, opts.verb === 'apply'
            ? defaultPodSpec(applyMerge(oldSpec, stored['spec'], isRecord(lastApplied) ? lastApplied['spec'] : undefined, 'spec'))
            : defaultPodSpec(stored['spec']));
          const errs = podUpdateErrors(oldSpec, newSpec);
          if (errs.length) {
            errors.push(invalidMessage('Pod', name, errs));
            continue;
          }
        }
        // The patch apply computes is empty: nothing changed since the last apply, and the live object still has it all.
        const unchanged = opts.verb === 'apply' && lastRaw !== undefined && lastRaw !== '' && lastRaw === canonical(stored) && isSubset(stored, live.value);
        operation = opts.verb === 'replace' ? 'replaced' : unchanged ? 'unchanged' : 'configured';
        // An update of a Namespace's PodSecurity labels: ValidateNamespace (refused, or warnings about its pods).
        if (kind === 'Namespace' && opts.dryRun !== 'client') {
          const labels = (v: unknown) => Object.fromEntries(Object.entries(isRecord(v) && isRecord(v['metadata']) && isRecord(v['metadata']['labels']) ? v['metadata']['labels'] : {}).map(([k, x]) => [k, String(x)]));
          const before = labels(live.value);
          const after = labels(result);
          if (touchesPodSecurity(before, after)) {
            const answer = namespaceUpdate(ctx, name, { ...before, 'kubernetes.io/metadata.name': name }, { ...after, 'kubernetes.io/metadata.name': name });
            if (answer.error !== null) {
              errors.push(answer.error);
              continue;
            }
            printWarnings(ctx, answer.warnings, seen);
            namespaceRefused = refusedIn(ctx, name);
          }
        }
      } else if (opts.verb === 'replace') operation = 'replaced';

      if (opts.dryRun !== 'client') {
        // Refused by validation? A tab was checked above; anything else is checked once written.
        const before = ctx.files;
        const beforeApplied = ctx.runtime.applied;
        const wasForce = opts.verb === 'replace' && opts.force === true && live !== null;
        if (wasForce && live) {
          if (live.doc) deleteObject(ctx, live.doc);
          if (opts.dryRun === 'none') ctx.out.line(`${type?.singular ?? kind.toLowerCase()} "${name}" deleted`);
        }
        if (src.tab === null) {
          if (live?.doc && !wasForce) replaceObject(ctx, live.doc, result);
          else {
            createObject(ctx, result);
            admitAfterNamespace(ctx, ns, kind, name);
          }
          if (namespaceRefused !== null) keepNamespaceAfterPods(ctx, name, namespaceRefused);
          const target = findDocs(ctx, kind, ns, name).find((d) => d.file !== src.tab) ?? findDocs(ctx, kind, ns, name)[0];
          const err = target ? serverError(ctx, target.file, target.doc, value, verbing, src.name) : null;
          if (err) {
            ctx.setFiles(before);
            ctx.runtime.applied = beforeApplied;
            errors.push(err);
            continue;
          }
        } else {
          if (live?.doc && !wasForce) deleteObject(ctx, live.doc);
          if (ns !== undefined && ns !== 'default' && written === undefined) pinNamespace(ctx, src.tab, o.doc, ns);
        }
        // The response's warning headers (PodSecurity's warn level, a Namespace's existing pods).
        const writtenDoc = src.tab === null ? findDocs(ctx, kind, ns, name).find((d) => d.file !== src.tab) : { file: src.tab, doc: o.doc };
        // An unchanged object sends no request (apply's patcher skips an empty `{}` patch): no headers.
        if (writtenDoc && operation !== 'unchanged') printWarnings(ctx, admissionOf(ctx, writtenDoc.file, writtenDoc.doc).warnings, seen);
        if (opts.dryRun === 'server') {
          ctx.setFiles(before);
          ctx.runtime.applied = beforeApplied;
        } else {
          const record = opts.verb === 'apply' || opts.saveConfig ? canonical(stored) : (opts.verb === 'replace' && lastRaw ? lastRaw : '');
          ctx.runtime.applied = { ...ctx.runtime.applied, [key]: record };
        }
      }
      if (opts.output) printed.push(printable(result, ns));
      else ctx.out.line(`${label} ${operation}${dryRunSuffix(opts.dryRun)}`);
    }
  }
  let code = 0;
  if (opts.output && printed.length) code = printObjects(ctx, printed, opts.output, 'created');
  for (const e of errors) fail(ctx, e);
  if (errors.length) return 1;
  if (count === 0) return fail(ctx, `error: no objects passed to ${opts.verb}`);
  return code;
}

/** Whether every (non-null) field of `config` has the same value in `live`. */
function isSubset(config: unknown, live: unknown): boolean {
  if (isRecord(config)) return isRecord(live) && Object.keys(config).every((k) => config[k] === null || isSubset(config[k], own(live, k)));
  if (Array.isArray(config)) return Array.isArray(live) && live.length === config.length && config.every((x, i) => isSubset(x, live[i]));
  return config === live;
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

function printable(v: Record<string, unknown>, ns: string | undefined): Record<string, unknown> {
  const out = structuredClone(v);
  const m = out['metadata'] as Record<string, unknown>;
  if (ns !== undefined) m['namespace'] = ns;
  return out;
}

/** A tab applied in another namespace than its document says: the document now names it. */
function pinNamespace(ctx: Ctx, file: string, doc: number, ns: string): void {
  ctx.setFiles(updateDocument(ctx.files, file, doc, (d) => {
    d.setIn(['metadata', 'namespace'], ns);
  }));
}

/** For callers that print what apply would store (diff): the merged object. */
export function mergedFor(ctx: Ctx, value: Record<string, unknown>, live: Record<string, unknown> | null, key: string): Record<string, unknown> {
  if (!live) return value;
  const lastRaw = ctx.runtime.applied[key];
  return applyMerge(live, value, lastRaw ? safeParse(lastRaw) : undefined) as Record<string, unknown>;
}

export { keyOf };
