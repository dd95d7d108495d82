import { stepCases } from '../step-cases.js';

// Right and wrong attempts at every step (issue 17). See ../step-cases.ts.

const POD = (spec: string) => ({ 'ubuntu-sleeper.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: ubuntu-sleeper
  namespace: default
spec:
${spec}` });
const CONTAINER = `  - name: ubuntu-sleeper
    image: ubuntu
    command: ["sleep", "4800"]
`;
const withCaps = (caps: string, podLevel = '') => POD(`${podLevel}  containers:
${CONTAINER}    securityContext:
${caps}`);
const RUN_AS = { file: 'ubuntu-sleeper.yaml', find: 'spec:\n  containers:', replace: 'spec:\n  securityContext:\n    runAsUser: 1010\n  containers:' };

stepCases('security-contexts', {
  whoami: [
    { name: 'id instead of whoami, answer in Korean', pass: true, commands: ['kubectl exec ubuntu-sleeper -- id'], answer: '루트' },
    { name: 'exec -it, answer "UID 0"', pass: true, commands: ['kubectl exec -it ubuntu-sleeper -- whoami'], answer: 'UID 0' },
    { name: 'answers ubuntu (the image has a user ubuntu, but it is not the one running)', pass: false, answer: 'ubuntu' },
    { name: 'answers 1000', pass: false, answer: '1000' },
    { name: 'never ran it (a typo in the pod name)', pass: false, commands: ['kubectl exec ubuntu-sleepr -- whoami'] },
  ],
  'run-as-user': [
    { name: 'flow-style securityContext', pass: true, patch: [{ ...RUN_AS, replace: 'spec:\n  securityContext: {runAsUser: 1010}\n  containers:' }] },
    { name: 'with runAsNonRoot and runAsGroup too', pass: true,
      patch: [{ ...RUN_AS, replace: 'spec:\n  securityContext:\n    runAsUser: 1010\n    runAsGroup: 1010\n    runAsNonRoot: true\n  containers:' }] },
    { name: 'at container level instead of pod level', pass: false,
      patch: [{ file: 'ubuntu-sleeper.yaml', find: '    image: ubuntu\n', replace: '    image: ubuntu\n    securityContext:\n      runAsUser: 1010\n' }], because: 'uid source' },
    { name: 'another UID', pass: false, patch: [{ ...RUN_AS, replace: RUN_AS.replace.replace('1010', '1001') }] },
    { name: 'runAsGroup instead of runAsUser', pass: false, patch: [{ ...RUN_AS, replace: RUN_AS.replace.replace('runAsUser', 'runAsGroup') }] },
    { name: 'runAsUser under metadata', pass: false,
      patch: [{ file: 'ubuntu-sleeper.yaml', find: '  namespace: default\n', replace: '  namespace: default\n  securityContext:\n    runAsUser: 1010\n' }] },
  ],
  override: [
    { name: '"UID 1001"', pass: true, answer: 'UID 1001' },
    { name: '"1001번"', pass: true, answer: '1001번' },
    { name: 'answers the web container\'s 1002', pass: false, answer: '1002' },
    { name: 'answers root', pass: false, answer: 'root' },
    { name: 'answers 0', pass: false, answer: '0' },
  ],
  'clock-denied': [
    { name: 'runAsUser: 0 written instead of removed, --set=, answer CAP_SYS_TIME', pass: true,
      patch: [{ file: 'ubuntu-sleeper.yaml', find: 'runAsUser: 1010', replace: 'runAsUser: 0' }],
      commands: ["kubectl exec ubuntu-sleeper -- date --set='2012-04-19 11:14:00'"], answer: 'CAP_SYS_TIME' },
    { name: 'the whole pod rewritten without securityContext, answer sys_time', pass: true, patch: [],
      files: POD(`  containers:\n${CONTAINER}`), answer: 'sys_time' },
    { name: 'runAsUser 1010 kept (refused for being non-root, not for the capability)', pass: false, patch: [], because: 'uid' },
    { name: 'added SYS_TIME already (the clock is set, nothing refused)', pass: false, patch: [],
      files: withCaps('      capabilities:\n        add: ["SYS_TIME"]\n') },
    { name: 'answers root (it is root)', pass: false, answer: 'root' },
    { name: 'answers NET_ADMIN', pass: false, answer: 'NET_ADMIN' },
  ],
  'add-capabilities': [
    { name: 'the two names in the other order, block list', pass: true, files: withCaps('      capabilities:\n        add:\n        - NET_ADMIN\n        - SYS_TIME\n') },
    { name: 'with an explicit runAsUser: 0', pass: true,
      files: withCaps('      runAsUser: 0\n      capabilities:\n        add: ["SYS_TIME", "NET_ADMIN"]\n') },
    { name: 'CAP_ prefixes (the runtime adds its own CAP_ and ignores them)', pass: false,
      files: withCaps('      capabilities:\n        add: ["CAP_SYS_TIME", "CAP_NET_ADMIN"]\n') },
    { name: 'privileged: true instead', pass: false, files: withCaps('      privileged: true\n'), because: 'privileged' },
    { name: 'add: ["ALL"]', pass: false, files: withCaps('      capabilities:\n        add: ["ALL"]\n') },
    { name: 'the two plus SYS_ADMIN', pass: false, files: withCaps('      capabilities:\n        add: ["SYS_TIME", "NET_ADMIN", "SYS_ADMIN"]\n') },
    { name: 'only SYS_TIME', pass: false, files: withCaps('      capabilities:\n        add: ["SYS_TIME"]\n') },
    { name: 'runAsUser 1010 kept: nothing effective, date fails', pass: false,
      files: withCaps('      capabilities:\n        add: ["SYS_TIME", "NET_ADMIN"]\n', '  securityContext:\n    runAsUser: 1010\n') },
    { name: 'capabilities right but the clock never set', pass: false, commands: ['kubectl exec ubuntu-sleeper -- date'] },
  ],
  'pod-level-capabilities': [
    { name: 'flow style at pod level', pass: true, files: POD(`  securityContext: {capabilities: {add: [SYS_TIME, NET_ADMIN]}}
  containers:
${CONTAINER}`) },
    { name: 'at pod level, container keeps its own too', pass: true, files: POD(`  securityContext:
    capabilities:
      add: ["SYS_TIME"]
  containers:
${CONTAINER}    securityContext:
      capabilities:
        add: ["SYS_TIME", "NET_ADMIN"]
`) },
    { name: 'left at container level', pass: false, files: withCaps('      capabilities:\n        add: ["SYS_TIME", "NET_ADMIN"]\n') },
    { name: 'capabilities right under spec (another unknown field)', pass: false, files: POD(`  capabilities:
    add: ["SYS_TIME", "NET_ADMIN"]
  containers:
${CONTAINER}`) },
  ],
  'fix-level': [
    { name: 'block list in the other order', pass: true, files: withCaps('      capabilities:\n        add:\n        - NET_ADMIN\n        - SYS_TIME\n') },
    { name: 'flow-style capabilities', pass: true, files: withCaps('      capabilities: {add: [SYS_TIME, NET_ADMIN]}\n') },
    { name: 'left at pod level as well', pass: false, files: withCaps('      capabilities:\n        add: ["SYS_TIME", "NET_ADMIN"]\n', '  securityContext:\n    capabilities:\n      add: ["SYS_TIME", "NET_ADMIN"]\n') },
    { name: 'removed instead of moved', pass: false, files: POD(`  containers:\n${CONTAINER}`) },
    { name: 'privileged: true instead', pass: false, files: withCaps('      privileged: true\n') },
  ],
});
