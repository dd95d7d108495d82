import type {
  ClusterConfig, ClusterRole, ClusterRoleBinding, EndpointSliceObject, EndpointsObject, ExternalHost, Namespace, NetworkPolicy, OtherObject, PendingDiagnostic,
  Registry, Role, RoleBinding, Secret, Service, ServiceAccount, Workload,
} from '../model/index.js';
import { sub } from '../model/index.js';
import type { ObjectDoc } from './document.js';
import type { Commit } from './read-kind.js';
import type { PodDraft } from './workloads.js';
import { API_RESOURCES } from '../rbac/resources.js';

/** Valid objects gathered from every document, before defaults, implicit objects and IPs. */
export class Collected {
  readonly namespaces: Namespace[] = [];
  readonly podDrafts: PodDraft[] = [];
  readonly workloads: Workload[] = [];
  readonly policies: NetworkPolicy[] = [];
  readonly secrets: Secret[] = [];
  readonly serviceAccounts: ServiceAccount[] = [];
  readonly services: Service[] = [];
  readonly endpoints: EndpointsObject[] = [];
  readonly endpointSlices: EndpointSliceObject[] = [];
  readonly externalHosts: ExternalHost[] = [];
  readonly registries: Registry[] = [];
  readonly others: OtherObject[] = [];
  readonly roles: Role[] = [];
  readonly clusterRoles: ClusterRole[] = [];
  readonly roleBindings: RoleBinding[] = [];
  readonly clusterRoleBindings: ClusterRoleBinding[] = [];
  clusterConfig: ClusterConfig | undefined;
  /** Pod documents past the pod bound (assemble.ts MAX_PODS), counted and not read. */
  podsUnread = 0;
  private readonly seen = new Map<string, ObjectDoc>();

  /**
   * Adds a valid object unless one of the same kind, namespace and name came first: the API
   * server answers `<resource> "<name>" already exists` (AlreadyExists) to the second create.
   * Lab rule: at most one lab/v1 Cluster.
   */
  add(doc: ObjectDoc, commit: Commit, diagnostics: PendingDiagnostic[]): void {
    const key = `${doc.apiVersion}/${doc.kind}/${doc.namespace ?? ''}/${doc.name}`;
    const first = this.seen.get(key);
    const object = doc.namespace !== undefined ? `${doc.kind}/${doc.namespace}/${doc.name}` : `${doc.kind}/${doc.name}`;
    if (first) {
      diagnostics.push({
        severity: 'error', code: 'duplicate-object',
        message: `${qualifiedResource(doc.kind, doc.apiVersion)} ${JSON.stringify(doc.name)} already exists`,
        ref: sub(doc.root, 'metadata', 'name'), object,
        params: { kind: doc.kind, name: doc.name, namespace: doc.namespace ?? '', firstFile: first.root.file },
      });
      return;
    }
    if (doc.apiVersion === 'lab/v1' && doc.kind === 'Cluster' && this.clusterConfig) {
      diagnostics.push({
        severity: 'error', code: 'cluster-duplicate',
        message: 'only one lab/v1 Cluster may be declared; this one is ignored',
        ref: doc.root, object, params: {},
      });
      return;
    }
    this.seen.set(key, doc);
    commit(this);
  }
}

/**
 * The resource name of a kind the API server does not register (the lab's own kinds), as
 * apimachinery's UnsafeGuessKindToResource guesses it: lower case, `s` → `es`, `y` → `ies`, else `s`.
 */
export function resourceName(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

/**
 * The resource as AlreadyExists names it (apimachinery errors.NewAlreadyExists prints the
 * GroupResource: `deployments.apps`, `networkpolicies.networking.k8s.io`, core kinds bare): the
 * registered plural from the lab's API resource table (rbac/resources.ts), a guess for a kind it
 * does not hold. Lab kinds (lab/v1) have no API group: bare too.
 */
export function qualifiedResource(kind: string, apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash > 0 ? apiVersion.slice(0, slash) : '';
  const plural = API_RESOURCES.find((r) => r.kind === kind && r.group === group)?.plural ?? resourceName(kind);
  return group && group !== 'lab' ? `${plural}.${group}` : plural;
}
