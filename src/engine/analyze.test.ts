import { describe, expect, it } from 'vitest';
import { scenarioPods } from '../testing/analysis.js';
import { analyze, isManifestFile } from './index.js';

// The pipeline's own rules (src/engine/index.ts), over whole scenarios.
const REGISTRY = `{apiVersion: lab/v1, kind: Registry, metadata: {name: r}, spec: {server: "reg.example.com:5000", credentials: [{username: u, password: p}], images: [{repository: app, tags: [v1]}]}}`;

describe('analyze pipeline', () => {
  it.each([
    ['pods.yaml', true], ['netpol.yml', true], ['scenario', true], ['dir/x.json', true],
    ['Dockerfile', false], ['Containerfile', false], ['app.dockerfile', false], ['notes.md', false], ['run.sh', false],
  ])('isManifestFile(%s) = %s', (name, expected) => {
    expect(isManifestFile(name)).toBe(expected);
  });

  it('a Dockerfile tab is not analysed as YAML (no diagnostic for it)', () => {
    const a = analyze([{ name: 'Dockerfile', text: 'FROM ubuntu\nUSER 1000\n' }, { name: 'p.yaml', text: '{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: nginx}]}}' }]);
    expect(a.diagnostics).toEqual([]);
    expect(scenarioPods(a).map((p) => p.key)).toEqual(['default/p']);
  });

  it("a problem in a workload's template is said once, not once per replica", () => {
    const a = analyze([{ name: 'd.yaml', text: `{apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {replicas: 3, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {imagePullSecrets: [{name: nope}], containers: [{name: c, image: nginx, securityContext: {capabilities: {add: [NOT_A_CAP]}}}]}}}}` }]);
    expect(scenarioPods(a)).toHaveLength(3);
    const codes = a.diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual([...new Set(codes)]);
    expect(codes).toEqual(expect.arrayContaining(['capability-unknown', 'pull-secret-missing']));
  });

  // kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer: the image is
  // ensured (pulled) first, the container config (where verifyRunAsNonRoot runs) is generated after.
  it('a failed pull wins over a runAsNonRoot failure', () => {
    const a = analyze([{ name: 'p.yaml', text: `${REGISTRY}\n---\n{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {securityContext: {runAsNonRoot: true}, containers: [{name: c, image: "reg.example.com:5000/app:v1"}]}}` }]);
    expect(scenarioPods(a)[0]!.containers[0]!.state).toBe('ErrImagePull');
    expect(scenarioPods(a)[0]!.status).toBe('ErrImagePull');
  });

  // pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot, wrapped by
  // generateContainerConfig with `(pod: %q, container: %s)` of format.Pod (name_namespace(uid)).
  it("runAsNonRoot failure: CreateContainerConfigError with the kubelet's text and suffix; other containers unaffected", () => {
    const a = analyze([{ name: 'p.yaml', text: '{apiVersion: v1, kind: Pod, metadata: {name: p, namespace: team}, spec: {containers: [{name: root, image: nginx, securityContext: {runAsNonRoot: true}}, {name: ok, image: nginx}]}}' }]);
    const [root, ok] = scenarioPods(a)[0]!.containers;
    expect(root!.state).toBe('CreateContainerConfigError');
    expect(root!.message).toMatch(/^container has runAsNonRoot and image will run as root \(pod: "p_team\([0-9a-f-]{36}\)", container: root\)$/);
    expect(ok!.state).toBe('Running');
    expect(scenarioPods(a)[0]!.ready).toBe('1/2');
    expect(scenarioPods(a)[0]!.status).toBe('CreateContainerConfigError');
  });

  it('diagnostics come sorted by file and position, whatever the order of the files', () => {
    const f1 = { name: 'a.yaml', text: '{apiVersion: v1, kind: Pod, metadata: {name: x}, spec: {hostNetwrk: true, containers: [{name: c, image: nginx}]}}' };
    const f2 = { name: 'b.yaml', text: 'key: [unclosed\n' };
    const one = analyze([f1, f2]).diagnostics;
    expect(analyze([f2, f1]).diagnostics).toEqual(one);
    expect(one.map((d) => d.file)).toEqual([...one.map((d) => d.file)].sort());
  });
});
