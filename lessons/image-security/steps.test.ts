import { stepCases } from '../step-cases.js';

// Right and wrong attempts at every step (issue 17). See ../step-cases.ts.

const CREATE = 'kubectl create secret docker-registry private-reg-cred';
const IMAGE = { file: 'deployment.yaml', find: 'image: nginx', replace: 'image: myprivateregistry.com:5000/nginx:alpine' };
const TYPO = { file: 'deployment.yaml', find: 'image: nginx' };
const PULL_SECRETS = { file: 'deployment.yaml', find: '      containers:\n', replace: '      imagePullSecrets:\n      - name: private-reg-cred\n      containers:\n' };

stepCases('image-security', {
  resolve: [
    { name: 'answer in capitals with a final full stop', pass: true, answer: 'Docker.io/Library/Nginx:Latest.' },
    { name: 'answer in backticks', pass: true, answer: '`docker.io/library/nginx:latest`' },
    { name: 'library/ account left out', pass: false, answer: 'docker.io/nginx:latest' },
    { name: 'registry left out', pass: false, answer: 'library/nginx:latest' },
    { name: 'tag left out', pass: false, answer: 'docker.io/library/nginx' },
    { name: 'no answer yet', pass: false, answer: null },
  ],
  'registry-typo': [
    { name: 'another registry typo, events instead of describe, fixed in the editor, answer 레지스트리', pass: true,
      patch: [{ ...TYPO, replace: 'image: dokcer.io/library/nginx' }],
      commands: ['kubectl get pods', 'kubectl get events', 'kubectl set image deployment/web nginx=docker.io/library/nginx:latest'], answer: '레지스트리' },
    { name: 'the Korean choice, describe pods, set image nginx', pass: true, answer: '레지스트리 호스트(DNS 이름)',
      commands: ['kubectl get po', 'kubectl describe pods', 'kubectl set image deployment/web nginx=nginx'] },
    { name: 'never fixed the typo', pass: false, commands: ['kubectl get pods', 'kubectl describe pod web'], because: 'docker.i0' },
    { name: 'never read the events (only get pods)', pass: false, commands: ['kubectl get pods', 'kubectl set image deployment/web nginx=nginx'] },
    { name: 'answers the tag', pass: false, answer: "The image's tag" },
    { name: 'a typo that still resolves (quay.io): nothing failed', pass: false, patch: [{ ...TYPO, replace: 'image: quay.io/library/nginx' }] },
  ],
  'tag-typo': [
    { name: 'another tag typo (lates), answer 태그', pass: true, patch: [{ ...TYPO, replace: 'image: nginx:lates' }], answer: '태그' },
    { name: 'get events, then fixed to nginx:latest, answer "the tag"', pass: true,
      commands: ['kubectl get pods', 'kubectl events', 'kubectl set image deployment/web nginx=nginx:latest'], answer: 'the tag' },
    { name: 'a tag that exists (1.27-alpine): nothing failed', pass: false, patch: [{ ...TYPO, replace: 'image: nginx:1.27-alpine' }] },
    { name: 'left on the typo', pass: false, commands: ['kubectl get pods', 'kubectl describe pod web'] },
    { name: 'answers the registry host', pass: false, answer: 'The registry host (a DNS name)' },
  ],
  'private-image': [
    { name: 'ImagePullBackOff, the status after the retries', pass: true, answer: 'ImagePullBackOff' },
    { name: 'status in lower case', pass: true, answer: 'errimagepull' },
    { name: 'port left out of the registry (no such registry in the lab)', pass: false,
      patch: [{ ...IMAGE, replace: 'image: myprivateregistry.com/nginx:alpine' }] },
    { name: 'image not changed, answer copied', pass: false, patch: [] },
    { name: 'answers Running', pass: false, answer: 'Running' },
    { name: 'answers Pending', pass: false, answer: 'Pending' },
  ],
  'create-secret': [
    { name: 'server written with https://', pass: true,
      commands: [`${CREATE} --docker-server=https://myprivateregistry.com:5000 --docker-username=dock_user --docker-password=dock_password`] },
    { name: 'flags in another order, space-separated, no email', pass: true,
      commands: [`${CREATE} --docker-password dock_password --docker-username dock_user --docker-server myprivateregistry.com:5000`] },
    { name: 'secret written as YAML and applied', pass: true, commands: [],
      files: { 'private-reg-cred.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: private-reg-cred
type: kubernetes.io/dockerconfigjson
stringData:
  .dockerconfigjson: '{"auths":{"myprivateregistry.com:5000":{"username":"dock_user","password":"dock_password"}}}'
` } },
    { name: 'wrong password', pass: false,
      commands: [`${CREATE} --docker-server=myprivateregistry.com:5000 --docker-username=dock_user --docker-password=dock_pass`] },
    { name: 'server without the port', pass: false,
      commands: [`${CREATE} --docker-server=myprivateregistry.com --docker-username=dock_user --docker-password=dock_password`] },
    { name: 'secret in another namespace', pass: false,
      commands: ['kubectl create namespace prod', `${CREATE} -n prod --docker-server=myprivateregistry.com:5000 --docker-username=dock_user --docker-password=dock_password`] },
    { name: 'generic (Opaque) secret instead of docker-registry', pass: false,
      commands: ['kubectl create secret generic private-reg-cred --from-literal=username=dock_user --from-literal=password=dock_password'] },
    { name: 'no --docker-server: Docker Hub credentials', pass: false,
      commands: [`${CREATE} --docker-username=dock_user --docker-password=dock_password`] },
  ],
  'use-secret': [
    { name: 'flow-style list', pass: true, patch: [{ ...PULL_SECRETS, replace: '      imagePullSecrets: [{name: private-reg-cred}]\n      containers:\n' }] },
    { name: 'after containers, at the same level', pass: true,
      patch: [{ file: 'deployment.yaml', find: 'nginx:alpine\n', replace: 'nginx:alpine\n      imagePullSecrets:\n      - name: private-reg-cred\n' }] },
    { name: 'inside the container', pass: false,
      patch: [{ file: 'deployment.yaml', find: 'nginx:alpine\n', replace: 'nginx:alpine\n        imagePullSecrets:\n        - name: private-reg-cred\n' }] },
    { name: 'secret name misspelt', pass: false, patch: [{ ...PULL_SECRETS, replace: PULL_SECRETS.replace.replace('private-reg-cred', 'private-reg-creds') }] },
    { name: 'at the Deployment spec, not the pod template', pass: false,
      patch: [{ file: 'deployment.yaml', find: '  replicas: 1\n', replace: '  replicas: 1\n  imagePullSecrets:\n  - name: private-reg-cred\n' }] },
  ],
});
