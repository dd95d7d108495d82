export type * from './model/index.js';
export { sub, formatPath } from './model/index.js';

/** The engine's one entry (analyze.ts); analyzeWith reuses an AnalysisMemo (the lab's incremental analysis, incremental/). */
export { analyze, analyzeWith, isManifestFile, newAnalysisMemo, type AnalysisMemo } from './analyze.js';
export { IncrementalAnalyzer } from './incremental/index.js';

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
