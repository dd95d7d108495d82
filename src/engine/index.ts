import { applyAdmission } from './admission/index.js';
import { analyzeImage } from './image/index.js';
import type {
  Analysis, ContainerReport, Diagnostic, PendingDiagnostic, PodReport, PolicyReport, SourceFile,
} from './model/index.js';
import { formatPath } from './model/index.js';
import { compileNetwork } from './netpol/index.js';
import { normalize } from './normalize/index.js';
import { parseSources, type ParsedSources } from './parse/index.js';
import { gateOnInit, podReady, podStatus } from './pod-status.js';
import { analyzeSecurity, podSecurityStandards } from './security/index.js';
import { NODES } from './cluster/nodes.js';
import { buildServices } from './service/index.js';
import { buildRbac, podServiceAccount } from './rbac/index.js';
import type { Container, Pod, Cluster } from './model/index.js';

export type * from './model/index.js';
export { sub, formatPath } from './model/index.js';

/**
 * The engine's one entry: YAML texts in, everything a real cluster would decide out.
 * Deterministic, no I/O; never throws on student input.
 */
export function analyze(sources: readonly SourceFile[]): Analysis {
  const manifests = sources.filter((f) => isManifestFile(f.name));
  const parsed = parseSources(manifests);
  const pending: PendingDiagnostic[] = [...parsed.diagnostics];
  const { cluster: normalized, diagnostics: normDiags } = normalize(parsed);
  pending.push(...normDiags);
  // Pod Security Admission in apply order: refused pods (and namespaces) are not in `cluster`.
  const { cluster, report: admission, diagnostics: admissionDiags } = applyAdmission(normalized, manifests.map((f) => f.name));
  pending.push(...admissionDiags);

  // The implicit system pods were pulled when the cluster was built (from public registries,
  // whatever lab/v1 Registry the scenario declares) and are never the subject of a diagnostic.
  const systemCluster: Cluster = { ...cluster, registries: [] };
  const discarded: PendingDiagnostic[] = [];
  const pods: PodReport[] = cluster.pods.map((pod) => {
    const report = (c: Container): ContainerReport => pod.system
      ? containerReport(systemCluster, pod, c, discarded)
      : containerReport(cluster, pod, c, pending);
    const { init: initContainers, containers } = gateOnInit(pod.initContainers.map(report), pod.containers.map(report));
    return {
      key: `${pod.namespace}/${pod.name}`,
      pod,
      containers,
      initContainers,
      status: podStatus(containers, initContainers),
      ready: podReady(containers),
      pss: podSecurityStandards(pod),
      serviceAccount: podServiceAccount(pod, cluster.serviceAccounts),
    };
  });

  const { rbac, diagnostics: rbacDiags } = buildRbac(cluster);
  pending.push(...rbacDiags);

  const { network, diagnostics: netDiags } = compileNetwork(cluster);
  pending.push(...netDiags);
  const policies: PolicyReport[] = cluster.policies.map((policy) => {
    const key = `${policy.namespace}/${policy.name}`;
    return { key, policy, selects: network.selectedBy(key) };
  });

  return {
    sources,
    diagnostics: resolveDiagnostics(parsed, pending),
    cluster,
    pods,
    policies,
    network,
    services: buildServices(cluster, pods),
    nodes: NODES,
    rbac,
    admission,
    locate: (ref) => parsed.locate(ref),
  };
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

function resolveDiagnostics(parsed: ParsedSources, pending: readonly PendingDiagnostic[]): Diagnostic[] {
  const out = pending.map((d): Diagnostic => {
    const range = d.ref
      ? d.offsets ? parsed.locateOffsets(d.ref.file, d.offsets[0], d.offsets[1]) : parsed.locate(d.ref, d.atKey)
      : null;
    return {
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
  });
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

// Facts the terminal needs outside a pod analysis (docker run, /proc/1/status), from the same tables.
export { ALL_CAPABILITIES, DEFAULT_CAPABILITIES, capabilityMask } from './security/capabilities/table.js';
export { lookupImage } from './image/lookup.js';
export { dockerPull, type DockerPull } from './image/docker-pull.js';
/** Cluster DNS as a pod's resolver sees it (search list, ndots:5, CoreDNS's answers). */
export { resolveName, searchList, CLUSTER_DNS_IP, CLUSTER_DOMAIN } from './service/dns.js';
/** What `wget`/`nc`/`curl`/`ping` in a pod see: DNS flow + DNAT + the NetworkPolicy verdict + what listens. */
export { probe } from './service/probe.js';
export { probeIcmp } from './service/icmp.js';
export { formatProbe, formatIcmp, formatServiceTrap } from './format/probe.js';
export { podListeners, nodeListeners, type Listener } from './service/listen.js';
/** The lab's three kubeadm nodes (also Analysis.nodes). */
export { NODES, nodeByName, nodeByIP } from './cluster/nodes.js';
/** How kubectl reads YAML (YAML 1.1 scalars, merge keys): for anything else that parses manifests. */
export { PARSE_OPTIONS as KUBE_YAML_OPTIONS } from './parse/cache.js';
/** Pod Security Admission for one request (kubectl run/create/apply, label ns): the same plugin the analysis ran. */
export {
  admitPod, admitPodController, validateNamespace, evaluatePodsInNamespace, forbiddenMessage, failedCreateEvent,
  policyToEvaluate, levelVersionString, LAB_USER, EMPTY_ADMISSION,
  type AdmissionNamespace, type AdmitOptions, type PodAdmission, type ModeVerdict, type NamespaceRequest, type NamespaceVerdict, type FieldError,
} from './admission/index.js';
/** Pod Security Standards checks at a level and policy version (the inspector, explanations). */
export { evaluatePodSecurity } from './security/pss/index.js';
/**
 * RBAC and ServiceAccounts (engine-spec section 9): authorize() with its explanation and the API
 * server's Forbidden text, the `kubectl auth can-i --list` rules, `--as`/`--as-group` users, the
 * resource catalogue `can-i` resolves TYPE against, and the lab's own user and groups.
 */
export {
  authorize, listRules, impersonate, LAB_USER as LAB_USER_INFO, serviceAccountUser, splitServiceAccountUsername,
  resolveCanIResource, canIWarnings, API_RESOURCES, KNOWN_RESOURCE_VERBS, KNOWN_NON_RESOURCE_VERBS, SERVICE_ACCOUNT_TOKEN_PATH,
  type ApiResource, type CanIResource, type RulesList, type RulesListRow,
} from './rbac/index.js';
export { formatRbacDecision } from './format/rbac.js';
export { formatRulesList } from './format/rbac-list.js';
/** Bounds (issue 12, README "Bounds"): connectivity() entries listed at most; YAML nesting read at most. */
export { MAX_CONNECTIVITY_FLOWS } from './netpol/index.js';
export { MAX_NESTING } from './parse/depth.js';
/** The network plugins and whether each enforces NetworkPolicy (one table for engine, UI and lessons). */
export { CNI_INFO, CNI_NAMES, isCni } from './cluster/cni.js';
