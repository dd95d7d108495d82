import { stepCases } from '../step-cases.js';

// Right and wrong attempts at every step (issue 9). See ../step-cases.ts. The authorizer's answers
// are pinned in src/engine/rbac and src/shell/kubectl (k8s.io/kubernetes plugin/pkg/auth/authorizer/rbac).

const ROLE = 'kubectl create role pod-reader --verb=get,list,watch --resource=pods -n dev';
const BIND = 'kubectl create rolebinding jane-reads --role=pod-reader --user=jane -n dev';
const CAN_LIST_DEV = 'kubectl auth can-i list pods -n dev --as jane';
const CAN_LIST_PROD = 'kubectl auth can-i list pods -n prod --as jane';
const PROD_BINDING = (kind: string, roleKind: string, name = 'view') => ({ 'prod-access.yaml': `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: jane-view
${kind === 'RoleBinding' ? '  namespace: prod\n' : ''}subjects:
- kind: User
  name: jane
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: ${roleKind}
  name: ${name}
  apiGroup: rbac.authorization.k8s.io
` });
const RBAC_YAML = (verbs: string) => ({ 'dev-access.yaml': `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
  namespace: dev
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ${verbs}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: jane-reads
  namespace: dev
subjects:
- kind: User
  name: jane
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
` });

stepCases('rbac', {
  'jane-denied': [
    { name: '--namespace=dev --as=jane, "아니요"', pass: true, commands: ['kubectl auth can-i list pods --namespace=dev --as=jane'], answer: '아니요' },
    { name: 'get instead of list, "No."', pass: true, commands: ['kubectl auth can-i get pods -n dev --as jane'], answer: 'No.' },
    { name: 'asked as yourself (cluster-admin): yes', pass: false, commands: ['kubectl auth can-i list pods -n dev'], answer: 'no' },
    { name: 'answers yes', pass: false, answer: 'yes' },
    { name: 'asked about the default namespace', pass: false, commands: ['kubectl auth can-i list pods --as jane'] },
  ],
  'grant-read': [
    { name: 'the same objects written as YAML in the editor', pass: true, files: RBAC_YAML('["get", "list", "watch"]'), commands: [CAN_LIST_DEV] },
    { name: 'a RoleBinding to the built-in ClusterRole view', pass: true,
      commands: ['kubectl create rolebinding jane-reads --clusterrole=view --user=jane -n dev', CAN_LIST_DEV] },
    { name: 'both created without -n dev (they land in default)', pass: false,
      commands: ['kubectl create role pod-reader --verb=get,list,watch --resource=pods', 'kubectl create rolebinding jane-reads --role=pod-reader --user=jane', CAN_LIST_DEV] },
    { name: 'the Role only, no RoleBinding', pass: false, commands: [ROLE, CAN_LIST_DEV] },
    { name: 'bound to user Jane (names are case-sensitive)', pass: false,
      commands: [ROLE, 'kubectl create rolebinding jane-reads --role=pod-reader --user=Jane -n dev', CAN_LIST_DEV] },
    { name: 'a typo in the verb (lsit) in YAML', pass: false, files: RBAC_YAML('["get", "lsit", "watch"]'), commands: [CAN_LIST_DEV] },
    { name: 'created it all but never asked can-i', pass: false, commands: [ROLE, BIND] },
    { name: 'verbs get and list only: jane may not watch', pass: false,
      commands: ['kubectl create role pod-reader --verb=get,list --resource=pods -n dev', BIND, CAN_LIST_DEV], because: 'User jane may not watch pods in namespace dev' },
    { name: 'can-i said yes, then the RoleBinding was deleted', pass: false,
      more: { commands: ['kubectl delete rolebinding jane-reads -n dev'] }, because: 'User jane may not get pods in namespace dev' },
  ],
  'read-only': [
    { name: '--namespace=dev and --as=jane, po for pods', pass: true,
      commands: ['kubectl get po --namespace=dev --as=jane', 'kubectl auth can-i delete pod --as=jane --namespace=dev'] },
    { name: 'get -o wide, can-i in the other order', pass: true,
      commands: ['kubectl auth can-i delete pods -n dev --as jane', 'kubectl get pods -n dev -o wide --as jane'] },
    { name: 'get pods as yourself, not as jane', pass: false, commands: ['kubectl get pods -n dev', 'kubectl auth can-i delete pods -n dev --as jane'] },
    { name: 'also bound to the ClusterRole edit: jane may delete', pass: false,
      commands: ['kubectl create rolebinding jane-edit --clusterrole=edit --user=jane -n dev', 'kubectl get pods -n dev --as jane', 'kubectl auth can-i delete pods -n dev --as jane'] },
    { name: 'never asked about delete', pass: false, commands: ['kubectl get pods -n dev --as jane'] },
    { name: 'can-i delete said no, then jane was also bound to edit', pass: false,
      more: { commands: ['kubectl create rolebinding jane-edit --clusterrole=edit --user=jane -n dev'] }, because: 'User jane may delete pods in namespace dev' },
  ],
  'why-prod': [
    { name: 'answers in Korean, --namespace=prod', pass: true, commands: ['kubectl auth can-i list pods --namespace=prod --as=jane'], answer: '클러스터롤' },
    { name: 'answers "a ClusterRole", get pods instead of list', pass: true, commands: ['kubectl auth can-i get pods -n prod --as jane'], answer: 'a ClusterRole' },
    { name: 'answers Role', pass: false, answer: 'Role' },
    { name: 'answers RoleBinding', pass: false, answer: 'RoleBinding' },
    { name: 'asked about dev, where the answer is yes', pass: false, commands: [CAN_LIST_DEV], answer: 'ClusterRole' },
  ],
  'fix-prod': [
    { name: 'deleted and created again, as on a real cluster', pass: true,
      patch: [], commands: ['kubectl delete rolebinding jane-view -n prod', 'kubectl create rolebinding jane-view --clusterrole=view --user=jane -n prod', CAN_LIST_PROD] },
    { name: 'a Role named view written in prod (also a fix)', pass: true, files: { ...PROD_BINDING('RoleBinding', 'Role'), 'prod-view.yaml': `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: view
  namespace: prod
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
` }, patch: [], commands: [CAN_LIST_PROD] },
    { name: 'a ClusterRoleBinding: view in every namespace', pass: false, files: PROD_BINDING('ClusterRoleBinding', 'ClusterRole'), patch: [], commands: [CAN_LIST_PROD] },
    { name: 'kind fixed but the name misspelled (viewer)', pass: false, files: PROD_BINDING('RoleBinding', 'ClusterRole', 'viewer'), patch: [], commands: [CAN_LIST_PROD] },
    { name: 'fixed but never checked', pass: false, commands: [] },
    { name: 'fixed, then a ClusterRoleBinding to view made in the terminal', pass: false,
      more: { commands: ['kubectl create clusterrolebinding jane-view-all --clusterrole=view --user=jane'] }, because: 'User jane may list pods in namespace default' },
    { name: 'can-i said yes, then the binding was deleted', pass: false,
      more: { commands: ['kubectl delete rolebinding jane-view -n prod'] }, because: 'User jane may not list pods in namespace prod' },
  ],
});
