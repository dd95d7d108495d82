// Edges of the ServiceAccount token mount (issue 15, written ahead of the rbac mutation run):
// kubernetes plugin/pkg/admission/serviceaccount/admission.go — the ServiceAccount is the pod's
// namespace's (one of the same name elsewhere is someone else), `default` exists in every
// namespace, and where the automount decision was written (the pod's field, or the ServiceAccount's).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';

const SA = (ns: string, more = '') => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: ${ns}}\n${more}---\n`;
const POD = (sa: string, spec = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: dev}\nspec:\n  serviceAccountName: ${sa}\n${spec}  containers:\n  - {name: app, image: nginx}\n`;

function tokenOf(text: string) {
  const p = analyze([{ name: 't.yaml', text }]).pods.find((x) => x.key === 'dev/p');
  if (!p) throw new Error('no pod');
  return p.serviceAccount;
}

describe('which ServiceAccount', () => {
  it('one of the same name in another namespace is not the pod\'s: it does not exist, and its automount is not read', () => {
    const t = tokenOf(SA('prod', 'automountServiceAccountToken: false\n') + POD('robot'));
    expect([t.exists, t.automount, t.decidedBy, t.serviceAccount]).toEqual([false, true, 'default', 'robot']);
    expect(t.decidedAt).toBeUndefined();
  });

  it('the namespace\'s default ServiceAccount exists without being declared', () => {
    const t = tokenOf(POD('default'));
    expect([t.exists, t.automount, t.decidedBy]).toEqual([true, true, 'default']);
    expect(t.user.name).toBe('system:serviceaccount:dev:default');
  });
});

describe('where the decision was written', () => {
  it('the pod\'s field', () => {
    const t = tokenOf(SA('dev', 'automountServiceAccountToken: true\n') + POD('robot', '  automountServiceAccountToken: false\n'));
    expect(t.decidedBy).toBe('pod');
    expect(t.decidedAt?.path).toEqual(['spec', 'automountServiceAccountToken']);
    expect([t.mountedIn, t.shadowedIn]).toEqual([[], []]);
  });

  it('the ServiceAccount\'s field', () => {
    const t = tokenOf(SA('dev', 'automountServiceAccountToken: false\n') + POD('robot'));
    expect(t.decidedBy).toBe('serviceAccount');
    expect(t.decidedAt?.path).toEqual(['automountServiceAccountToken']);
    expect(t.decidedAt?.doc).toBe(0);
  });

  it('nowhere: no decidedAt key at all', () => {
    const t = tokenOf(SA('dev') + POD('robot'));
    expect('decidedAt' in t).toBe(false);
  });
});
