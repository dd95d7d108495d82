import { stepCases } from '../step-cases.js';

// Right and wrong attempts at every step (issue 17). See ../step-cases.ts.

const FILE = 'db-policy.yaml';
const dbPolicy = (spec: string) => ({ [FILE]: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
spec:
${spec}` });
const HEAD = '  podSelector:\n    matchLabels:\n      role: db\n  policyTypes:\n  - Ingress\n  ingress:\n  - from:\n';
const API = '    - podSelector:\n        matchLabels:\n          name: api-pod\n';
const PORTS = '    ports:\n    - protocol: TCP\n      port: 3306\n';
const PROD_AND = '    - podSelector:\n        matchLabels:\n          name: api-pod\n      namespaceSelector:\n        matchLabels:\n          name: prod\n';
const NS_PROD = '      namespaceSelector:\n        matchLabels:\n          name: prod\n';
const NS_ANY = '      namespaceSelector: {}\n';
const PROD_OR = '    - podSelector:\n        matchLabels:\n          name: api-pod\n    - namespaceSelector:\n        matchLabels:\n          name: prod\n';
const peer = (find: string, replace: string) => ({ file: FILE, find, replace });
const AFTER_PROD = `${PROD_AND}${PORTS}`;
const backup = (cidr: string) => [peer(AFTER_PROD, `${PROD_AND}    - ipBlock:\n        cidr: ${cidr}\n${PORTS}`)];
const EGRESS_ITEM = (cidr: string, ports = '    ports:\n    - protocol: TCP\n      port: 80\n') => `  egress:\n  - to:\n    - ipBlock:\n        cidr: ${cidr}\n${ports}`;
const egress = (item: string, types = '  - Ingress\n  - Egress\n') => [
  peer('  - Ingress\n', types),
  peer('      port: 3306\n', `      port: 3306\n${item}`),
];
const DNS_PORTS = '    ports:\n    - protocol: UDP\n      port: 53\n    - protocol: TCP\n      port: 53\n';
const dns = (item: string) => [peer('      port: 80\n', `      port: 80\n${item}`)];
const KUBE_DNS = '      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n';

stepCases('developing-network-policies', {
  'db-policy': [
    // The step says "Create `db-policy.yaml`" (issue 10: another name must not pass).
    { name: 'the right policy in another file (policy.yaml)', pass: false,
      files: { 'policy.yaml': dbPolicy(`${HEAD}${API}${PORTS}`)[FILE] ?? '' }, because: 'no file db-policy.yaml' },
    { name: 'flow style', pass: true, files: dbPolicy('  podSelector: {matchLabels: {role: db}}\n  ingress: [{from: [{podSelector: {matchLabels: {name: api-pod}}}], ports: [{port: 3306}]}]\n') },
    { name: 'policyTypes left out (Ingress by default)', pass: true, files: dbPolicy(`${HEAD.replace('  policyTypes:\n  - Ingress\n', '')}${API}${PORTS}`) },
    { name: 'podSelector: {} (also cuts web → api-pod)', pass: false, files: dbPolicy(`${HEAD.replace('    matchLabels:\n      role: db\n', ' {}\n').replace('  podSelector:\n {}', '  podSelector: {}')}${API}${PORTS}`),
      because: 'default/web → default/api-pod:5000/TCP is denied' },
    { name: 'no ports: api-pod gets every port', pass: false, files: dbPolicy(`${HEAD}${API}`) },
    { name: 'from every pod', pass: false, files: dbPolicy(`${HEAD}    - podSelector: {}\n${PORTS}`) },
    { name: 'label misspelt in from (name: api)', pass: false, files: dbPolicy(`${HEAD}${API.replace('api-pod', 'api')}${PORTS}`) },
    { name: 'api-pod of every namespace already', pass: false, files: dbPolicy(`${HEAD}${API}      namespaceSelector: {}\n${PORTS}`) },
  ],
  'other-namespace': [
    { name: 'the automatic kubernetes.io/metadata.name label, no kubectl label', pass: true, commands: [],
      patch: [peer(`${API}    ports:\n`, `${API}${PROD_AND.replace('name: prod', 'kubernetes.io/metadata.name: prod')}    ports:\n`)] },
    { name: 'namespaceSelector first under the dash', pass: true,
      patch: [peer(`${API}    ports:\n`, `${API}    - namespaceSelector:\n        matchLabels:\n          name: prod\n      podSelector:\n        matchLabels:\n          name: api-pod\n    ports:\n`)] },
    { name: 'one dash too many: every pod of prod (OR)', pass: false, patch: [peer(`${API}    ports:\n`, `${PROD_OR}    ports:\n`)],
      because: 'prod/reporting → default/db:3306/TCP is allowed' },
    { name: 'namespace never labelled', pass: false, commands: [] },
    { name: 'the namespace peer replaced the default one', pass: false, patch: [peer(`${API}    ports:\n`, `${PROD_AND}    ports:\n`)] },
    { name: 'prod/api-pod in a rule of its own, every port', pass: false,
      patch: [peer(`${PORTS}`, `${PORTS}  - from:\n${PROD_AND}`)] },
    // Issue 17 follow-up: an empty selector matches everything, so these let in more than prod/api-pod.
    { name: 'namespaceSelector: {} under the dash: api-pod of every namespace', pass: false,
      patch: [peer(`${API}    ports:\n`, `${API}${PROD_AND.replace(NS_PROD, NS_ANY)}    ports:\n`)], because: 'staging/api-pod → default/db:3306/TCP is allowed' },
    { name: 'typed in flow style, stopped at the auto-closed namespaceSelector: {}, not labelled yet', pass: false, commands: [],
      patch: [peer(`${API}    ports:\n`, `${API}    - {podSelector: {matchLabels: {name: api-pod}}, namespaceSelector: {}}\n    ports:\n`)], because: 'staging/api-pod' },
    { name: 'a peer of its own: namespaceSelector: {} (every pod of every namespace)', pass: false,
      patch: [peer(`${API}    ports:\n`, `${API}    - namespaceSelector: {}\n    ports:\n`)], because: 'staging/api-pod' },
    { name: 'podSelector: {} with the prod namespace (every pod of prod)', pass: false,
      patch: [peer(`${API}    ports:\n`, `${API}${PROD_AND.replace('        matchLabels:\n          name: api-pod\n', '').replace('podSelector:', 'podSelector: {}')}    ports:\n`)],
      because: 'prod/reporting → default/db:3306/TCP is allowed' },
    { name: 'a peer of its own: podSelector: {} (every pod of default)', pass: false,
      patch: [peer(`${API}    ports:\n`, `${API}    - podSelector: {}\n    ports:\n`)], because: 'default/web → default/db:3306/TCP is allowed' },
    { name: 'the AND form in flow style, as one item', pass: true,
      patch: [peer(`${API}    ports:\n`, `${API}    - {podSelector: {matchLabels: {name: api-pod}}, namespaceSelector: {matchLabels: {name: prod}}}\n    ports:\n`)] },
    { name: 'the namespace by matchExpressions (name In [prod])', pass: true,
      patch: [peer(`${API}    ports:\n`, `${API}${PROD_AND.replace('        matchLabels:\n          name: prod\n', '        matchExpressions:\n        - {key: name, operator: In, values: [prod]}\n')}    ports:\n`)] },
  ],
  'and-or': [
    { name: 'tried the OR form, put it back, answers 가능합니다', pass: true, answer: '가능합니다',
      patch: [peer(PROD_AND, PROD_OR)], more: { patch: [peer(PROD_OR, PROD_AND)] } },
    { name: '허용됩니다', pass: true, answer: '허용됩니다' },
    { name: 'left the OR form in place', pass: false, patch: [peer(PROD_AND, PROD_OR)], because: 'prod/reporting' },
    { name: 'put back with namespaceSelector: {} (api-pod of every namespace)', pass: false, answer: 'yes',
      patch: [peer(PROD_AND, PROD_OR)], more: { patch: [peer(PROD_OR, PROD_AND.replace(NS_PROD, NS_ANY))] },
      because: 'staging/api-pod' },
    { name: 'answers no', pass: false, answer: '아니요' },
    { name: 'answers 차단됨', pass: false, answer: '차단됨' },
  ],
  'backup-ingress': [
    { name: 'except-free flow style', pass: true, patch: [peer(AFTER_PROD, `${PROD_AND}    - {ipBlock: {cidr: 192.168.5.10/32}}\n${PORTS}`)] },
    { name: 'in a rule of its own, same port', pass: true, patch: [peer(PORTS, `${PORTS}  - from:\n    - ipBlock:\n        cidr: 192.168.5.10/32\n${PORTS}`)] },
    { name: 'a /16 (the whole 192.168 network)', pass: false, patch: backup('192.168.0.0/16'), because: '192.168.5.11' },
    { name: 'a /24', pass: false, patch: backup('192.168.5.0/24') },
    { name: 'everything (0.0.0.0/0)', pass: false, patch: backup('0.0.0.0/0') },
    { name: 'in a rule of its own, every port', pass: false, patch: [peer(PORTS, `${PORTS}  - from:\n    - ipBlock:\n        cidr: 192.168.5.10/32\n`)] },
    { name: 'the wrong address', pass: false, patch: backup('192.168.5.1/32') },
  ],
  'backup-egress': [
    { name: 'egress in flow style', pass: true,
      patch: egress('  egress: [{to: [{ipBlock: {cidr: 192.168.5.10/32}}], ports: [{protocol: TCP, port: 80}]}]\n') },
    { name: 'Egress listed first in policyTypes', pass: true, patch: egress(EGRESS_ITEM('192.168.5.10/32'), '  - Egress\n  - Ingress\n') },
    { name: 'Egress not in policyTypes: the egress rule is ignored', pass: false, patch: egress(EGRESS_ITEM('192.168.5.10/32'), '  - Ingress\n') },
    { name: 'a /16', pass: false, patch: egress(EGRESS_ITEM('192.168.0.0/16')), because: '192.168.5.11' },
    { name: 'every port to the backup server', pass: false, patch: egress(EGRESS_ITEM('192.168.5.10/32', '')) },
    { name: 'the lookup not tried', pass: false, commands: [] },
    { name: 'DNS opened already: no failed lookup', pass: false,
      patch: egress(`${EGRESS_ITEM('192.168.5.10/32')}  - to:\n    - namespaceSelector: {}\n${KUBE_DNS}${DNS_PORTS}`) },
  ],
  'db-dns': [
    { name: 'DNS pods of any namespace', pass: true, patch: dns(`  - to:\n    - namespaceSelector: {}\n${KUBE_DNS}${DNS_PORTS}`) },
    { name: 'checked with a busybox pod wearing db\'s label', pass: true,
      commands: ['kubectl run probe --rm -it --image=busybox --restart=Never --labels=role=db -- nslookup kubernetes.default.svc.cluster.local'] },
    { name: 'UDP only', pass: false, patch: dns('  - to:\n    - namespaceSelector: {}\n' + KUBE_DNS + '    ports:\n    - protocol: UDP\n      port: 53\n') },
    { name: 'every port to the DNS pods', pass: false, patch: dns(`  - to:\n    - namespaceSelector: {}\n${KUBE_DNS}`) },
    { name: 'port 53 to everyone', pass: false, patch: dns(DNS_PORTS.replace('    ports:', '  - ports:')) },
    { name: 'all egress allowed (- {})', pass: false, patch: dns('  - {}\n') },
    { name: 'the lookup not run again', pass: false, commands: [] },
    { name: 'the AND form broken meanwhile (reporting gets in)', pass: false, more: { patch: [peer(PROD_AND, PROD_OR)] } },
    { name: 'the namespace emptied meanwhile (staging/api-pod gets in)', pass: false,
      more: { patch: [peer(NS_PROD, NS_ANY)] }, because: 'staging/api-pod' },
  ],
});
