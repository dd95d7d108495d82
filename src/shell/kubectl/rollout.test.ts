import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { podTemplateHash } from './cluster.js';
import { rollingUpdate } from './events.js';

const registry = { name: 'registry.yaml', text: 'apiVersion: lab/v1\nkind: Registry\nmetadata: {name: hub}\nspec: {server: docker.io, private: false, images: [{repository: nginx, tags: ["1.25", "1.26", "1.27"]}]}\n' };
const sh = () => {
  const s = createShell({ files: [registry] });
  s.run('kubectl create deployment web --image=nginx:1.25 --replicas=2');
  return s;
};
const rsOf = (s: ReturnType<typeof createShell>) => s.run('kubectl get rs --no-headers -o custom-columns=\'N:.metadata.name,R:.metadata.annotations.deployment\\.kubernetes\\.io/revision\'').output;

// controller.ComputeHash + rand.SafeEncodeString (k8s.io/apimachinery pkg/util/rand): the decimal
// digits of a uint32 map onto "bcdfghjklmnpqrstvwxz2456789" at (digit code % 27).
describe('pod-template-hash', () => {
  it('only the ten characters decimal digits map to, one per digit; the same template gives the same hash', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
    expect(podTemplateHash(t)).toMatch(/^[456789bcdf]{1,10}$/);
    expect(podTemplateHash(structuredClone(t))).toBe(podTemplateHash(t));
    expect(podTemplateHash({ ...t, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } })).not.toBe(podTemplateHash(t));
  });
  it('pods, their ReplicaSet and describe agree on it', () => {
    const s = sh();
    const rs = s.run('kubectl get rs -o name').output.trim();
    const hash = rs.slice('replicaset.apps/web-'.length);
    expect(s.run('kubectl get pods --show-labels --no-headers').output).toContain(`app=web,pod-template-hash=${hash}\n`);
    expect(s.run("kubectl describe pod web-0").output).toMatch(new RegExp(`\nControlled By: +ReplicaSet/web-${hash}\n`));
    expect(s.run('kubectl get rs -o wide').output).toContain(`app=web,pod-template-hash=${hash}\n`);
  });
});

// kubectl v0.30.3 pkg/cmd/rollout/rollout_history.go (the name printer with the history as its
// operation: `deployment.apps/web ` + newline), polymorphichelpers/history.go
// DeploymentHistoryViewer (tabwriter padding 2, `<none>`), printTemplate (DescribePodTemplate
// through a PrefixWriter: raw tabs).
describe('kubectl rollout history', () => {
  it('one revision per template; the newest carries the change-cause the Deployment has now', () => {
    const s = sh();
    expect(s.run('kubectl rollout history deployment/web').output).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    s.run('kubectl set image deployment/web nginx=nginx:1.26');
    s.run('kubectl annotate deployment web kubernetes.io/change-cause="nginx 1.26"');
    expect(s.run('kubectl rollout history deploy web').output).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         nginx 1.26\n\n');
    // The annotation stays on the Deployment: the next ReplicaSet copies it (a classic surprise).
    s.run('kubectl set image deployment/web nginx=nginx:1.27');
    expect(s.run('kubectl rollout history deploy web').output).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         nginx 1.26\n3         nginx 1.26\n\n');
  });
  it('--revision=N: the ReplicaSet template with its hash label, tabs as written', () => {
    const s = sh();
    s.run('kubectl set image deployment/web nginx=nginx:1.26');
    const hash = /web-(\w+)/.exec(s.run('kubectl get rs --no-headers -o name').output)?.[1];
    expect(s.run('kubectl rollout history deploy/web --revision=2').output).toBe(`deployment.apps/web with revision #2\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=${hash}\n  Containers:\n   nginx:\n    Image:\tnginx:1.26\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n`);
    expect(s.run('kubectl rollout history deploy/web --revision=7').output).toBe('error: unable to find the specified revision\n');
  });
  it.each([
    ['kubectl rollout history', 'error: required resource not specified\n', 1],
    ['kubectl rollout history deploy/nope', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1],
    ['kubectl rollout history pod/web-0', 'error: no history viewer has been implemented for "Pod"\n', 1],
    ['kubectl rollout history deploy/web --revision=x', 'error: invalid argument "x" for "--revision" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl rollout history --help\' for usage.\n', 1],
    ['kubectl rollout history deploy/web --revision=-1', 'error: revision must be a positive integer: -1\n', 1],
    ['kubectl rollout bogus', 'error: unknown command "bogus" for "kubectl rollout"\n\nRun \'kubectl rollout --help\' for usage.\n', 1],
  ])('%s', (cmd, out, code) => {
    const r = sh().run(cmd);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(code);
  });
});

// polymorphichelpers/rollback.go DeploymentRollbacker, rollout_undo.go.
describe('kubectl rollout undo', () => {
  it('back to the previous revision: its ReplicaSet comes back as the newest revision', () => {
    const s = sh();
    s.run('kubectl set image deployment/web nginx=nginx:1.26');
    const before = rsOf(s);
    expect(s.run('kubectl rollout undo deployment/web').output).toBe('deployment.apps/web rolled back\n');
    expect(s.run("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'").output).toBe('nginx:1.25');
    expect(s.run('kubectl rollout history deploy web').output).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    // The same two ReplicaSets, revision 1's now revision 3.
    expect(rsOf(s).split('\n').map((l) => l.split(/\s+/)[0]).sort()).toEqual(before.split('\n').map((l) => l.split(/\s+/)[0]).sort());
    expect(s.run("kubectl get deploy web -o jsonpath='{.metadata.annotations}'").output).toBe('{"deployment.kubernetes.io/revision":"3"}');
  });
  it.each([
    ['kubectl rollout undo deploy/web', 'error: no rollout history found for deployment "web"\n', 1],
    ['kubectl rollout undo deploy/web --to-revision=5', 'error: unable to find specified revision 5 in history\n', 1],
    ['kubectl rollout undo deploy/web --to-revision=1', 'deployment.apps/web skipped rollback (current template already matches revision 1)\n', 0],
    ['kubectl rollout undo pod/web-0', 'error: no rollbacker has been implemented for {"" "Pod"}\n', 1],
    ['kubectl rollout pause deploy/web; kubectl rollout undo deploy/web --to-revision=1', "deployment.apps/web paused\nerror: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n", 1],
  ])('%s', (cmd, out, code) => {
    const r = sh().run(cmd);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(code);
  });
  it('--dry-run=client prints the template (the printer\'s operation) and changes nothing', () => {
    const s = sh();
    s.run('kubectl set image deployment/web nginx=nginx:1.26');
    const out = s.run('kubectl rollout undo deploy/web --dry-run=client').output;
    expect(out.startsWith('deployment.apps/web Pod Template:\n  Labels:\tapp=web\n')).toBe(true);
    expect(out).toContain('    Image:\tnginx:1.25\n');
    expect(out.endsWith('  Tolerations:\t<none>\n (dry run)\n')).toBe(true);
    expect(s.run("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'").output).toBe('nginx:1.26');
  });
});

// rollout_restart.go / objectrestarter.go, rollout_pause.go / objectpauser.go, rollout_resume.go / objectresumer.go.
describe('kubectl rollout restart, pause, resume', () => {
  it('restart stamps kubectl.kubernetes.io/restartedAt on the template: a new revision', () => {
    const s = sh();
    const r = s.run('kubectl rollout restart deployment web');
    expect(r.output).toBe('deployment.apps/web restarted\n');
    expect(r.files?.find((f) => f.name === 'cluster.yaml')?.text).toContain('    metadata:\n      labels:\n        app: web\n      annotations:\n        kubectl.kubernetes.io/restartedAt: 2024-05-20T09:00:00Z\n');
    // The lab's clock stands still: the next restart is one second later, not an empty patch.
    expect(s.run('kubectl rollout restart deployment web').output).toBe('deployment.apps/web restarted\n');
    expect(s.run('kubectl rollout history deployment web').output).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\n');
  });
  it.each([
    ['kubectl rollout pause deploy/web', 'deployment.apps/web paused\n', 0],
    ['kubectl rollout pause deploy/web; kubectl rollout pause deploy/web', 'deployment.apps/web paused\nerror: deployments.apps "web" is already paused\n', 1],
    ['kubectl rollout resume deploy/web', 'error: deployments.apps "web" is not paused\n', 1],
    ['kubectl rollout pause deploy/web; kubectl rollout resume deploy/web', 'deployment.apps/web paused\ndeployment.apps/web resumed\n', 0],
    ['kubectl rollout pause deploy/web; kubectl rollout restart deploy/web', 'deployment.apps/web paused\nerror: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n', 1],
    ['kubectl rollout restart pod/web-0', 'error: pods "web-0" restarting is not supported\n', 1],
    ['kubectl rollout restart deploy/web --dry-run=client', 'deployment.apps/web restarted (dry run)\n', 0],
  ])('%s', (cmd, out, code) => {
    const r = sh().run(cmd);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(code);
  });
  it('a paused Deployment starts no new revision until resumed', () => {
    const s = sh();
    s.run('kubectl rollout pause deploy/web');
    s.run('kubectl set image deployment/web nginx=nginx:1.26');
    expect(s.run('kubectl rollout history deploy web').output).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    s.run('kubectl rollout resume deploy/web');
    expect(s.run('kubectl rollout history deploy web').output).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });
});

// polymorphichelpers/rollout_status.go DeploymentStatusViewer / StatefulSetStatusViewer.
describe('kubectl rollout status', () => {
  it.each([
    ['kubectl rollout status deployment/web', 'deployment "web" successfully rolled out\n', 0],
    ['kubectl rollout status deployment', 'deployment "web" successfully rolled out\n', 0],
    ['kubectl rollout status deploy/web --revision=1', 'deployment "web" successfully rolled out\n', 0],
    ['kubectl rollout status deploy/web --revision=2', 'error: desired revision (2) is different from the running revision (1)\n', 1],
    ['kubectl rollout status pod/web-0', 'error: no status viewer has been implemented for Pod\n', 1],
    ['kubectl rollout status', 'error: required resource not specified\n', 1],
    ['kubectl rollout status deploy -n prod', 'No resources found in prod namespace.\n', 0],
  ])('%s', (cmd, out, code) => {
    const r = sh().run(cmd);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(code);
  });
  it('an image that cannot be pulled: waiting, then the progress deadline (or --timeout, or --watch=false)', () => {
    const s = sh();
    s.run('kubectl set image deployment/web nginx=nginx:9.9');
    expect(s.run('kubectl rollout status deployment/web').output).toBe('Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\nerror: deployment "web" exceeded its progress deadline\n');
    expect(s.run('kubectl rollout status deployment/web --timeout=30s').output).toBe('Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\nerror: timed out waiting for the condition\n');
    const r = s.run('kubectl rollout status deployment/web --watch=false');
    expect(r.output).toBe('Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\n');
    expect(r.exitCode).toBe(0);
  });
  it('a StatefulSet (RollingUpdate with partition 0 after defaulting): partitioned roll out complete', () => {
    const s = createShell({ files: [{ name: 'sts.yaml', text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  replicas: 2\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: nginx}]}\n' }] });
    expect(s.run('kubectl rollout status sts/db').output).toBe('partitioned roll out complete: 2 new pods have been updated...\n');
  });
});

// deployment controller rolling.go (reconcileNewReplicaSet / reconcileOldReplicaSets) with the
// default 25% maxSurge (rounded up) and 25% maxUnavailable (rounded down).
describe('rolling update steps (ScalingReplicaSet events)', () => {
  it.each([
    [1, true, ['+0>1', '-1>0']],
    [2, true, ['+0>1', '-2>1', '+1>2', '-1>0']],
    [4, true, ['+0>1', '-4>2', '+1>3', '-2>0', '+3>4']],
    [2, false, ['+0>1']],
    [4, false, ['+0>1', '-4>3', '+1>2']],
  ])('%i replicas, new pods available %s', (replicas, ok, want) => {
    expect(rollingUpdate(replicas, ok).map((s) => `${s.up ? '+' : '-'}${s.from}>${s.to}`)).toEqual(want);
  });
  it('describe deployment lists them, and kubectl events --for the Deployment', () => {
    const s = sh();
    s.run('kubectl set image deployment/web nginx=nginx:1.26');
    const [a, b] = s.run('kubectl get rs --no-headers -o custom-columns=\'N:.metadata.name,R:.metadata.annotations.deployment\\.kubernetes\\.io/revision\'').output.trim().split('\n').map((l) => l.split(/\s+/)).sort((x, y) => Number(x[1]) - Number(y[1])).map((x) => x[0]);
    expect(s.run('kubectl events --for deployment/web').output).toBe(
      `LAST SEEN   TYPE     REASON              OBJECT           MESSAGE\n10m         Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set ${a} to 2 from 0\n9m59s       Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set ${b} to 1 from 0\n9m58s       Normal   ScalingReplicaSet   Deployment/web   Scaled down replica set ${a} to 1 from 2\n9m57s       Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set ${b} to 2 from 1\n9m56s       Normal   ScalingReplicaSet   Deployment/web   Scaled down replica set ${a} to 0 from 1\n`,
    );
  });
});

// k8s apps/v1 SetDefaults_Deployment, the deployment controller's status and conditions
// (sync.go, progress.go messages), and ReplicaSet annotations (deploymentutil).
describe('Deployment and ReplicaSet objects', () => {
  it('get deploy -o yaml: defaults, revision annotation, generation, status', () => {
    const s = sh();
    const y = s.run('kubectl get deploy web -o yaml').output;
    expect(y).toContain('metadata:\n  annotations:\n    deployment.kubernetes.io/revision: "1"\n  creationTimestamp: "2024-05-20T08:50:00Z"\n  generation: 1\n');
    expect(y).toContain('spec:\n  progressDeadlineSeconds: 600\n  replicas: 2\n  revisionHistoryLimit: 10\n');
    expect(y).toContain('  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 25%\n    type: RollingUpdate\n  template:\n    metadata:\n      creationTimestamp: null\n');
    // SetDefaults_Pod (not _PodSpec) sets enableServiceLinks: templates do not have it.
    expect(y).not.toContain('enableServiceLinks');
    expect(y).toContain('    message: Deployment has minimum availability.\n    reason: MinimumReplicasAvailable\n');
    expect(y).toContain('status:\n  availableReplicas: 2\n');
    expect(y.endsWith('  observedGeneration: 1\n  readyReplicas: 2\n  replicas: 2\n  updatedReplicas: 2\n')).toBe(true);
  });
  it('old ReplicaSets stay, scaled to zero, with their own template and selector', () => {
    const s = sh();
    s.run('kubectl set image deployment/web nginx=nginx:1.26');
    const out = s.run('kubectl get rs -o wide --no-headers').output.split('\n').filter(Boolean);
    expect(out).toHaveLength(2);
    expect(out.find((l) => l.includes('nginx:1.26'))).toMatch(/^web-\w+ +2 +2 +2 +10m +nginx +nginx:1\.26 +app=web,pod-template-hash=\w+$/);
    expect(out.find((l) => l.includes('nginx:1.25'))).toMatch(/^web-\w+ +0 +0 +0 +10m +nginx +nginx:1\.25 +app=web,pod-template-hash=\w+$/);
    expect(s.run('kubectl get rs -o jsonpath={.items[*].metadata.ownerReferences[0].name}').output).toBe('web web');
  });
});
