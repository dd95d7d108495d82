import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';

// Error texts of kubectl logs / exec / create, each from the function the research notes name:
// kubectl-logs-exec.md (kubectl pkg/cmd/logs/logs.go, polymorphichelpers/logsforobject.go,
// podcmd.go, pkg/cmd/exec/exec.go; kubelet validateContainerLogStatus; pod strategy
// validateContainer) and kubectl-create-errors.md (pkg/cmd/create/create_*.go wrappers,
// apimachinery errors.NewAlreadyExists, cmdutil.AddSourceToErr).

const files = [{
  name: 'pods.yaml',
  text: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  initContainers: [{name: init, image: busybox, command: ['true']}]
  containers: [{name: app, image: busybox, command: [sleep, '3600']}, {name: sidecar, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: nonroot}
spec:
  securityContext: {runAsNonRoot: true}
  containers: [{name: nonroot, image: nginx}]
`,
}];
const run = (cmd: string) => {
  const r = createShell({ files }).run(cmd);
  return [r.output, r.exitCode] as const;
};

describe('kubectl logs (kubectl-logs-exec.md)', () => {
  it.each([
    ['kubectl logs', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n", 1],
    // logs.go wraps the NotFound: lower-case "error from server" after "error: ".
    ['kubectl logs nope', 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n', 1],
    ['kubectl logs web -c nope', 'error: container nope is not valid for pod web\n', 1],
    // kubelet validateContainerLogStatus, through the API server's BadRequest.
    ['kubectl logs nonroot', 'Error from server (BadRequest): container "nonroot" in pod "nonroot" is waiting to start: CreateContainerConfigError\n', 1],
    ['kubectl logs web -p', 'Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n', 1],
    // podcmd.FindOrDefaultContainerByName: containers, then init containers as `name (init)`.
    ['kubectl logs two', 'Defaulted container "app" out of: app, sidecar, init (init)\n', 0],
    ['kubectl logs two -c app', '', 0],
  ])('%s', (cmd, expected, code) => {
    expect(run(cmd)).toEqual([expected, code]);
  });
});

describe('kubectl exec (kubectl-logs-exec.md)', () => {
  it.each([
    ['kubectl exec nope -- id', 'Error from server (NotFound): pods "nope" not found\n', 1],
    // A given -c is passed through: the API server's validateContainer answers (BadRequest).
    ['kubectl exec web -c nope -- id', 'Error from server (BadRequest): container nope is not valid for pod web\n', 1],
    ['kubectl exec web', 'error: you must specify at least one command for the container\n', 1],
    ['kubectl exec nonroot -- id', 'error: unable to upgrade connection: container not found ("nonroot")\n', 1],
    ['kubectl exec web -- sh -c "exit 3"', 'command terminated with exit code 3\n', 3],
  ])('%s', (cmd, expected, code) => {
    expect(run(cmd)).toEqual([expected, code]);
  });
  it('multi-container pod without -c: Defaulted container on stderr, then runs in the first', () => {
    const r = createShell({ files }).run('kubectl exec two -- hostname');
    expect(r.streams).toEqual([{ fd: 2, text: 'Defaulted container "app" out of: app, sidecar, init (init)\n' }, { fd: 1, text: 'two\n' }]);
  });
});

describe('kubectl create: which subcommands wrap the API error (kubectl-create-errors.md)', () => {
  const twice = (cmd: string) => {
    const sh = createShell({ files: [] });
    sh.run(cmd);
    const r = sh.run(cmd);
    return [r.output, r.exitCode] as const;
  };
  it.each([
    ['kubectl create secret docker-registry regcred --docker-username=u --docker-password=p', 'error: failed to create secret secrets "regcred" already exists\n'],
    ['kubectl create secret generic s1 --from-literal=a=b', 'error: failed to create secret secrets "s1" already exists\n'],
    ['kubectl create configmap cm1 --from-literal=a=b', 'error: failed to create configmap: configmaps "cm1" already exists\n'],
    ['kubectl create deployment web --image=nginx', 'error: failed to create deployment: deployments.apps "web" already exists\n'],
    ['kubectl create serviceaccount build', 'error: failed to create serviceaccount: serviceaccounts "build" already exists\n'],
    ['kubectl create job j --image=busybox', 'error: failed to create job: jobs.batch "j" already exists\n'],
    ['kubectl create cronjob cj --image=busybox --schedule="*/1 * * * *"', 'error: failed to create cronjob: cronjobs.batch "cj" already exists\n'],
    ['kubectl create rolebinding rb --role=r', 'error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "rb" already exists\n'],
    ['kubectl create clusterrolebinding crb --clusterrole=r', 'error: failed to create clusterrolebinding: clusterrolebindings.rbac.authorization.k8s.io "crb" already exists\n'],
    ['kubectl create service clusterip web --tcp=80', 'error: failed to create ClusterIP service: services "web" already exists\n'],
    ['kubectl create namespace x', 'Error from server (AlreadyExists): namespaces "x" already exists\n'],
    ['kubectl create role r --verb=get --resource=pods', 'Error from server (AlreadyExists): roles.rbac.authorization.k8s.io "r" already exists\n'],
    ['kubectl create clusterrole r --verb=get --resource=pods', 'Error from server (AlreadyExists): clusterroles.rbac.authorization.k8s.io "r" already exists\n'],
  ])('%s', (cmd, expected) => {
    expect(twice(cmd)).toEqual([expected, 1]);
  });
  it('the namespace that exists anyway (default) and -f with its source', () => {
    const sh = createShell({ files: [{ name: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n' }] });
    expect(sh.run('kubectl create namespace default').output).toBe('Error from server (AlreadyExists): namespaces "default" already exists\n');
    expect(sh.run('kubectl create -f pod.yaml').output).toBe('pod/web created\n');
    expect(sh.run('kubectl create -f pod.yaml').output).toBe('Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n');
  });
  it.each([
    ['kubectl create secret docker-registry', "error: exactly one NAME is required, got 0\nSee 'kubectl create secret docker-registry -h' for help and examples\n"],
    ['kubectl create secret docker-registry regcred', 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n'],
    ['kubectl create deployment web', 'error: required flag(s) "image" not set\n'],
    ['kubectl create role r --resource=pods', 'error: at least one verb must be specified\n'],
    ['kubectl create rolebinding rb', 'error: exactly one of clusterrole or role must be specified\n'],
    ['kubectl create service clusterip web', 'error: at least one tcp port specifier must be provided\n'],
    ['kubectl create', null],
  ])('%s', (cmd, expected) => {
    const r = createShell({ files: [] }).run(cmd);
    expect(r.exitCode).toBe(1);
    if (expected !== null) expect(r.output).toBe(expected);
    else expect(r.output.startsWith('Error: must specify one of -f and -k\n\nCreate a resource from a file or from stdin.\n')).toBe(true);
  });
  it('success lines and dry runs', () => {
    const sh = createShell({ files: [] });
    expect(sh.run('kubectl create namespace x').output).toBe('namespace/x created\n');
    expect(sh.run('kubectl create deployment web --image=nginx --dry-run=client').output).toBe('deployment.apps/web created (dry run)\n');
    expect(sh.run('kubectl create role r --verb=get --resource=pods --dry-run=server').output).toBe('role.rbac.authorization.k8s.io/r created (server dry run)\n');
  });
});

describe('kubectl create generators: dry-run YAML (kubectl pkg/cmd/create/create_*.go)', () => {
  const yaml = (cmd: string) => {
    const dash = cmd.indexOf(' -- ');
    const line = dash < 0 ? `${cmd} --dry-run=client -o yaml` : `${cmd.slice(0, dash)} --dry-run=client -o yaml${cmd.slice(dash)}`;
    return createShell({ files: [] }).run(line).output;
  };
  it('deployment (createDeployment: labels app=NAME, container named after the image)', () => {
    expect(yaml('kubectl create deployment web --image=nginx:1.25 --replicas=3 --port=80')).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.25\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\nstatus: {}\n');
  });
  it('service clusterip (createService: port name from --tcp, selector app=NAME)', () => {
    expect(yaml('kubectl create service clusterip web --tcp=80:8080')).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - name: 80-8080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: web\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n');
  });
  it('role (generateResourcePolicyRules: one rule per API group, plural names)', () => {
    expect(yaml('kubectl create role r --verb=get,list --resource=pods,deploy')).toBe(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  creationTimestamp: null\n  name: r\nrules:\n- apiGroups:\n  - ""\n  resources:\n  - pods\n  verbs:\n  - get\n  - list\n- apiGroups:\n  - apps\n  resources:\n  - deployments\n  verbs:\n  - get\n  - list\n');
  });
  it('rolebinding (createRoleBinding: ServiceAccount subject with its namespace)', () => {
    expect(yaml('kubectl create rolebinding rb --role=r --serviceaccount=default:sa --user=jane')).toBe(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  creationTimestamp: null\n  name: rb\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: r\nsubjects:\n- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: jane\n- kind: ServiceAccount\n  name: sa\n  namespace: default\n');
  });
  it('cronjob (createCronJob: restartPolicy OnFailure, the schedule single-quoted by goyaml.v2)', () => {
    expect(yaml("kubectl create cronjob cj --image=busybox --schedule='*/1 * * * *' -- date")).toBe(
      "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  creationTimestamp: null\n  name: cj\nspec:\n  jobTemplate:\n    metadata:\n      creationTimestamp: null\n      name: cj\n    spec:\n      template:\n        metadata:\n          creationTimestamp: null\n        spec:\n          containers:\n          - command:\n            - date\n            image: busybox\n            name: cj\n            resources: {}\n          restartPolicy: OnFailure\n  schedule: '*/1 * * * *'\nstatus: {}\n");
  });
  it('configmap, generic secret (no type unless --type), namespace, serviceaccount', () => {
    expect(yaml('kubectl create configmap cm --from-literal=a=b --from-literal=n=1')).toBe('apiVersion: v1\ndata:\n  a: b\n  "n": "1"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: cm\n');
    expect(yaml('kubectl create secret generic s --from-literal=password=pw')).toBe('apiVersion: v1\ndata:\n  password: cHc=\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\n');
    expect(yaml('kubectl create namespace x')).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: x\nspec: {}\nstatus: {}\n');
    expect(yaml('kubectl create sa build -n ci')).toBe('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: null\n  name: build\n  namespace: ci\n');
  });
  it('--from-file reads the host file system (key = base name)', () => {
    const sh = createShell({ files: [{ name: 'app.conf', text: 'x=1\n' }] });
    expect(sh.run('kubectl create configmap c --from-file=app.conf --dry-run=client -o yaml').output).toBe('apiVersion: v1\ndata:\n  app.conf: |\n    x=1\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n');
    expect(sh.run('kubectl create configmap c --from-file=nope.conf').output).toBe('error: error reading nope.conf: no such file or directory\n');
  });
});
