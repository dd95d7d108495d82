import { applyAdmission } from './admission/index.js';
import { analyzeImage } from './image/index.js';
import type {
  Analysis, Cluster, Container, ContainerReport, Diagnostic, PendingDiagnostic, Pod, PodReport, PolicyReport, SourceFile,
} from './model/index.js';
import { formatPath } from './model/index.js';
import { compileNetwork } from './netpol/index.js';
import { normalize, type NormalizeMemo } from './normalize/index.js';
import { parseSources, type ParseCache, type ParsedSources } from './parse/index.js';
import { gateOnInit, podReady, podStatus } from './pod-status.js';
import { analyzeSecurity, podSecurityStandards } from './security/index.js';
import { NODES } from './cluster/nodes.js';
import { buildServices } from './service/index.js';
import { buildRbac, podServiceAccount } from './rbac/index.js';

/**
 * What an analysis may reuse from the previous ones (incremental/IncrementalAnalyzer holds one):
 * each layer is keyed by everything it reads, so a reused piece is what computing it again gives.
 */
export interface AnalysisMemo {
  /** Per file: its text and what it parsed to (parse/). */
  readonly files: ParseCache;
  /** Per document value: what reading it gave (normalize/). */
  readonly docs: NormalizeMemo;
  /** Per pod (its data, and what of the cluster its reports read): the pod's reports and diagnostics. */
  pods: Map<string, PodWork>;
  /** The cluster data pod reports read besides the pod (registries, Secrets, ServiceAccounts), as the key `pods` holds for. */
  podContext: string;
  /** Everything after parsing, with the documents it was built from: reused whole while they are the same objects. */
  downstream: Downstream | null;
  /** The last analysis' pods by their JSON: a pod an edit did not change is that same object again (keptPods). */
  podObjects: Map<string, Pod>;
}

export function newAnalysisMemo(): AnalysisMemo {
  return { files: new Map(), docs: new WeakMap(), pods: new Map(), podContext: '', downstream: null, podObjects: new Map() };
}

interface PodWork {
  readonly containers: readonly ContainerReport[];
  readonly initContainers: readonly ContainerReport[];
  readonly pss: PodReport['pss'];
  readonly serviceAccount: PodReport['serviceAccount'];
  readonly diagnostics: readonly PendingDiagnostic[];
}

interface Downstream {
  /** The normalize input: per document file, index, ok, empty and value (by identity); then the manifest names. */
  readonly inputs: readonly unknown[];
  readonly cluster: Cluster;
  readonly admission: Analysis['admission'];
  readonly pods: PodReport[];
  readonly policies: PolicyReport[];
  readonly network: Analysis['network'];
  readonly rbac: Analysis['rbac'];
  readonly services: Analysis['services'];
  /** The diagnostics found after parsing, in the order they were found. */
  readonly pending: readonly PendingDiagnostic[];
}

/**
 * The engine's one entry: YAML texts in, everything a real cluster would decide out.
 * Deterministic, no I/O; never throws on student input.
 */
export function analyze(sources: readonly SourceFile[]): Analysis {
  return analyzeWith(sources, null);
}

/** analyze(), reusing what `memo` holds from earlier calls and keeping what this one computes. */
export function analyzeWith(sources: readonly SourceFile[], memo: AnalysisMemo | null): Analysis {
  const manifests = sources.filter((f) => isManifestFile(f.name));
  const parsed = parseSources(manifests, memo?.files);
  const inputs: unknown[] = [];
  if (memo) {
    for (const d of parsed.docs) inputs.push(d.file, d.index, d.ok, d.empty, d.value);
    for (const f of manifests) inputs.push(f.name);
  }
  const held = memo?.downstream;
  const down = held && sameList(held.inputs, inputs) ? held : downstream(parsed, manifests, memo);
  if (memo) memo.downstream = { ...down, inputs };
  // The result keeps `locate` only, not the parsed documents' values (70,000 pods' worth).
  const { locate } = parsed;
  return {
    sources,
    diagnostics: resolveDiagnostics(parsed, [...parsed.diagnostics, ...down.pending], manifests),
    cluster: down.cluster,
    pods: down.pods,
    policies: down.policies,
    network: down.network,
    services: down.services,
    nodes: NODES,
    rbac: down.rbac,
    admission: down.admission,
    locate: (ref) => locate(ref),
  };
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function downstream(parsed: ParsedSources, manifests: readonly SourceFile[], memo: AnalysisMemo | null): Omit<Downstream, 'inputs'> {
  const pending: PendingDiagnostic[] = [];
  const { cluster: read, diagnostics: normDiags } = normalize(parsed, memo?.docs);
  const normalized = memo ? keptPods(read, memo) : read;
  // Without a memo nothing reads the documents' values again: let them go before the reports are
  // built (70,000 pods' raw values are a few hundred MB; only positions are asked from here on).
  if (!memo) (parsed.docs as unknown[]).length = 0;
  pending.push(...normDiags);
  // Pod Security Admission in apply order: refused pods (and namespaces) are not in `cluster`.
  const { cluster, report: admission, diagnostics: admissionDiags } = applyAdmission(normalized, manifests.map((f) => f.name));
  pending.push(...admissionDiags);

  const pods = podReports(cluster, pending, memo);

  const { rbac, diagnostics: rbacDiags } = buildRbac(cluster);
  pending.push(...rbacDiags);

  const { network, diagnostics: netDiags } = compileNetwork(cluster);
  pending.push(...netDiags);
  const policies: PolicyReport[] = cluster.policies.map((policy) => {
    const key = `${policy.namespace}/${policy.name}`;
    return { key, policy, selects: network.selectedBy(key) };
  });
  return { cluster, admission, pods, policies, network, rbac, services: buildServices(cluster, pods), pending };
}

/** Each pod's JSON text, made once per pod object (a kept pod is not serialised again). */
const podJsonOf = new WeakMap<Pod, string>();
function podJson(pod: Pod): string {
  let json = podJsonOf.get(pod);
  if (json === undefined) {
    json = JSON.stringify(pod);
    podJsonOf.set(pod, json);
  }
  return json;
}

/**
 * The cluster with each pod that has the same JSON as one of the last analysis' pods replaced by
 * that object. normalize/ assembles every pod anew (IPs are given in order), so without this an
 * edit of one label made 50 new pods at 50 pods, and every later step that keeps work by object
 * (the worker's packing, the page's records) did it again for all of them (issue 11: packing
 * serialised every pod and pod report at each keystroke). A pod is plain frozen data read through
 * its JSON: the pod reports' memo already keys by it.
 */
function keptPods(cluster: Cluster, memo: AnalysisMemo): Cluster {
  const before = memo.podObjects;
  const next = new Map<string, Pod>();
  let changed = false;
  const pods = cluster.pods.map((pod) => {
    const json = podJson(pod);
    const held = before.get(json);
    const kept = held ?? pod;
    next.set(json, kept);
    if (kept !== pod) changed = true;
    return kept;
  });
  memo.podObjects = next;
  return changed ? Object.freeze({ ...cluster, pods: Object.freeze(pods) }) : cluster;
}

/**
 * Each pod's containers (image pull, security, state), Pod Security Standards and ServiceAccount.
 * With a memo, a pod whose data and context are unchanged gets its previous reports back: they
 * read the pod, the cluster's registries, Secrets and ServiceAccounts, and whether the pod is the
 * first of its workload's (image/diagnostics.ts reportsPodWarnings), which make the key.
 */
function podReports(cluster: Cluster, pending: PendingDiagnostic[], memo: AnalysisMemo | null): PodReport[] {
  // The implicit system pods were pulled when the cluster was built (from public registries,
  // whatever lab/v1 Registry the scenario declares) and are never the subject of a diagnostic.
  const systemCluster: Cluster = { ...cluster, registries: [] };
  let reuse: Map<string, PodWork> | null = null;
  const kept = new Map<string, PodWork>();
  if (memo) {
    const context = JSON.stringify([cluster.registries, cluster.secrets, cluster.serviceAccounts]);
    reuse = context === memo.podContext ? memo.pods : null;
    memo.podContext = context;
    memo.pods = kept;
  }
  const firstOfOwner = new Set<Pod>();
  if (memo) {
    const seen = new Set<string>();
    for (const p of cluster.pods) {
      if (!p.owner) continue;
      const k = `${p.namespace}\u0000${p.owner.kind}\u0000${p.owner.name}`;
      if (!seen.has(k)) { seen.add(k); firstOfOwner.add(p); }
    }
  }
  return cluster.pods.map((pod) => {
    const key = memo ? `${firstOfOwner.has(pod) ? 1 : 0}${podJson(pod)}` : '';
    let work = reuse?.get(key) ?? kept.get(key);
    if (!work) {
      const diagnostics: PendingDiagnostic[] = [];
      const report = (c: Container): ContainerReport => containerReport(pod.system ? systemCluster : cluster, pod, c, diagnostics);
      const { init: initContainers, containers } = gateOnInit(pod.initContainers.map(report), pod.containers.map(report));
      work = {
        containers, initContainers, pss: podSecurityStandards(pod), serviceAccount: podServiceAccount(pod, cluster.serviceAccounts),
        diagnostics: pod.system ? [] : diagnostics,
      };
    }
    if (memo) kept.set(key, work);
    for (const d of work.diagnostics) pending.push(d);
    const containers = work.containers.map((r, i) => (r.container === pod.containers[i] ? r : { ...r, container: pod.containers[i] as Container }));
    const initContainers = work.initContainers.map((r, i) => (r.container === pod.initContainers[i] ? r : { ...r, container: pod.initContainers[i] as Container }));
    return {
      key: `${pod.namespace}/${pod.name}`,
      pod,
      containers,
      initContainers,
      status: podStatus(containers, initContainers),
      ready: podReady(containers),
      pss: work.pss,
      serviceAccount: work.serviceAccount,
    };
  });
}

/**
 * Which tabs hold Kubernetes manifests: everything except files that are plainly something else
 * (a `Dockerfile` tab for `docker build`, notes). A scenario may name YAML files freely.
 */
export function isManifestFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  if (/^(docker|container)file\b/i.test(base) || /\.dockerfile$/i.test(base)) return false;
  return !/\.(md|markdown|txt|sh|bash|py|js|ts|go|toml|ini|env|conf)$/i.test(base);
}

function containerReport(cluster: Cluster, pod: Pod, container: Container, pending: PendingDiagnostic[]): ContainerReport {
  const image = analyzeImage(cluster, pod, container);
  pending.push(...image.diagnostics);
  const security = analyzeSecurity(pod, container, image.report.meta);
  pending.push(...security.diagnostics);
  const pull = image.report.pull;
  if (pull.state !== 'Pulled') {
    return { container, image: image.report, security: security.report, state: pull.state, message: pull.message };
  }
  const nonRoot = security.report.nonRoot;
  if (!nonRoot.ok) {
    const message = `${nonRoot.message ?? 'container has runAsNonRoot'} (pod: "${pod.name}_${pod.namespace}(${podUid(pod)})", container: ${container.name})`;
    return { container, image: image.report, security: security.report, state: 'CreateContainerConfigError', message };
  }
  // generateContainerConfig → determineEffectiveSecurityContext → getSeccompProfile (after runAsNonRoot).
  const seccompError = security.report.seccomp.error;
  if (seccompError !== null) return { container, image: image.report, security: security.report, state: 'CreateContainerConfigError', message: seccompError };
  return { container, image: image.report, security: security.report, state: 'Running', message: null };
}

/** A stable pseudo-UID so messages look like the kubelet's without depending on time. */
function podUid(pod: Pod): string {
  let h = 2166136261;
  for (const ch of `${pod.namespace}/${pod.name}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const a = hex(h), b = hex(Math.imul(h, 2654435761) >>> 0), c = hex(Math.imul(h ^ 0x5bd1e995, 40503) >>> 0);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${a.slice(0, 4)}${b.slice(0, 4)}`.slice(0, 36);
}

/**
 * How many documents positions may parse again (with the `yaml` package, about a millisecond for a
 * small one: documents read without it keep no tree, parse/pieces.ts). Past it a diagnostic is
 * placed on its whole document instead of its field, and one info says so: 20,000 NetworkPolicies
 * each warned about took 28 s to place (issue 12); now the first 1,000 documents' (files in order,
 * documents in file order) are exact.
 */
export const EXACT_REPARSES = 1_000;

/** Per file, the documents past the first EXACT_REPARSES (files in order, documents in order) that locating would parse again. */
function roughDocuments(parsed: ParsedSources, pending: readonly PendingDiagnostic[], files: readonly SourceFile[]): Map<string, Set<number>> {
  const asked = new Map<string, Set<number>>();
  for (const d of pending) {
    if (d.ref && !d.offsets && parsed.reparses(d.ref)) addDoc(asked, d.ref.file, d.ref.doc);
  }
  const rough = new Map<string, Set<number>>();
  let exact = 0;
  for (const f of files) {
    const docs = asked.get(f.name);
    if (!docs) continue;
    for (const doc of [...docs].sort((a, b) => a - b)) {
      if (exact < EXACT_REPARSES) exact++;
      else addDoc(rough, f.name, doc);
    }
  }
  return rough;
}

function addDoc(docs: Map<string, Set<number>>, file: string, doc: number): void {
  const held = docs.get(file);
  if (held) held.add(doc);
  else docs.set(file, new Set([doc]));
}

function resolveDiagnostics(parsed: ParsedSources, pending: readonly PendingDiagnostic[], files: readonly SourceFile[]): Diagnostic[] {
  const rough = roughDocuments(parsed, pending, files);
  let placed = 0;
  let firstRough: Diagnostic | null = null;
  const out = pending.map((d): Diagnostic => {
    const place = d.ref !== undefined && !d.offsets && rough.get(d.ref.file)?.has(d.ref.doc) === true;
    const range = d.ref
      ? d.offsets ? parsed.locateOffsets(d.ref.file, d.offsets[0], d.offsets[1]) : parsed.locate(d.ref, d.atKey, place)
      : null;
    const out: Diagnostic = {
      severity: d.severity,
      code: d.code,
      message: d.message,
      file: d.ref?.file ?? '',
      line: range?.line ?? 1,
      column: range?.column ?? 1,
      endLine: range?.endLine ?? 1,
      endColumn: range?.endColumn ?? 1,
      path: d.ref ? formatPath(d.ref.path) : '',
      params: d.params ?? {},
      ...(d.object !== undefined ? { object: d.object } : {}),
    };
    if (place) {
      placed++;
      firstRough ??= out;
    }
    return out;
  });
  if (firstRough) {
    const { object: _object, ...at }: Diagnostic = firstRough;
    out.push({
      ...at, severity: 'info', code: 'positions-bounded', path: '', params: { diagnostics: placed, limit: EXACT_REPARSES },
      message: `${placed} diagnostics are placed on their whole document, not on the field they name: finding each field would parse ` +
        `each document again, and past ${EXACT_REPARSES} documents the lab does not. Their messages are exact.`,
    });
  }
  // A workload's replicas share one template: the same problem at the same place is said once.
  const seen = new Set<string>();
  const unique = out.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = { error: 0, warning: 1, info: 2 } as const;
  // Stable, order-independent: by file, position, then severity and message.
  return unique.sort((a, b) =>
    a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column ||
    rank[a.severity] - rank[b.severity] || a.message.localeCompare(b.message));
}

