import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { kubectlTestdata } from '../../testing/kubectl-testdata.js';
import { cmpDiff, type GoType } from './gocmp.js';
import { podSpecDiff, podUpdateErrors } from './pod-update.js';

const testdata = kubectlTestdata;

// kubectl-cluster-ops.md: k8s v1.30.3 printers.go printNode/printEvent, kubectl v0.30.14
// describe.go describeNode, pkg/cmd/{top,config,delete,replace,diff}.
describe('nodes', () => {
  const sh = () => createShell({ files: [] });
  it('get nodes: STATUS from Ready, ROLES from node-role labels, VERSION the kubelet', () => {
    expect(sh().run('kubectl get nodes').output).toBe('NAME           STATUS   ROLES           AGE   VERSION\ncontrolplane   Ready    control-plane   12d   v1.30.0\nnode01         Ready    <none>          12d   v1.30.0\nnode02         Ready    <none>          12d   v1.30.0\n');
  });
  it('get nodes -o wide: INTERNAL-IP, EXTERNAL-IP <none>, OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME', () => {
    expect(sh().run('kubectl get node node01 -o wide').output).toBe('NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP      EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME\nnode01   Ready    <none>   12d   v1.30.0   192.168.121.11   <none>        Ubuntu 22.04.4 LTS   5.15.0-105-generic   containerd://1.7.13\n');
  });
  it('describe node: describeNode order, Conditions rows with a space before each tab, pods and allocations', () => {
    const out = createShell({ files: [{ name: 'c.yaml', text: 'apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {cni: flannel}\n' }] }).run('kubectl describe node controlplane').output;
    const heads = out.split('\n').filter((l) => /^[A-Z][\w -]*:/.test(l)).map((l) => l.split(':')[0]);
    expect(heads).toEqual(['Name', 'Roles', 'Labels', 'Annotations', 'CreationTimestamp', 'Taints', 'Unschedulable', 'Lease', 'Conditions', 'Addresses', 'Capacity', 'Allocatable', 'System Info', 'PodCIDR', 'PodCIDRs', 'Non-terminated Pods', 'Allocated resources', 'Events']);
    expect(out).toContain('Roles:              control-plane\n');
    expect(out).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n');
    expect(out).toContain('                    node-role.kubernetes.io/control-plane=\n');
    expect(out).toContain('  Type                 Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message\n');
    expect(out).toMatch(/\n {2}NetworkUnavailable {3}False {3}\w{3}, \d\d \w{3} 2024 [\d:]{8} \+0000 {3}.* {3}FlannelIsUp {18}Flannel is running on this node\n/);
    expect(out).toContain('  Ready                True    ');
    expect(out).toContain('  InternalIP:  192.168.121.10\n  Hostname:    controlplane\n');
    // The research's example (2 vCPU / 4 GiB, flannel): the same columns and totals.
    expect(out).toContain('  Namespace                   Name                                    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n');
    expect(out).toMatch(/\n {2}kube-system {17}coredns-7db6d8ff4d-\w{5} {16}100m \(5%\) {5}0 \(0%\) {6}70Mi \(1%\) {8}170Mi \(4%\) {5}12d\n/);
    expect(out).toContain('  kube-system                 kube-apiserver-controlplane             250m (12%)    0 (0%)      0 (0%)           0 (0%)         12d\n');
    expect(out).toContain('  Resource           Requests    Limits\n  --------           --------    ------\n  cpu                950m (47%)  0 (0%)\n  memory             290Mi (7%)  340Mi (8%)\n');
    expect(out.endsWith('Events:              <none>\n')).toBe(true);
  });
  it('describe node of a worker: no taints, no roles, the pods scheduled there', () => {
    const sh2 = createShell({ files: [{ name: 'p.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: pinned}\nspec: {nodeName: node02, containers: [{name: a, image: nginx, resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {memory: 128Mi}}}]}\n' }] });
    const out = sh2.run('kubectl describe node node02').output;
    expect(out).toContain('Roles:              <none>\n');
    expect(out).toContain('Taints:             <none>\n');
    expect(out).toContain('  default                     pinned               250m (12%)    0 (0%)      64Mi (1%)        128Mi (3%)     10m\n');
    expect(out).toContain('  cpu                500m (25%)  0 (0%)\n  memory             64Mi (1%)   128Mi (3%)\n');
    expect(sh2.run('kubectl get pods -o wide').output).toMatch(/pinned .* node02 /);
  });
});

describe('events (kubectl-cluster-ops.md "Event texts")', () => {
  const files = [
    { name: 'r.yaml', text: 'apiVersion: lab/v1\nkind: Registry\nmetadata: {name: hub}\nspec: {server: docker.io, private: false, images: [{repository: nginx, tags: ["1.25"]}]}\n' },
    { name: 'p.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec: {containers: [{name: ok, image: nginx:1.25}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec: {containers: [{name: bad, image: nginx:nope}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: root}\nspec: {securityContext: {runAsNonRoot: true}, containers: [{name: root, image: nginx:1.25, imagePullPolicy: IfNotPresent}]}\n' },
  ];
  const sh = () => createShell({ files });
  it('Scheduled, Pulling, Pulled with duration and size, Created, Started for a running pod', () => {
    const out = sh().run('kubectl get events --field-selector involvedObject.name=ok').output.split('\n');
    expect(out[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(out.slice(1, -1).map((l) => l.split(/ {2,}/).slice(1, 3).join(' '))).toEqual(['Normal Scheduled', 'Normal Pulling', 'Normal Pulled', 'Normal Created', 'Normal Started']);
    expect(out[1]).toMatch(/pod\/ok +Successfully assigned default\/ok to node0[12]$/);
    expect(out[3]).toMatch(/Successfully pulled image "nginx:1\.25" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 71026652 bytes\.$/);
    expect(out[4]).toMatch(/Created container ok$/);
  });
  it('a failed pull: Failed + ErrImagePull, then BackOff (type Normal) + ImagePullBackOff, counted in describe', () => {
    const out = sh().run('kubectl describe pod bad').output;
    expect(out).toMatch(/ {2}Normal {3}Pulling {4}\S+ \(x\d+ over \S+\) +kubelet +Pulling image "nginx:nope"\n/);
    expect(out).toMatch(/ {2}Warning {2}Failed {5}\S+ \(x\d+ over \S+\) +kubelet +Error: ErrImagePull\n/);
    expect(out).toMatch(/ {2}Normal {3}BackOff {4}\S+ \(x\d+ over \S+\) +kubelet +Back-off pulling image "nginx:nope"\n/);
    expect(out).toMatch(/ {2}Warning {2}Failed {5}\S+ \(x\d+ over \S+\) +kubelet +Error: ImagePullBackOff\n$/);
  });
  it('CreateContainerConfigError: the kubelet retries; Failed with the runAsNonRoot message', () => {
    const out = sh().run('kubectl get events --field-selector involvedObject.name=root,type=Warning -o custom-columns=REASON:.reason,COUNT:.count,MESSAGE:.message').output;
    expect(out).toMatch(/^REASON +COUNT +MESSAGE\nFailed +\d+ +Error: container has runAsNonRoot and image will run as root \(pod: "root_default\([0-9a-f-]+\)", container: root\)\n$/);
  });
  it('-A adds NAMESPACE; --sort-by=.lastTimestamp orders by the last occurrence; the cluster\'s own events have expired', () => {
    const out = sh().run('kubectl get events -A --sort-by=.lastTimestamp').output.split('\n').slice(1, -1);
    expect(out.every((l) => l.startsWith('default '))).toBe(true);
    expect(out.length).toBeGreaterThan(10);
  });
  it('an empty namespace', () => {
    expect(sh().run('kubectl get events -n kube-system').output).toBe('No resources found in kube-system namespace.\n');
  });
});

// cmdutil.DefaultSubCommandRun(streams.ErrOut) (kubectl v0.30.3 pkg/cmd/util/helpers.go) for
// top, config and set without a subcommand: the help on stderr, then CheckErr(ErrExit) → exit 1;
// cobra's NamePadding (the longest subcommand name, at least 11) plus three spaces
// (pkg/util/templates/templater.go cmdGroupsString).
describe('command groups without a subcommand', () => {
  it.each([
    ['kubectl top', '  node          Display resource (CPU/memory) usage of nodes\n'],
    ['kubectl config', '  current-context   Display the current-context\n'],
    ['kubectl set', '  env              Update environment variables on a pod template\n  image            Update the image of a pod template\n'],
    ['kubectl rollout', '  history       View rollout history\n'],
  ])('%s', (cmd, line) => {
    const sh = createShell({ files: [] });
    const r = sh.run(cmd);
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain(line);
    // rollout's DefaultSubCommandRun writes to streams.Out, the others to ErrOut.
    expect(sh.run(`${cmd} 2>/dev/null | wc -l`).output.trim()).toBe(cmd === 'kubectl rollout' ? String(r.output.split('\n').length - 1) : '0');
  });
});

// k8s.io/kubectl pkg/util/apply.go GetModifiedConfiguration: the applied object, its annotations
// map without this one, the builder's namespace, JSON with sorted keys and a newline (goyaml
// prints it as a literal block); describe skips it (skipAnnotations).
describe('last-applied-configuration', () => {
  it('apply records it on the object; create does not; diff shows the new one and the generation bump', () => {
    const sh = createShell({ files: [] });
    sh.run('kubectl run web --image=nginx --dry-run=client -o yaml > /tmp/web.yaml');
    sh.run('kubectl apply -f /tmp/web.yaml');
    expect(sh.run('kubectl get pod web -o yaml').output).toContain('metadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"creationTimestamp":null,"labels":{"run":"web"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"web","resources":{}}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always"},"status":{}}\n  creationTimestamp:');
    expect(sh.run('kubectl describe pod web').output).toContain('\nAnnotations:      <none>\n');
    sh.run('kubectl create deployment d --image=nginx:1.25');
    expect(sh.run('kubectl get deploy d -o jsonpath={.metadata.annotations}').output).toBe('{"deployment.kubernetes.io/revision":"1"}');
    sh.run('kubectl create deployment d --image=nginx:1.26 --dry-run=client -o yaml > /tmp/d.yaml');
    const diff = sh.run('kubectl diff -f /tmp/d.yaml').output;
    expect(diff).toContain('+    kubectl.kubernetes.io/last-applied-configuration: |\n+      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"creationTimestamp":null,"labels":{"app":"d"},"name":"d","namespace":"default"}');
    expect(diff).toContain('-  generation: 1\n+  generation: 2\n');
    expect(diff).toContain('-      - image: nginx:1.25\n+      - image: nginx:1.26\n');
  });
});

describe('top, config, delete, replace, diff', () => {
  const pod = { name: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n' };
  it.each([
    ['kubectl top pod', 'error: Metrics API not available\n', 1],
    ['kubectl top node', 'error: Metrics API not available\n', 1],
    ['kubectl config current-context', 'kubernetes-admin@kubernetes\n', 0],
    ['kubectl config use-context dev', 'Switched to context "dev".\n', 0],
    ['kubectl config use-context nope', 'error: no context exists with the name: "nope"\n', 1],
    ['kubectl config get-contexts nope', 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\nerror: context nope not found\n', 1],
    ['kubectl config set-context --current --namespace=dev', 'Context "kubernetes-admin@kubernetes" modified.\n', 0],
    ['kubectl delete pod web --force --grace-period=0', 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "web" force deleted\n', 0],
    ['kubectl delete pod web --force', 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "web" force deleted\n', 0],
    ['kubectl delete pod web --grace-period=0', 'pod "web" deleted\n', 0],
    ['kubectl delete pod web --force --grace-period=5', 'error: --force and --grace-period greater than 0 cannot be specified together\n', 1],
    ['kubectl delete pod nope', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl delete pod nope --ignore-not-found', '', 0],
    ['kubectl delete pod', 'error: resource(s) were provided, but no name was specified\n', 1],
    ['kubectl replace --force -f pod.yaml', 'pod "web" deleted\npod/web replaced\n', 0],
    ['kubectl diff -f pod.yaml', '', 0],
  ])('%s', (cmd, expected, code) => {
    const r = createShell({ files: [pod] }).run(cmd);
    expect([r.output, r.exitCode]).toEqual([expected, code]);
  });
  // The admitted volume and nodeName are missing, so a pod is refused; the default tolerations are
  // not: DefaultTolerationSeconds admits updates too (NewHandler(admission.Create, admission.Update)).
  it('replace without --force sends the object as written: the admitted fields (volumes, nodeName) are missing, so a pod is refused', () => {
    const r = createShell({ files: [pod] }).run('kubectl replace -f pod.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.output.startsWith('The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than ')).toBe(true);
    expect(r.output).toContain('- \tNodeName:                     "node02",\n+ \tNodeName:                     "",\n');
  });
  it('config get-contexts: CURRENT is * or empty; the empty NAMESPACE leaves the cell before it padded', () => {
    expect(createShell({ files: [] }).run('kubectl config get-contexts').output).toBe('CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n          dev                           kubernetes   kubernetes-admin   dev\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n');
  });
  it('replace --force of an object that did not exist: only `replaced`', () => {
    const sh = createShell({ files: [] });
    expect(sh.run('kubectl run web --image=nginx --dry-run=client -o yaml > /tmp/web.yaml').exitCode).toBe(0);
    expect(sh.run('kubectl replace --force -f /tmp/web.yaml').output).toBe('pod/web replaced\n');
    expect(sh.run('kubectl replace -f /tmp/nope.yaml').output).toBe('error: the path "/tmp/nope.yaml" does not exist\n');
  });
  it('replace without --force of something that does not exist: NotFound with the source', () => {
    const sh = createShell({ files: [] });
    sh.run('kubectl run web --image=nginx --dry-run=client -o yaml > /tmp/web.yaml');
    expect(sh.run('kubectl replace -f /tmp/web.yaml').output).toBe('Error from server (NotFound): error when replacing "/tmp/web.yaml": pods "web" not found\n');
  });
  it('diff: the GNU unified diff of live and merged objects; exit 1', () => {
    const sh = createShell({ files: [pod] });
    sh.run('kubectl apply -f pod.yaml');
    const r = sh.run("printf 'apiVersion: v1\\nkind: Pod\\nmetadata: {name: web, labels: {tier: fe}}\\nspec: {containers: [{name: web, image: nginx}]}\\n' | kubectl diff -f -");
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.Pod\.default\.web \/tmp\/MERGED-\d+\/v1\.Pod\.default\.web\n--- \/tmp\/LIVE-\d+\/v1\.Pod\.default\.web\t2024-05-20 09:00:00\.000000000 \+0000\n\+\+\+ \/tmp\/MERGED-\d+\/v1\.Pod\.default\.web\t2024-05-20 09:00:04\.000000000 \+0000\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(r.output).toContain('+  labels:\n+    tier: fe\n');
  });
});

// ValidatePodUpdate (validation.go v1.30.3) and go-cmp v0.6.0's report: the research generated
// these diffs with the real code on the real internal types (src/testing/kubectl/README.md).
describe('pod update validation (kubectl-pod-update-validation.md)', () => {
  const oldPod = JSON.parse(testdata('pod-old-example.json')) as { spec: Record<string, unknown> };
  const newPod = JSON.parse(testdata('pod-new-runAsUser.json')) as { spec: Record<string, unknown> };
  it('a container securityContext added: the full message, byte for byte (ending with an empty line)', () => {
    const errs = podUpdateErrors(oldPod.spec, newPod.spec);
    expect(`The Pod "web" is invalid: ${errs.join('')}\n`).toBe(testdata('pod-update-runAsUser.txt'));
  });
  it('pod-level runAsNonRoot added', () => {
    const spec = structuredClone(oldPod.spec);
    spec['securityContext'] = { runAsNonRoot: true };
    expect(podSpecDiff(oldPod.spec, spec)).toBe(testdata('pod-update-runAsNonRoot.txt'));
  });
  it('a container port added (protocol defaulted)', () => {
    const spec = structuredClone(oldPod.spec) as { containers: Record<string, unknown>[] };
    (spec.containers[0] as Record<string, unknown>)['ports'] = [{ containerPort: 80, protocol: 'TCP' }];
    expect(podSpecDiff(oldPod.spec, spec)).toBe(testdata('pod-update-ports.txt'));
  });
  it('what may change: images, tolerations added, activeDeadlineSeconds set', () => {
    const spec = structuredClone(oldPod.spec) as { containers: Record<string, unknown>[]; tolerations: unknown[] };
    (spec.containers[0] as Record<string, unknown>)['image'] = 'nginx:1.27';
    spec.tolerations.push({ key: 'x', operator: 'Exists', effect: 'NoSchedule' });
    (spec as Record<string, unknown>)['activeDeadlineSeconds'] = 60;
    expect(podUpdateErrors(oldPod.spec, spec)).toEqual([]);
  });
  it('ValidateContainerUpdates first: a container added or removed', () => {
    const spec = structuredClone(oldPod.spec) as { containers: unknown[] };
    spec.containers.push({ name: 'side', image: 'busybox' });
    expect(podUpdateErrors(oldPod.spec, spec)).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });
  it('an existing toleration removed', () => {
    const spec = structuredClone(oldPod.spec) as { tolerations: unknown[] };
    spec.tolerations.pop();
    expect(podUpdateErrors(oldPod.spec, spec)).toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
  });
});

describe('go-cmp report format (report_text.go, report_compare.go)', () => {
  const Inner: GoType = { k: 'struct', name: 'x.Inner', fields: () => [['A', { k: 'int64' }], ['B', { k: 'string' }]] };
  const T: GoType = {
    k: 'struct', name: 'x.T',
    fields: () => [['F1', { k: 'string' }], ['F2', { k: 'string' }], ['F3', { k: 'string' }], ['F4', { k: 'string' }], ['F5', { k: 'string' }], ['List', { k: 'slice', elem: { k: 'string' } }], ['P', { k: 'ptr', elem: Inner }]],
  };
  it('equal values: no report', () => {
    expect(cmpDiff(T, { F1: 'a' }, { F1: 'a' })).toBe('');
  });
  it('a leaf change: two records of context; a run that would elide exactly one record is printed; keys aligned', () => {
    expect(cmpDiff(T, { F1: 'a', F2: 'b', F3: 'c', F4: 'd', F5: 'e' }, { F1: 'a', F2: 'b', F3: 'c', F4: 'X', F5: 'e' })).toBe(
      '  x.T{\n  \tF1:   "a",\n  \tF2:   "b",\n  \tF3:   "c",\n- \tF4:   "d",\n+ \tF4:   "X",\n  \tF5:   "e",\n  \tList: nil,\n  \tP:    nil,\n  }\n');
  });
  it('a slice element inserted, a nested pointer struct changed', () => {
    expect(cmpDiff(T, { List: ['a'], P: { A: 1, B: 'x' } }, { List: ['a', 'b'], P: { A: 2, B: 'x' } })).toBe(
      '  x.T{\n  \t... // 3 identical fields\n  \tF4: "",\n  \tF5: "",\n  \tList: []string{\n  \t\t"a",\n+ \t\t"b",\n  \t},\n  \tP: &x.Inner{\n- \t\tA: 1,\n+ \t\tA: 2,\n  \t\tB: "x",\n  \t},\n  }\n');
  });
});
