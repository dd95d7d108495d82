// What listens in a pod: a known image's server where it binds (containerPort is informational:
// docs "Pod" ports: "Not specifying a port here DOES NOT prevent that port from being exposed"),
// unless the command is overridden; other containers serve their declared ports (lab rule); a
// container that is not running serves nothing. On a node: its processes and its hostNetwork pods.
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { NODES } from '../cluster/nodes.js';
import { nodeListeners, podListeners } from './listen.js';

const pods = (...docs: string[]) => analyze([{ name: 'p.yaml', text: docs.join('\n---\n') }]).pods;
const ports = (spec: string) => podListeners(pods(`{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: ${spec}}`).find((p) => p.key === 'default/p')!).map((l) => `${l.container}:${l.port}/${l.protocol} ${l.kind}`);

describe('podListeners', () => {
  it.each([
    ['nginx on 80, whatever containerPort says', '{containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}', ['web:80/TCP nginx']],
    ['nginx with its command overridden: what it declares', '{containers: [{name: web, image: nginx, command: [sleep, "1d"]}]}', []],
    ['busybox serving a declared port', '{containers: [{name: nc, image: busybox, command: [nc, -lk, -p, "9000"], ports: [{containerPort: 9000}]}]}', ['nc:9000/TCP generic']],
    ['busybox without ports: nothing', '{containers: [{name: sh, image: busybox}]}', []],
    ['a sidecar: each container its own', '{containers: [{name: db, image: "postgres:16"}, {name: metrics, image: ghcr.io/example/exporter, ports: [{containerPort: 9187}, {containerPort: 9999, protocol: UDP}]}]}', ['db:5432/TCP postgres', 'metrics:9187/TCP generic', 'metrics:9999/UDP generic']],
    ['a container that cannot start: nothing', '{securityContext: {runAsNonRoot: true}, containers: [{name: web, image: nginx}]}', []],
  ])('%s', (_, spec, want) => {
    expect(ports(spec)).toEqual(want);
  });
});

describe('nodeListeners', () => {
  it('the node\'s processes plus its hostNetwork pods', () => {
    const all = pods(`{apiVersion: v1, kind: Pod, metadata: {name: agent}, spec: {hostNetwork: true, nodeName: node01, containers: [{name: a, image: ghcr.io/example/agent, ports: [{containerPort: 9100}]}]}}`);
    const node01 = NODES.find((n) => n.name === 'node01')!;
    expect(nodeListeners(node01, all).map((l) => `${l.port} ${l.process ?? l.pod}`)).toEqual(['22 sshd', '10250 kubelet', '10256 kube-proxy', '9100 default/agent']);
  });
});
