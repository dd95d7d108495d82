/**
 * The API resources of a kubeadm v1.30 cluster without CRDs (the discovery document: name, short
 * names, group, preferred version, namespaced, verbs, subresources), and how `kubectl auth can-i`
 * resolves its TYPE argument against them (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go
 * resourceFor, over the discovery RESTMapper and its shortcut expander). The one table of the lab:
 * the lab kubectl's `api-resources` (src/shell/kubectl/resources.ts) is built from it, adding the
 * categories.
 */

export interface ApiResource {
  readonly kind: string;
  /** The plural resource name RBAC rules use (`pods`). */
  readonly plural: string;
  readonly singular: string;
  readonly short: readonly string[];
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  /** `log`, `exec`, …: requested as `pods/log` (kubectl: `--subresource=log`). */
  readonly subresources: readonly string[];
}

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE = ['create'];

type Row = [plural: string, short: string, apiVersion: string, namespaced: boolean, kind: string, subresources?: string, verbs?: readonly string[]];

const TABLE: readonly Row[] = [
  ['bindings', '', 'v1', true, 'Binding', '', CREATE],
  ['componentstatuses', 'cs', 'v1', false, 'ComponentStatus', '', ['get', 'list']],
  ['configmaps', 'cm', 'v1', true, 'ConfigMap'],
  ['endpoints', 'ep', 'v1', true, 'Endpoints'],
  ['events', 'ev', 'v1', true, 'Event'],
  ['limitranges', 'limits', 'v1', true, 'LimitRange'],
  ['namespaces', 'ns', 'v1', false, 'Namespace', 'finalize,status', ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']],
  ['nodes', 'no', 'v1', false, 'Node', 'proxy,status'],
  ['persistentvolumeclaims', 'pvc', 'v1', true, 'PersistentVolumeClaim', 'status'],
  ['persistentvolumes', 'pv', 'v1', false, 'PersistentVolume', 'status'],
  ['pods', 'po', 'v1', true, 'Pod', 'attach,binding,ephemeralcontainers,eviction,exec,log,portforward,proxy,status'],
  ['podtemplates', '', 'v1', true, 'PodTemplate'],
  ['replicationcontrollers', 'rc', 'v1', true, 'ReplicationController', 'scale,status'],
  ['resourcequotas', 'quota', 'v1', true, 'ResourceQuota', 'status'],
  ['secrets', '', 'v1', true, 'Secret'],
  ['serviceaccounts', 'sa', 'v1', true, 'ServiceAccount', 'token'],
  ['services', 'svc', 'v1', true, 'Service', 'proxy,status'],
  ['mutatingwebhookconfigurations', '', 'admissionregistration.k8s.io/v1', false, 'MutatingWebhookConfiguration'],
  ['validatingadmissionpolicies', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicy', 'status'],
  ['validatingadmissionpolicybindings', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicyBinding'],
  ['validatingwebhookconfigurations', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingWebhookConfiguration'],
  ['customresourcedefinitions', 'crd,crds', 'apiextensions.k8s.io/v1', false, 'CustomResourceDefinition', 'status'],
  ['apiservices', '', 'apiregistration.k8s.io/v1', false, 'APIService', 'status'],
  ['controllerrevisions', '', 'apps/v1', true, 'ControllerRevision'],
  ['daemonsets', 'ds', 'apps/v1', true, 'DaemonSet', 'status'],
  ['deployments', 'deploy', 'apps/v1', true, 'Deployment', 'scale,status'],
  ['replicasets', 'rs', 'apps/v1', true, 'ReplicaSet', 'scale,status'],
  ['statefulsets', 'sts', 'apps/v1', true, 'StatefulSet', 'scale,status'],
  ['selfsubjectreviews', '', 'authentication.k8s.io/v1', false, 'SelfSubjectReview', '', CREATE],
  ['tokenreviews', '', 'authentication.k8s.io/v1', false, 'TokenReview', '', CREATE],
  ['localsubjectaccessreviews', '', 'authorization.k8s.io/v1', true, 'LocalSubjectAccessReview', '', CREATE],
  ['selfsubjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectAccessReview', '', CREATE],
  ['selfsubjectrulesreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectRulesReview', '', CREATE],
  ['subjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SubjectAccessReview', '', CREATE],
  ['horizontalpodautoscalers', 'hpa', 'autoscaling/v2', true, 'HorizontalPodAutoscaler', 'status'],
  ['cronjobs', 'cj', 'batch/v1', true, 'CronJob', 'status'],
  ['jobs', '', 'batch/v1', true, 'Job', 'status'],
  ['certificatesigningrequests', 'csr', 'certificates.k8s.io/v1', false, 'CertificateSigningRequest', 'approval,status'],
  ['leases', '', 'coordination.k8s.io/v1', true, 'Lease'],
  ['endpointslices', '', 'discovery.k8s.io/v1', true, 'EndpointSlice'],
  ['events', 'ev', 'events.k8s.io/v1', true, 'Event'],
  ['flowschemas', '', 'flowcontrol.apiserver.k8s.io/v1', false, 'FlowSchema', 'status'],
  ['prioritylevelconfigurations', '', 'flowcontrol.apiserver.k8s.io/v1', false, 'PriorityLevelConfiguration', 'status'],
  ['ingressclasses', '', 'networking.k8s.io/v1', false, 'IngressClass'],
  ['ingresses', 'ing', 'networking.k8s.io/v1', true, 'Ingress', 'status'],
  ['networkpolicies', 'netpol', 'networking.k8s.io/v1', true, 'NetworkPolicy'],
  ['runtimeclasses', '', 'node.k8s.io/v1', false, 'RuntimeClass'],
  ['poddisruptionbudgets', 'pdb', 'policy/v1', true, 'PodDisruptionBudget', 'status'],
  ['clusterrolebindings', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRoleBinding'],
  ['clusterroles', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRole'],
  ['rolebindings', '', 'rbac.authorization.k8s.io/v1', true, 'RoleBinding'],
  ['roles', '', 'rbac.authorization.k8s.io/v1', true, 'Role'],
  ['priorityclasses', 'pc', 'scheduling.k8s.io/v1', false, 'PriorityClass'],
  ['csidrivers', '', 'storage.k8s.io/v1', false, 'CSIDriver'],
  ['csinodes', '', 'storage.k8s.io/v1', false, 'CSINode'],
  ['csistoragecapacities', '', 'storage.k8s.io/v1', true, 'CSIStorageCapacity'],
  ['storageclasses', 'sc', 'storage.k8s.io/v1', false, 'StorageClass'],
  ['volumeattachments', '', 'storage.k8s.io/v1', false, 'VolumeAttachment', 'status'],
];

function toResource([plural, short, apiVersion, namespaced, kind, subresources, verbs]: Row): ApiResource {
  const slash = apiVersion.lastIndexOf('/');
  return {
    kind, plural, singular: kind.toLowerCase(), short: short ? short.split(',') : [],
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    namespaced, verbs: verbs ?? ALL, subresources: subresources ? subresources.split(',') : [],
  };
}

/** Every resource, in `kubectl api-resources` order (group, then name; the core group first). */
export const API_RESOURCES: readonly ApiResource[] = TABLE.map(toResource);

/** The resource of a group, by its plural name. */
export function apiResource(group: string, plural: string): ApiResource | undefined {
  return API_RESOURCES.find((r) => r.group === group && r.plural === plural);
}

/** Groups that serve a resource of this plural name (`events`: '' and events.k8s.io). */
export function groupsOf(plural: string): string[] {
  return API_RESOURCES.filter((r) => r.plural === plural).map((r) => r.group);
}

/** cani.go resourceVerbs and nonResourceURLVerbs: verbs `kubectl auth can-i` knows. */
export const KNOWN_RESOURCE_VERBS: readonly string[] = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];
export const KNOWN_NON_RESOURCE_VERBS: readonly string[] = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];

/** Resources the server authorizes that discovery does not list (impersonation): no warning for them. */
const NON_STANDARD = ['users', 'groups'];

/** What `kubectl auth can-i VERB TYPE[/NAME]` asks about. */
export interface CanIResource {
  /** The resource as sent: the discovered plural, or the argument as typed when unknown. */
  readonly resource: string;
  readonly group: string;
  /** The discovered resource; undefined when the server has no such type (or for `*`). */
  readonly api?: ApiResource;
  /** The part after the first `/` of the argument: a resource NAME (`pods/log` is the pod named "log"). */
  readonly name?: string;
  /**
   * kubectl's warning (printed as `Warning: …`) when discovery has no such type:
   * `the server doesn't have a resource type 'x'` / `… 'x' in group 'g'`.
   */
  readonly warning?: string;
}

/**
 * cani.go Complete + resourceFor: TYPE is split at the first `/` (the rest is a NAME — for a
 * subresource kubectl takes `--subresource`); `*` stays `*`; otherwise, lower-cased, a
 * `resource.version.group` form is tried fully, then `resource[.group]` against plural, singular
 * and short names (`po`, `pod`, `pods`, `deploy`, `deployments.apps`, `deployments.v1.apps`), the
 * core group winning when several groups serve the name (`events`).
 */
export function resolveCanIResource(arg: string): CanIResource {
  const slash = arg.indexOf('/');
  const typeArg = slash < 0 ? arg : arg.slice(0, slash);
  const name = slash < 0 ? undefined : arg.slice(slash + 1);
  const withName = <T extends object>(o: T): T & { name?: string } => (name !== undefined ? { ...o, name } : o);
  if (typeArg === '*') return withName({ resource: '*', group: '' });
  const lower = typeArg.toLowerCase();
  const dots = lower.split('.').length - 1;
  if (dots >= 2) {
    const [resource = '', version = '', ...rest] = lower.split('.');
    const found = find(resource, rest.join('.'), version);
    if (found) return withName({ resource: found.plural, group: found.group, api: found });
  }
  const dot = lower.indexOf('.');
  const gr = dot < 0 ? { resource: lower, group: '' } : { resource: lower.slice(0, dot), group: lower.slice(dot + 1) };
  const found = find(gr.resource, gr.group, '');
  if (found) return withName({ resource: found.plural, group: found.group, api: found });
  const grString = gr.group === '' ? gr.resource : `${gr.resource}.${gr.group}`;
  const warning = NON_STANDARD.includes(grString) ? undefined
    : gr.group === '' ? `the server doesn't have a resource type '${gr.resource}'` : `the server doesn't have a resource type '${gr.resource}' in group '${gr.group}'`;
  return withName({ resource: typeArg, group: '', ...(warning ? { warning } : {}) });
}

/** The RESTMapper's ResourceFor after shortcut expansion; the first match in discovery order (core first). */
function find(resource: string, group: string, version: string): ApiResource | undefined {
  if (resource === '') return undefined;
  return API_RESOURCES.find((r) =>
    (group === '' || r.group === group) && (version === '' || r.version === version) &&
    (r.plural === resource || r.singular === resource || r.short.includes(resource)));
}

/**
 * cani.go Validate's warnings for a resource question (not with --all-namespaces):
 * `resource 'nodes' is not namespace scoped` (`… in group 'g'`), and `verb 'x' is not a known verb`.
 */
export function canIWarnings(verb: string, target: { nonResourceURL: string } | CanIResource, allNamespaces: boolean): string[] {
  const out: string[] = [];
  if ('nonResourceURL' in target) {
    if (!KNOWN_NON_RESOURCE_VERBS.includes(verb)) out.push(`verb '${verb}' is not a known verb`);
    return out;
  }
  if (allNamespaces) return out;
  const api = target.api;
  if (api && !api.namespaced) {
    out.push(api.group === '' ? `resource '${api.plural}' is not namespace scoped` : `resource '${api.plural}' is not namespace scoped in group '${api.group}'`);
  }
  if (!KNOWN_RESOURCE_VERBS.includes(verb)) out.push(`verb '${verb}' is not a known verb`);
  return out;
}
