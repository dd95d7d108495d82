import { stepCases } from '../step-cases.js';

// Right and wrong attempts at every step (issue 17). See ../step-cases.ts.

const WEB_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-deny
  namespace: default
spec:
  podSelector:
    matchLabels:
      name: web
  policyTypes:
  - Ingress
`;
const cni = (from: string, to: string) => [{ file: 'cluster.yaml', find: `cni: ${from}`, replace: `cni: ${to}` }];

stepCases('when-nothing-enforces', {
  enforced: [
    { name: '아니요, 접속할 수 없습니다', pass: true, answer: '아니요, 접속할 수 없습니다.' },
    { name: '차단됩니다', pass: true, answer: '차단됩니다' },
    { name: 'blocked', pass: true, answer: 'blocked' },
    { name: 'answers yes', pass: false, answer: 'yes' },
    { name: '가능합니다', pass: false, answer: '가능합니다' },
    { name: 'switched to Flannel already', pass: false, patch: cni('calico', 'flannel') },
  ],
  flannel: [
    { name: 'cni written in quotes', pass: true, patch: [{ file: 'cluster.yaml', find: 'cni: calico', replace: 'cni: "flannel"' }] },
    { name: 'cni in flow style', pass: true, patch: [{ file: 'cluster.yaml', find: 'spec:\n  cni: calico', replace: 'spec: {cni: flannel}' }] },
    { name: 'kindnet: enforces policies since kind v0.24', pass: false, patch: cni('calico', 'kindnet') },
    { name: 'kindnet before v0.24: enforces nothing either, but not Flannel', pass: false, patch: cni('calico', 'kindnet-legacy') },
    { name: 'policy deleted instead', pass: false, patch: [], remove: ['db-policy.yaml'] },
    { name: 'cilium', pass: false, patch: cni('calico', 'cilium') },
  ],
  'still-listed': [
    { name: 'networkpolicies -A, "1개"', pass: true, commands: ['kubectl get networkpolicies -A'], answer: '1개' },
    { name: 'netpol -n default, "1 policy"', pass: true, commands: ['kubectl get netpol -n default'], answer: '1 policy' },
    { name: 'answers 0', pass: false, answer: '0' },
    { name: 'listed prod (no policies there)', pass: false, commands: ['kubectl get netpol -n prod'] },
    { name: 'deleted the policy, then listed', pass: false, commands: ['kubectl delete netpol db-policy', 'kubectl get netpol'] },
  ],
  'create-under-flannel': [
    { name: 'written with a here-document, created with kubectl create -f, "아니요"', pass: true, files: {},
      commands: [`cat > web-deny.yaml <<'EOF'\n${WEB_DENY}EOF`, 'kubectl create -f web-deny.yaml'], answer: '아니요' },
    { name: 'apply --filename=, "No, nothing"', pass: true, commands: ['kubectl apply --filename=web-deny.yaml'], answer: 'no' },
    { name: 'answers yes (expects Flannel to refuse it)', pass: false, answer: 'yes' },
    { name: 'never applied it', pass: false, commands: [] },
    { name: 'selects the wrong label (app: web)', pass: false, files: { 'web-deny.yaml': WEB_DENY.replace('name: web\n  policyTypes', 'app: web\n  policyTypes') } },
    { name: 'switched back to Calico first (no longer the Flannel case)', pass: false, patch: cni('flannel', 'calico') },
  ],
  kubens: [
    { name: 'kubectl get po', pass: true, commands: ['kubectx', 'kubens prod', 'kubectl get po'] },
    { name: 'kubectx run last', pass: true, commands: ['kubens prod', 'kubectl get pods', 'kubectx'] },
    { name: 'got the pods before switching', pass: false, commands: ['kubectx', 'kubectl get pods', 'kubens prod'] },
    { name: 'a namespace that does not exist', pass: false, commands: ['kubectx', 'kubens production', 'kubectl get pods'] },
    { name: '-n prod instead of kubens', pass: false, commands: ['kubectx', 'kubectl get pods -n prod'] },
  ],
  'back-to-calico': [
    { name: 'cilium', pass: true, patch: cni('flannel', 'cilium') },
    { name: 'kindnet (kind v0.24 and later)', pass: true, patch: cni('flannel', 'kindnet') },
    { name: 'kindnet before v0.24', pass: false, patch: cni('flannel', 'kindnet-legacy') },
    { name: 'left on Flannel', pass: false, patch: [] },
    { name: 'calico, but the policy was deleted', pass: false, remove: ['db-policy.yaml'] },
    { name: 'calico, but web-deny was deleted', pass: false, remove: ['web-deny.yaml'] },
  ],
});
