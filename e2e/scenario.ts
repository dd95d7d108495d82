import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built-in sample (src/app/sample): web/api/db in prod, an api in staging, the db-policy. */
const dir = fileURLToPath(new URL('../src/app/sample/', import.meta.url));
const read = (name: string) => readFileSync(dir + name, 'utf8');

export const sample = [
  { name: 'pods.yaml', text: read('pods.yaml') },
  { name: 'netpol.yaml', text: read('netpol.yaml') },
  { name: 'namespaces.yaml', text: read('namespaces.yaml') },
  { name: 'external.yaml', text: read('external.yaml') },
];

export const netpol = read('netpol.yaml');

/** The course notes' pod-level securityContext example. */
export const ubuntuSleeper = `apiVersion: v1
kind: Pod
metadata:
  name: ubuntu-sleeper
  namespace: default
spec:
  securityContext:
    runAsUser: 1010
  containers:
  - command:
    - sleep
    - "4800"
    image: ubuntu
    name: ubuntu-sleeper
    securityContext:
      capabilities:
        add: ["SYS_TIME", "NET_ADMIN"]
`;
