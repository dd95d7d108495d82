// formatRbacDecision, the branches rbac.test.ts does not reach, read from real decisions
// (analyze → authorize), in English and Korean: no binding at all, a role without rules, every
// rule miss (apiGroup, resourceName and a request without a name, nonResourceURL, a URL rule asked
// about a resource and the reverse), a RoleBinding asked about a cluster-scoped request, a binding
// with no subjects, a ServiceAccount subject without a namespace, a named object in a group, and
// source positions on the lines that have them. The Forbidden sentence is the API server's
// (k8s.io/apiserver pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { authorize } from '../rbac/authorize.js';
import { impersonate } from '../rbac/subjects.js';
import type { AuthorizationRequest } from '../model/index.js';
import { formatRbacDecision } from './rbac.js';

const TEXT = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: cm-one, namespace: dev}
rules:
- {apiGroups: [""], resources: [configmaps], resourceNames: [app-config], verbs: [get, list]}
- {apiGroups: [apps], resources: [deployments], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: empty, namespace: dev}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-cm, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: cm-one}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-empty, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: empty}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: nobody, namespace: dev}
roleRef: {kind: Role, name: empty}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: metrics}
rules:
- {nonResourceURLs: [/metrics], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: robot-metrics}
subjects: [{kind: ServiceAccount, name: robot, namespace: dev}]
roleRef: {kind: ClusterRole, name: metrics}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: robot-cm, namespace: dev}
subjects: [{kind: ServiceAccount, name: robot}]
roleRef: {kind: Role, name: cm-one}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-reader}
rules:
- {apiGroups: [""], resources: [nodes], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: robot-nodes}
subjects: [{kind: ServiceAccount, name: robot, namespace: dev}]
roleRef: {kind: ClusterRole, name: node-reader}
`;
const a = analyze([{ name: 'rbac.yaml', text: TEXT }]);
const jane = impersonate('jane');
const robot = impersonate('system:serviceaccount:dev:robot');
const decide = (r: Omit<AuthorizationRequest, 'user' | 'groups'>, user: { name: string; groups: readonly string[] } = jane) =>
  authorize(a.rbac, { user: user.name, groups: user.groups, ...r });
const lines = (r: Omit<AuthorizationRequest, 'user' | 'groups'>, locale: 'en' | 'ko' = 'en', user?: { name: string; groups: readonly string[] }) =>
  formatRbacDecision(decide(r, user), locale).split('\n');

describe('denied: what the rules lack', () => {
  it('a name outside resourceNames, and a request without a name against resourceNames', () => {
    expect(lines({ verb: 'get', resource: 'configmaps', apiGroup: '', namespace: 'dev', name: 'other' }))
      .toContain('    - rules[0]: resourceNames [app-config] do not include "other"');
    expect(lines({ verb: 'list', resource: 'configmaps', apiGroup: '', namespace: 'dev' }))
      .toContain('    - rules[0]: resourceNames [app-config] never match a request without a name (list, create, watch of all)');
    expect(lines({ verb: 'list', resource: 'configmaps', apiGroup: '', namespace: 'dev' }, 'ko'))
      .toContain('    - rules[0]: resourceNames [app-config] 항목이 있는 규칙은 이름 없는 요청(list, create, 전체 watch)을 허용하지 않음');
  });

  it('the API group, the core group printed as ""', () => {
    const out = lines({ verb: 'get', resource: 'deployments', apiGroup: 'extensions', namespace: 'dev', name: 'web' });
    expect(out[0]).toBe('jane may not get deployments.extensions "web" in namespace dev.');
    expect(out).toContain('    - rules[0]: apiGroups [""] do not include "extensions"; resources [configmaps] do not include deployments; resourceNames [app-config] do not include "web"');
    expect(out).toContain('    - rules[1]: apiGroups [apps] do not include "extensions"');
    const ko = lines({ verb: 'get', resource: 'deployments', apiGroup: 'extensions', namespace: 'dev', name: 'web' }, 'ko');
    expect(ko[0]).toBe('jane 사용자는 dev 네임스페이스의 deployments.extensions 리소스 "web"에 대해 get 권한이 없습니다.');
    expect(ko).toContain('    - rules[1]: apiGroups [apps]에 요청한 API 그룹("extensions")이 없음');
    expect(ko).toContain('    - rules[0]: apiGroups [""]에 요청한 API 그룹("extensions")이 없음; resources [configmaps]에 요청한 리소스(deployments)가 없음; resourceNames [app-config]에 요청한 이름("web")이 없음');
  });

  it('a resource rule asked about a URL, a URL rule asked about a resource, a URL not listed', () => {
    // system:discovery lets every authenticated user get /healthz: ask for a path nobody grants.
    const url = lines({ verb: 'get', nonResourceURL: '/nope' }, 'en', robot);
    expect(url[0]).toBe('system:serviceaccount:dev:robot may not get /nope.');
    expect(url).toContain('  ClusterRoleBinding robot-metrics binds ClusterRole metrics to ServiceAccount dev/robot, but none of its rules allows it:');
    expect(url).toContain('    - rules[0]: nonResourceURLs [/metrics] do not include /nope');
    expect(url).toContain('  ClusterRoleBinding robot-nodes binds ClusterRole node-reader to ServiceAccount dev/robot, but none of its rules allows it:');
    expect(url).toContain('    - rules[0]: it is a resource rule, not a non-resource URL rule');
    expect(url.at(-1)).toBe('The API server answers: forbidden: User "system:serviceaccount:dev:robot" cannot get path "/nope"');
    const ko = lines({ verb: 'get', nonResourceURL: '/nope' }, 'ko', robot);
    expect(ko[0]).toBe('system:serviceaccount:dev:robot 사용자는 /nope 경로에 대해 get 권한이 없습니다.');
    expect(ko).toContain('    - rules[0]: nonResourceURLs [/metrics]에 요청한 경로(/nope)가 없음');
    expect(ko).toContain('    - rules[0]: 리소스용 규칙이라 URL 요청에는 해당하지 않음');
    expect(ko.at(-1)).toBe('API 서버의 응답: forbidden: User "system:serviceaccount:dev:robot" cannot get path "/nope"');
    const res = lines({ verb: 'get', resource: 'secrets', apiGroup: '', namespace: 'dev', name: 's' }, 'en', robot);
    expect(res).toContain('    - rules[0]: it is a non-resource URL rule (nonResourceURLs [/metrics])');
    expect(lines({ verb: 'get', resource: 'secrets', apiGroup: '', namespace: 'dev', name: 's' }, 'ko', robot))
      .toContain('    - rules[0]: 비리소스 URL용 규칙임 (nonResourceURLs [/metrics])');
  });

  it('a role without rules, and a binding with no subjects', () => {
    const out = lines({ verb: 'get', resource: 'pods', apiGroup: '', namespace: 'dev', name: 'p' });
    expect(out).toContain('  RoleBinding dev/jane-empty binds Role dev/empty to User jane, but the role has no rules.');
    expect(out).toContain('  RoleBinding dev/nobody binds Role dev/empty to —, not to jane.');
    const ko = lines({ verb: 'get', resource: 'pods', apiGroup: '', namespace: 'dev', name: 'p' }, 'ko');
    expect(ko).toContain('  RoleBinding dev/jane-empty 바인딩은 Role dev/empty 역할을 User jane 주체에 연결하지만, 그 역할에는 규칙이 없습니다.');
    expect(ko).toContain('  RoleBinding dev/nobody 바인딩은 Role dev/empty 역할을 다른 주체(—)에 연결합니다.');
    expect(ko).toContain('적용되지 않는 바인딩:');
  });

  it('a ServiceAccount subject without a namespace takes the binding\'s', () => {
    expect(lines({ verb: 'delete', resource: 'configmaps', apiGroup: '', namespace: 'dev', name: 'app-config' }, 'en', robot))
      .toContain('  RoleBinding dev/robot-cm binds Role dev/cm-one to ServiceAccount dev/robot, but none of its rules allows it:');
    expect(lines({ verb: 'delete', resource: 'configmaps', apiGroup: '', namespace: 'dev', name: 'app-config' }, 'en'))
      .toContain('  RoleBinding dev/robot-cm binds Role dev/cm-one to ServiceAccount dev/robot, not to jane.');
  });
});

describe('denied: which bindings apply', () => {
  it('no binding at all (no groups either): RBAC allows nothing by default', () => {
    const nobody = { name: 'ghost', groups: [] };
    const out = lines({ verb: 'get', resource: 'pods', apiGroup: '', namespace: 'dev', name: 'p' }, 'en', nobody);
    expect(out[1]).toBe('No binding applies to ghost in namespace dev, and RBAC allows nothing by default.');
    expect(out).not.toContain('Bindings that apply to ghost:');
    expect(lines({ verb: 'get', resource: 'pods', apiGroup: '', namespace: 'dev', name: 'p' }, 'ko', nobody)[1])
      .toBe('ghost 사용자에게 적용되는 바인딩이 없습니다. RBAC는 기본적으로 아무것도 허용하지 않습니다.');
  });

  it('a RoleBinding never grants a cluster-scoped request', () => {
    const out = lines({ verb: 'list', resource: 'configmaps', apiGroup: '' });
    expect(out[0]).toBe('jane may not list configmaps at the cluster scope.');
    expect(out).toContain('  RoleBinding dev/jane-cm applies to jane, but a RoleBinding never grants a cluster-scoped request.');
    const ko = lines({ verb: 'list', resource: 'configmaps', apiGroup: '' }, 'ko');
    expect(ko[0]).toBe('jane 사용자는 클러스터 범위의 configmaps 리소스에 대해 list 권한이 없습니다.');
    expect(ko).toContain('  RoleBinding dev/jane-cm 바인딩은 jane 사용자에게 적용되지만, RoleBinding은 클러스터 범위 요청에는 권한을 주지 않습니다.');
    expect(ko.some((l) => /^ {2}그 밖에 다른 주체에 연결된 기본 제공 바인딩 \d+개\.$/.test(l))).toBe(true);
    expect(ko.some((l) => l.includes('바인딩(기본 제공)은 ClusterRole system:basic-user 역할을 Group system:authenticated 주체에 연결하지만, 규칙 2개 중 허용하는 것이 없습니다.'))).toBe(true);
  });

  it('only built-in bindings do not apply: the count line alone; a subresource rule missing, in Korean', () => {
    const bare = analyze([{ name: 'none.yaml', text: '' }]);
    const d = authorize(bare.rbac, { user: 'jane', groups: jane.groups, verb: 'get', resource: 'pods', apiGroup: '', namespace: 'dev', name: 'p' });
    const out = formatRbacDecision(d, 'en').split('\n');
    const title = out.indexOf('Bindings that do not apply:');
    expect(out[title + 1]).toMatch(/^ {2}…and \d+ built-in bindings for other subjects\.$/);
    expect(out[title + 2]).toBe('The API server answers: pods "p" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "dev"');
    const ko = lines({ verb: 'get', resource: 'configmaps', subresource: 'status', apiGroup: '', namespace: 'dev', name: 'app-config' }, 'ko');
    expect(ko[0]).toBe('jane 사용자는 dev 네임스페이스의 configmaps/status 리소스 "app-config"에 대해 get 권한이 없습니다.');
    expect(ko).toContain('    - rules[0]: resources [configmaps]에 요청한 리소스(configmaps/status)가 없음 (하위 리소스는 configmaps/status처럼 따로 적어야 함)');
  });

  it('a missing role, in Korean', () => {
    const ghostRole = analyze([{ name: 'rb.yaml', text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: dev}\nsubjects: [{kind: User, name: jane}]\nroleRef: {kind: ClusterRole, name: gone}\n' }]);
    const d = authorize(ghostRole.rbac, { user: 'jane', groups: jane.groups, verb: 'get', resource: 'pods', apiGroup: '', namespace: 'dev', name: 'p' });
    expect(formatRbacDecision(d, 'ko').split('\n'))
      .toContain('  RoleBinding dev/b 바인딩은 ClusterRole gone 역할을 User jane 주체에 연결하지만, 그 역할이 존재하지 않아 아무 권한도 주지 않습니다.');
  });
});

describe('allowed, and positions', () => {
  it('a named object of a group, allowed by a ClusterRoleBinding to a ServiceAccount', () => {
    expect(formatRbacDecision(decide({ verb: 'get', resource: 'deployments', subresource: 'scale', apiGroup: 'apps', namespace: 'dev', name: 'web' }), 'en').split('\n')[0])
      .toBe('jane may not get deployments.apps/scale "web" in namespace dev.');
    expect(formatRbacDecision(decide({ verb: 'get', nonResourceURL: '/metrics' }, robot), 'en'))
      .toBe('system:serviceaccount:dev:robot may get /metrics because ClusterRoleBinding robot-metrics binds ClusterRole metrics to ServiceAccount dev/robot, rules[0].');
    expect(formatRbacDecision(decide({ verb: 'get', resource: 'deployments', apiGroup: 'apps', namespace: 'dev', name: 'web' }), 'ko'))
      .toBe('jane 사용자는 dev 네임스페이스의 deployments.apps 리소스 "web"에 대해 get 권한이 있습니다. 근거: RoleBinding dev/jane-cm 바인딩이 Role dev/cm-one 역할을 User jane 주체에 연결하며, 그 역할의 rules[1] 규칙이 허용합니다.');
    expect(formatRbacDecision(decide({ verb: 'get', resource: 'pods', apiGroup: '' }, impersonate('root', ['system:masters'])), 'ko'))
      .toBe('root 사용자는 클러스터 범위의 pods 리소스에 대해 get 권한이 있습니다. 근거: system:masters 그룹의 구성원은 API 서버가 RBAC를 묻기 전에 모든 요청을 허용합니다.');
  });

  it('a locator marks the binding and each missed rule of a denial, and the skipped bindings', () => {
    const out = formatRbacDecision(decide({ verb: 'delete', resource: 'configmaps', apiGroup: '', namespace: 'dev', name: 'app-config' }), 'en', { locate: a.locate }).split('\n');
    expect(out).toContain('  RoleBinding dev/jane-cm binds Role dev/cm-one to User jane, but none of its rules allows it: [rbac.yaml:13:1]');
    expect(out.some((l) => /^ {4}- rules\[0\] \[rbac\.yaml:5:3\]: verbs \[get, list\] do not include delete$/.test(l))).toBe(true);
    expect(out.some((l) => /^ {2}RoleBinding dev\/jane-empty binds Role dev\/empty to User jane, but the role has no rules\. \[rbac\.yaml:\d+:1\]$/.test(l))).toBe(true);
    expect(out.some((l) => /^ {2}RoleBinding dev\/nobody binds Role dev\/empty to —, not to jane\. \[rbac\.yaml:\d+:1\]$/.test(l))).toBe(true);
    // Built-in bindings have no position.
    expect(out.filter((l) => l.includes('(built in)')).every((l) => !l.includes('['))).toBe(true);
  });
});
