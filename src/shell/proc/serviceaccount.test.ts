import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';

// The ServiceAccount token volume inside containers, where the engine says it is mounted
// (plugin/pkg/admission/serviceaccount/admission.go: the projected kube-api-access volume at
// /var/run/secrets/kubernetes.io/serviceaccount; automountServiceAccountToken on the pod wins
// over the ServiceAccount's). Missing paths get each tool's own words: busybox ls
// `ls: PATH: No such file or directory`, GNU ls `ls: cannot access 'PATH': No such file or directory`.

const FILES = `apiVersion: v1
kind: ServiceAccount
metadata: {name: robot}
automountServiceAccountToken: false
---
apiVersion: v1
kind: Pod
metadata: {name: plain}
spec: {containers: [{name: c, image: busybox, command: [sleep, 1d]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: no-token}
spec:
  automountServiceAccountToken: false
  containers: [{name: c, image: busybox, command: [sleep, 1d]}]
---
apiVersion: v1
kind: Pod
metadata: {name: robot-off}
spec:
  serviceAccountName: robot
  containers: [{name: c, image: busybox, command: [sleep, 1d]}]
---
apiVersion: v1
kind: Pod
metadata: {name: robot-on}
spec:
  serviceAccountName: robot
  automountServiceAccountToken: true
  containers: [{name: c, image: nginx}]
`;
const sh = () => createShell({ files: [{ name: 'pods.yaml', text: FILES }] });
const DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

describe('token mounted', () => {
  it('ls shows ca.crt, namespace, token; namespace has no newline', () => {
    const s = sh();
    expect(s.run(`kubectl exec plain -- ls ${DIR}`).output).toBe('ca.crt\nnamespace\ntoken\n');
    expect(s.run(`kubectl exec plain -- cat ${DIR}/namespace`).output).toBe('default');
    expect(s.run(`kubectl exec plain -- head -1 ${DIR}/ca.crt`).output).toBe('-----BEGIN CERTIFICATE-----\n');
  });
  it('the token names the pod\'s ServiceAccount, node and pod (bound token claims)', () => {
    const s = sh();
    const token = s.run(`kubectl exec robot-on -- cat ${DIR}/token`).output;
    const [h, p, sig] = token.split('.');
    expect(sig).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(h as string, 'base64url').toString())).toMatchObject({ alg: 'RS256' });
    const claims = JSON.parse(Buffer.from(p as string, 'base64url').toString()) as { sub: string; 'kubernetes.io': { pod: { name: string }; serviceaccount: { name: string }; warnafter: number }; iat: number; exp: number };
    expect(claims.sub).toBe('system:serviceaccount:default:robot');
    expect(claims['kubernetes.io'].pod.name).toBe('robot-on');
    expect(claims['kubernetes.io'].serviceaccount.name).toBe('robot');
    expect(claims['kubernetes.io'].warnafter - claims.iat).toBe(3607);
  });
});

describe('token not mounted: no such directory', () => {
  it.each([
    ['no-token', 'pod says false'],
    ['robot-off', 'its ServiceAccount says false'],
  ])('%s (%s)', (pod) => {
    const r = sh().run(`kubectl exec ${pod} -- ls ${DIR}`);
    expect(r.output).toBe(`ls: ${DIR}: No such file or directory\ncommand terminated with exit code 1\n`);
    expect(r.exitCode).toBe(1);
    expect(sh().run(`kubectl exec ${pod} -- cat ${DIR}/token`).output).toBe(`cat: can't open '${DIR}/token': No such file or directory\ncommand terminated with exit code 1\n`);
  });
});
