// What listens, at the edges (mutation testing, issue 15). Facts: an image's entrypoint runs only
// when neither `command` nor `args` is given (docs "Define a Command and Arguments for a
// Container": args alone replace the image's CMD, so the server the image would start is not
// known); a hostNetwork pod shares its own node's network namespace only; a socket is bound per
// port AND protocol (a UDP listener does not accept TCP).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { NODES } from '../cluster/nodes.js';
import { listensOn, nodeListeners, podListeners } from './listen.js';

const pods = (...docs: string[]) => analyze([{ name: 'p.yaml', text: docs.join('\n---\n') }]).pods;
const listeners = (spec: string) => {
  const p = pods(`{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: ${spec}}`).find((x) => x.key === 'default/p');
  return p ? podListeners(p) : [];
};

describe('podListeners', () => {
  it('args alone override the image\'s command: the declared ports, not nginx\'s 80', () => {
    expect(listeners('{containers: [{name: web, image: nginx, args: [-g, "daemon off;"], ports: [{containerPort: 8080}]}]}').map((l) => `${l.port}/${l.protocol} ${l.kind} ${l.image}`))
      .toEqual(['8080/TCP generic nginx:latest']);
  });
  it('a known image names its container, pod and familiar image', () => {
    expect(listeners('{containers: [{name: cache, image: "docker.io/library/redis:7"}]}')).toEqual([
      { port: 6379, protocol: 'TCP', kind: 'redis', pod: 'default/p', container: 'cache', image: 'redis:7' },
    ]);
  });
});

describe('nodeListeners', () => {
  it('a hostNetwork pod listens on its own node only; a pod on the pod network on none', () => {
    const all = pods(
      '{apiVersion: v1, kind: Pod, metadata: {name: agent}, spec: {hostNetwork: true, nodeName: node02, containers: [{name: a, image: ghcr.io/example/agent, ports: [{containerPort: 9100}]}]}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: plain}, spec: {nodeName: node01, containers: [{name: a, image: ghcr.io/example/agent, ports: [{containerPort: 9200}]}]}}');
    const on = (name: string) => nodeListeners(NODES.find((n) => n.name === name)!, all).map((l) => l.port);
    expect(on('node01')).toEqual([22, 10250, 10256]);
    expect(on('node02')).toEqual([22, 10250, 10256, 9100]);
  });
});

describe('listensOn', () => {
  it('port and protocol', () => {
    const ls = listeners('{containers: [{name: d, image: ghcr.io/example/dns, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 54}]}]}');
    expect(listensOn(ls, 53, 'UDP')?.port).toBe(53);
    expect(listensOn(ls, 53, 'TCP')).toBeUndefined();
    expect(listensOn(ls, 54, 'TCP')?.protocol).toBe('TCP');
    expect(listensOn(ls, 55, 'TCP')).toBeUndefined();
  });
});
