/** The resource types the lab's kubectl knows, with kubectl's names and short names. */
export interface ResourceType {
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly short: readonly string[];
  /** API group ('' for core): `deployment.apps/web` in `get all` and `apply` output. */
  readonly group: string;
  /** The server-preferred version (`v1`, `v2` for autoscaling). */
  readonly version: string;
  readonly namespaced: boolean;
  /** The verbs `kubectl api-resources -o wide` lists. */
  readonly verbs: readonly string[];
  readonly categories: readonly string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE_ONLY = ['create'];
const GET_LIST = ['get', 'list'];

type Row = [plural: string, short: string, apiVersion: string, namespaced: boolean, kind: string, verbs?: readonly string[], categories?: readonly string[]];

/**
 * `kubectl api-resources` of a kubeadm v1.30 cluster without CRDs (kubectl-cluster-ops.md, "kubectl
 * api-resources"): the server-preferred version of each group, sorted by group then name, as
 * kubectl's sortableResource orders them. Verbs and categories from the v1.30 discovery document.
 */
const TABLE: readonly Row[] = [
  ['bindings', '', 'v1', true, 'Binding', CREATE_ONLY],
  ['componentstatuses', 'cs', 'v1', false, 'ComponentStatus', GET_LIST],
  ['configmaps', 'cm', 'v1', true, 'ConfigMap'],
  ['endpoints', 'ep', 'v1', true, 'Endpoints'],
  ['events', 'ev', 'v1', true, 'Event'],
  ['limitranges', 'limits', 'v1', true, 'LimitRange'],
  ['namespaces', 'ns', 'v1', false, 'Namespace', ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']],
  ['nodes', 'no', 'v1', false, 'Node'],
  ['persistentvolumeclaims', 'pvc', 'v1', true, 'PersistentVolumeClaim'],
  ['persistentvolumes', 'pv', 'v1', false, 'PersistentVolume'],
  ['pods', 'po', 'v1', true, 'Pod', ALL_VERBS, ['all']],
  ['podtemplates', '', 'v1', true, 'PodTemplate'],
  ['replicationcontrollers', 'rc', 'v1', true, 'ReplicationController', ALL_VERBS, ['all']],
  ['resourcequotas', 'quota', 'v1', true, 'ResourceQuota'],
  ['secrets', '', 'v1', true, 'Secret'],
  ['serviceaccounts', 'sa', 'v1', true, 'ServiceAccount'],
  ['services', 'svc', 'v1', true, 'Service', ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], ['all']],
  ['mutatingwebhookconfigurations', '', 'admissionregistration.k8s.io/v1', false, 'MutatingWebhookConfiguration', ALL_VERBS, ['api-extensions']],
  ['validatingadmissionpolicies', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicy', ALL_VERBS, ['api-extensions']],
  ['validatingadmissionpolicybindings', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicyBinding', ALL_VERBS, ['api-extensions']],
  ['validatingwebhookconfigurations', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingWebhookConfiguration', ALL_VERBS, ['api-extensions']],
  ['customresourcedefinitions', 'crd,crds', 'apiextensions.k8s.io/v1', false, 'CustomResourceDefinition', ALL_VERBS, ['api-extensions']],
  ['apiservices', '', 'apiregistration.k8s.io/v1', false, 'APIService', ALL_VERBS, ['api-extensions']],
  ['controllerrevisions', '', 'apps/v1', true, 'ControllerRevision'],
  ['daemonsets', 'ds', 'apps/v1', true, 'DaemonSet', ALL_VERBS, ['all']],
  ['deployments', 'deploy', 'apps/v1', true, 'Deployment', ALL_VERBS, ['all']],
  ['replicasets', 'rs', 'apps/v1', true, 'ReplicaSet', ALL_VERBS, ['all']],
  ['statefulsets', 'sts', 'apps/v1', true, 'StatefulSet', ALL_VERBS, ['all']],
  ['selfsubjectreviews', '', 'authentication.k8s.io/v1', false, 'SelfSubjectReview', CREATE_ONLY],
  ['tokenreviews', '', 'authentication.k8s.io/v1', false, 'TokenReview', CREATE_ONLY],
  ['localsubjectaccessreviews', '', 'authorization.k8s.io/v1', true, 'LocalSubjectAccessReview', CREATE_ONLY],
  ['selfsubjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectAccessReview', CREATE_ONLY],
  ['selfsubjectrulesreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectRulesReview', CREATE_ONLY],
  ['subjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SubjectAccessReview', CREATE_ONLY],
  ['horizontalpodautoscalers', 'hpa', 'autoscaling/v2', true, 'HorizontalPodAutoscaler', ALL_VERBS, ['all']],
  ['cronjobs', 'cj', 'batch/v1', true, 'CronJob', ALL_VERBS, ['all']],
  ['jobs', '', 'batch/v1', true, 'Job', ALL_VERBS, ['all']],
  ['certificatesigningrequests', 'csr', 'certificates.k8s.io/v1', false, 'CertificateSigningRequest'],
  ['leases', '', 'coordination.k8s.io/v1', true, 'Lease'],
  ['endpointslices', '', 'discovery.k8s.io/v1', true, 'EndpointSlice'],
  ['events', 'ev', 'events.k8s.io/v1', true, 'Event'],
  ['flowschemas', '', 'flowcontrol.apiserver.k8s.io/v1', false, 'FlowSchema'],
  ['prioritylevelconfigurations', '', 'flowcontrol.apiserver.k8s.io/v1', false, 'PriorityLevelConfiguration'],
  ['ingressclasses', '', 'networking.k8s.io/v1', false, 'IngressClass'],
  ['ingresses', 'ing', 'networking.k8s.io/v1', true, 'Ingress'],
  ['networkpolicies', 'netpol', 'networking.k8s.io/v1', true, 'NetworkPolicy'],
  ['runtimeclasses', '', 'node.k8s.io/v1', false, 'RuntimeClass'],
  ['poddisruptionbudgets', 'pdb', 'policy/v1', true, 'PodDisruptionBudget'],
  ['clusterrolebindings', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRoleBinding'],
  ['clusterroles', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRole'],
  ['rolebindings', '', 'rbac.authorization.k8s.io/v1', true, 'RoleBinding'],
  ['roles', '', 'rbac.authorization.k8s.io/v1', true, 'Role'],
  ['priorityclasses', 'pc', 'scheduling.k8s.io/v1', false, 'PriorityClass'],
  ['csidrivers', '', 'storage.k8s.io/v1', false, 'CSIDriver'],
  ['csinodes', '', 'storage.k8s.io/v1', false, 'CSINode'],
  ['csistoragecapacities', '', 'storage.k8s.io/v1', true, 'CSIStorageCapacity'],
  ['storageclasses', 'sc', 'storage.k8s.io/v1', false, 'StorageClass'],
  ['volumeattachments', '', 'storage.k8s.io/v1', false, 'VolumeAttachment'],
];

/** Singular names as discovery reports them (the kind, lower-cased), and kubectl's `kind.group` prefix. */
function toType([plural, short, apiVersion, namespaced, kind, verbs, categories]: Row): ResourceType {
  const slash = apiVersion.lastIndexOf('/');
  return {
    kind, plural, singular: kind.toLowerCase(), short: short ? short.split(',') : [],
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    namespaced, verbs: verbs ?? ALL_VERBS, categories: categories ?? [],
  };
}

/** Every resource of the API, in `kubectl api-resources` order. */
export const API_RESOURCES: readonly ResourceType[] = TABLE.map(toType);

/**
 * The resources `kubectl get TYPE` resolves (the legacy events.k8s.io Event is only reachable
 * fully qualified: plain `events` is the core one, as the RESTMapper prefers the core group).
 */
export const RESOURCES: readonly ResourceType[] = API_RESOURCES.filter((r) => !(r.kind === 'Event' && r.group !== ''));

/** `po`, `pods`, `Pod`, `networkpolicies.networking.k8s.io`, `deployments.v1.apps` → the type; undefined when unknown. */
export function resolveResource(word: string): ResourceType | undefined {
  const w = word.toLowerCase();
  for (const r of RESOURCES) {
    const names = [r.plural, r.singular, ...r.short];
    if (names.includes(w)) return r;
  }
  for (const r of API_RESOURCES) {
    const names = [r.plural, r.singular, ...r.short];
    if (r.group && names.some((n) => w === `${n}.${r.group}` || w === `${n}.${r.version}.${r.group}`)) return r;
    if (!r.group && names.some((n) => w === `${n}.${r.version}`)) return r;
  }
  return undefined;
}

export function resourceByKind(kind: string, apiVersion?: string): ResourceType | undefined {
  if (apiVersion !== undefined) {
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
    const exact = API_RESOURCES.find((r) => r.kind === kind && r.group === group);
    if (exact) return exact;
  }
  return RESOURCES.find((r) => r.kind === kind);
}

/** `pod`, `deployment.apps`, `networkpolicy.networking.k8s.io`: kubectl's prefix in `kind/name`. */
export function qualifiedName(r: ResourceType): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** `pods`, `deployments.apps`: the resource as the API server names it in errors. */
export function qualifiedPlural(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** `apps/v1`. */
export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** For a kind kubectl would print but the lab does not list (e.g. a lab/v1 object applied from a file). */
export function qualifiedKind(kind: string, apiVersion: string): string {
  const r = resourceByKind(kind, apiVersion);
  if (r) return qualifiedName(r);
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** kubectl's `error: the server doesn't have a resource type "x"`. */
export function unknownResource(word: string): string {
  return `error: the server doesn't have a resource type "${word}"`;
}
