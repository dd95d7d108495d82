import { describe, expect, it } from 'vitest';
import { createShell } from './index.js';
import { podYaml } from '../testing/shell.js';

// Completion as bash + kubectl's cobra completion (kubectl completion bash; __complete) offers it:
// the word under the cursor is replaced by each candidate.
const files = [
  { name: 'pods.yaml', text: `${podYaml('web', { image: 'nginx' })}---\n${podYaml('web2', { namespace: 'prod' })}---\n${podYaml('db', { namespace: 'prod' })}` },
  { name: 'manifests/netpol.yaml', text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n' },
];

describe('completion', () => {
  it.each([
    // Command names: programs on PATH, builtins, aliases (k is predefined on the exam host).
    ['kub', ['kubectl', 'kubectx', 'kubens']],
    ['k', ['k', 'kubectl', 'kubectx', 'kubens']],
    ['expo', ['export']],
    // kubectl subcommands, also through the alias.
    ['kubectl ge', ['get']],
    ['k ex', ['exec', 'explain', 'expose']],
    ['kubectl api-', ['api-resources', 'api-versions']],
    ['kubectl an', ['annotate']],
    ['kubectl rollout ', ['history', 'pause', 'restart', 'resume', 'status', 'undo']],
    ['kubectl rollout undo dep', ['deployment']],
    ['kubectl rollout undo --to', ['--to-revision']],
    ['kubectl annotate pod w', ['web']],
    ['kubectl annotate pod web --ov', ['--overwrite']],
    // Resource types, then objects of the namespace in effect.
    ['kubectl get po', ['po', 'poddisruptionbudgets', 'pods', 'podtemplates']],
    ['kubectl get pods w', ['web']],
    ['kubectl get pods -n prod ', ['db', 'web2']],
    ['kubectl describe pod/w', ['pod/web']],
    ['kubectl get netpol ', ['deny']],
    ['kubectl exec w', ['web']],
    ['kubectl logs -n prod d', ['db']],
    ['kubectl get nodes node0', ['node01', 'node02']],
    // Flags of the subcommand and their values.
    ['kubectl get pods --sh', ['--show-kind', '--show-labels']],
    ['kubectl get pods -o ', ['custom-columns=', 'json', 'jsonpath-as-json=', 'jsonpath=', 'name', 'wide', 'yaml']],
    ['kubectl run x --image=busybox --restart=N', ['--restart=Never']],
    ['kubectl run x --dry-run=c', ['--dry-run=client']],
    ['kubectl get pods -n p', ['prod']],
    ['kubectl exec web -c ', ['web']],
    ['kubectl config use-context d', ['dev']],
    ['kubectl create secret d', ['docker-registry']],
    ['kubectl expose dep', ['deployment']],
    ['kubectl top n', ['node']],
    // Files for -f and for other commands' words, relative to the working directory.
    ['kubectl apply -f po', ['pods.yaml']],
    ['kubectl apply -f manifests/', ['manifests/netpol.yaml']],
    ['cat ma', ['manifests/']],
    ['cat pods.yaml | grep -c w', []],
    ['kubectl get pods > o', []],
  ])('%s', (line, expected) => {
    expect(createShell({ files }).complete(line).candidates).toEqual(expected);
  });
  it('replaces only the word under the cursor', () => {
    expect(createShell({ files }).complete('kubectl get pods -n pr')).toEqual({ candidates: ['prod'], from: 20 });
  });
});

describe('completion inside a container session (kubectl exec -it / run -it)', () => {
  it('commands from the image\'s PATH, files of the container relative to its working directory', () => {
    const sh = createShell({ files: [] });
    sh.run('kubectl run tmp -it --image=busybox --restart=Never -- sh');
    expect(sh.prompt).toBe('/ # ');
    expect(sh.complete('wge').candidates).toEqual(['wget']);
    expect(sh.complete('kubec').candidates).toEqual([]);
    expect(sh.complete('cat /etc/host').candidates).toEqual(['/etc/hostname', '/etc/hosts']);
    sh.run('cd /etc');
    expect(sh.complete('cat resolv').candidates).toEqual(['resolv.conf']);
    sh.run('exit');
    expect(sh.complete('kubec').candidates).toEqual(['kubectl', 'kubectx']);
  });
});
