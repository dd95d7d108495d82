import type {
  ClusterRole, ClusterRoleBinding, LabelSelector, PathSegment, RbacRule, Role, RoleBinding, RoleRef, SourceRef, Subject,
} from '../model/index.js';
import { sub } from '../model/index.js';
import { GoLiteral, type Diags } from './diag.js';
import { isDNS1123Subdomain, isValidPathSegmentName } from './names.js';
import { readSelector } from './selector.js';
import { arr, field, isObj, str, stringMap, strings } from './values.js';

/**
 * The four RBAC kinds as the API server admits them: defaults of pkg/apis/rbac/v1/defaults.go, then
 * pkg/apis/rbac/validation/validation.go (ValidateRole, ValidateClusterRole, ValidatePolicyRule,
 * ValidateRoleBinding, ValidateClusterRoleBinding, ValidateRoleBindingSubject), worded by
 * apimachinery's field errors. ObjectMeta (names: ValidateRBACName) is checked by document.ts.
 */

const GROUP = 'rbac.authorization.k8s.io';

export function readRole(value: unknown, namespace: string, name: string, root: SourceRef, diags: Diags): Role {
  const rules = readRules(value, true, root, diags);
  return { kind: 'Role', namespace, name, labels: labelsOf(value), rules, system: false, ref: root };
}

export function readClusterRole(value: unknown, name: string, root: SourceRef, diags: Diags): ClusterRole {
  const rules = readRules(value, false, root, diags);
  const agg = field(value, 'aggregationRule');
  // A null aggregationRule is no aggregationRule (the Go pointer stays nil).
  if (!isObj(agg)) return { kind: 'ClusterRole', name, labels: labelsOf(value), rules, system: false, ref: root };
  const selectorsValue = arr(field(agg, 'clusterRoleSelectors'));
  if (selectorsValue.length === 0) {
    diags.required('rbac-invalid', ['aggregationRule', 'clusterRoleSelectors'], 'at least one clusterRoleSelector required if aggregationRule is non-nil', field(agg, 'clusterRoleSelectors') === undefined ? ['aggregationRule'] : undefined);
  }
  const clusterRoleSelectors: LabelSelector[] = selectorsValue.map((s, i) => readSelector(s, ['aggregationRule', 'clusterRoleSelectors', i], diags));
  return { kind: 'ClusterRole', name, labels: labelsOf(value), rules, aggregationRule: { clusterRoleSelectors }, system: false, ref: root };
}

export function readRoleBinding(value: unknown, namespace: string, name: string, root: SourceRef, diags: Diags): RoleBinding {
  const roleRef = readRoleRef(value, ['Role', 'ClusterRole'], diags);
  const subjects = readSubjects(value, true, root, diags);
  return { kind: 'RoleBinding', namespace, name, labels: labelsOf(value), roleRef, subjects, system: false, ref: root };
}

export function readClusterRoleBinding(value: unknown, name: string, root: SourceRef, diags: Diags): ClusterRoleBinding {
  const roleRef = readRoleRef(value, ['ClusterRole'], diags);
  const subjects = readSubjects(value, false, root, diags);
  return { kind: 'ClusterRoleBinding', name, labels: labelsOf(value), roleRef, subjects, system: false, ref: root };
}

function labelsOf(value: unknown): Record<string, string> {
  return stringMap(field(field(value, 'metadata'), 'labels'));
}

/** ValidatePolicyRule for each rule; `isNamespaced` for a Role (no non-resource URLs there). */
function readRules(value: unknown, isNamespaced: boolean, root: SourceRef, diags: Diags): RbacRule[] {
  return arr(field(value, 'rules')).map((r, i) => {
    const path: PathSegment[] = ['rules', i];
    const rule: RbacRule = {
      verbs: strings(field(r, 'verbs')),
      apiGroups: strings(field(r, 'apiGroups')),
      resources: strings(field(r, 'resources')),
      resourceNames: strings(field(r, 'resourceNames')),
      nonResourceURLs: strings(field(r, 'nonResourceURLs')),
      ref: sub(root, ...path),
    };
    validatePolicyRule(r, rule, isNamespaced, path, diags);
    return rule;
  });
}

function validatePolicyRule(raw: unknown, rule: RbacRule, isNamespaced: boolean, path: readonly PathSegment[], diags: Diags): void {
  // A Required error points at the empty list when it is written (`verbs: []`), else at the rule.
  const at = (key: string): readonly PathSegment[] => (field(raw, key) === undefined ? path : [...path, key]);
  if (rule.verbs.length === 0) diags.required('rbac-invalid', [...path, 'verbs'], 'verbs must contain at least one value', at('verbs'));
  if (rule.nonResourceURLs.length > 0) {
    // field.Invalid of a []string prints Go's %#v of the slice.
    const urls = goStringSlice(rule.nonResourceURLs);
    if (isNamespaced) diags.invalid('rbac-invalid', [...path, 'nonResourceURLs'], urls, 'namespaced rules cannot apply to non-resource URLs');
    if (rule.apiGroups.length > 0 || rule.resources.length > 0 || rule.resourceNames.length > 0) {
      diags.invalid('rbac-invalid', [...path, 'nonResourceURLs'], urls, 'rules cannot apply to both regular resources and non-resource URLs');
    }
    return;
  }
  if (rule.apiGroups.length === 0) diags.required('rbac-invalid', [...path, 'apiGroups'], 'resource rules must supply at least one api group', at('apiGroups'));
  if (rule.resources.length === 0) diags.required('rbac-invalid', [...path, 'resources'], 'resource rules must supply at least one resource', at('resources'));
}

/** How field.Invalid prints a []string value: Go's %#v, `[]string{"/healthz", "/api"}`. */
function goStringSlice(values: readonly string[]): GoLiteral {
  return new GoLiteral(`[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`);
}

/**
 * roleRef: apiGroup defaults to rbac.authorization.k8s.io (SetDefaults_RoleBinding), must then be
 * that group; kind Role or ClusterRole (a ClusterRoleBinding: ClusterRole only); name required and a
 * path segment. The binding is refused otherwise, so the kind is one of the allowed after this.
 */
function readRoleRef(value: unknown, kinds: readonly ('Role' | 'ClusterRole')[], diags: Diags): RoleRef {
  const ref = field(value, 'roleRef');
  const apiGroup = str(field(ref, 'apiGroup')) || GROUP;
  const kind = str(field(ref, 'kind')) ?? '';
  const name = str(field(ref, 'name')) ?? '';
  const at = (key: string): PathSegment[] => (field(ref, key) === undefined ? (ref === undefined ? [] : ['roleRef']) : ['roleRef', key]);
  if (apiGroup !== GROUP) notSupported(diags, ['roleRef', 'apiGroup'], apiGroup, [GROUP], at('apiGroup'));
  if (!(kinds as readonly string[]).includes(kind)) notSupported(diags, ['roleRef', 'kind'], kind, kinds, at('kind'));
  if (name === '') diags.required('rbac-invalid', ['roleRef', 'name'], '', at('name'));
  else for (const msg of isValidPathSegmentName(name)) diags.invalid('rbac-invalid', ['roleRef', 'name'], name, msg);
  return { apiGroup, kind: kind === 'Role' ? 'Role' : 'ClusterRole', name };
}

/** NotSupported, pointed where the student can see it (the key may be absent). */
function notSupported(diags: Diags, path: readonly PathSegment[], value: string, supported: readonly string[], at: readonly PathSegment[]): void {
  const before = diags.list.length;
  diags.notSupported('rbac-invalid', path, value, supported);
  const d = diags.list[before];
  if (d && d.ref) diags.list[before] = { ...d, ref: sub(diags.root, ...at) };
}

/** ValidateRoleBindingSubject for each subject, after SetDefaults_Subject. */
function readSubjects(value: unknown, isNamespaced: boolean, root: SourceRef, diags: Diags): Subject[] {
  const out: Subject[] = [];
  arr(field(value, 'subjects')).forEach((s, i) => {
    const path: PathSegment[] = ['subjects', i];
    const kind = str(field(s, 'kind')) ?? '';
    const name = str(field(s, 'name')) ?? '';
    const namespace = str(field(s, 'namespace')) ?? '';
    // SetDefaults_Subject: User and Group default to the RBAC group; a ServiceAccount to ''.
    const written = str(field(s, 'apiGroup')) ?? '';
    const apiGroup = written === '' && (kind === 'User' || kind === 'Group') ? GROUP : written;
    const errorsBefore = diags.list.length;
    if (name === '') diags.required('rbac-invalid', [...path, 'name'], '', field(s, 'name') === undefined ? path : undefined);
    switch (kind) {
      case 'ServiceAccount':
        if (name !== '') for (const msg of isDNS1123Subdomain(name)) diags.invalid('rbac-invalid', [...path, 'name'], name, msg);
        if (apiGroup !== '') diags.notSupported('rbac-invalid', [...path, 'apiGroup'], apiGroup, ['']);
        if (!isNamespaced && namespace === '') diags.required('rbac-invalid', [...path, 'namespace'], '', path);
        break;
      case 'User':
      case 'Group':
        if (apiGroup !== GROUP) diags.notSupported('rbac-invalid', [...path, 'apiGroup'], apiGroup, [GROUP]);
        break;
      default:
        notSupported(diags, [...path, 'kind'], kind, ['ServiceAccount', 'User', 'Group'], field(s, 'kind') === undefined ? path : [...path, 'kind']);
    }
    if (diags.list.length > errorsBefore) return;
    if (kind !== 'ServiceAccount' && kind !== 'User' && kind !== 'Group') return;
    out.push({ kind, name, apiGroup, ...(namespace !== '' ? { namespace } : {}), ref: sub(root, ...path) });
  });
  return out;
}
