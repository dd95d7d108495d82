import { describe, expect, it } from 'vitest';
import { createShell, type ShellResult } from '../index.js';

// kubectl run, as /work/research/kubectl-run.md read it from kubectl v0.30.14
// pkg/cmd/run/run.go (RunOptions.Run, getRestartPolicy, handleAttachPod, removeCreatedObjects,
// generateService) and pkg/generate/versioned/run.go (BasicPod.Generate).

const streams = (r: ShellResult) => ({
  stdout: (r.streams ?? []).filter((c) => c.fd === 1).map((c) => c.text).join(''),
  stderr: (r.streams ?? []).filter((c) => c.fd === 2).map((c) => c.text).join(''),
});
const web = { name: 'web.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec: {containers: [{name: nginx, image: nginx, ports: [{containerPort: 80}]}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n' };

describe('kubectl run: validation in RunOptions.Run order (kubectl-run.md §1)', () => {
  it.each([
    ['kubectl run tmp', 'error: required flag(s) "image" not set\n'],
    ['kubectl run --image=busybox', "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run --image=busybox -- sleep 1', "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run tmp --image=', 'error: --image is required\n'],
    ['kubectl run tmp --image=NGINX', 'error: Invalid image name "NGINX": invalid reference format\n'],
    ['kubectl run tmp --image=busybox -t', "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run tmp --image=busybox --expose', "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run tmp --image=busybox --restart=Sometimes', "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n"],
    // The restart check comes before the --rm check.
    ['kubectl run tmp --image=busybox --rm --restart=Sometimes', "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run tmp --image=busybox --rm', "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run tmp --image=busybox -i --dry-run=client', "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run tmp --image=busybox --image-pull-policy=Sometimes', "error: invalid image pull policy: Sometimes\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run tmp --image=busybox --env=FOO', 'error: invalid env: FOO\n'],
    ['kubectl run tmp --image=busybox --foo', "error: unknown flag: --foo\nSee 'kubectl run --help' for usage.\n"],
    ['kubectl run web --image=nginx', 'Error from server (AlreadyExists): pods "web" already exists\n'],
  ])('%s', (cmd, expected) => {
    const r = createShell({ files: [web] }).run(cmd);
    expect([r.output, r.exitCode]).toEqual([expected, 1]);
  });
});

describe('kubectl run: the generated pod (kubectl-run.md §2, §4)', () => {
  it('--dry-run=client -o yaml: keys sorted, creationTimestamp null, resources {}, status {}', () => {
    expect(createShell({ files: [] }).run('kubectl run web --image=nginx --dry-run=client -o yaml').output).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: web\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n');
  });
  it('labels, env in flag order, -n, --command, a numeric arg quoted', () => {
    expect(createShell({ files: [] }).run('kubectl run web --image=nginx --port=80 --labels=app=web,tier=fe --env=A=1 --env=MODE=dev -n dev --dry-run=client -o yaml --command -- sleep 3600').output).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n    tier: fe\n  name: web\n  namespace: dev\nspec:\n  containers:\n  - command:\n    - sleep\n    - "3600"\n    env:\n    - name: A\n      value: "1"\n    - name: MODE\n      value: dev\n    image: nginx\n    name: web\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n');
  });
  it('without --command the words after -- are args; --restart, pull policy and --privileged', () => {
    const out = createShell({ files: [] }).run('kubectl run t --image=busybox --restart=Never --image-pull-policy=IfNotPresent --privileged --dry-run=client -o yaml -- sleep 1').output;
    expect(out).toContain('  - args:\n    - sleep\n    - "1"\n    image: busybox\n    imagePullPolicy: IfNotPresent\n    name: t\n    resources: {}\n    securityContext:\n      privileged: true\n');
    expect(out).toContain('  restartPolicy: Never\n');
  });
  it('-o json: Go struct order (TypeMeta kind first), four-space indent', () => {
    expect(createShell({ files: [] }).run('kubectl run web --image=nginx --dry-run=client -o json').output).toBe(
      '{\n    "kind": "Pod",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "web",\n        "creationTimestamp": null,\n        "labels": {\n            "run": "web"\n        }\n    },\n    "spec": {\n        "containers": [\n            {\n                "name": "web",\n                "image": "nginx",\n                "resources": {}\n            }\n        ],\n        "restartPolicy": "Always",\n        "dnsPolicy": "ClusterFirst"\n    },\n    "status": {}\n}\n');
  });
  it.each([
    ['kubectl run web --image=nginx', 'pod/web created\n'],
    ['kubectl run web --image=nginx --dry-run=client', 'pod/web created (dry run)\n'],
    ['kubectl run web --image=nginx --dry-run=server', 'pod/web created (server dry run)\n'],
    ['kubectl run web --image=nginx --port=80 --expose', 'service/web created\npod/web created\n'],
  ])('%s', (cmd, expected) => {
    expect(createShell({ files: [] }).run(cmd).output).toBe(expected);
  });
  it('--expose -o yaml: the Service, ---, then the pod', () => {
    const out = createShell({ files: [] }).run('kubectl run web --image=nginx --port=80 --expose --dry-run=client -o yaml').output;
    expect(out.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  name: web\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    run: web\nstatus:\n  loadBalancer: {}\n---\napiVersion: v1\nkind: Pod\n')).toBe(true);
  });
  it('the created pod is in the cluster (cluster.yaml) and scheduled', () => {
    const sh = createShell({ files: [] });
    const r = sh.run('kubectl run db --image=redis --restart=Never');
    expect(r.files?.find((f) => f.name === 'cluster.yaml')?.text).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: db\n  name: db\nspec:\n  containers:\n  - name: db\n    image: redis\n  restartPolicy: Never\n');
    expect(sh.run('kubectl get pod db').output).toBe('NAME   READY   STATUS    RESTARTS   AGE\ndb     1/1     Running   0          10m\n');
  });
});

describe('kubectl run --rm -i/-it: attach, delete, exit code (kubectl-run.md §3)', () => {
  it('a probe: the prompt line on stderr, the output, then `pod "tmp" deleted` on stdout', () => {
    const sh = createShell({ files: [web] });
    const r = sh.run('kubectl run tmp --rm -i --image=busybox --restart=Never -- wget -qO- -T 2 http://web');
    const { stdout, stderr } = streams(r);
    expect(stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(stdout.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(stdout.endsWith('pod "tmp" deleted\n')).toBe(true);
    expect(r.exitCode).toBe(0);
    expect(sh.run('kubectl get pod tmp').output).toBe('Error from server (NotFound): pods "tmp" not found\n');
  });
  it('a failing command: deleted first, then `pod default/tmp terminated (Error)` without error: prefix, exit code carried', () => {
    const r = createShell({ files: [] }).run("kubectl run tmp --rm -it --image=busybox --restart=Never -- sh -c 'exit 3'");
    expect(r.output).toBe("If you don't see a command prompt, try pressing enter.\npod \"tmp\" deleted\npod default/tmp terminated (Error)\n");
    expect(r.exitCode).toBe(3);
  });
  it('-it with a shell: an interactive session in the pod; exit deletes it and reports the code', () => {
    const sh = createShell({ files: [] });
    const r = sh.run('kubectl run tmp --rm -it --image=busybox --restart=Never -- sh');
    expect(r.output).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(sh.prompt).toBe('/ # ');
    expect(sh.run('hostname').output).toBe('tmp\n');
    const end = sh.run('exit 3');
    expect(end.output).toBe('pod "tmp" deleted\npod default/tmp terminated (Error)\n');
    expect(end.exitCode).toBe(3);
    expect(sh.prompt).toBe('controlplane:~$ ');
    expect(sh.run('kubectl get pods').output).toBe('No resources found in default namespace.\n');
  });
  it('-it without a command: the image default (busybox: sh)', () => {
    const sh = createShell({ files: [] });
    sh.run('kubectl run tmp --rm -it --image=busybox --restart=Never');
    expect(sh.prompt).toBe('/ # ');
    expect(sh.run('exit').output).toBe('pod "tmp" deleted\n');
  });
  // attach.go sessionEndedMessage (only RestartPolicyAlways) and run.go's wait for Never/OnFailure pods.
  it.each([
    ['kubectl run tmp -it --image=busybox --restart=Always -- sh', 'exit 2', "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\n", 0, true],
    ['kubectl run tmp --rm -it --image=busybox --restart=Always -- sh', 'exit 2', "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\npod \"tmp\" deleted\n", 0, false],
    ['kubectl run tmp -it --image=busybox --restart=Never -- sh', 'exit 2', 'pod default/tmp terminated (Error)\n', 2, true],
    ['kubectl run tmp -it --image=busybox --restart=Never -- sh', 'exit', '', 0, true],
    // No --restart with -i: OnFailure (getRestartPolicy); a failed shell restarts and the wait times out.
    ['kubectl run tmp -it --image=busybox -- sh', 'exit 2', 'error: timed out waiting for the condition\n', 1, true],
    ['kubectl run tmp -it --image=busybox -- sh', 'exit 0', '', 0, true],
  ])('%s, then %s', (start, end, out, code, stays) => {
    const sh = createShell({ files: [] });
    sh.run(start);
    expect(sh.prompt).toBe('/ # ');
    const r = sh.run(end);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(code);
    expect(sh.run('kubectl get pod tmp -o name').output).toBe(stays ? 'pod/tmp\n' : 'Error from server (NotFound): pods "tmp" not found\n');
  });
  it('a container that cannot start: the wait times out after the deletion (handleAttachPod)', () => {
    const registry = { name: 'r.yaml', text: 'apiVersion: lab/v1\nkind: Registry\nmetadata: {name: hub}\nspec: {server: docker.io, private: false, images: [{repository: busybox, tags: ["1.36"]}]}\n' };
    const r = createShell({ files: [registry] }).run('kubectl run tmp --rm -i --image=busybox:nope --restart=Never -- true');
    expect(r.output).toBe('pod "tmp" deleted\nerror: timed out waiting for the condition\n');
    expect(r.exitCode).toBe(1);
  });
});
