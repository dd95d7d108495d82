import type { ClusterRole, ClusterRoleBinding, RbacRule, Role, RoleBinding, Subject } from '../model/index.js';

/**
 * The RBAC objects a kubeadm v1.30 cluster has before anything is applied.
 *
 * - ClusterRoles: kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml
 *   (the bootstrap policy the API server reconciles at start, policy.go ClusterRoles()). The stored
 *   copy read for this table predates resource.k8s.io rules (DRA, GA in 1.34) and the
 *   KubeletFineGrainedAuthz subresources of system:kubelet-api-admin (beta in 1.33), and has
 *   selfsubjectreviews in system:basic-user (1.28): the roles of a 1.28–1.32 server.
 *   admin, edit and view carry no rules of their own: the aggregation controller fills them.
 * - ClusterRoleBindings: policy.go clusterRoleBindings() (system:node keeps its binding without
 *   subjects; system:service-account-issuer-discovery to every ServiceAccount).
 * - Namespaced roles: namespace-roles.yaml's extension-apiserver-authentication-reader and the
 *   bootstrap-signer, cloud-provider and token-cleaner controller roles, with their bindings.
 * - kubeadm (cmd/kubeadm/app/phases): `kubeadm:cluster-admins` (admin.conf's group since 1.29),
 *   the bootstrap-token bindings, kube-proxy's and CoreDNS's.
 *
 * Not modelled: the system:controller:* ClusterRoles of controller-roles.yaml (the stored copy is a
 * 1.33+ one, and they only concern kube-controller-manager's own ServiceAccounts), the
 * leader-locking Roles of kube-system (their 1.30 rules are not at hand), and the CNI's roles.
 */

const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' } as const;
const AGG = 'rbac.authorization.k8s.io/aggregate-to-';

const R = ['get', 'list', 'watch'];
/** policy.go Write, as the testdata sorts it. */
const W = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const EVENTS: RbacRule = rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']);

function rule(apiGroups: readonly string[], resources: readonly string[], verbs: readonly string[], resourceNames: readonly string[] = []): RbacRule {
  return { apiGroups, resources, verbs, resourceNames, nonResourceURLs: [] };
}

function urls(nonResourceURLs: readonly string[], verbs: readonly string[]): RbacRule {
  return { apiGroups: [], resources: [], verbs, resourceNames: [], nonResourceURLs };
}

function clusterRole(name: string, rules: readonly RbacRule[], labels: Record<string, string> = {}, aggregateFrom?: string): ClusterRole {
  return {
    kind: 'ClusterRole', name, labels: { ...BOOTSTRAP, ...labels }, rules, system: true,
    ...(aggregateFrom ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [`${AGG}${aggregateFrom}`]: 'true' }, matchExpressions: [] }] } } : {}),
  };
}

const group = (name: string): Subject => ({ kind: 'Group', name, apiGroup: 'rbac.authorization.k8s.io' });
const user = (name: string): Subject => ({ kind: 'User', name, apiGroup: 'rbac.authorization.k8s.io' });
const sa = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', name, namespace, apiGroup: '' });

function clusterBinding(name: string, role: string, subjects: readonly Subject[], labels: Record<string, string> = BOOTSTRAP): ClusterRoleBinding {
  return { kind: 'ClusterRoleBinding', name, labels, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }, subjects, system: true };
}

function role(namespace: string, name: string, rules: readonly RbacRule[], labels: Record<string, string> = BOOTSTRAP): Role {
  return { kind: 'Role', namespace, name, labels, rules, system: true };
}

function roleBinding(namespace: string, name: string, roleName: string, subjects: readonly Subject[], labels: Record<string, string> = BOOTSTRAP): RoleBinding {
  return { kind: 'RoleBinding', namespace, name, labels, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName }, subjects, system: true };
}

export const BOOTSTRAP_CLUSTER_ROLES: readonly ClusterRole[] = [
  clusterRole('admin', [], {}, 'admin'),
  clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), urls(['*'], ['*'])]),
  clusterRole('edit', [], { [`${AGG}admin`]: 'true' }, 'edit'),
  clusterRole('system:aggregate-to-admin', [
    rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
    rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], RW),
  ], { [`${AGG}admin`]: 'true' }),
  clusterRole('system:aggregate-to-edit', [
    rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], R),
    rule([''], ['serviceaccounts'], ['impersonate']),
    rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], W),
    rule([''], ['pods/eviction'], ['create']),
    rule([''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], W),
    rule([''], ['serviceaccounts/token'], ['create']),
    rule(['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], W),
    rule(['autoscaling'], ['horizontalpodautoscalers'], W),
    rule(['batch'], ['cronjobs', 'jobs'], W),
    rule(['extensions'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'], W),
    rule(['policy'], ['poddisruptionbudgets'], W),
    rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], W),
    rule(['coordination.k8s.io'], ['leases'], RW),
  ], { [`${AGG}edit`]: 'true' }),
  clusterRole('system:aggregate-to-view', [
    rule([''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], R),
    rule([''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], R),
    rule([''], ['namespaces'], R),
    rule(['discovery.k8s.io'], ['endpointslices'], R),
    rule(['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], R),
    rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], R),
    rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], R),
    rule(['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'], R),
    rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], R),
    rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], R),
  ], { [`${AGG}view`]: 'true' }),
  clusterRole('system:auth-delegator', [
    rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
    rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
  ]),
  clusterRole('system:basic-user', [
    rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']),
    rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create']),
  ]),
  clusterRole('system:certificates.k8s.io:certificatesigningrequests:nodeclient', [rule(['certificates.k8s.io'], ['certificatesigningrequests/nodeclient'], ['create'])]),
  clusterRole('system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [rule(['certificates.k8s.io'], ['certificatesigningrequests/selfnodeclient'], ['create'])]),
  clusterRole('system:certificates.k8s.io:kube-apiserver-client-approver', [rule(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/kube-apiserver-client'])]),
  clusterRole('system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', [rule(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/kube-apiserver-client-kubelet'])]),
  clusterRole('system:certificates.k8s.io:kubelet-serving-approver', [rule(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/kubelet-serving'])]),
  clusterRole('system:certificates.k8s.io:legacy-unknown-approver', [rule(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/legacy-unknown'])]),
  clusterRole('system:discovery', [urls(['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], ['get'])]),
  clusterRole('system:heapster', [
    rule([''], ['events', 'namespaces', 'nodes', 'pods'], R),
    rule(['extensions'], ['deployments'], R),
  ]),
  clusterRole('system:kube-aggregator', [rule([''], ['endpoints', 'services'], R)]),
  clusterRole('system:kube-controller-manager', [
    EVENTS,
    rule(['coordination.k8s.io'], ['leases'], ['create']),
    rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-controller-manager']),
    rule([''], ['secrets', 'serviceaccounts'], ['create']),
    rule([''], ['secrets'], ['delete']),
    rule([''], ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'], ['get']),
    rule([''], ['secrets', 'serviceaccounts'], ['update']),
    rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
    rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
    rule(['*'], ['*'], ['list', 'watch']),
    rule([''], ['serviceaccounts/token'], ['create']),
  ]),
  clusterRole('system:kube-dns', [rule([''], ['endpoints', 'services'], ['list', 'watch'])]),
  clusterRole('system:kube-scheduler', [
    EVENTS,
    rule(['coordination.k8s.io'], ['leases'], ['create']),
    rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-scheduler']),
    rule([''], ['nodes'], R),
    rule([''], ['pods'], ['delete', 'get', 'list', 'watch']),
    rule([''], ['bindings', 'pods/binding'], ['create']),
    rule([''], ['pods/status'], ['patch', 'update']),
    rule([''], ['replicationcontrollers', 'services'], R),
    rule(['apps', 'extensions'], ['replicasets'], R),
    rule(['apps'], ['statefulsets'], R),
    rule(['policy'], ['poddisruptionbudgets'], R),
    rule([''], ['persistentvolumeclaims', 'persistentvolumes'], R),
    rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
    rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
    rule(['storage.k8s.io'], ['csinodes'], R),
    rule([''], ['namespaces'], R),
    rule(['storage.k8s.io'], ['csidrivers'], R),
    rule(['storage.k8s.io'], ['csistoragecapacities'], R),
  ]),
  clusterRole('system:kubelet-api-admin', [
    rule([''], ['nodes'], R),
    rule([''], ['nodes'], ['proxy']),
    rule([''], ['nodes/log', 'nodes/metrics', 'nodes/proxy', 'nodes/stats'], ['*']),
  ]),
  clusterRole('system:monitoring', [urls(['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*'], ['get'])]),
  clusterRole('system:node', [
    rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
    rule(['authorization.k8s.io'], ['localsubjectaccessreviews', 'subjectaccessreviews'], ['create']),
    rule([''], ['services'], R),
    rule([''], ['nodes'], ['create', 'get', 'list', 'watch']),
    rule([''], ['nodes/status'], ['patch', 'update']),
    rule([''], ['nodes'], ['patch', 'update']),
    rule([''], ['events'], ['create', 'patch', 'update']),
    rule([''], ['pods'], R),
    rule([''], ['pods'], ['create', 'delete']),
    rule([''], ['pods/status'], ['patch', 'update']),
    rule([''], ['pods/eviction'], ['create']),
    rule([''], ['configmaps', 'secrets'], R),
    rule([''], ['persistentvolumeclaims', 'persistentvolumes'], ['get']),
    rule([''], ['endpoints'], ['get']),
    rule(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch']),
    rule(['coordination.k8s.io'], ['leases'], ['create', 'delete', 'get', 'patch', 'update']),
    rule(['storage.k8s.io'], ['volumeattachments'], ['get']),
    rule([''], ['serviceaccounts/token'], ['create']),
    rule([''], ['persistentvolumeclaims/status'], ['get', 'patch', 'update']),
    rule(['storage.k8s.io'], ['csidrivers'], R),
    rule(['storage.k8s.io'], ['csinodes'], ['create', 'delete', 'get', 'patch', 'update']),
    rule(['node.k8s.io'], ['runtimeclasses'], R),
  ]),
  clusterRole('system:node-bootstrapper', [rule(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch'])]),
  clusterRole('system:node-problem-detector', [
    rule([''], ['nodes'], ['get']),
    rule([''], ['nodes/status'], ['patch']),
    EVENTS,
  ]),
  clusterRole('system:node-proxier', [
    rule([''], ['endpoints', 'services'], ['list', 'watch']),
    rule([''], ['nodes'], R),
    EVENTS,
    rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
  ]),
  clusterRole('system:persistent-volume-provisioner', [
    rule([''], ['persistentvolumes'], ['create', 'delete', 'get', 'list', 'watch']),
    rule([''], ['persistentvolumeclaims'], ['get', 'list', 'update', 'watch']),
    rule(['storage.k8s.io'], ['storageclasses'], R),
    rule([''], ['events'], ['watch']),
    EVENTS,
  ]),
  clusterRole('system:public-info-viewer', [urls(['/healthz', '/livez', '/readyz', '/version', '/version/'], ['get'])]),
  clusterRole('system:service-account-issuer-discovery', [urls(['/.well-known/openid-configuration', '/openid/v1/jwks'], ['get'])]),
  clusterRole('system:volume-scheduler', [
    rule([''], ['persistentvolumes'], ['get', 'list', 'patch', 'update', 'watch']),
    rule(['storage.k8s.io'], ['storageclasses'], R),
    rule([''], ['persistentvolumeclaims'], ['get', 'list', 'patch', 'update', 'watch']),
  ]),
  clusterRole('view', [], { [`${AGG}edit`]: 'true' }, 'view'),
  // kubeadm (phases/bootstraptoken/clusterinfo, phases/addons/dns): no bootstrapping label.
  { kind: 'ClusterRole', name: 'kubeadm:get-nodes', labels: {}, rules: [rule([''], ['nodes'], ['get'])], system: true },
  {
    kind: 'ClusterRole', name: 'system:coredns', labels: {}, system: true, rules: [
      rule([''], ['endpoints', 'services', 'pods', 'namespaces'], ['list', 'watch']),
      rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
    ],
  },
];

const BOOTSTRAP_TOKENS = 'system:bootstrappers:kubeadm:default-node-token';

export const BOOTSTRAP_CLUSTER_ROLE_BINDINGS: readonly ClusterRoleBinding[] = [
  clusterBinding('cluster-admin', 'cluster-admin', [group('system:masters')]),
  clusterBinding('system:basic-user', 'system:basic-user', [group('system:authenticated')]),
  clusterBinding('system:discovery', 'system:discovery', [group('system:authenticated')]),
  clusterBinding('system:kube-controller-manager', 'system:kube-controller-manager', [user('system:kube-controller-manager')]),
  clusterBinding('system:kube-dns', 'system:kube-dns', [sa('kube-system', 'kube-dns')]),
  clusterBinding('system:kube-scheduler', 'system:kube-scheduler', [user('system:kube-scheduler')]),
  clusterBinding('system:monitoring', 'system:monitoring', [group('system:monitoring')]),
  // Deprecated since the Node authorizer (1.7): kept with no subjects.
  clusterBinding('system:node', 'system:node', []),
  clusterBinding('system:node-proxier', 'system:node-proxier', [user('system:kube-proxy')]),
  clusterBinding('system:public-info-viewer', 'system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
  clusterBinding('system:service-account-issuer-discovery', 'system:service-account-issuer-discovery', [group('system:serviceaccounts')]),
  clusterBinding('system:volume-scheduler', 'system:volume-scheduler', [user('system:kube-scheduler')]),
  // kubeadm: admin.conf's kubernetes-admin is in kubeadm:cluster-admins (super-admin.conf in system:masters).
  clusterBinding('kubeadm:cluster-admins', 'cluster-admin', [group('kubeadm:cluster-admins')], {}),
  clusterBinding('kubeadm:get-nodes', 'kubeadm:get-nodes', [group(BOOTSTRAP_TOKENS)], {}),
  clusterBinding('kubeadm:kubelet-bootstrap', 'system:node-bootstrapper', [group(BOOTSTRAP_TOKENS)], {}),
  clusterBinding('kubeadm:node-autoapprove-bootstrap', 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', [group(BOOTSTRAP_TOKENS)], {}),
  clusterBinding('kubeadm:node-autoapprove-certificate-rotation', 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [group('system:nodes')], {}),
  clusterBinding('kubeadm:node-proxier', 'system:node-proxier', [sa('kube-system', 'kube-proxy')], {}),
  clusterBinding('system:coredns', 'system:coredns', [sa('kube-system', 'coredns')], {}),
];

const configMapGet = (name: string): RbacRule => rule([''], ['configmaps'], ['get'], [name]);

export const BOOTSTRAP_ROLES: readonly Role[] = [
  role('kube-public', 'kubeadm:bootstrap-signer-clusterinfo', [configMapGet('cluster-info')], {}),
  role('kube-public', 'system:controller:bootstrap-signer', [
    rule([''], ['configmaps'], R),
    rule([''], ['configmaps'], ['update'], ['cluster-info']),
    EVENTS,
  ]),
  role('kube-system', 'extension-apiserver-authentication-reader', [rule([''], ['configmaps'], R, ['extension-apiserver-authentication'])]),
  role('kube-system', 'kube-proxy', [configMapGet('kube-proxy')], {}),
  role('kube-system', 'kubeadm:kubelet-config', [configMapGet('kubelet-config')], {}),
  role('kube-system', 'kubeadm:nodes-kubeadm-config', [configMapGet('kubeadm-config')], {}),
  role('kube-system', 'system:controller:bootstrap-signer', [rule([''], ['secrets'], R)]),
  role('kube-system', 'system:controller:cloud-provider', [rule([''], ['configmaps'], ['create', 'get', 'list', 'watch'])]),
  role('kube-system', 'system:controller:token-cleaner', [rule([''], ['secrets'], ['delete', 'get', 'list', 'watch']), EVENTS]),
];

export const BOOTSTRAP_ROLE_BINDINGS: readonly RoleBinding[] = [
  roleBinding('kube-public', 'kubeadm:bootstrap-signer-clusterinfo', 'kubeadm:bootstrap-signer-clusterinfo', [user('system:anonymous')], {}),
  roleBinding('kube-public', 'system:controller:bootstrap-signer', 'system:controller:bootstrap-signer', [sa('kube-system', 'bootstrap-signer')]),
  roleBinding('kube-system', 'kube-proxy', 'kube-proxy', [group(BOOTSTRAP_TOKENS)], {}),
  roleBinding('kube-system', 'kubeadm:kubelet-config', 'kubeadm:kubelet-config', [group('system:nodes'), group(BOOTSTRAP_TOKENS)], {}),
  roleBinding('kube-system', 'kubeadm:nodes-kubeadm-config', 'kubeadm:nodes-kubeadm-config', [group(BOOTSTRAP_TOKENS), group('system:nodes')], {}),
  roleBinding('kube-system', 'system::extension-apiserver-authentication-reader', 'extension-apiserver-authentication-reader', [user('system:kube-controller-manager'), user('system:kube-scheduler')]),
  roleBinding('kube-system', 'system:controller:bootstrap-signer', 'system:controller:bootstrap-signer', [sa('kube-system', 'bootstrap-signer')]),
  roleBinding('kube-system', 'system:controller:cloud-provider', 'system:controller:cloud-provider', [sa('kube-system', 'cloud-provider')]),
  roleBinding('kube-system', 'system:controller:token-cleaner', 'system:controller:token-cleaner', [sa('kube-system', 'token-cleaner')]),
];
