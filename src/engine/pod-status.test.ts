// A pod's containers while an init container is stuck, as the kubelet and kubectl show them:
// - kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (computeInitContainerActions):
//   init containers run one at a time, in order; the app containers are started (and their images
//   pulled) only after every init container has completed;
// - pkg/kubelet/kubelet_pods.go (convertToAPIContainerStatuses): a container not started yet is
//   Waiting with reason "PodInitializing" while the pod is initializing;
// - kubernetes/kubectl pkg/cmd/get (printPod, via pkg/printers/internalversion/printers.go):
//   STATUS is `Init:<reason>` of the first init container that has not completed, READY counts
//   ready app containers only.
import { describe, expect, it } from 'vitest';
import { analyze } from './index.js';

const podYaml = (spec: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
${spec}`;

const run = (spec: string) => {
  const a = analyze([{ name: 'p.yaml', text: podYaml(spec) }]);
  const p = a.pods[0];
  if (!p) throw new Error('no pod');
  return p;
};

describe('init containers gate the app containers', () => {
  it.each([
    {
      name: 'init container fails to pull: app containers wait (PodInitializing), READY 0/2',
      spec: `  initContainers: [{name: init, image: "Bad:Ref"}]
  containers: [{name: a, image: busybox}, {name: b, image: busybox}]`,
      status: 'Init:InvalidImageName', ready: '0/2', init: ['InvalidImageName'], app: ['PodInitializing', 'PodInitializing'],
    },
    {
      name: 'second init container stuck: the first completed, later ones wait',
      spec: `  securityContext: {runAsNonRoot: true}
  initContainers:
  - {name: i0, image: busybox, securityContext: {runAsUser: 1000}}
  - {name: i1, image: busybox}
  - {name: i2, image: busybox, securityContext: {runAsUser: 1000}}
  containers: [{name: a, image: busybox, securityContext: {runAsUser: 1000}}]`,
      status: 'Init:CreateContainerConfigError', ready: '0/1',
      init: ['Running', 'CreateContainerConfigError', 'PodInitializing'], app: ['PodInitializing'],
    },
    {
      name: 'init containers fine: app containers decide on their own',
      spec: `  initContainers: [{name: init, image: busybox}]
  containers: [{name: a, image: busybox}, {name: b, image: "Bad:Ref"}]`,
      status: 'InvalidImageName', ready: '1/2', init: ['Running'], app: ['Running', 'InvalidImageName'],
    },
  ])('$name', ({ spec, status, ready, init, app }) => {
    const p = run(spec);
    expect(p.status).toBe(status);
    expect(p.ready).toBe(ready);
    expect(p.initContainers.map((c) => c.state)).toEqual(init);
    expect(p.containers.map((c) => c.state)).toEqual(app);
  });

  it('a waiting container has no kubelet message', () => {
    const p = run(`  initContainers: [{name: init, image: "Bad:Ref"}]
  containers: [{name: a, image: busybox}]`);
    expect(p.containers[0]?.message).toBeNull();
    expect(p.initContainers[0]?.message).not.toBeNull();
  });
});
