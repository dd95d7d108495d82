// The ServiceAccount admission plugin (kubernetes plugin/pkg/admission/serviceaccount/admission.go):
// shouldAutomount — the pod's automountServiceAccountToken wins, then the ServiceAccount's, else
// true — and mountServiceAccountToken: the kube-api-access volume at
// /var/run/secrets/kubernetes.io/serviceaccount in every container and init container that has no
// mount of its own there.
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';

const SA = (automount: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: dev}\n${automount}\n---\n`;
const POD = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: dev}\nspec:\n  serviceAccountName: robot\n${spec}\n  containers:\n  - {name: app, image: nginx}`;

function tokenOf(text: string) {
  const a = analyze([{ name: 't.yaml', text }]);
  const p = a.pods.find((x) => x.key === 'dev/p');
  if (!p) throw new Error('no pod');
  return p.serviceAccount;
}

describe('shouldAutomount', () => {
  it.each([
    { sa: '', pod: '', automount: true, by: 'default' },
    { sa: 'automountServiceAccountToken: false', pod: '', automount: false, by: 'serviceAccount' },
    { sa: 'automountServiceAccountToken: true', pod: '', automount: true, by: 'serviceAccount' },
    { sa: 'automountServiceAccountToken: false', pod: '  automountServiceAccountToken: true', automount: true, by: 'pod' },
    { sa: 'automountServiceAccountToken: true', pod: '  automountServiceAccountToken: false', automount: false, by: 'pod' },
    { sa: '', pod: '  automountServiceAccountToken: false', automount: false, by: 'pod' },
  ])('ServiceAccount "$sa", pod "$pod" → $automount (decided by $by)', ({ sa, pod, automount, by }) => {
    const t = tokenOf(SA(sa) + POD(pod));
    expect([t.automount, t.decidedBy]).toEqual([automount, by]);
    expect(t.mountedIn).toEqual(automount ? ['app'] : []);
  });
});

describe('mountServiceAccountToken', () => {
  it('init containers too; a container with its own mount at the path keeps the token out', () => {
    const t = tokenOf(SA('') + `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: dev}\nspec:\n  serviceAccountName: robot\n  volumes: [{name: fake, emptyDir: {}}]\n` +
      `  initContainers:\n  - {name: init, image: busybox}\n  containers:\n  - {name: app, image: nginx}\n` +
      `  - name: side\n    image: nginx\n    volumeMounts: [{name: fake, mountPath: /var/run/secrets/kubernetes.io/serviceaccount}]`);
    expect(t.mountedIn).toEqual(['init', 'app']);
    expect(t.shadowedIn).toEqual(['side']);
    expect(t.mountPath).toBe('/var/run/secrets/kubernetes.io/serviceaccount');
  });

  it('the token is the ServiceAccount\'s identity; a missing ServiceAccount is reported', () => {
    const t = tokenOf(POD(''));
    expect(t.user).toEqual({ name: 'system:serviceaccount:dev:robot', groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'] });
    expect(t.exists).toBe(false);
    expect(tokenOf(SA('') + POD('')).exists).toBe(true);
  });

  it('Analysis.rbac lists each ServiceAccount with its pods', () => {
    const a = analyze([{ name: 't.yaml', text: SA('automountServiceAccountToken: false') + POD('') }]);
    const robot = a.rbac.serviceAccounts.find((s) => s.namespace === 'dev' && s.name === 'robot');
    expect(robot).toMatchObject({ automountServiceAccountToken: false, declared: true, pods: ['dev/p'], user: { name: 'system:serviceaccount:dev:robot' } });
    expect(a.rbac.serviceAccounts.find((s) => s.namespace === 'dev' && s.name === 'default')).toMatchObject({ declared: false, pods: [] });
  });
});
