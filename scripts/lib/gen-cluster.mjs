// A seeded, generated cluster for the UI benchmark (npm run bench:ui) and its e2e smoke:
// block-style YAML as `kubectl get -o yaml` users paste it, per namespace one file holding the
// Namespace, its pods (a few labels, ports, a securityContext, resources) and its NetworkPolicies.
// 500 pods / 20 namespaces / 100 policies is about 680 KB, the size issue 11 measured.

/** mulberry32: the same cluster on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['web', 'api', 'db', 'cache', 'queue', 'worker', 'auth', 'search', 'billing', 'mail', 'report', 'gateway'];
const IMAGES = ['nginx:1.27', 'python:3.12', 'mysql:8.4', 'redis:7', 'busybox:1.36', 'node:22', 'postgres:16', 'httpd:2.4'];
const PORTS = { web: 80, api: 5000, db: 3306, cache: 6379, queue: 5672, worker: 8080, auth: 8443, search: 9200, billing: 8081, mail: 25, report: 8082, gateway: 443 };

const nsName = (n) => `team-${String(n).padStart(2, '0')}`;

function podYaml(r, ns, i, app) {
  const tier = ['frontend', 'backend', 'data'][i % 3];
  const image = IMAGES[Math.floor(r() * IMAGES.length)];
  const port = PORTS[app];
  const uid = 1000 + Math.floor(r() * 1000);
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${app}-${i}
  namespace: ${ns}
  labels:
    app: ${app}
    tier: ${tier}
    version: v${1 + (i % 3)}
    owner: squad-${i % 5}
  annotations:
    description: generated pod ${i} of ${ns} for the UI benchmark
spec:
  securityContext:
    runAsUser: ${uid}
    runAsGroup: ${uid}
    fsGroup: 2000
  containers:
  - name: ${app}
    image: ${image}
    ports:
    - name: main
      containerPort: ${port}
      protocol: TCP
    - name: metrics
      containerPort: 9090
    env:
    - name: APP_NAME
      value: ${app}
    - name: NAMESPACE
      value: ${ns}
    resources:
      requests:
        cpu: 100m
        memory: 128Mi
      limits:
        cpu: 500m
        memory: 256Mi
    securityContext:
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: true
      capabilities:
        drop:
        - ALL
    readinessProbe:
      tcpSocket:
        port: ${port}
      initialDelaySeconds: 5
      periodSeconds: 10
    volumeMounts:
    - name: config
      mountPath: /etc/${app}
      readOnly: true
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: config
    configMap:
      name: ${app}-config
  - name: tmp
    emptyDir: {}
`;
}

function policyYaml(r, ns, k, namespaces) {
  const app = APPS[k % APPS.length];
  const peerApp = APPS[(k + 1 + Math.floor(r() * 3)) % APPS.length];
  const team = `t${k % 7}`;
  const other = nsName(Math.floor(r() * namespaces));
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-${app}-${k}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels:
      app: ${app}
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: ${peerApp}
    - namespaceSelector:
        matchLabels:
          team: ${team}
      podSelector:
        matchExpressions:
        - key: tier
          operator: In
          values:
          - frontend
          - backend
    - ipBlock:
        cidr: 10.0.0.0/8
        except:
        - 10.${k % 200}.0.0/16
    ports:
    - protocol: TCP
      port: ${PORTS[app]}
    - protocol: TCP
      port: metrics
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ${other}
    ports:
    - protocol: TCP
      port: ${PORTS[peerApp]}
  - to:
    - namespaceSelector: {}
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
`;
}

/**
 * `pods` pods over `namespaces` namespaces with `policies` policies. `layout: 'files'` gives one
 * file per namespace (`team-00.yaml`…), `'single'` one `cluster.yaml`.
 */
export function generateCluster({ pods = 500, namespaces = 20, policies = 100, seed = 11, layout = 'files' } = {}) {
  const r = rng(seed);
  const perNs = Array.from({ length: namespaces }, () => []);
  for (let n = 0; n < namespaces; n++) {
    perNs[n].push(`apiVersion: v1
kind: Namespace
metadata:
  name: ${nsName(n)}
  labels:
    team: t${n % 7}
    env: ${n % 2 ? 'prod' : 'dev'}
`);
  }
  for (let i = 0; i < pods; i++) {
    const n = i % namespaces;
    perNs[n].push(podYaml(r, nsName(n), i, APPS[Math.floor(i / namespaces) % APPS.length]));
  }
  for (let k = 0; k < policies; k++) {
    const n = k % namespaces;
    perNs[n].push(policyYaml(r, nsName(n), k, namespaces));
  }
  const files = perNs.map((docs, n) => ({ name: `${nsName(n)}.yaml`, text: docs.join('---\n') }));
  if (layout === 'single') return [{ name: 'cluster.yaml', text: files.map((f) => f.text).join('---\n') }];
  return files;
}

/** The SourceRef of pod `index`'s `app` label (the test API's revealRef selects it). */
export function podDocRef(files, index = 0) {
  for (const f of files) {
    const docs = f.text.split(/^---\n/m);
    const doc = docs.findIndex((d) => d.startsWith('apiVersion: v1\nkind: Pod\n') && new RegExp(`^  name: [a-z]+-${index}$`, 'm').test(d));
    if (doc >= 0) return { file: f.name, doc, path: ['metadata', 'labels', 'app'] };
  }
  return null;
}
