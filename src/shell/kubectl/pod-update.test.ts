import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { admitPodUpdate, podUpdateErrors } from './pod-update.js';

const pod = (uid: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    securityContext:\n      runAsUser: ${uid}\n`;
const DEFAULT_TOLERATIONS = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];

describe('admission on a pod update, before ValidatePodUpdate', () => {
  // plugin/pkg/admission/defaulttolerationseconds: NewHandler(admission.Create, admission.Update).
  it('DefaultTolerationSeconds adds the NoExecute tolerations on update too', () => {
    expect(admitPodUpdate({}, { containers: [] })['tolerations']).toEqual(DEFAULT_TOLERATIONS);
    // A toleration with an empty key and effect tolerates both taints: nothing added.
    expect(admitPodUpdate({}, { tolerations: [{ operator: 'Exists' }] })['tolerations']).toEqual([{ operator: 'Exists' }]);
  });
  // plugin/pkg/admission/priority admitPod: "Ensure the existing priority is preserved on update".
  it('Priority keeps the old priority and preemptionPolicy when the new spec has none', () => {
    const spec = admitPodUpdate({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' }, {});
    expect([spec['priority'], spec['preemptionPolicy']]).toEqual([0, 'PreemptLowerPriority']);
  });
  it('so a spec without the tolerations is no "existing toleration" change', () => {
    const old = { containers: [{ name: 'web', image: 'nginx' }], tolerations: DEFAULT_TOLERATIONS };
    expect(podUpdateErrors(old, admitPodUpdate(old, { containers: [{ name: 'web', image: 'nginx:1.27' }] }))).toEqual([]);
  });
});

describe('kubectl replace/apply of a running pod with another securityContext', () => {
  // validation.go v1.30 ValidatePodUpdate: one cause, `spec: Forbidden: pod updates may not change
  // fields other than …` with go-cmp's diff; kubectl prints `The Pod "web" is invalid: ` + it (exit 1).
  it.each(['apply', 'replace'])('kubectl %s: refused with the one spec cause, the RunAsUser change in the diff', (verb) => {
    const sh = createShell({ files: [{ name: 'pod.yaml', text: pod(1000) }] });
    expect(sh.run('kubectl apply -f pod.yaml').output).toBe('pod/web created\n');
    sh.run(`cat > pod.yaml <<'EOF'\n${pod(0)}EOF`);
    const r = sh.run(`kubectl ${verb} -f pod.yaml`);
    expect(r.exitCode).toBe(1);
    expect(r.output.startsWith('The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n  core.PodSpec{\n')).toBe(true);
    expect(r.output).toContain('- \t\t\t\tRunAsUser:      &1000,\n+ \t\t\t\tRunAsUser:      &0,\n');
    expect(r.output).not.toContain('spec.tolerations: Forbidden');
    expect(r.output.endsWith('  }\n\n')).toBe(true);
  });
});
