import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';

// kubectl create role|clusterrole|rolebinding|clusterrolebinding|serviceaccount|token and
// get/describe of RBAC objects. Sources: kubectl v1.30 pkg/cmd/create/create_role.go (Complete:
// verbs deduplicated, `*` alone; Validate: `at least one verb`, the non-standard verb warning,
// validateResource with specialVerbs; generateResourcePolicyRules: one rule per sorted group),
// create_clusterrole.go, create_rolebinding.go, create_clusterrolebinding.go (subjects users,
// groups, then `NS:NAME` service accounts), create_token.go (Validate; a newline only on a
// terminal), pkg/describe/describe.go describeRole / describeRoleBinding, printers.go
// printRoleBinding (rbac.SubjectsStrings), and the API server's ValidateTokenRequest.

const sh = () => createShell({ files: [{ name: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: dev}\n' }] });
const out = (cmd: string) => {
  const r = sh().run(cmd);
  return [r.output, r.exitCode] as const;
};

describe('kubectl create role / clusterrole', () => {
  it('rules per API group, sorted; verbs deduplicated; resource names deduplicated', () => {
    expect(out('kubectl create role r --verb=get,list --verb=get --resource=pods,deployments.apps,pods/log --resource-name=a --resource-name=a --dry-run=client -o yaml')).toEqual([
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  creationTimestamp: null\n  name: r\nrules:\n- apiGroups:\n  - ""\n  resourceNames:\n  - a\n  resources:\n  - pods\n  - pods/log\n  verbs:\n  - get\n  - list\n- apiGroups:\n  - apps\n  resourceNames:\n  - a\n  resources:\n  - deployments\n  verbs:\n  - get\n  - list\n', 0]);
  });
  it('`*` among the verbs or alone among the resources stands for all', () => {
    expect(out('kubectl create role r --verb=get,* --resource=pods,*,services --dry-run=client -o yaml')[0]).toBe(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  creationTimestamp: null\n  name: r\nrules:\n- apiGroups:\n  - \"\"\n  resources:\n  - '*'\n  verbs:\n  - '*'\n");
  });
  it.each([
    ['kubectl create role r --resource=pods', 'error: at least one verb must be specified\n'],
    ['kubectl create role r --verb=get', 'error: at least one resource must be specified\n'],
    ['kubectl create role r --verb=get --resource=.apps', 'error: resource must be specified if apiGroup/subresource specified\n'],
    ['kubectl create role r --verb=get --resource=foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl create role r --verb=use --resource=pods', "error: can not perform 'use' on 'pods' in group ''\n"],
    ['kubectl create role r --verb=bind --resource=pods', "error: can not perform 'bind' on 'pods' in group ''\n"],
    ['kubectl create clusterrole c --resource=pods', 'error: at least one verb must be specified\n'],
    ['kubectl create clusterrole c --verb=get', 'error: one of resource or nonResourceURL must be specified\n'],
    ['kubectl create clusterrole c --verb=list --non-resource-url=/healthz', "error: invalid verb: 'list' for nonResourceURL\n"],
    ['kubectl create clusterrole c --verb=get --non-resource-url=healthz', 'error: nonResourceURL should start with /\n'],
    ['kubectl create clusterrole c --verb=get --non-resource-url=/he*z', "error: nonResourceURL only supports wildcard matches when '*' is at the end\n"],
    ['kubectl create clusterrole c --aggregation-rule=a=b --verb=get', 'error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames\n'],
    ['kubectl create rolebinding rb --role=r --clusterrole=c', 'error: exactly one of clusterrole or role must be specified\n'],
    ['kubectl create rolebinding rb --user=jane', 'error: exactly one of clusterrole or role must be specified\n'],
    ['kubectl create rolebinding rb --role=r --serviceaccount=robot', 'error: serviceaccount must be <namespace>:<name>\n'],
    ['kubectl create clusterrolebinding crb --user=jane', 'error: required flag(s) "clusterrole" not set\n'],
  ])('%s', (cmd, err) => {
    expect(out(cmd)).toEqual([err, 1]);
  });
  it('impersonate on users: a special verb makes an undiscoverable resource acceptable', () => {
    expect(out('kubectl create clusterrole imp --verb=impersonate --resource=users,groups -o name --dry-run=client')).toEqual(['clusterrole.rbac.authorization.k8s.io/imp\n', 0]);
  });
  it('a verb nobody uses: warned on stderr (fmt.Fprintf, not the warning printer), still created', () => {
    const r = sh().run('kubectl create role r --verb=lsit --resource=pods -n dev');
    expect(r.output).toBe("Warning: 'lsit' is not a standard resource verb\nrole.rbac.authorization.k8s.io/r created\n");
  });
  it('--aggregation-rule: the selector, and rules null (PolicyRule has no omitempty)', () => {
    expect(out('kubectl create clusterrole agg --aggregation-rule=rbac.example.com/aggregate-to-agg=true --dry-run=client -o yaml')[0]).toBe(
      'aggregationRule:\n  clusterRoleSelectors:\n  - matchLabels:\n      rbac.example.com/aggregate-to-agg: "true"\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  creationTimestamp: null\n  name: agg\nrules: null\n');
  });
});

describe('bindings: created, then answered by the authorizer', () => {
  it('create role + rolebinding, then can-i as the user and the ServiceAccount', () => {
    const s = sh();
    expect(s.run('kubectl create role pod-reader --verb=get,list --resource=pods -n dev').output).toBe('role.rbac.authorization.k8s.io/pod-reader created\n');
    expect(s.run('kubectl create rolebinding rb --role=pod-reader --user=jane --serviceaccount=dev:robot -n dev').output).toBe('rolebinding.rbac.authorization.k8s.io/rb created\n');
    expect(s.run('kubectl auth can-i list pods -n dev --as jane').output).toBe('yes\n');
    expect(s.run('kubectl auth can-i list pods -n dev --as system:serviceaccount:dev:robot').output).toBe('yes\n');
    expect(s.run('kubectl auth can-i delete pods -n dev --as jane').output).toBe('no\n');
    expect(s.run('kubectl get rolebinding rb -n dev -o wide').output).toBe('NAME   ROLE              AGE   USERS   GROUPS   SERVICEACCOUNTS\nrb     Role/pod-reader   10m   jane             dev/robot\n');
    expect(s.run('kubectl describe role pod-reader -n dev').output).toBe('Name:         pod-reader\nLabels:       <none>\nAnnotations:  <none>\nPolicyRule:\n  Resources  Non-Resource URLs  Resource Names  Verbs\n  ---------  -----------------  --------------  -----\n  pods       []                 []              [get list]\n');
    expect(s.run('kubectl describe rolebinding rb -n dev').output).toBe('Name:         rb\nLabels:       <none>\nAnnotations:  <none>\nRole:\n  Kind:  Role\n  Name:  pod-reader\nSubjects:\n  Kind            Name   Namespace\n  ----            ----   ---------\n  User            jane   \n  ServiceAccount  robot  dev\n');
  });
  it('get clusterrole/clusterrolebinding lists kubeadm\'s built-in ones, as the bootstrap policy stores them', () => {
    const s = sh();
    expect(s.run('kubectl get clusterrolebinding cluster-admin').output).toBe('NAME            ROLE                        AGE\ncluster-admin   ClusterRole/cluster-admin   12d\n');
    expect(s.run('kubectl get clusterrole view -o jsonpath={.metadata.annotations}').output).toBe('{"rbac.authorization.kubernetes.io/autoupdate":"true"}');
    expect(s.run('kubectl get roles -n kube-system -o name').output).toContain('role.rbac.authorization.k8s.io/kube-proxy\n');
    expect(s.run('kubectl describe clusterrolebinding cluster-admin').output).toBe('Name:         cluster-admin\nLabels:       kubernetes.io/bootstrapping=rbac-defaults\nAnnotations:  rbac.authorization.kubernetes.io/autoupdate: true\nRole:\n  Kind:  ClusterRole\n  Name:  cluster-admin\nSubjects:\n  Kind   Name            Namespace\n  ----   ----            ---------\n  Group  system:masters  \n');
  });
});

describe('kubectl create serviceaccount / token', () => {
  it('serviceaccount: created, listed, AlreadyExists wrapped as create_serviceaccount.go wraps it', () => {
    const s = sh();
    expect(s.run('kubectl create sa bot -n dev').output).toBe('serviceaccount/bot created\n');
    expect(s.run('kubectl get sa -n dev').output).toBe('NAME      SECRETS   AGE\nbot       0         10m\ndefault   0         12d\nrobot     0         10m\n');
    expect(s.run('kubectl create sa bot -n dev').output).toBe('error: failed to create serviceaccount: serviceaccounts "bot" already exists\n');
  });
  it('describe sa: describeServiceAccount\'s fixed-width headers, sorted; several pull secrets one per line', () => {
    const s = createShell({ files: [{ name: 'sa.yaml', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: puller}\nimagePullSecrets: [{name: reg-a}, {name: reg-b}]\n' }] });
    expect(s.run('kubectl describe sa puller').output).toBe('Name:                puller\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  reg-a\n                     reg-b\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n');
  });
  it('token: a JWT for the ServiceAccount (three base64url parts; claims as TokenRequest gives them)', () => {
    const r = sh().run('kubectl create token robot -n dev');
    const token = r.output.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
    expect(payload['sub']).toBe('system:serviceaccount:dev:robot');
    expect(payload['aud']).toEqual(['https://kubernetes.default.svc.cluster.local']);
    expect((payload['exp'] as number) - (payload['iat'] as number)).toBe(3600);
    expect((payload['kubernetes.io'] as { serviceaccount: { name: string } }).serviceaccount.name).toBe('robot');
  });
  it('token: --duration, a newline only on a terminal (piped: none)', () => {
    const s = sh();
    const two = s.run('kubectl create token robot -n dev --duration=2h | cut -d. -f2 | base64 -d 2>/dev/null | wc -c').exitCode;
    expect(two).toBe(0);
    expect(s.run('kubectl create token robot -n dev | wc -l').output).toBe('0\n');
  });
  it.each([
    ['kubectl create token nobody -n dev', 'error: failed to create token: serviceaccounts "nobody" not found\n'],
    ['kubectl create token robot -n dev --duration=-1h', 'error: --duration must be greater than or equal to 0\n'],
    ['kubectl create token robot -n dev --duration=1.5s', 'error: --duration cannot be expressed in units less than seconds\n'],
    ['kubectl create token robot -n dev --duration=5m', 'error: failed to create token: TokenRequest.authentication.k8s.io "robot" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n'],
  ])('%s', (cmd, err) => {
    expect(out(cmd)).toEqual([err, 1]);
  });
});
