import { describe, expect, it } from 'vitest';
import { createShell, type ShellResult } from '../index.js';

// Pod Security Admission as the terminal shows it. The verdicts are the engine's (the lab's v1.30
// API server's PodSecurity plugin, k8s.io/pod-security-admission v0.30.0 admission/admission.go);
// the wording around them is kubectl's: cmdutil.CheckErr prints `Error from server (Forbidden): `
// before a Forbidden status, cmdutil.AddSourceToErr wraps `-f` errors as `error when creating
// "SRC": …`, client-go rest/warnings.go warningWriter prints each Warning header as
// `Warning: MESSAGE` (with `\x1b[33;1mWarning:\x1b[0m` on a terminal), and a server dry run
// (`--dry-run=server`) goes through admission and stores nothing.

const streams = (r: ShellResult) => ({
  stdout: (r.streams ?? []).filter((c) => c.fd === 1).map((c) => c.text).join(''),
  stderr: (r.streams ?? []).filter((c) => c.fd === 2).map((c) => c.text).join(''),
});
const plain = (s: string) => s.replace(/\x1b\[33;1mWarning:\x1b\[0m/g, 'Warning:');

const NAMESPACES = `apiVersion: v1
kind: Namespace
metadata:
  name: secure
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Namespace
metadata:
  name: legacy
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/warn: restricted
`;
const shell = () => createShell({ files: [{ name: 'namespaces.yaml', text: NAMESPACES }] });
const RESTRICTED_X = 'pods "x" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "x" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "x" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "x" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
const COMPLIANT = `apiVersion: v1
kind: Pod
metadata: {name: ok, namespace: secure}
spec:
  securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: c
    image: busybox
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`;

describe('kubectl run into an enforcing namespace', () => {
  it('is refused with the API server\'s Forbidden text, exit 1, and the pod does not exist', () => {
    const sh = shell();
    const r = sh.run('kubectl run x --image=nginx -n secure');
    expect(streams(r)).toEqual({ stdout: '', stderr: `Error from server (Forbidden): ${RESTRICTED_X}\n` });
    expect(r.exitCode).toBe(1);
    expect(sh.run('kubectl get pod x -n secure').output).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(sh.files.some((f) => f.text.includes('name: x'))).toBe(false);
  });
  it('--dry-run=server gives the same answer', () => {
    const r = shell().run('kubectl run x --image=nginx -n secure --dry-run=server');
    expect([r.output, r.exitCode]).toEqual([`Error from server (Forbidden): ${RESTRICTED_X}\n`, 1]);
  });
  it('--dry-run=client is never sent: no admission', () => {
    expect(shell().run('kubectl run x --image=nginx -n secure --dry-run=client').output).toBe('pod/x created (dry run)\n');
  });
  it('a pod that meets the level is created', () => {
    const sh = shell();
    sh.run(`cat > ok.yaml <<'EOF'\n${COMPLIANT}EOF`);
    const r = sh.run('kubectl apply -f ok.yaml');
    expect([r.output, r.exitCode]).toEqual(['pod/ok created\n', 0]);
    expect(sh.run('kubectl get pod ok -n secure -o name').output).toBe('pod/ok\n');
  });
});

describe('warn level: the warning on stderr before the created line, and the pod exists', () => {
  it('kubectl run in a namespace that enforces baseline and warns restricted', () => {
    const sh = shell();
    const r = sh.run('kubectl run y --image=nginx -n legacy');
    const s = streams(r);
    expect(plain(s.stderr)).toBe('Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "y" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "y" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "y" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "y" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")\n');
    expect(s.stdout).toBe('pod/y created\n');
    expect(r.exitCode).toBe(0);
    expect(sh.run('kubectl get pod y -n legacy -o name').output).toBe('pod/y\n');
  });
  it('on a terminal the warning is coloured as warningWriter colours it', () => {
    const r = shell().run('kubectl run y --image=nginx -n legacy');
    expect(streams(r).stderr.startsWith('\x1b[33;1mWarning:\x1b[0m would violate')).toBe(true);
  });
});

describe('create -f / apply -f: AddSourceToErr wraps the Forbidden status', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x, namespace: secure}\nspec: {containers: [{name: x, image: nginx}]}\n';
  it.each(['apply', 'create'])('kubectl %s -f FILE', (verb) => {
    const sh = shell();
    sh.run(`cat > x.yaml <<'EOF'\n${pod}EOF`);
    const r = sh.run(`kubectl ${verb} -f x.yaml`);
    expect([r.output, r.exitCode]).toEqual([`Error from server (Forbidden): error when creating "x.yaml": ${RESTRICTED_X}\n`, 1]);
    expect(sh.run('kubectl get pods -n secure').output).toBe('No resources found in secure namespace.\n');
  });
  it('from standard input (source STDIN), and again: still refused, never AlreadyExists', () => {
    const sh = shell();
    sh.run(`cat > x.yaml <<'EOF'\n${pod}EOF`);
    sh.run('kubectl apply -f x.yaml');
    const r = sh.run('kubectl create -f - < x.yaml');
    expect(r.output).toBe(`Error from server (Forbidden): error when creating "STDIN": ${RESTRICTED_X}\n`);
  });
});

describe('workloads: created with the warning, their pods refused (FailedCreate)', () => {
  it('kubectl create deployment in an enforcing namespace', () => {
    const sh = shell();
    const r = sh.run('kubectl create deployment web --image=nginx -n secure');
    const s = streams(r);
    expect(plain(s.stderr)).toMatch(/^Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false \(container "nginx" must set/);
    expect(s.stdout).toBe('deployment.apps/web created\n');
    expect(sh.run('kubectl get deploy web -n secure').output).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    0/1     0            0           10m\n');
    const events = sh.run('kubectl get events -n secure --field-selector reason=FailedCreate -o custom-columns=TYPE:.type,OBJ:.involvedObject.kind,MSG:.message').output;
    expect(events).toMatch(/^TYPE\s+OBJ\s+MSG\nWarning\s+ReplicaSet\s+Error creating: pods "web-0" is forbidden: violates PodSecurity "restricted:latest": /);
    // The Deployment's own events are the controller's scaling; its ReplicaSet's failure shows as a condition.
    expect(sh.run('kubectl describe deploy web -n secure').output).toContain('Conditions:\n  Type             Status  Reason\n  ----             ------  ------\n  Available        False   MinimumReplicasUnavailable\n  Progressing      True    ReplicaSetUpdated\n  ReplicaFailure   True    FailedCreate\n');
    expect(sh.run('kubectl describe deploy web -n secure').output).not.toContain('Warning');
    expect(sh.run('kubectl describe rs -n secure').output).toMatch(/Warning {2}FailedCreate {2}10m {3}replicaset-controller {2}Error creating: pods "web-0" is forbidden/);
  });
});

describe('a namespace declared in a tab applied after the terminal\'s first objects', () => {
  it('kubectl run / create deployment into it meet its labels as they are now', () => {
    const sh = createShell({ files: [] });
    sh.run('kubectl create ns other');
    sh.run("cat > ns.yaml <<'EOF'\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: locked\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\nEOF");
    expect(sh.run('kubectl apply -f ns.yaml').output).toBe('namespace/locked created\n');
    expect(sh.run('kubectl run x --image=nginx -n locked').output).toMatch(/^Error from server \(Forbidden\): pods "x" is forbidden: violates PodSecurity "restricted:latest"/);
    expect(streams(sh.run('kubectl create deployment d --image=nginx -n locked')).stdout).toBe('deployment.apps/d created\n');
    expect(sh.run('kubectl get pods -n locked').output).toBe('No resources found in locked namespace.\n');
  });
});

describe('apply of a workload: the warning when sent, none when unchanged (no request for an empty patch)', () => {
  it('kubectl apply -f deployment.yaml twice', () => {
    const sh = shell();
    sh.run('kubectl create deployment api --image=nginx -n secure --dry-run=client -o yaml > d.yaml');
    const first = sh.run('kubectl apply -f d.yaml');
    expect(plain(streams(first).stderr)).toMatch(/^Warning: would violate PodSecurity "restricted:latest": /);
    expect(streams(first).stdout).toBe('deployment.apps/api created\n');
    expect(sh.run('kubectl apply -f d.yaml').output).toBe('deployment.apps/api unchanged\n');
  });
});

describe('kubectl label ns: ValidateNamespace on the update', () => {
  const setup = () => {
    const sh = createShell({ files: [] });
    sh.run('kubectl create ns demo');
    sh.run('kubectl run a --image=nginx -n demo');
    sh.run('kubectl run b --image=nginx --privileged -n demo');
    sh.run('kubectl run c --image=busybox -n demo -- sleep 1d');
    return sh;
  };
  it('a stricter enforce level: the existing pods are listed (grouped as EvaluatePodsInNamespace does), then labeled; nothing is evicted', () => {
    const sh = setup();
    const r = sh.run('kubectl label ns demo pod-security.kubernetes.io/enforce=restricted');
    expect(plain(streams(r).stderr)).toBe([
      'Warning: existing pods in namespace "demo" violate the new PodSecurity enforce level "restricted:latest"',
      'Warning: a (and 1 other pod): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      'Warning: b: privileged, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      '',
    ].join('\n'));
    expect(streams(r).stdout).toBe('namespace/demo labeled\n');
    expect(sh.run('kubectl get pods -n demo -o name').output).toBe('pod/a\npod/b\npod/c\n');
    // New pods meet the new level.
    expect(sh.run('kubectl run d --image=nginx -n demo').output).toMatch(/^Error from server \(Forbidden\): pods "d" is forbidden: violates PodSecurity "restricted:latest"/);
  });
  it('pods applied from a tab written after the namespace: still running after the label', () => {
    const sh = createShell({ files: [] });
    sh.run('kubectl create ns demo');
    sh.run('kubectl run web --image=nginx -n demo --dry-run=client -o yaml > web.yaml');
    expect(sh.run('kubectl apply -f web.yaml').output).toBe('pod/web created\n');
    expect(streams(sh.run('kubectl label ns demo pod-security.kubernetes.io/enforce=restricted')).stdout).toBe('namespace/demo labeled\n');
    expect(sh.run('kubectl get pods -n demo -o name').output).toBe('pod/web\n');
    expect(sh.run('kubectl run web2 --image=nginx -n demo').exitCode).toBe(1);
  });
  it('--dry-run=server warns and changes nothing', () => {
    const sh = setup();
    const r = sh.run('kubectl label ns demo pod-security.kubernetes.io/enforce=baseline --dry-run=server');
    expect(plain(r.output)).toBe('Warning: existing pods in namespace "demo" violate the new PodSecurity enforce level "baseline:latest"\nWarning: b: privileged\nnamespace/demo labeled (server dry run)\n');
    expect(sh.run('kubectl run d --image=nginx -n demo').exitCode).toBe(0);
  });
  it('an invalid level is refused as Invalid (cmdutil.CheckErr: The Namespace "demo" is invalid: CAUSE)', () => {
    const sh = setup();
    const r = sh.run('kubectl label ns demo pod-security.kubernetes.io/enforce=strict');
    expect([r.output, r.exitCode]).toEqual(['The Namespace "demo" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted\n', 1]);
    expect(sh.run('kubectl get ns demo --show-labels').output).not.toContain('enforce');
  });
  it('a relaxation or a non-PodSecurity label: no warnings', () => {
    const sh = setup();
    sh.run('kubectl label ns demo pod-security.kubernetes.io/enforce=baseline');
    expect(sh.run('kubectl label ns demo pod-security.kubernetes.io/enforce=privileged --overwrite').output).toBe('namespace/demo labeled\n');
    expect(sh.run('kubectl label ns demo team=x').output).toBe('namespace/demo labeled\n');
  });
});

describe('kubectl apply of a Namespace: the same ValidateNamespace', () => {
  const ns = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n  labels:\n${labels}`;
  it('an update to a stricter level warns about the running pods and keeps them', () => {
    const sh = createShell({ files: [] });
    sh.run('kubectl create ns demo');
    sh.run('kubectl run a --image=nginx -n demo');
    sh.run(`cat > /tmp/ns.yaml <<'EOF'\n${ns('    pod-security.kubernetes.io/enforce: restricted\n')}EOF`);
    const r = sh.run('kubectl apply -f /tmp/ns.yaml');
    expect(plain(streams(r).stderr)).toContain('Warning: existing pods in namespace "demo" violate the new PodSecurity enforce level "restricted:latest"\nWarning: a: allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile\n');
    expect(streams(r).stdout).toBe('namespace/demo configured\n');
    expect(sh.run('kubectl get pods -n demo -o name').output).toBe('pod/a\n');
  });
  it('invalid labels: The Namespace is invalid, one cause per label (MultilineError)', () => {
    const sh = createShell({ files: [] });
    sh.run(`cat > /tmp/ns.yaml <<'EOF'\n${ns('    pod-security.kubernetes.io/enforce: strict\n    pod-security.kubernetes.io/warn-version: banana\n')}EOF`);
    const r = sh.run('kubectl apply -f /tmp/ns.yaml');
    expect([r.output, r.exitCode]).toEqual(['The Namespace "demo" is invalid: \n* metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted\n* metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "banana": must be "latest" or "v1.x"\n', 1]);
    expect(sh.run('kubectl get ns demo').output).toBe('Error from server (NotFound): namespaces "demo" not found\n');
  });
});
