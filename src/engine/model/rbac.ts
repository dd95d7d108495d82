import type { LabelSelector, Labels } from './objects.js';
import type { SourceRef } from './source.js';

/**
 * RBAC as the API server stores it (rbac.authorization.k8s.io/v1) after defaulting
 * (pkg/apis/rbac/v1/defaults.go: roleRef.apiGroup and a User/Group subject's apiGroup default to
 * `rbac.authorization.k8s.io`). Lists are as written; absent lists are empty.
 */
export interface RbacRule {
  readonly verbs: readonly string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
  /** `rules[i]` of the role that wrote it (for an aggregated ClusterRole: of the role it came from); absent for built-in roles. */
  readonly ref?: SourceRef;
  /** For a rule an aggregated ClusterRole collected: the ClusterRole it was copied from. */
  readonly from?: string;
}

export interface Role {
  readonly kind: 'Role';
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly rules: readonly RbacRule[];
  /** true for the roles every kubeadm cluster has (bootstrap policy, kubeadm's own). */
  readonly system: boolean;
  readonly ref?: SourceRef;
}

export interface ClusterRole {
  readonly kind: 'ClusterRole';
  readonly name: string;
  readonly labels: Labels;
  /**
   * The rules the authorizer reads. For a ClusterRole with an aggregationRule these are what the
   * clusterrole-aggregation controller wrote (the union of the selected ClusterRoles' rules), not
   * what the manifest listed.
   */
  readonly rules: readonly RbacRule[];
  readonly aggregationRule?: { readonly clusterRoleSelectors: readonly LabelSelector[] };
  /** With an aggregationRule: the ClusterRoles whose rules were collected, in the controller's order. */
  readonly aggregatedFrom?: readonly string[];
  /** With an aggregationRule: the rules the manifest wrote, which the controller replaced. */
  readonly writtenRules?: readonly RbacRule[];
  readonly system: boolean;
  readonly ref?: SourceRef;
}

export interface RoleRef {
  readonly apiGroup: string;
  readonly kind: 'Role' | 'ClusterRole';
  readonly name: string;
}

export interface Subject {
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  /** ServiceAccount subjects; in a RoleBinding an absent namespace means the binding's. */
  readonly namespace?: string;
  readonly apiGroup: string;
  readonly ref?: SourceRef;
}

export interface RoleBinding {
  readonly kind: 'RoleBinding';
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly roleRef: RoleRef;
  readonly subjects: readonly Subject[];
  readonly system: boolean;
  readonly ref?: SourceRef;
}

export interface ClusterRoleBinding {
  readonly kind: 'ClusterRoleBinding';
  readonly name: string;
  readonly labels: Labels;
  readonly roleRef: RoleRef;
  readonly subjects: readonly Subject[];
  readonly system: boolean;
  readonly ref?: SourceRef;
}

export type Binding = RoleBinding | ClusterRoleBinding;

/** Who is asking: an authenticated user's name and groups (k8s.io/apiserver user.Info). */
export interface UserInfo {
  readonly name: string;
  readonly groups: readonly string[];
}

/** A ServiceAccount with the identity its tokens authenticate as. */
export interface ServiceAccountReport {
  readonly namespace: string;
  readonly name: string;
  /** `system:serviceaccount:NS:NAME` in `system:serviceaccounts`, `system:serviceaccounts:NS`, `system:authenticated`. */
  readonly user: UserInfo;
  /** As written on the ServiceAccount; undefined when not set (then pods mount the token). */
  readonly automountServiceAccountToken?: boolean;
  /** false for the implicit `default` of each namespace. */
  readonly declared: boolean;
  /** Pods (`ns/name`) that run as this ServiceAccount. */
  readonly pods: readonly string[];
  readonly ref?: SourceRef;
}

/**
 * The pod's ServiceAccount token as the ServiceAccount admission plugin
 * (plugin/pkg/admission/serviceaccount/admission.go) mounts it: the projected `kube-api-access-*`
 * volume at /var/run/secrets/kubernetes.io/serviceaccount in every container and init container
 * that has no mount of its own there, unless automount is off.
 */
export interface PodServiceAccount {
  readonly serviceAccount: string;
  /** false when no such ServiceAccount exists in the pod's namespace (the API server refuses such a pod). */
  readonly exists: boolean;
  readonly automount: boolean;
  /** shouldAutomount: the pod's field wins, then the ServiceAccount's, else true. */
  readonly decidedBy: 'pod' | 'serviceAccount' | 'default';
  /** The field that decided (pod spec or ServiceAccount), when written. */
  readonly decidedAt?: SourceRef;
  readonly mountPath: string;
  /** Containers and init containers with the token volume mounted (none when automount is off). */
  readonly mountedIn: readonly string[];
  /** Containers whose own volumeMount at mountPath keeps the token out. */
  readonly shadowedIn: readonly string[];
  /** The identity the token authenticates as. */
  readonly user: UserInfo;
}

/** Analysis.rbac: every RBAC object of the cluster, built-in ones included (system: true). */
export interface RbacAnalysis {
  /** Sorted by namespace, then name. */
  readonly roles: readonly Role[];
  /** Sorted by name; aggregation resolved. */
  readonly clusterRoles: readonly ClusterRole[];
  /** ClusterRoleBindings by name, then RoleBindings by namespace and name. */
  readonly bindings: readonly Binding[];
  /** Sorted by namespace, then name; the implicit `default` ServiceAccounts included. */
  readonly serviceAccounts: readonly ServiceAccountReport[];
}

/** One authorization question, as authorizer.Attributes carries it. */
export interface AuthorizationRequest {
  readonly user: string;
  readonly groups: readonly string[];
  readonly verb: string;
  /** Plural resource (`pods`); '' or absent for a non-resource request. */
  readonly resource?: string;
  readonly subresource?: string;
  /** '' is the core group. */
  readonly apiGroup?: string;
  /** '' or absent: cluster scope (then RoleBindings are not consulted). */
  readonly namespace?: string;
  readonly name?: string;
  /** Set for a non-resource request (`/healthz`); resource and apiGroup are then ignored. */
  readonly nonResourceURL?: string;
}

/** Where a binding is and what it binds. */
export interface BindingInfo {
  readonly kind: 'RoleBinding' | 'ClusterRoleBinding';
  readonly namespace?: string;
  readonly name: string;
  readonly roleRef: RoleRef;
  readonly system: boolean;
  readonly ref?: SourceRef;
}

/** The role a binding refers to, resolved the way GetRoleReferenceRules does. */
export interface RoleInfo {
  readonly kind: 'Role' | 'ClusterRole';
  /** The binding's namespace for a Role. */
  readonly namespace?: string;
  readonly name: string;
  readonly system: boolean;
  readonly ref?: SourceRef;
}

/**
 * Why one check of ruleAllows (evaluation_helpers.go) failed:
 * - verb: no verb of the rule is the requested one or `*`;
 * - apiGroup / resource / resourceName / nonResourceURL: likewise for that list;
 * - url-rule: a non-resource-URL rule asked about a resource;
 * - resource-rule: a resource rule asked about a non-resource URL.
 */
export type RbacMissReason = 'verb' | 'apiGroup' | 'resource' | 'resourceName' | 'nonResourceURL' | 'url-rule' | 'resource-rule';

export interface RbacRuleMiss {
  readonly reason: RbacMissReason;
  /** What the request had (verb, group, `pods/exec`, name, URL). */
  readonly wanted: string;
  /** What the rule lists for that check. */
  readonly listed: readonly string[];
  /**
   * resource: the rule lists the request's parent resource (`pods` for `pods/exec`): a subresource
   * needs its own entry. resourceName: the request names no object (list, create, watch of all),
   * which a rule with resourceNames never allows.
   */
  readonly hint?: 'parent-only' | 'no-name';
}

export interface RbacRuleCheck {
  /** Index in the role's rules (the authorizer's order). */
  readonly index: number;
  readonly rule: RbacRule;
  readonly allows: boolean;
  readonly misses: readonly RbacRuleMiss[];
}

/** A binding whose subjects include the user (appliesTo), with its role and each rule's verdict. */
export interface BindingCheck {
  readonly binding: BindingInfo;
  /** The first subject that applies (the authorizer names it). */
  readonly subjectIndex: number;
  readonly subject: Subject;
  readonly role: RoleInfo;
  /** false: the role does not exist, so the binding grants nothing (`error` is the resolver's). */
  readonly roleFound: boolean;
  readonly error?: string;
  /** Every rule of the role until the allowing one (all of them when none allows). */
  readonly rules: readonly RbacRuleCheck[];
}

/**
 * A binding the authorizer never consults for this request:
 * - subject: none of its subjects is the user or one of the user's groups;
 * - namespace: a RoleBinding of another namespace whose subjects would include the user;
 * - cluster-scope: a RoleBinding (whose subjects include the user) asked about a cluster-scoped request.
 */
export interface BindingSkip {
  readonly binding: BindingInfo;
  readonly why: 'subject' | 'namespace' | 'cluster-scope';
  readonly subjects: readonly Subject[];
}

/** What allowed the request. */
export type RbacGrant =
  | {
      /** pkg/kubeapiserver/authorizer: members of system:masters are allowed before RBAC is asked. */
      readonly kind: 'superuser';
      readonly group: string;
    }
  | {
      readonly kind: 'rule';
      readonly binding: BindingInfo;
      readonly subjectIndex: number;
      readonly subject: Subject;
      readonly role: RoleInfo;
      readonly ruleIndex: number;
      readonly rule: RbacRule;
    };

/** The explanation of one decision, as data (format/rbac.ts renders it). */
export interface RbacReason {
  readonly request: AuthorizationRequest;
  /** null when denied. */
  readonly allowedBy: RbacGrant | null;
  /** Bindings that apply to the user, in the authorizer's visiting order (up to the allowing one). */
  readonly applying: readonly BindingCheck[];
  /** Bindings that do not apply (only when denied). */
  readonly notApplying: readonly BindingSkip[];
}

export interface RbacDecision {
  readonly allowed: boolean;
  readonly reason: RbacReason;
  /**
   * The authorizer's reason string, as a SubjectAccessReview returns it (`kubectl auth can-i`
   * prints `no - REASON`): `RBAC: allowed by …` when allowed by a rule, '' when denied, or
   * `RBAC: …` naming the roles that could not be found.
   */
  readonly authorizerReason: string;
  /** When denied: the API server's Forbidden message (kubectl prints `Error from server (Forbidden): ` before it). */
  readonly forbidden: string | null;
}
