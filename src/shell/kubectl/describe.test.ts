import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { annotationLines } from './describe-util.js';

// kubectl v0.30.3 pkg/describe/describe.go: describeDeployment, DescribePodTemplate,
// describeContainerBasicInfo (describeContainerHostPorts), printAnnotationsMultiline.
describe('describe deployment', () => {
  it('describeDeployment: header, Replicas line, RollingUpdateStrategy, Pod Template, Conditions, ReplicaSets, events', () => {
    const sh = createShell({ files: [] });
    expect(sh.run('kubectl create deployment web --image=nginx:1.25 --replicas=2 --port=80').output).toBe('deployment.apps/web created\n');
    const out = sh.run('kubectl describe deploy web').output;
    const rs = /NewReplicaSet:\s+(web-\w+) /.exec(out)?.[1] ?? '';
    expect(rs).toMatch(/^web-[a-z0-9]{10}$/);
    expect(out.replace(/CreationTimestamp:\s+.*\n/, '')).toBe(`Name:                   web
Namespace:              default
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.25
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   ${rs} (2/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  10m   deployment-controller  Scaled up replica set ${rs} to 2 from 0
`);
  });
  it('a deployment whose image cannot be pulled is not available', () => {
    const registry = 'apiVersion: lab/v1\nkind: Registry\nmetadata: {name: hub}\nspec: {server: docker.io, private: false, images: [{repository: nginx, tags: ["1.25"]}]}\n';
    const sh = createShell({ files: [{ name: 'registry.yaml', text: registry }] });
    sh.run('kubectl create deployment bad --image=nginx:does-not-exist-9');
    const out = sh.run('kubectl describe deployment bad').output;
    expect(out).toContain('Replicas:               1 desired | 1 updated | 1 total | 0 available | 1 unavailable\n');
    expect(out).toContain('  Available      False   MinimumReplicasUnavailable\n');
  });
});

describe('printAnnotationsMultiline', () => {
  it('skips last-applied-configuration, sorts, <none> when empty', () => {
    expect(annotationLines('Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}' })).toBe('Annotations:\t<none>\n');
    expect(annotationLines('Annotations', { b: '2', a: '1' })).toBe('Annotations:\ta: 1\n\tb: 2\n');
  });
  it('a value with a newline or longer than maxAnnotationLen (140) goes below its key, shortened to 138 bytes', () => {
    expect(annotationLines('Annotations', { note: 'one\ntwo\n' })).toBe('Annotations:\tnote:\n\t  one\n\t  two\n');
    const long = 'x'.repeat(150);
    expect(annotationLines('Annotations', { k: long })).toBe(`Annotations:\tk:\n\t  ${'x'.repeat(138)}...\n`);
    expect(annotationLines('Annotations', { k: 'x'.repeat(137) })).toBe(`Annotations:\tk: ${'x'.repeat(137)}\n`);
  });
  it('describe pod prints annotations as key: value', () => {
    const sh = createShell({ files: [{ name: 'p.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, annotations: {team: blue}}\nspec: {containers: [{name: a, image: nginx}]}\n' }] });
    expect(sh.run('kubectl describe pod a').output).toContain('\nAnnotations:      team: blue\n');
  });
});
