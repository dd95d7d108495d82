// What listens on a node's own address (mutation testing, issue 15): the node's processes
// (cluster/nodes.ts: sshd on 22, the kubelet on 10250, kube-proxy's health check on 10256) are
// plain sockets, no known server image: kind `generic`, no pod, container or image, the process named.
import { describe, expect, it } from 'vitest';
import { NODES } from '../cluster/nodes.js';
import { nodeListeners } from './listen.js';

describe('nodeListeners', () => {
  it('a node\'s own processes are generic listeners with the process named', () => {
    const node01 = NODES.find((n) => n.name === 'node01');
    expect(node01).toBeDefined();
    const own = nodeListeners(node01!, []);
    expect(own.length).toBe(node01!.listening.length);
    expect(own[0]).toEqual({ port: 22, protocol: 'TCP', kind: 'generic', pod: null, container: null, image: null, process: 'sshd' });
    for (const l of own) expect(l).toMatchObject({ kind: 'generic', pod: null, container: null, image: null });
  });
});
