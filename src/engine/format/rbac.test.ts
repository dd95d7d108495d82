// The one formatter for RBAC decisions, en and ko: the verdict sentence with the binding, role and
// rule that allowed ("jane may list pods in namespace dev because RoleBinding dev/jane-reads binds
// Role dev/pod-reader to User jane, rules[0]."), or, when denied, each applying binding with each
// rule's misses, the bindings that do not apply, and the API server's Forbidden text.
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { authorize } from '../rbac/authorize.js';
import { impersonate, LAB_USER } from '../rbac/subjects.js';
import { formatRbacDecision } from './rbac.js';

const TEXT = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: dev}
rules:
- {apiGroups: [""], resources: [pods], verbs: [get, list, watch]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-reads, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: pod-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-reads, namespace: prod}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: pod-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops-view}
subjects: [{kind: Group, name: ops}]
roleRef: {kind: ClusterRole, name: view}
`;
const a = analyze([{ name: 'rbac.yaml', text: TEXT }]);
const jane = impersonate('jane');
const decide = (r: { verb: string; resource: string; namespace?: string; subresource?: string; name?: string; apiGroup?: string }, user = jane) =>
  authorize(a.rbac, { user: user.name, groups: user.groups, apiGroup: '', ...r });

describe('formatRbacDecision (en)', () => {
  it('allowed: one sentence naming binding, role, subject and rule, with its position', () => {
    expect(formatRbacDecision(decide({ verb: 'list', resource: 'pods', namespace: 'dev' }), 'en', { locate: a.locate }))
      .toBe('jane may list pods in namespace dev because RoleBinding dev/jane-reads binds Role dev/pod-reader to User jane, rules[0]. [rbac.yaml:5:3]');
  });

  it('the lab user and a superuser', () => {
    expect(formatRbacDecision(decide({ verb: 'delete', resource: 'nodes' }, LAB_USER), 'en'))
      .toBe('kubernetes-admin may delete nodes at the cluster scope because ClusterRoleBinding kubeadm:cluster-admins binds ClusterRole cluster-admin to Group kubeadm:cluster-admins, rules[0].');
    expect(formatRbacDecision(decide({ verb: 'delete', resource: 'nodes' }, impersonate('root', ['system:masters'])), 'en'))
      .toBe('root may delete nodes at the cluster scope because members of group system:masters may do anything (the API server allows them before asking RBAC).');
  });

  it('denied: each binding for the user with each rule\'s misses, what does not apply, the API server\'s answer', () => {
    const lines = formatRbacDecision(decide({ verb: 'create', resource: 'pods', subresource: 'exec', namespace: 'dev', name: 'web' }), 'en').split('\n');
    expect(lines[0]).toBe('jane may not create pods/exec "web" in namespace dev.');
    expect(lines).toContain('Bindings that apply to jane:');
    expect(lines).toContain('  ClusterRoleBinding system:basic-user (built in) binds ClusterRole system:basic-user to Group system:authenticated; none of its 2 rules allows it.');
    expect(lines).toContain('  RoleBinding dev/jane-reads binds Role dev/pod-reader to User jane, but none of its rules allows it:');
    expect(lines).toContain('    - rules[0]: verbs [get, list, watch] do not include create; resources [pods] do not include pods/exec (a subresource needs its own entry: pods/exec)');
    expect(lines).toContain('Bindings that do not apply:');
    expect(lines).toContain('  ClusterRoleBinding ops-view binds ClusterRole view to Group ops, not to jane.');
    expect(lines).toContain('  RoleBinding prod/jane-reads would apply to jane, but a RoleBinding grants only in its own namespace (prod).');
    expect(lines.some((l) => /^ {2}…and \d+ built-in bindings for other subjects\.$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('The API server answers: pods "web" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "dev"');
  });

  it('a group-qualified resource, a URL, a missing role', () => {
    expect(formatRbacDecision(decide({ verb: 'list', resource: 'deployments', apiGroup: 'apps', namespace: 'dev' }), 'en').split('\n')[0])
      .toBe('jane may not list deployments.apps in namespace dev.');
    const url = authorize(a.rbac, { user: 'jane', groups: jane.groups, verb: 'get', nonResourceURL: '/metrics' });
    expect(formatRbacDecision(url, 'en').split('\n')[0]).toBe('jane may not get /metrics.');
    expect(formatRbacDecision(decide({ verb: 'list', resource: 'pods', namespace: 'prod' }), 'en'))
      .toContain('  RoleBinding prod/jane-reads binds Role prod/pod-reader to User jane, but that role does not exist, so it grants nothing.');
  });
});

describe('formatRbacDecision (ko)', () => {
  it('allowed', () => {
    expect(formatRbacDecision(decide({ verb: 'list', resource: 'pods', namespace: 'dev' }), 'ko'))
      .toBe('jane 사용자는 dev 네임스페이스의 pods 리소스에 대해 list 권한이 있습니다. 근거: RoleBinding dev/jane-reads 바인딩이 Role dev/pod-reader 역할을 User jane 주체에 연결하며, 그 역할의 rules[0] 규칙이 허용합니다.');
  });

  it('denied', () => {
    const lines = formatRbacDecision(decide({ verb: 'delete', resource: 'pods', namespace: 'dev' }), 'ko').split('\n');
    expect(lines[0]).toBe('jane 사용자는 dev 네임스페이스의 pods 리소스에 대해 delete 권한이 없습니다.');
    expect(lines).toContain('jane 사용자에게 적용되는 바인딩:');
    expect(lines).toContain('    - rules[0]: verbs [get, list, watch]에 요청한 동사(delete)가 없음');
    expect(lines).toContain('  RoleBinding prod/jane-reads 바인딩은 jane 사용자에게 적용되지만, RoleBinding은 자기 네임스페이스(prod)에서만 권한을 줍니다.');
    expect(lines.at(-1)).toBe('API 서버의 응답: pods is forbidden: User "jane" cannot delete resource "pods" in API group "" in the namespace "dev"');
  });
});
