import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { podYaml, runAll, shellWith, UBUNTU_SLEEPER } from '../testing/shell.js';
import { unbase64 } from './encode.js';

describe('kubectl exec: coreutils inside the container', () => {
  // coreutils src/whoami.c: error (EXIT_FAILURE, errno, _("cannot find name for user ID %s"), …);
  // kubectl pkg/cmd/exec: a non-zero exit prints "command terminated with exit code N".
  it('whoami with runAsUser 1010 and no such user in ubuntu', () => {
    const [r] = runAll(shellWith(UBUNTU_SLEEPER), 'kubectl exec ubuntu-sleeper -- whoami');
    expect(r?.output).toBe('whoami: cannot find name for user ID 1010\ncommand terminated with exit code 1\n');
    expect(r?.exitCode).toBe(1);
  });
  // coreutils src/id.c: uid=N[(name)] gid=N[(name)] groups=…
  it.each([
    [UBUNTU_SLEEPER, 'ubuntu-sleeper', 'uid=1010 gid=0(root) groups=0(root)\n'],
    [podYaml('r'), 'r', 'uid=0(root) gid=0(root) groups=0(root)\n'],
  ])('id (%#)', (yaml, pod, expected) => {
    expect(shellWith(yaml).run(`kubectl exec ${pod} -- id`).output).toBe(expected);
  });
  it('hostname is the pod name', () => {
    expect(shellWith(UBUNTU_SLEEPER).run('k exec ubuntu-sleeper -- hostname').output).toBe('ubuntu-sleeper\n');
  });
  it('ps aux: PID 1 is the container command, USER is the bare uid', () => {
    const out = shellWith(UBUNTU_SLEEPER).run('kubectl exec ubuntu-sleeper -- ps aux').output;
    expect(out.split('\n')[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(out.split('\n')[1]).toMatch(/^1010 {11}1 .* sleep 4800$/);
  });
  // include/uapi/linux/capability.h numbers; runtime default set = 0xa80425fb.
  it.each([
    [podYaml('r'), 'CapEff:\t00000000a80425fb', 'CapBnd:\t00000000a80425fb'],
    [UBUNTU_SLEEPER, 'CapEff:\t0000000000000000', 'CapBnd:\t00000000a80425fb'],
    [podYaml('t', { sc: '{capabilities: {add: [SYS_TIME, NET_ADMIN]}}' }), 'CapEff:\t00000000aa0435fb', 'CapBnd:\t00000000aa0435fb'],
  ])('cat /proc/1/status capability bitmaps (%#)', (yaml, eff, bnd) => {
    const name = /name: (\S+?)[,}\n]/.exec(yaml)?.[1] ?? '';
    const out = shellWith(yaml).run(`kubectl exec ${name} -- cat /proc/1/status`).output;
    expect(out).toContain(`${eff}\n`);
    expect(out).toContain(`${bnd}\n`);
  });
  // coreutils src/date.c: settime fails ⇒ "cannot set date", the date is still shown, exit 1.
  it('date -s without SYS_TIME fails and leaves the clock', () => {
    const sh = shellWith(podYaml('r'));
    const r = sh.run(`kubectl exec r -- date -s '2030-01-01 00:00:00'`);
    expect(r.output).toBe('date: cannot set date: Operation not permitted\nTue Jan  1 00:00:00 UTC 2030\ncommand terminated with exit code 1\n');
    expect(sh.run('kubectl exec r -- date').output).toBe('Mon May 20 09:00:00 UTC 2024\n');
  });
  it('date -s with SYS_TIME moves that container clock', () => {
    const sh = shellWith(podYaml('t', { sc: '{capabilities: {add: [SYS_TIME]}}' }));
    expect(sh.run(`kubectl exec t -- date -s '2030-01-01 00:00:00'`).exitCode).toBe(0);
    expect(sh.run('kubectl exec t -- date').output).toBe('Tue Jan  1 00:00:00 UTC 2030\n');
  });
  it('unknown pod, no --, unknown executable', () => {
    const sh = shellWith(UBUNTU_SLEEPER);
    expect(sh.run('kubectl exec nope -- id').output).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(sh.run('kubectl exec ubuntu-sleeper id').output).toContain('error: exec [POD] [COMMAND] is not supported anymore');
    expect(sh.run('kubectl exec ubuntu-sleeper -- foo').output).toMatch(/OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in \$PATH: unknown\n$/);
  });
  it('a container that is not running: container not found', () => {
    const sh = shellWith(podYaml('nr', { podSc: '{runAsNonRoot: true}' }));
    const r = sh.run('kubectl exec nr -- id');
    expect(r.output).toBe('error: unable to upgrade connection: container not found ("nr")\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl create secret docker-registry (kubectl create_secret_docker.go)', () => {
  it('prints created and appends a dockerconfigjson secret to cluster.yaml', () => {
    const sh = shellWith(UBUNTU_SLEEPER);
    const r = sh.run('k create secret docker-registry private-reg-cred --docker-server=myprivateregistry.com:5000 --docker-username=dock_user --docker-password=dock_password --docker-email=dock_user@myprivateregistry.com');
    expect(r.output).toBe('secret/private-reg-cred created\n');
    const file = r.files?.find((f) => f.name === 'cluster.yaml');
    const obj = parseAllDocuments(file?.text ?? '')[0]?.toJS() as { type: string; data: Record<string, string> };
    expect(obj.type).toBe('kubernetes.io/dockerconfigjson');
    expect(unbase64(obj.data['.dockerconfigjson'] ?? '')).toBe('{"auths":{"myprivateregistry.com:5000":{"username":"dock_user","password":"dock_password","email":"dock_user@myprivateregistry.com","auth":"ZG9ja191c2VyOmRvY2tfcGFzc3dvcmQ="}}}');
    // create_secret_docker.go Run wraps the API error: fmt.Errorf("failed to create secret %v", err) (kubectl-create-errors.md).
    expect(sh.run('kubectl create secret docker-registry private-reg-cred --docker-username=a --docker-password=b').output).toBe('error: failed to create secret secrets "private-reg-cred" already exists\n');
  });
});

describe('kubectl label / delete rewrite the YAML', () => {
  const yaml = `# my pods\n${podYaml('web', { labels: { app: 'web' } })}---\n# keep me\n${podYaml('db')}`;
  it('label refuses to overwrite without --overwrite (kubectl label.go wording)', () => {
    const sh = shellWith(yaml);
    expect(sh.run('kubectl label pod web app=api').output).toBe("error: 'app' already has a value (web), and --overwrite is false\n");
    const r = sh.run('kubectl label pod web app=api --overwrite');
    expect(r.output).toBe('pod/web labeled\n');
    expect(r.files?.[0]?.text).toContain('# keep me\n');
    expect(sh.run('kubectl get pod web --show-labels').output).toContain('app=api');
    expect(sh.run('kubectl label pod web app-').output).toBe('pod/web unlabeled\n');
  });
  it('a label value YAML 1.1 reads as a boolean (yes) is written quoted, so the engine keeps it a string', () => {
    const sh = shellWith(podYaml('db'));
    const r = sh.run('kubectl label pod db enabled=yes');
    expect(r.files?.[0]?.text).toContain('enabled: "yes"');
    expect(r.files?.[0]?.text).not.toContain('!!omap');
    expect(sh.run('kubectl get pod db --show-labels').output).toContain('enabled=yes');
  });
  it('delete removes only that document', () => {
    const sh = shellWith(yaml);
    const r = sh.run('kubectl delete pod web');
    expect(r.output).toBe('pod "web" deleted\n');
    expect(r.files?.[0]?.text).toBe(`# keep me\n${podYaml('db')}`);
    expect(sh.run('kubectl delete pod web').output).toBe('Error from server (NotFound): pods "web" not found\n');
  });
});

describe('kubectl get', () => {
  it.each([
    ['kubectl get pods', 'NAME             READY   STATUS    RESTARTS   AGE\nubuntu-sleeper   1/1     Running   0          10m\n'],
    ['k get po -n other', 'No resources found in other namespace.\n'],
    ['kubectl get foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl get pod x', 'Error from server (NotFound): pods "x" not found\n'],
    ['kubectl get pods -o name', 'pod/ubuntu-sleeper\n'],
    ["kubectl get pods -o jsonpath='{.items[*].metadata.name}'", 'ubuntu-sleeper'],
    ['kubectl get netpol', 'No resources found in default namespace.\n'],
  ])('%s', (cmd, expected) => {
    expect(shellWith(UBUNTU_SLEEPER).run(cmd).output).toBe(expected);
  });
});

describe('kubectl describe networkpolicy (kubectl describe.go describeNetworkPolicy)', () => {
  const netpol = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db-policy}\nspec:\n  podSelector: {matchLabels: {role: db}}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {name: api-pod}}\n    ports:\n    - {protocol: TCP, port: 3306}\n`;
  it('prints the rules as kubectl does', () => {
    expect(shellWith(netpol).run('kubectl describe netpol db-policy').output).toBe(
      'Name:         db-policy\nNamespace:    default\nCreated on:   2024-05-20 08:50:00 +0000 UTC\nLabels:       <none>\nAnnotations:  <none>\nSpec:\n' +
      '  PodSelector:     role=db\n  Allowing ingress traffic:\n    To Port: 3306/TCP\n    From:\n      PodSelector: name=api-pod\n  Not affecting egress traffic\n  Policy Types: Ingress\n');
  });
});

describe('kubectl apply -f TAB compares with what was applied', () => {
  it('created, unchanged, configured', () => {
    const sh = shellWith(podYaml('web'));
    expect(sh.run('kubectl apply -f f0.yaml').output).toBe('pod/web created\n');
    expect(sh.run('kubectl apply -f f0.yaml').output).toBe('pod/web unchanged\n');
    sh.setFiles([{ name: 'f0.yaml', text: podYaml('web', { labels: { a: 'b' } }) }]);
    expect(sh.run('kubectl apply -f f0.yaml').output).toBe('pod/web configured\n');
    expect(sh.run('kubectl apply -f nope.yaml').output).toBe('error: the path "nope.yaml" does not exist\n');
  });
});

describe('contexts and namespaces', () => {
  it('kubens prints kubectx\'s messages and changes the default namespace', () => {
    const sh = shellWith(podYaml('p', { namespace: 'prod' }));
    expect(sh.run('kubens prod').output).toBe('Context "kubernetes-admin@kubernetes" modified.\nActive namespace is "prod".\n');
    expect(sh.run('kubectl get pods -o name').output).toBe('pod/p\n');
    expect(sh.run('kubectl config current-context').output).toBe('kubernetes-admin@kubernetes\n');
    expect(sh.run('kubectl config set-context --current --namespace=default').output).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
  });
});

describe('bash', () => {
  it('unknown command: exit 127', () => {
    const r = shellWith().run('foo bar');
    expect([r.output, r.exitCode]).toEqual(['bash: foo: command not found\n', 127]);
  });
  it('history numbers lines as bash does', () => {
    const sh = shellWith();
    sh.run('kubectl get pods');
    expect(sh.run('history').output).toBe('    1  kubectl get pods\n    2  history\n');
  });
});

describe('docker', () => {
  it('run, exec ps (PID 1 in the container), host ps (host PID)', () => {
    const sh = shellWith();
    const id = sh.run('docker run -d --name s ubuntu sleep 3600').output.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const inside = sh.run('docker exec s ps aux').output.split('\n');
    expect(inside[1]).toMatch(/^root {11}1 .* sleep 3600$/);
    expect(sh.run('ps aux').output).toMatch(/\nroot +\d{4} .* sleep 3600\n/);
  });
  it.each([
    ['docker run ubuntu whoami', 'root\n'],
    ['docker run --user=1000 ubuntu whoami', 'ubuntu\n'],
    ['docker run --user=1010 ubuntu whoami', 'whoami: cannot find name for user ID 1010\n'],
    ['docker run --cap-drop KILL ubuntu cat /proc/1/status', 'CapBnd:\t00000000a80425db\n'],
    ['docker run --privileged ubuntu cat /proc/1/status', 'CapBnd:\t000001ffffffffff\n'],
  ])('%s', (cmd, expected) => {
    expect(shellWith().run(cmd).output).toContain(expected);
  });
  it('build from the Dockerfile tab uses its USER', () => {
    const sh = shellWith({ name: 'Dockerfile', text: 'FROM ubuntu\nUSER 1000\n' });
    expect(sh.run('docker build -t my-ubuntu-image .').output).toContain('Successfully tagged my-ubuntu-image:latest\n');
    expect(sh.run('docker run my-ubuntu-image id').output).toBe('uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu)\n');
    sh.run('docker run -d my-ubuntu-image sleep 3600');
    // The host's ps shows the image's USER as the bare uid (the host has no user 1000).
    expect(sh.run('ps aux').output).toMatch(/^1000 +\d+ .* sleep 3600$/m);
  });
  it("date -s accepts GNU date's `19 APR 2012 11:14:00` form", () => {
    const sh = shellWith(podYaml('t', { sc: '{capabilities: {add: [SYS_TIME]}}' }));
    expect(sh.run(`kubectl exec t -- date -s '19 APR 2012 11:14:00'`).output).toBe('Thu Apr 19 11:14:00 UTC 2012\n');
  });
});

describe('completion', () => {
  it.each([
    ['kub', ['kubectl', 'kubectx', 'kubens']],
    ['kubectl ge', ['get']],
    ['kubectl get po', ['po', 'poddisruptionbudgets', 'pods', 'podtemplates']],
    ['kubectl exec ub', ['ubuntu-sleeper']],
  ])('%s', (line, expected) => {
    expect(shellWith(UBUNTU_SLEEPER).complete(line).candidates).toEqual(expected);
  });
});
