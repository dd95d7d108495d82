/**
 * A course-like cluster for probe tests: namespace prod with a busybox client, nginx web pods
 * behind Services (the classic 8080 → 80), a Service without endpoints, a headless one, redis, a
 * generic server declaring its port, an ExternalName, an external host. Policies and the CNI are
 * added per test.
 */
import { analyze, type Analysis } from '../engine/index.js';

const BASE = [
  '{apiVersion: v1, kind: Namespace, metadata: {name: prod}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: client, namespace: prod, labels: {app: client}}, spec: {containers: [{name: c, image: busybox, command: [sleep, "3600"]}]}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: web-a, namespace: prod, labels: {app: web, pod: a}}, spec: {containers: [{name: nginx, image: nginx, ports: [{name: http, containerPort: 80}, {containerPort: 8080}]}]}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: web-b, namespace: prod, labels: {app: web, pod: b}}, spec: {containers: [{name: nginx, image: nginx, ports: [{name: http, containerPort: 80}]}]}}',
  '{apiVersion: v1, kind: Service, metadata: {name: web-svc, namespace: prod}, spec: {selector: {app: web}, ports: [{port: 8080, targetPort: 80}]}}',
  '{apiVersion: v1, kind: Service, metadata: {name: web, namespace: prod}, spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}]}}',
  '{apiVersion: v1, kind: Service, metadata: {name: idle, namespace: prod}, spec: {selector: {app: nobody}, ports: [{port: 80}]}}',
  '{apiVersion: v1, kind: Service, metadata: {name: web-headless, namespace: prod}, spec: {clusterIP: None, selector: {pod: a}, ports: [{port: 80}]}}',
  '{apiVersion: v1, kind: Service, metadata: {name: ext, namespace: prod}, spec: {type: ExternalName, externalName: api.example.com}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: cache, namespace: prod, labels: {app: cache}}, spec: {containers: [{name: redis, image: "redis:7"}]}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: tool, namespace: prod, labels: {app: tool}}, spec: {containers: [{name: c, image: "ghcr.io/team/tool:1", ports: [{containerPort: 9000}]}]}}',
  '{apiVersion: lab/v1, kind: ExternalHost, metadata: {name: bank}, spec: {ip: 203.0.113.10, ports: [{port: 443}]}}',
];

export const DENY_EGRESS = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: deny-egress, namespace: prod}, spec: {podSelector: {matchLabels: {app: client}}, policyTypes: [Egress]}}';
export const ALLOW_DNS = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: allow-dns, namespace: prod}, spec: {podSelector: {}, policyTypes: [Egress], egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}, {to: [{podSelector: {}}]}]}}';
/** The trap: web accepts the client on the Service's port 8080, but the pods are reached on 80. */
export const WEB_IN_8080 = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: web-in, namespace: prod}, spec: {podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchLabels: {app: client}}}], ports: [{port: 8080}]}]}}';
export const WEB_IN_80 = WEB_IN_8080.replace('port: 8080', 'port: 80');
export const ONLY_WEB_A = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: only-a, namespace: prod}, spec: {podSelector: {matchLabels: {pod: b}}, ingress: []}}';
export const FLANNEL = '{apiVersion: lab/v1, kind: Cluster, metadata: {name: lab}, spec: {cni: flannel}}';

export function probeCluster(...extra: string[]): Analysis {
  return analyze([{ name: 'cluster.yaml', text: [...BASE, ...extra].join('\n---\n') }]);
}
