import { describe, expect, it } from 'vitest';
import { createShell, type ShellResult } from '../index.js';

// kubectl auth can-i / whoami and --as impersonation, answered by the engine's RBAC authorizer
// (plugin/pkg/auth/authorizer/rbac, the API server's Forbidden text from
// apiserver pkg/endpoints/handlers/responsewriters/errors.go). kubectl's side:
// staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go (Complete, Validate, RunAccessCheck: `yes`, or
// `no` + ` - REASON` and os.Exit(1); RunAccessList through printers.GetNewTabWriter),
// whoami.go (printTableSelfSubjectAccessReview, SelfSubjectReview authentication.k8s.io/v1),
// cli-runtime printers/warningprinter.go (`Warning: MSG\n`, MSG ending in `\n` in cani.go).

const streams = (r: ShellResult) => ({
  stdout: (r.streams ?? []).filter((c) => c.fd === 1).map((c) => c.text).join(''),
  stderr: (r.streams ?? []).filter((c) => c.fd === 2).map((c) => c.text).join(''),
});
const plain = (s: string) => s.replace(/\x1b\[33;1mWarning:\x1b\[0m/g, 'Warning:');

const RBAC = `apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: dev}
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-reads, namespace: dev}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-reads, namespace: prod}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: robot, namespace: dev}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: dev}
spec: {containers: [{name: c, image: busybox, command: [sleep, 1d]}]}
`;
const shell = () => createShell({ files: [{ name: 'rbac.yaml', text: RBAC }] });
const run = (cmd: string) => {
  const r = shell().run(cmd);
  return { ...streams(r), stderr: plain(streams(r).stderr), code: r.exitCode };
};

describe('kubectl auth can-i VERB TYPE[/NAME]', () => {
  it.each([
    // The lab user is cluster-admin (kubeadm's kubernetes-admin in kubeadm:cluster-admins).
    ['kubectl auth can-i create deployments -A', 'yes\n', '', 0],
    ['kubectl auth can-i list pods --as jane -n dev', 'yes\n', '', 0],
    ['kubectl auth can-i get pods/log --as jane -n dev', 'yes\n', '', 0],
    ['kubectl auth can-i get pods --subresource=log --as jane -n dev', 'yes\n', '', 0],
    ['kubectl auth can-i delete pods --as jane -n dev', 'no\n', '', 1],
    ['kubectl auth can-i list pods --as jane', 'no\n', '', 1],
    ['kubectl auth can-i list pods --as jane -A', 'no\n', '', 1],
    // A binding to a Role that does not exist: the RBAC authorizer's reason.
    ['kubectl auth can-i list pods --as jane -n prod', 'no - RBAC: role.rbac.authorization.k8s.io "pod-reader" not found\n', '', 1],
    ['kubectl auth can-i list pods -q --as jane -n prod', '', '', 1],
    // A ServiceAccount username gets its groups (impersonation.go); system:serviceaccounts has none here.
    ['kubectl auth can-i list pods --as system:serviceaccount:dev:robot -n dev', 'no\n', '', 1],
    ['kubectl auth can-i create selfsubjectaccessreviews --as nobody', 'yes\n', "Warning: resource 'selfsubjectaccessreviews' is not namespace scoped in group 'authorization.k8s.io'\n\n", 0],
    ['kubectl auth can-i get /healthz --as nobody', 'yes\n', '', 0],
    ['kubectl auth can-i get foo', 'yes\n', "Warning: the server doesn't have a resource type 'foo'\n\n", 0],
    ['kubectl auth can-i lsit pods --as jane -n dev', 'no\n', "Warning: verb 'lsit' is not a known verb\n\n", 1],
    ['kubectl auth can-i list nodes --as jane', 'no\n', "Warning: resource 'nodes' is not namespace scoped\n\n", 1],
    // An empty TYPE: resourceFor's warning only (Validate skips an empty GroupVersionResource).
    ["kubectl auth can-i get '' --as jane -n dev", 'no\n', "Warning: the server doesn't have a resource type ''\n\n", 1],
    // An empty --as is no impersonation.
    ['kubectl auth can-i delete nodes --as=', 'yes\n', "Warning: resource 'nodes' is not namespace scoped\n\n", 0],
  ])('%s', (cmd, stdout, stderr, code) => {
    expect(run(cmd)).toEqual({ stdout, stderr, code });
  });
  it.each([
    ['kubectl auth can-i get', "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n"],
    ['kubectl auth can-i --list pods', 'error: list option must be specified with no arguments\n'],
    ['kubectl auth can-i --list -A', "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n"],
    ['kubectl auth can-i get /healthz --subresource=x', 'error: --subresource can not be used with NonResourceURL\n'],
    ['kubectl auth can-i get pods --no-headers', 'error: --no-headers cannot be set without --list specified\n'],
  ])('%s: kubectl\'s own errors', (cmd, stderr) => {
    expect(run(cmd)).toEqual({ stdout: '', stderr, code: 1 });
  });
});

describe('kubectl auth can-i --list', () => {
  it('jane in dev: her Role, then system:basic-user / discovery / public-info-viewer, sorted by PolicyRule String()', () => {
    const r = run('kubectl auth can-i --list --as jane -n dev');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Resources                                       Non-Resource URLs   Resource Names   Verbs');
    expect(lines).toContain('pods/log                                        []                  []               [get list watch]');
    expect(lines).toContain('pods                                            []                  []               [get list watch]');
    expect(lines).toContain('selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]');
    expect(r.code).toBe(0);
  });
  it('--no-headers drops the header; in prod jane has no pod rows', () => {
    const r = run('kubectl auth can-i --list --no-headers --as jane -n prod');
    expect(r.stdout.startsWith('Resources')).toBe(false);
    expect(r.stdout).not.toMatch(/^pods/m);
  });
});

describe('kubectl auth whoami', () => {
  it('the lab user (kubeadm admin.conf)', () => {
    expect(run('kubectl auth whoami').stdout).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
  });
  it('impersonating a ServiceAccount: its username and groups, as -o yaml', () => {
    expect(run('kubectl auth whoami --as system:serviceaccount:dev:robot -o yaml').stdout).toBe(
      'apiVersion: authentication.k8s.io/v1\nkind: SelfSubjectReview\nmetadata:\n  creationTimestamp: "2024-05-20T09:00:00Z"\nstatus:\n  userInfo:\n    groups:\n    - system:serviceaccounts\n    - system:serviceaccounts:dev\n    - system:authenticated\n    username: system:serviceaccount:dev:robot\n');
  });
  it('--as-group replaces the ServiceAccount groups; system:authenticated is added', () => {
    expect(run('kubectl auth whoami --as jane --as-group devs').stdout).toBe('ATTRIBUTE   VALUE\nUsername    jane\nGroups      [devs system:authenticated]\n');
  });
  it('extra words are ignored (the command has no Args validator)', () => {
    expect(run('kubectl auth whoami extra').stdout).toBe(run('kubectl auth whoami').stdout);
  });
  it('-o json in the type\'s field order', () => {
    expect(JSON.parse(run('kubectl auth whoami -o json').stdout)).toEqual({ kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: '2024-05-20T09:00:00Z' }, status: { userInfo: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } } });
  });
});

describe('--as on other commands: the API server\'s Forbidden text', () => {
  it.each([
    ['kubectl get pods -n prod --as jane', 'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "prod": RBAC: role.rbac.authorization.k8s.io "pod-reader" not found\n'],
    ['kubectl get deploy -n dev --as jane', 'Error from server (Forbidden): deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps" in the namespace "dev"\n'],
    ['kubectl get pods -A --as jane', 'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope\n'],
    ['kubectl get nodes --as jane', 'Error from server (Forbidden): nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope\n'],
    ['kubectl delete pod web -n dev --as jane', 'Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot delete resource "pods" in API group "" in the namespace "dev"\n'],
    ['kubectl exec web -n dev --as jane -- ls', 'Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "dev"\n'],
    ['kubectl run x --image=nginx -n dev --as jane', 'Error from server (Forbidden): pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "dev"\n'],
    ['kubectl create token robot -n dev --as jane', 'Error from server (Forbidden): serviceaccounts "robot" is forbidden: User "jane" cannot create resource "serviceaccounts/token" in API group "" in the namespace "dev"\n'],
    ['kubectl label pod web -n dev a=b --as jane', 'Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot patch resource "pods" in API group "" in the namespace "dev"\n'],
    ['kubectl --as=jane -n dev create deployment d --image=nginx', 'Error from server (Forbidden): deployments.apps is forbidden: User "jane" cannot create resource "deployments" in API group "apps" in the namespace "dev"\n'],
  ])('%s', (cmd, stderr) => {
    expect(run(cmd)).toEqual({ stdout: '', stderr, code: 1 });
  });
  it.each([
    ['kubectl scale deploy api --replicas=2 -n dev --as jane', 'Error from server (Forbidden): deployments.apps "api" is forbidden: User "jane" cannot patch resource "deployments/scale" in API group "apps" in the namespace "dev"\n'],
    ['kubectl rollout restart deploy/api -n dev --as jane', 'Error from server (Forbidden): deployments.apps "api" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "dev"\n'],
    ['kubectl set image deploy/api nginx=nginx:1.27 -n dev --as jane', 'Error from server (Forbidden): deployments.apps "api" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "dev"\n'],
    ['kubectl expose pod web --port=80 -n dev --as jane', 'Error from server (Forbidden): services is forbidden: User "jane" cannot create resource "services" in API group "" in the namespace "dev"\n'],
    ['kubectl edit deploy api -n dev --as jane', 'Error from server (Forbidden): deployments.apps "api" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "dev"\n'],
  ])('%s (a Deployment the lab user created)', (cmd, stderr) => {
    const s = shell();
    s.run('kubectl create deployment api --image=nginx -n dev');
    const r = s.run(cmd);
    expect([streams(r).stdout, plain(streams(r).stderr), r.exitCode]).toEqual(['', stderr, 1]);
  });
  it('what the Role allows goes through', () => {
    const r = run('kubectl get pods -n dev --as jane');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAME {3}READY/);
    expect(run('kubectl logs web -n dev --as jane').code).toBe(0);
  });
  it('apply -f: kubectl apply GETs first (resource.Info.String() in the wrapper)', () => {
    const sh = shell();
    sh.run("cat > p.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: prod}\nspec: {containers: [{name: c, image: nginx}]}\nEOF");
    expect(sh.run('kubectl apply -f p.yaml --as jane').output).toBe('Error from server (Forbidden): error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "p", Namespace: "prod"\nfrom server for: "p.yaml": pods "p" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "prod": RBAC: role.rbac.authorization.k8s.io "pod-reader" not found\n');
    expect(sh.run('kubectl create -f p.yaml --as jane').output).toBe('Error from server (Forbidden): error when creating "p.yaml": pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "prod": RBAC: role.rbac.authorization.k8s.io "pod-reader" not found\n');
  });
  it('--as-group without --as: client-go refuses the configuration', () => {
    expect(run('kubectl get pods --as-group devs')).toEqual({ stdout: '', stderr: 'error: invalid configuration: requesting uid, groups or user-extra for kubernetes-admin without impersonating a user\n', code: 1 });
  });
});
