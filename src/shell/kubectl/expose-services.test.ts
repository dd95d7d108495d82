import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';

// kubectl expose (kubectl-expose.md: pkg/cmd/expose/expose.go RunExpose/createService and the
// polymorphichelpers) and the Service tables (kubectl-services-endpoints.md: k8s v1.30.3
// pkg/printers/internalversion/printers.go printService/printEndpoints/printEndpointSlice,
// kubectl pkg/describe/describe.go describeService).

const files = [{
  name: 'app.yaml',
  text: `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {run: web}}
spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: multi, labels: {app: multi}}
spec: {containers: [{name: a, image: nginx, ports: [{containerPort: 80}, {containerPort: 443}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec: {containers: [{name: a, image: nginx}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, labels: {app: api}}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
stringData: {a: b}
`,
}];

const sh = () => createShell({ files });

describe('kubectl expose: the Service it builds (kubectl-expose.md)', () => {
  it('pod: selector and labels are the pod labels; one port, unnamed; targetPort = port', () => {
    expect(sh().run('kubectl expose pod web --port=80 --dry-run=client -o yaml').output).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    run: web\nstatus:\n  loadBalancer: {}\n');
  });
  it('deployment: spec.selector.matchLabels, --target-port, --name, --type', () => {
    expect(sh().run('kubectl expose deployment api --port=80 --target-port=8080 --name=api-svc --type=NodePort --dry-run=client -o yaml').output).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: api\n  name: api-svc\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: api\n  type: NodePort\nstatus:\n  loadBalancer: {}\n');
  });
  it('several container ports and no --port: every port, named port-1, port-2', () => {
    expect(sh().run('kubectl expose pod multi --dry-run=client -o yaml').output).toContain(
      '  ports:\n  - name: port-1\n    port: 80\n    protocol: TCP\n    targetPort: 80\n  - name: port-2\n    port: 443\n    protocol: TCP\n    targetPort: 443\n');
  });
  it('--target-port names a port; --protocol; -n puts the namespace in the dry-run object', () => {
    const out = sh().run('kubectl expose pod web --port=53 --target-port=dns --protocol=UDP -n default --dry-run=client -o yaml').output;
    expect(out).toContain('  namespace: default\n');
    expect(out).toContain('  - port: 53\n    protocol: UDP\n    targetPort: dns\n');
  });
  it.each([
    ['kubectl expose pod web --port=80', 'service/web exposed\n', 0],
    ['kubectl expose pod web --port=80 --dry-run=client', 'service/web exposed (dry run)\n', 0],
    ['kubectl expose pod web --port=80 --dry-run=server', 'service/web exposed (server dry run)\n', 0],
    ['kubectl expose pod bare --port=80', "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n", 1],
    ['kubectl expose pod web --name=x', 'service/x exposed\n', 0],
    ['kubectl expose secret s --port=80', 'error: cannot expose a Secret\n', 1],
    ['kubectl expose pod nope --port=80', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl expose deployment nope --port=80', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1],
    ['kubectl expose pod web --port=80 --session-affinity=Sticky', 'error: unknown session affinity: Sticky\n', 1],
    ['kubectl expose pod web --port=80 --type=Foo', 'The Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n', 1],
  ])('%s', (cmd, expected, code) => {
    const r = sh().run(cmd);
    expect([r.output, r.exitCode]).toEqual([expected, code]);
  });
  it('a pod without ports and no --port', () => {
    const s = createShell({ files: [{ name: 'p.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {a: b}}\nspec: {containers: [{name: a, image: nginx}]}\n' }] });
    expect(s.run('kubectl expose pod p').output).toBe("error: couldn't find port via --port flag or introspection\n");
  });
  it('an existing name: AlreadyExists, unwrapped', () => {
    const s = sh();
    s.run('kubectl expose pod web --port=80');
    expect(s.run('kubectl expose pod web --port=80').output).toBe('Error from server (AlreadyExists): services "web" already exists\n');
  });
});

describe('kubectl get svc / endpoints / endpointslices, describe svc (kubectl-services-endpoints.md)', () => {
  const withSvc = () => {
    const s = sh();
    s.run('kubectl expose deployment api --port=80 --target-port=8080 --type=NodePort');
    s.run('kubectl expose pod web --port=80');
    return s;
  };
  it('get svc: TYPE, CLUSTER-IP, EXTERNAL-IP <none>, PORT(S) port:nodePort/proto; -o wide SELECTOR', () => {
    const s = withSvc();
    const lines = s.run('kubectl get svc -o wide').output.split('\n');
    expect(lines[0]).toMatch(/^NAME {9}TYPE {8}CLUSTER-IP +EXTERNAL-IP {3}PORT\(S\) {8}AGE {3}SELECTOR$/);
    expect(lines[1]).toMatch(/^api {10}NodePort {4}10\.\d+\.\d+\.\d+ +<none> {8}80:3\d{4}\/TCP +10m {3}app=api$/);
    expect(lines[2]).toMatch(/^kubernetes {3}ClusterIP {3}10\.96\.0\.1 +<none> {8}443\/TCP +12d {3}<none>$/);
  });
  it('get endpoints: ready ip:port of every backend (targetPort resolved)', () => {
    const out = withSvc().run('kubectl get ep api').output;
    expect(out).toMatch(/^NAME {3}ENDPOINTS +AGE\napi {4}10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080 {3}10m\n$/);
  });
  it('get endpointslices: <service>-<5 chars>, ADDRESSTYPE IPv4, PORTS the target port', () => {
    const out = withSvc().run('kubectl get endpointslices').output.split('\n');
    expect(out[0]).toMatch(/^NAME +ADDRESSTYPE +PORTS +ENDPOINTS +AGE$/);
    expect(out.some((l) => /^api-[b-z2-9]{5} +IPv4 +8080 +10\.244\.\d+\.\d+,10\.244\.\d+\.\d+ +10m$/.test(l))).toBe(true);
    expect(out.some((l) => /^kubernetes +IPv4 +6443 +\d+\.\d+\.\d+\.\d+ +12d$/.test(l))).toBe(true);
  });
  it('describe svc (NodePort): the v1.30 field set, Port with two cells, External Traffic Policy', () => {
    const s = withSvc();
    const ip = /api +NodePort +(\S+)/.exec(s.run('kubectl get svc api').output)?.[1] ?? '';
    const node = /80:(\d+)\/TCP/.exec(s.run('kubectl get svc api').output)?.[1] ?? '';
    const eps = /api +(\S+)/.exec(s.run('kubectl get ep api').output)?.[1] ?? '';
    expect(s.run('kubectl describe svc api').output).toBe(
      `Name:                     api\nNamespace:                default\nLabels:                   app=api\nAnnotations:              <none>\nSelector:                 app=api\nType:                     NodePort\nIP Family Policy:         SingleStack\nIP Families:              IPv4\nIP:                       ${ip}\nIPs:                      ${ip}\nPort:                     <unset>  80/TCP\nTargetPort:               8080/TCP\nNodePort:                 <unset>  ${node}/TCP\nEndpoints:                ${eps}\nSession Affinity:         None\nExternal Traffic Policy:  Cluster\nEvents:                   <none>\n`);
  });
  it('the implicit Services: kubernetes in default, kube-dns in kube-system', () => {
    const out = createShell({ files: [] }).run('kubectl get svc -A').output;
    expect(out).toBe('NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\ndefault       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  12d\nkube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   12d\n');
  });
  it('a Service without ready endpoints: <none>', () => {
    const s = createShell({ files: [{ name: 's.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: nothing}\nspec: {selector: {app: none}, ports: [{port: 80}]}\n' }] });
    expect(s.run('kubectl get ep nothing').output).toBe('NAME      ENDPOINTS   AGE\nnothing   <none>      10m\n');
  });
});
