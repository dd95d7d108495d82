// The secret check's `pulls` (objects.ts pullWhy) on the real engine (issue 15, survivors of the
// src/course/checks mutation run): the reason a pull failed, the probe pod found by its own key,
// a student's file that happens to carry the probe's name, and a namespace that enforces restricted
// (the probe pod meets that level).
import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../../engine/index.js';
import { parsedCheck } from '../../testing/course.js';
import { evaluateCheck } from './index.js';
import { PULL_PROBE_POD } from './objects.js';

const REGISTRY = `apiVersion: lab/v1
kind: Registry
metadata: {name: private}
spec:
  server: myprivateregistry.com:5000
  private: true
  credentials: [{username: dock_user, password: dock_password}]
  images: [{repository: nginx, tags: [alpine]}]
`;
const SECRET = (password: string, namespace = 'default') => `apiVersion: v1
kind: Secret
metadata: {name: cred, namespace: ${namespace}}
type: kubernetes.io/dockerconfigjson
stringData:
  .dockerconfigjson: '{"auths":{"myprivateregistry.com:5000":{"username":"dock_user","password":"${password}"}}}'
`;
const POD = (name: string, image: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: default}
spec:
  containers: [{name: c, image: ${image}}]
`;
const PRIVATE = 'myprivateregistry.com:5000/nginx:alpine';

const run = (raw: unknown, files: SourceFile[]) => {
  const analysis = analyze(files);
  return evaluateCheck(parsedCheck(raw), { analysis, files, transcript: [] });
};
const f = (name: string, text: string): SourceFile => ({ name, text });

describe('secret pulls: reasons and the probe pod', () => {
  it('a wrong password: the pull\'s own message', () => {
    const out = run({ secret: 'default/cred', pulls: PRIVATE }, [f('reg.yaml', REGISTRY), f('secret.yaml', SECRET('nope'))]);
    expect(out.passed).toBe(false);
    expect(out.why).toHaveLength(1);
    expect(out.why[0]).toMatch(new RegExp(`^secret default/cred does not pull ${PRIVATE.replace(/[.]/g, '\\.')}: \\S`));
    expect(out.why[0]).not.toContain('the pull used no credentials');
  });

  it('a public image pulls without the secret: that is not this secret pulling it', () => {
    const out = run({ secret: 'default/cred', pulls: 'busybox' }, [f('reg.yaml', REGISTRY), f('secret.yaml', SECRET('dock_password'))]);
    expect(out).toEqual({ passed: false, why: ['secret default/cred does not pull busybox: the pull used no credentials'] });
  });

  it('the probe pod is found by its key, not as the first pod of the analysis', () => {
    // default/a pulls busybox anonymously and comes first; the probe pod pulls with cred.
    const out = run({ secret: 'default/cred', pulls: PRIVATE },
      [f('a.yaml', POD('a', 'busybox')), f('reg.yaml', REGISTRY), f('secret.yaml', SECRET('dock_password'))]);
    expect(out).toEqual({ passed: true, why: [] });
  });

  it('a student\'s file named like the probe is replaced, not analysed beside it', () => {
    const mine = f(`${PULL_PROBE_POD}.yaml`, POD(PULL_PROBE_POD, 'busybox'));
    const out = run({ secret: 'default/cred', pulls: PRIVATE }, [mine, f('reg.yaml', REGISTRY), f('secret.yaml', SECRET('dock_password'))]);
    expect(out).toEqual({ passed: true, why: [] });
  });

  it('a namespace enforcing restricted admits the probe pod: the right secret pulls, a wrong one says why', () => {
    // The probe meets restricted (pod-security-admission policy/check_*: runAsNonRoot, seccomp
    // RuntimeDefault, allowPrivilegeEscalation false, capabilities drop ALL). It used to set no
    // securityContext, so admission refused it and the check could never pass there.
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: locked\n  labels: {pod-security.kubernetes.io/enforce: restricted}\n';
    const files = (password: string) => [f('a-ns.yaml', ns), f('reg.yaml', REGISTRY), f('secret.yaml', SECRET(password, 'locked'))];
    expect(run({ secret: 'locked/cred', pulls: PRIVATE }, files('dock_password'))).toEqual({ passed: true, why: [] });
    const wrong = run({ secret: 'locked/cred', pulls: PRIVATE }, files('nope'));
    expect(wrong.passed).toBe(false);
    expect(wrong.why[0]).toMatch(new RegExp(`^secret locked/cred does not pull ${PRIVATE.replace(/[.]/g, '\\.')}: \\S`));
  });
});
