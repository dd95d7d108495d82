import { stepCases } from '../step-cases.js';

// Right and wrong attempts at every step (issue 9). See ../step-cases.ts. The API server's texts are
// pinned in src/shell/kubectl/psa.test.ts (k8s.io/pod-security-admission v0.30.0).

const API = (pod: string, container: string) => ({ 'api.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: team-a
spec:
${pod}  containers:
  - name: api
    image: busybox
    command: ["sleep", "3600"]
${container}` });
const POD_SC = '  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n    seccompProfile:\n      type: RuntimeDefault\n';
const CONTAINER_SC = '    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["ALL"]\n';
const LABEL = 'kubectl label ns team-a pod-security.kubernetes.io/enforce=restricted';

stepCases('pod-security-admission', {
  'enforce-restricted': [
    { name: 'namespace spelled out, --overwrite', pass: true, commands: ['kubectl label namespace team-a pod-security.kubernetes.io/enforce=restricted --overwrite'] },
    { name: 'with the version pinned to latest as well', pass: true,
      commands: ['kubectl label ns team-a pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/enforce-version=latest'] },
    { name: 'warn instead of enforce', pass: false, commands: ['kubectl label ns team-a pod-security.kubernetes.io/warn=restricted'] },
    { name: 'a level that does not exist (strict): the API server refuses the update', pass: false,
      commands: ['kubectl label ns team-a pod-security.kubernetes.io/enforce=strict'] },
    { name: 'baseline instead of restricted', pass: false, commands: ['kubectl label ns team-a pod-security.kubernetes.io/enforce=baseline'] },
    { name: 'server dry run only: nothing is stored', pass: false, commands: [`${LABEL} --dry-run=server`] },
    { name: 'the default namespace', pass: false, commands: ['kubectl label ns default pod-security.kubernetes.io/enforce=restricted'] },
    { name: 'answers the image (nginx), not the pod', pass: false, answer: 'nginx' },
    { name: 'answers with the namespace, team-a/web', pass: true, answer: 'team-a/web' },
  ],
  'existing-pods': [
    { name: '"예", with -o wide', pass: true, commands: ['kubectl get pods -n team-a -o wide'], answer: '예' },
    { name: '"네", --namespace=team-a', pass: true, commands: ['kubectl get pods --namespace=team-a'], answer: '네' },
    { name: 'every namespace (-A), "Yes."', pass: true, commands: ['kubectl get pods -A'], answer: 'Yes.' },
    { name: 'answers no (thinks enforce evicts running pods)', pass: false, answer: 'no' },
    { name: 'looked in the default namespace', pass: false, commands: ['kubectl get pods'] },
  ],
  rejected: [
    { name: '--namespace=team-a and --command, "4개"', pass: true, commands: ['kubectl run api --image=busybox --namespace=team-a --command -- sleep 3600'], answer: '4개' },
    { name: 'server dry run is refused the same way, "four" as 4 violations', pass: true,
      commands: ['kubectl run api --image=busybox -n team-a --dry-run=server -- sleep 3600'], answer: '4 violations' },
    { name: 'in the default namespace: nothing refuses it', pass: false, commands: ['kubectl run api --image=busybox -- sleep 3600'] },
    { name: 'client dry run: the API server never sees it', pass: false, commands: ['kubectl run api --image=busybox -n team-a --dry-run=client -- sleep 3600'] },
    { name: 'counts the two container fields only', pass: false, answer: '2' },
    { name: 'counts the three securityContext fields', pass: false, answer: '3' },
  ],
  'make-restricted': [
    { name: 'every field at container level, UID 65534', pass: true,
      files: API('', '    securityContext:\n      runAsNonRoot: true\n      runAsUser: 65534\n      seccompProfile: {type: RuntimeDefault}\n      allowPrivilegeEscalation: false\n      capabilities: {drop: [ALL]}\n') },
    { name: 'pod-level runAsUser 1000, drop ALL and add NET_BIND_SERVICE (restricted allows it)', pass: true,
      files: API(POD_SC, '    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["ALL"]\n        add: ["NET_BIND_SERVICE"]\n') },
    { name: 'runAsNonRoot without a UID: busybox runs as root, CreateContainerConfigError', pass: false,
      files: API('  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n', CONTAINER_SC) },
    { name: 'no seccompProfile: still refused', pass: false, files: API('  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n', CONTAINER_SC) },
    { name: 'drops NET_RAW only', pass: false, files: API(POD_SC, '    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["NET_RAW"]\n') },
    { name: 'seccompProfile Unconfined', pass: false,
      files: API('  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n    seccompProfile:\n      type: Unconfined\n', CONTAINER_SC) },
    { name: 'allowPrivilegeEscalation left out', pass: false, files: API(POD_SC, '    securityContext:\n      capabilities:\n        drop: ["ALL"]\n') },
    { name: 'the enforce label removed, the pod applied as it was', pass: false, files: API('', ''),
      commands: ['kubectl label ns team-a pod-security.kubernetes.io/enforce-', 'kubectl apply -f api.yaml', 'kubectl get pods -n team-a'],
      because: 'namespace team-a enforces privileged:latest, expected restricted' },
    { name: 'enforce lowered to baseline, the pod applied as it was', pass: false, files: API('', ''),
      commands: ['kubectl label ns team-a pod-security.kubernetes.io/enforce=baseline --overwrite', 'kubectl apply -f api.yaml'],
      because: 'namespace team-a enforces baseline:latest, expected restricted' },
  ],
  'dry-run-first': [
    { name: '--overwrite too, answer legacy/metrics', pass: true,
      commands: ['kubectl label --overwrite --dry-run=server ns legacy pod-security.kubernetes.io/enforce=baseline'], answer: 'legacy/metrics' },
    { name: 'flag at the end, "pod/metrics"', pass: true,
      commands: ['kubectl label namespace legacy pod-security.kubernetes.io/enforce=baseline --dry-run=server'], answer: 'pod/metrics' },
    { name: 'without a dry run: baseline is now enforced', pass: false,
      commands: ['kubectl label ns legacy pod-security.kubernetes.io/enforce=baseline'] },
    { name: 'client dry run: no warnings', pass: false, commands: ['kubectl label --dry-run=client ns legacy pod-security.kubernetes.io/enforce=baseline'] },
    { name: 'answers shop (it runs as root, but baseline allows that)', pass: false, answer: 'shop' },
    { name: '--dry-run server as two words: kubectl reads "server" as a label', pass: false,
      commands: ['kubectl label --dry-run server ns legacy pod-security.kubernetes.io/enforce=baseline'] },
    { name: 'restricted instead of baseline', pass: false, commands: ['kubectl label --dry-run=server ns legacy pod-security.kubernetes.io/enforce=restricted'] },
  ],
});
