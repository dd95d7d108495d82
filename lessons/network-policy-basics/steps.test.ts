import { stepCases } from '../step-cases.js';

// Right and wrong attempts at every step (issue 17). See ../step-cases.ts.

const NC = (name: string, extra = '') => `kubectl run ${name} --rm -it --image=busybox --restart=Never${extra} -- nc -zv -w 2 db 3306`;
const policy = (name: string, spec: string) => ({ [`${name}.yaml`]: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: default
spec:
${spec}` });
const DB_SELECT = '  podSelector:\n    matchLabels:\n      role: db\n';
const ALLOW_API = { file: 'db-policy.yaml', find: '  - Ingress\n' };
const rule = (from: string, ports = '    ports:\n    - protocol: TCP\n      port: 3306\n') => ({ ...ALLOW_API, replace: `  - Ingress\n  ingress:\n  - from:\n${from}${ports}` });
const API_PEER = '    - podSelector:\n        matchLabels:\n          role: api\n';
const EGRESS_TO_DB = '  podSelector:\n    matchLabels:\n      role: api\n  policyTypes:\n  - Egress\n  egress:\n  - to:\n    - podSelector:\n        matchLabels:\n          role: db\n    ports:\n    - protocol: TCP\n      port: 3306\n';
const DNS_RULE = { file: 'api-egress.yaml', find: '      port: 3306\n' };
const dns = (item: string) => ({ ...DNS_RULE, replace: `      port: 3306\n${item}` });
const DNS_PORTS = '    ports:\n    - protocol: UDP\n      port: 53\n    - protocol: TCP\n      port: 53\n';
const TYPES_OUT = { file: 'api-egress.yaml', find: '  policyTypes:\n  - Egress\n', replace: '' };
const INGRESS_ONLY = { file: 'api-egress.yaml', find: '      role: api\n' };
const BACK = { file: 'api-egress.yaml', find: '  policyTypes:\n  - Ingress\n' };
const DNS_ITEM = `  - to:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n${DNS_PORTS}`;
const WGET = 'kubectl run probe --rm -it --image=busybox --restart=Never -- wget -qO- -T 2 http://web:8080';

stepCases('network-policy-basics', {
  'default-allow': [
    { name: '가능합니다', pass: true, answer: '가능합니다' },
    { name: '허용됨', pass: true, answer: '허용됨' },
    { name: 'Yes, it can', pass: true, answer: 'Yes, it can.' },
    { name: 'answers no', pass: false, answer: 'no' },
    { name: '차단됨', pass: false, answer: '차단됨' },
    { name: 'a policy already isolates db', pass: false, files: policy('db-policy', `${DB_SELECT}  policyTypes:\n  - Ingress\n`) },
  ],
  direction: [
    { name: '인그레스', pass: true, answer: '인그레스' },
    { name: '수신', pass: true, answer: '수신' },
    { name: 'Ingress traffic', pass: true, answer: 'Ingress traffic' },
    { name: 'egress (web\'s point of view)', pass: false, answer: 'egress' },
    { name: '이그레스', pass: false, answer: '이그레스' },
    { name: '송신', pass: false, answer: '송신' },
  ],
  'probe-open': [
    { name: 'nc by the Service\'s full name', pass: true, commands: ['kubectl run probe --rm -it --image=busybox --restart=Never -- nc -zv -w 2 db.default.svc.cluster.local 3306'] },
    { name: 'another pod name and image tag', pass: true, commands: ['kubectl run test --rm -it --image=busybox:1.36 --restart=Never -- nc -zv -w 2 db 3306'] },
    { name: 'wrong port', pass: false, commands: ['kubectl run probe --rm -it --image=busybox --restart=Never -- nc -zv -w 2 db 3307'] },
    { name: 'probed web instead of db', pass: false, commands: [WGET] },
    { name: 'never probed', pass: false, commands: ['kubectl get pods'] },
  ],
  'isolate-db': [
    // The step names the file (issue 10: "+" suggests it, and another name must not pass).
    { name: 'the right policy in another file (policy.yaml)', pass: false,
      files: { 'policy.yaml': policy('db-policy', `${DB_SELECT}  policyTypes:\n  - Ingress\n`)['db-policy.yaml'] ?? '' }, because: 'no file db-policy.yaml' },
    { name: 'kind quoted ("NetworkPolicy")', pass: true,
      files: { 'db-policy.yaml': (policy('db-policy', `${DB_SELECT}  policyTypes:\n  - Ingress\n`)['db-policy.yaml'] ?? '').replace('kind: NetworkPolicy', 'kind: "NetworkPolicy"') } },
    { name: 'policyTypes left out (defaults to Ingress)', pass: true, files: policy('db-policy', DB_SELECT) },
    { name: 'flow-style selector and types', pass: true, files: policy('db-policy', '  podSelector: {matchLabels: {role: db}}\n  policyTypes: [Ingress]\n') },
    { name: 'podSelector: {} (also cuts web → api)', pass: false, files: policy('db-policy', '  podSelector: {}\n  policyTypes:\n  - Ingress\n'),
      because: 'default/web → default/api:5000/TCP is denied' },
    { name: 'label misspelt: selects nothing', pass: false, files: policy('db-policy', '  podSelector:\n    matchLabels:\n      role: database\n  policyTypes:\n  - Ingress\n') },
    { name: 'Egress isolated too', pass: false, files: policy('db-policy', `${DB_SELECT}  policyTypes:\n  - Ingress\n  - Egress\n`) },
    { name: 'selects by the api label', pass: false, files: policy('db-policy', '  podSelector:\n    matchLabels:\n      role: api\n  policyTypes:\n  - Ingress\n') },
  ],
  'probe-blocked': [
    { name: 'probe pod named otherwise', pass: true, commands: [NC('check')] },
    { name: 'nc with the Service\'s full name', pass: true, commands: ['kubectl run probe --rm -it --image=busybox --restart=Never -- nc -zv -w 2 db.default.svc.cluster.local 3306'] },
    { name: 'did not probe again (the last probe connected)', pass: false, commands: [] },
    { name: 'probed, then broke the policy (it selects nothing)', pass: false,
      commands: [NC('probe'), 'kubectl get pods'], more: { files: policy('db-policy', '  podSelector:\n    matchLabels:\n      role: nothing\n') } },
  ],
  'allow-api': [
    { name: 'port without protocol (TCP is the default)', pass: true, patch: [rule(API_PEER, '    ports:\n    - port: 3306\n')] },
    { name: 'flow style', pass: true, patch: [{ ...ALLOW_API, replace: '  - Ingress\n  ingress: [{from: [{podSelector: {matchLabels: {role: api}}}], ports: [{port: 3306}]}]\n' }] },
    { name: 'every port open to api', pass: false, patch: [rule(API_PEER, '')], because: 'default/api → default/db:8080/TCP is allowed' },
    { name: 'from every pod (podSelector: {})', pass: false, patch: [rule('    - podSelector: {}\n')] },
    { name: 'wrong port', pass: false, patch: [rule(API_PEER, '    ports:\n    - protocol: TCP\n      port: 3307\n')] },
    { name: 'UDP instead of TCP', pass: false, patch: [rule(API_PEER, '    ports:\n    - protocol: UDP\n      port: 3306\n')] },
    { name: 'from every namespace', pass: false, patch: [rule('    - namespaceSelector: {}\n')] },
  ],
  'probe-as-api': [
    { name: 'the unlabelled probe under another name', pass: true, commands: [NC('as-api', ' --labels=role=api'), NC('probe')] },
    { name: 'labels flag as -l and in another place', pass: true,
      commands: ['kubectl run as-api -l role=api --image=busybox --restart=Never --rm -it -- nc -zv -w 2 db 3306', NC('probe')] },
    { name: 'label forgotten: as-api times out', pass: false, commands: [NC('as-api'), NC('probe')] },
    { name: 'unlabelled probe not run again (the old timeout came first)', pass: false, commands: [NC('as-api', ' --labels=role=api')] },
    { name: 'label role=web', pass: false, commands: [NC('as-api', ' --labels=role=web'), NC('probe')] },
  ],
  'dns-egress': [
    { name: 'the egress policy in another file (egress.yaml)', pass: false, commands: ['kubectl exec api -- curl -sS -m 2 db:3306'],
      files: { 'egress.yaml': policy('api-egress', EGRESS_TO_DB)['api-egress.yaml'] ?? '' }, because: 'no file api-egress.yaml' },
    { name: 'curl with http:// and without -sS', pass: true, commands: ['kubectl exec api -- curl -m 2 http://db:3306'] },
    { name: 'flow-style egress', pass: true, files: policy('api-egress', '  podSelector: {matchLabels: {role: api}}\n  policyTypes: [Egress]\n  egress: [{to: [{podSelector: {matchLabels: {role: db}}}], ports: [{port: 3306}]}]\n') },
    { name: 'DNS already allowed: no lookup failure seen', pass: false,
      files: policy('api-egress', `${EGRESS_TO_DB}  - to:\n    - namespaceSelector: {}\n${DNS_PORTS}`) },
    { name: 'policyTypes Ingress: egress rules ignored', pass: false,
      files: policy('api-egress', EGRESS_TO_DB.replace('  - Egress\n', '  - Ingress\n')) },
    { name: 'the curl not run', pass: false, commands: [] },
  ],
  'dns-rule': [
    { name: 'DNS pods in any namespace (namespaceSelector: {})', pass: true,
      patch: [dns(`  - to:\n    - namespaceSelector: {}\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n${DNS_PORTS}`)] },
    { name: 'peers in the other order under one dash', pass: true,
      patch: [dns(`  - to:\n    - podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n      namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n${DNS_PORTS}`)] },
    { name: 'UDP only: TCP 53 left closed', pass: false,
      patch: [dns('  - to:\n    - namespaceSelector: {}\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n    ports:\n    - protocol: UDP\n      port: 53\n')] },
    { name: 'port 53 without a protocol (TCP only)', pass: false,
      patch: [dns('  - to:\n    - namespaceSelector: {}\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n    ports:\n    - port: 53\n')] },
    { name: 'all egress to the DNS pods, every port', pass: false,
      patch: [dns('  - to:\n    - namespaceSelector: {}\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n')] },
    { name: 'port 53 to everyone (no to:)', pass: false, patch: [dns('  - ports:\n    - protocol: UDP\n      port: 53\n    - protocol: TCP\n      port: 53\n')], because: 'default/api → 8.8.8.8:53/UDP is allowed' },
    { name: 'rule right but curl not run again', pass: false, commands: [] },
  ],
  'default-types': [
    { name: 'answers "Ingress, Egress", checked with describe networkpolicies', pass: true, patch: [TYPES_OUT], commands: ['kubectl describe networkpolicies api-egress'], answer: 'Ingress, Egress' },
    { name: '둘 다, checked with describe networkpolicy/api-egress', pass: true, patch: [TYPES_OUT], commands: ['kubectl describe networkpolicy/api-egress'], answer: '둘 다' },
    { name: 'answers Egress only (the file\'s intent, not the default)', pass: false, answer: 'Egress only', because: 'not the answer' },
    { name: 'left policyTypes in (only answered)', pass: false, patch: [], commands: ['kubectl describe netpol api-egress'], answer: 'Ingress and Egress' },
    { name: 'wrote both types out instead of deleting them', pass: false, patch: [{ ...TYPES_OUT, replace: '  policyTypes:\n  - Ingress\n  - Egress\n' }] },
    { name: 'checked with get -o yaml (the stored, defaulted types)', pass: true, patch: [TYPES_OUT], commands: ['kubectl get netpol api-egress -o yaml'], answer: 'Ingress and Egress' },
    { name: 'never looked at what the cluster stored', pass: false, patch: [TYPES_OUT], commands: [], answer: 'Ingress and Egress' },
  ],
  'ingress-only': [
    { name: 'flow style [Ingress], answer 접속할 수 있습니다', pass: true, patch: [{ ...INGRESS_ONLY, replace: '      role: api\n  policyTypes: [Ingress]\n' }], answer: '접속할 수 있습니다' },
    { name: 'policyTypes written at the end of the spec', pass: true, patch: [{ file: 'api-egress.yaml', find: '    - protocol: TCP\n      port: 53\n', replace: '    - protocol: TCP\n      port: 53\n  policyTypes:\n  - Ingress\n' }], answer: 'yes' },
    { name: 'answers no (thinks the egress rules still apply)', pass: false, answer: 'no' },
    { name: 'deleted the egress rules too', pass: false, patch: [], files: policy('api-egress', '  podSelector:\n    matchLabels:\n      role: api\n  policyTypes:\n  - Ingress\n') },
    { name: 'wrote Egress instead (nothing to observe)', pass: false, patch: [{ ...INGRESS_ONLY, replace: '      role: api\n  policyTypes:\n  - Egress\n' }] },
  ],
  'egress-back': [
    { name: 'flow style ["Egress"]', pass: true, patch: [{ ...BACK, replace: '  policyTypes: ["Egress"]\n' }] },
    { name: 'the whole file rewritten as in dns-rule', pass: true, patch: [], files: policy('api-egress', `${EGRESS_TO_DB}${DNS_ITEM}`) },
    { name: 'Ingress and Egress (web → api still cut)', pass: false, patch: [{ ...BACK, replace: '  policyTypes:\n  - Ingress\n  - Egress\n' }], because: 'default/web' },
    { name: 'policyTypes deleted (the default is Ingress and Egress)', pass: false, patch: [{ ...BACK, replace: '' }] },
    { name: 'left as Ingress', pass: false, patch: [] },
  ],
  'service-port': [
    { name: 'wget by the full Service name', pass: true, commands: ['kubectl run probe --rm -it --image=busybox --restart=Never -- wget -qO- -T 2 http://web.default.svc.cluster.local:8080'] },
    { name: 'flow-style port list', pass: true, patch: [{ file: 'web-policy.yaml', find: '  - ports:\n    - protocol: TCP\n      port: 80\n', replace: '  - ports: [{protocol: TCP, port: 8080}]\n' }] },
    { name: '8081 instead of 8080', pass: false, patch: [{ file: 'web-policy.yaml', find: '      port: 80\n', replace: '      port: 8081\n' }] },
    { name: 'web-policy deleted (80 open again)', pass: false, patch: [], remove: ['web-policy.yaml'] },
    { name: 'wget not run again', pass: false, commands: [] },
  ],
  'target-port': [
    { name: '"targetPort"', pass: true, answer: 'targetPort' },
    { name: '"80번"', pass: true, answer: '80번' },
    { name: '"타깃 포트 80"', pass: true, answer: '타깃 포트 80' },
    { name: 'answers the Service port', pass: false, answer: '8080' },
    { name: '"service port"', pass: false, answer: 'service port' },
    { name: 'every port opened instead', pass: false, patch: [{ file: 'web-policy.yaml', find: '  - ports:\n    - protocol: TCP\n      port: 8080\n', replace: '  - {}\n' }] },
  ],
  count: [
    { name: '"3개", listed with -A', pass: true, commands: ['kubectl get netpol -A'], answer: '3개' },
    { name: 'networkpolicy -n default, "3 policies"', pass: true, commands: ['kubectl get networkpolicy -n default'], answer: '3 policies' },
    { name: 'answers 2', pass: false, answer: '2' },
    { name: 'listed another namespace only', pass: false, commands: ['kubectl get netpol -n kube-system'] },
    { name: 'counted, but api-egress was deleted meanwhile', pass: false, commands: ['kubectl delete netpol api-egress', 'kubectl get netpol'], answer: '2' },
  ],
});
