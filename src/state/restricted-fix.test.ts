import { describe, expect, it } from 'vitest';
import { analyze } from '../engine/index.js';
import { makeRestricted, makeRestrictedDocument } from './restricted-fix.js';

const NS = `apiVersion: v1
kind: Namespace
metadata:
  name: secure
  labels:
    pod-security.kubernetes.io/enforce: restricted
`;
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: secure
spec:
  hostNetwork: true
  securityContext:
    runAsUser: 0
  containers:
  - name: app # the web server
    image: nginx
    ports:
    - containerPort: 80
      hostPort: 80
    securityContext:
      privileged: true
      capabilities:
        add: [NET_ADMIN, NET_BIND_SERVICE]
  initContainers:
  - name: init
    image: busybox
`;
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: secure
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: busybox
        securityContext:
          allowPrivilegeEscalation: true
`;

const refused = (text: string) => analyze([{ name: 'ns.yaml', text: NS }, { name: 'app.yaml', text }]).admission.rejected.map((r) => r.key);

describe('makeRestricted', () => {
  it('turns a pod the restricted level refuses into one it admits, in one document, comments kept', () => {
    expect(refused(POD)).toEqual(['secure/web']);
    const text = `${NS}---\n${POD}`;
    const fixed = makeRestricted(text, text.indexOf('privileged'));
    expect(fixed).not.toBeNull();
    expect(fixed!.startsWith(`${NS}---\n`)).toBe(true); // the other document byte for byte
    const pod = fixed!.slice(NS.length + 4);
    expect(refused(pod)).toEqual([]);
    const a = analyze([{ name: 'app.yaml', text: fixed! }]);
    expect(a.pods.find((p) => p.key === 'secure/web')?.pss).toEqual({ level: 'restricted', violations: [] });
    expect(pod).toContain('# the web server');
    expect(pod).not.toMatch(/hostNetwork|hostPort|privileged|runAsUser|NET_ADMIN/);
    expect(pod).toContain('NET_BIND_SERVICE');
    expect(pod).toMatch(/runAsNonRoot: true/);
    expect(pod).toMatch(/seccompProfile:\n\s+type: RuntimeDefault/);
    expect(pod.match(/allowPrivilegeEscalation: false/g)).toHaveLength(2); // app and init
    expect(pod.match(/- ALL/g)).toHaveLength(2);
    // Already compliant: nothing to do.
    expect(makeRestricted(fixed!, fixed!.indexOf('kind: Pod'))).toBeNull();
    // By document index (a SourceRef's doc): the same rewrite.
    expect(makeRestrictedDocument(text, 1)).toBe(fixed);
    expect(makeRestrictedDocument(text, 0)).toBeNull();
    expect(makeRestrictedDocument(text, 2)).toBeNull();
  });

  it('fixes a Deployment\'s pod template', () => {
    expect(refused(DEPLOY)).toEqual([expect.stringMatching(/^secure\/api-/)]);
    const fixed = makeRestricted(DEPLOY, 0);
    expect(fixed).not.toBeNull();
    expect(refused(fixed!)).toEqual([]);
    expect(fixed).toContain('allowPrivilegeEscalation: false');
  });

  it('leaves a document that holds no pod alone', () => {
    expect(makeRestricted(NS, 5)).toBeNull();
    expect(makeRestricted('not: [valid', 0)).toBeNull();
  });
});
