import { stepCases } from '../step-cases.js';

// Right and wrong attempts at every step (issue 9). See ../step-cases.ts. The token volume and the
// automount rule (the pod's value wins over the ServiceAccount's) are pinned in src/engine/rbac.

const DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const SA_AS = 'system:serviceaccount:default:build-bot';
const RUNNER = (spec: string) => ({ 'runner.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: runner
  namespace: default
spec:
${spec}  containers:
  - name: runner
    image: busybox
    command: ["sleep", "3600"]
` });
const BUILDER = (spec: string) => ({ 'builder.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: builder
  namespace: default
spec:
${spec}  containers:
  - name: builder
    image: busybox
    command: ["sleep", "3600"]
` });
const SA_OFF = { file: 'build-bot.yaml', find: '  name: build-bot\n  namespace: default\n---', replace: '  name: build-bot\n  namespace: default\nautomountServiceAccountToken: false\n---' };

stepCases('service-account-tokens', {
  'find-token': [
    { name: 'ls -l, answer the full path', pass: true, commands: [`kubectl exec runner -- ls -l ${DIR}`], answer: `${DIR}/token` },
    { name: 'exec -it with a trailing slash, "token 파일"', pass: true, commands: [`kubectl exec -it runner -- ls ${DIR}/`], answer: 'token 파일' },
    { name: 'answers ca.crt (the CA certificate, not the token)', pass: false, answer: 'ca.crt' },
    { name: 'answers namespace', pass: false, answer: 'namespace' },
    { name: 'looked in the wrong place', pass: false, commands: ['kubectl exec runner -- ls /var/run/secrets'] },
  ],
  'token-power': [
    { name: '--as=…, get secret, -n default, "예"', pass: true, commands: [`kubectl auth can-i get secret -n default --as=${SA_AS}`], answer: '예' },
    { name: '--namespace=default at the end, "Yes"', pass: true, commands: [`kubectl auth can-i list secrets --as ${SA_AS} --namespace=default`], answer: 'Yes' },
    { name: 'asked as yourself (cluster-admin)', pass: false, commands: ['kubectl auth can-i list secrets'], answer: 'yes' },
    { name: 'asked about kube-system, where the binding does not reach', pass: false, commands: [`kubectl auth can-i list secrets -n kube-system --as ${SA_AS}`], answer: 'yes' },
    { name: 'the name without system:serviceaccount: (a user build-bot)', pass: false, commands: ['kubectl auth can-i list secrets --as build-bot'] },
    { name: 'answers no', pass: false, answer: 'no' },
  ],
  'disable-automount': [
    { name: 'false on the ServiceAccount instead (also unmounts it)', pass: true, files: RUNNER('  serviceAccountName: build-bot\n'), patch: [SA_OFF] },
    { name: 'cat the token file', pass: true, commands: [`kubectl exec runner -- cat ${DIR}/token`] },
    { name: 'under the container (unknown field): still mounted', pass: false,
      files: { 'runner.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: runner\n  namespace: default\nspec:\n  serviceAccountName: build-bot\n  containers:\n  - name: runner\n    image: busybox\n    automountServiceAccountToken: false\n    command: ["sleep", "3600"]\n' }, patch: [] },
    { name: 'a misspelled field (automountServiceAccountTokens)', pass: false,
      files: RUNNER('  serviceAccountName: build-bot\n  automountServiceAccountTokens: false\n'), patch: [] },
    { name: 'the default ServiceAccount instead: its token is mounted too', pass: false, files: RUNNER(''), patch: [] },
    { name: 'set but never checked', pass: false, commands: [] },
  ],
  'serviceaccount-default': [
    { name: 'builder sets false itself as well', pass: true, files: BUILDER('  serviceAccountName: build-bot\n  automountServiceAccountToken: false\n') },
    { name: 'cat the token file, flow-style command', pass: true, commands: [`kubectl exec builder -- cat ${DIR}/token`] },
    { name: 'builder says true: the pod wins, the token is mounted', pass: false, files: BUILDER('  serviceAccountName: build-bot\n  automountServiceAccountToken: true\n') },
    { name: 'builder without serviceAccountName: default ServiceAccount, token mounted', pass: false, files: BUILDER('') },
    { name: 'false under the ServiceAccount metadata (not a metadata field)', pass: false,
      patch: [{ ...SA_OFF, replace: '  name: build-bot\n  namespace: default\n  automountServiceAccountToken: false\n---' }] },
    { name: 'checked runner instead of builder', pass: false, commands: [`kubectl exec runner -- ls ${DIR}`] },
  ],
});
