// PodSpec, container and securityContext edges: the defaults of pkg/apis/core/v1/defaults.go
// (protocol TCP; with hostNetwork an unset hostPort becomes the containerPort), the
// ServiceAccount admission plugin's `default` account, and pkg/apis/core/validation/validation.go
// (ValidatePodSpec: nodeName a DNS subdomain, hostname/subdomain DNS labels; validateContainers:
// unique names across init and regular containers; IsValidUserID/IsValidGroupID 0..2147483647
// in v1.30 apimachinery pkg/util/validation/validation.go).
import { describe, expect, it } from 'vitest';
import { pod, run } from '../../testing/normalize.js';
import { Diags } from './diag.js';
import { readPodSpec } from './pod-spec.js';
import { readContainerSecurityContext, readPodSecurityContext } from './security-context.js';

const msgs = (yaml: string) => run(yaml).errors.map((e) => e.message);
const first = (yaml: string) => run(yaml).cluster.pods[0];

describe('PodSpec defaults and fields', () => {
  it('a Pod with no containers key at all is refused (Required), like one with []', () => {
    expect(msgs('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}')).toContain('spec.containers: Required value');
  });

  it('a plain pod has no errors and false host namespaces, no automount key, no runtime class', () => {
    const r = run(pod('p'));
    expect(r.errors).toEqual([]);
    const p = r.cluster.pods[0];
    expect(p).toMatchObject({ hostNetwork: false, hostPID: false, hostIPC: false, serviceAccountName: 'default', imagePullSecrets: [], volumes: [], initContainers: [] });
    expect(p && 'automountServiceAccountToken' in p).toBe(false);
    expect(p && 'runtimeClassName' in p).toBe(false);
    expect(p && 'osName' in p).toBe(false);
    expect(p && 'securityContext' in p).toBe(false);
    expect(p && 'hostname' in p).toBe(false);
  });

  it('hostIPC, automount false, runtimeClassName and os.name are read', () => {
    const p = first(pod('p', 'hostIPC: true\nautomountServiceAccountToken: false\nruntimeClassName: gvisor\nos: {name: linux}'));
    expect(p).toMatchObject({ hostIPC: true, hostPID: false, automountServiceAccountToken: false, runtimeClassName: 'gvisor', osName: 'linux' });
  });

  it('an empty runtimeClassName is no runtime class', () => {
    const p = first(pod('p', 'runtimeClassName: ""'));
    expect(p && 'runtimeClassName' in p).toBe(false);
  });

  it('an empty serviceAccountName falls back to the deprecated serviceAccount, an empty one of those to default', () => {
    expect(first(pod('p', 'serviceAccountName: ""\nserviceAccount: legacy'))?.serviceAccountName).toBe('legacy');
    expect(first(pod('p', 'serviceAccountName: ""\nserviceAccount: ""'))?.serviceAccountName).toBe('default');
  });

  it('a volume with only a name is an emptyDir; a nameless volume keeps an empty name; nameless pull secrets are dropped', () => {
    const p = first(pod('p', 'volumes: [{name: a}, {configMap: {name: c}}]\nimagePullSecrets: [{name: ""}, {name: reg}]'));
    expect(p?.volumes.map((v) => [v.name, v.type, v.ref.path.join('.')])).toEqual([['a', 'emptyDir', 'spec.volumes.0'], ['', 'configMap', 'spec.volumes.1']]);
    expect(p?.imagePullSecrets).toEqual(['reg']);
  });

  it('two nameless containers are two Required errors, never a Duplicate', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{image: a}, {image: b}]';
    expect(msgs(yaml)).toEqual(['spec.containers[0].name: Required value', 'spec.containers[1].name: Required value']);
  });

  it('duplicate names within the regular containers are reported on the later one', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: app, image: a}, {name: app, image: b}]';
    expect(msgs(yaml)).toEqual(['spec.containers[1].name: Duplicate value: "app"']);
  });

  it('an ephemeralContainers: [] is no error', () => {
    expect(msgs(pod('p', 'ephemeralContainers: []'))).toEqual([]);
  });
});

describe('nodeName, hostname, subdomain (ValidatePodSpec)', () => {
  it('a known node is kept without a warning', () => {
    const r = run(pod('p', 'nodeName: node02'));
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.pods[0]?.nodeName).toBe('node02');
  });

  it('an unknown but valid node is a warning naming the lab nodes', () => {
    const r = run(pod('p', 'nodeName: gpu-1'));
    expect(r.errors).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([['warning', 'node-unknown', 'spec.nodeName']]);
    expect(r.diagnostics[0]?.message).toMatch(/^spec\.nodeName "gpu-1": the lab's cluster has no such node \(controlplane, node01, node02\); a real cluster would leave the pod Pending/);
  });

  it('an invalid nodeName is an error and no unknown-node warning', () => {
    const r = run(pod('p', 'nodeName: Node_1'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['pod-invalid']);
    expect(r.errors[0]?.message).toMatch(/^spec\.nodeName: Invalid value: "Node_1": a lowercase RFC 1123 subdomain/);
  });

  it('hostname and subdomain must be DNS labels; valid ones are kept', () => {
    expect(msgs(pod('p', 'hostname: a.b'))).toEqual([expect.stringMatching(/^spec\.hostname: Invalid value: "a\.b": a lowercase RFC 1123 label/)]);
    expect(msgs(pod('p', 'subdomain: A'))).toEqual([expect.stringMatching(/^spec\.subdomain: Invalid value: "A": a lowercase RFC 1123 label/)]);
    expect(first(pod('p', 'hostname: web\nsubdomain: svc'))).toMatchObject({ hostname: 'web', subdomain: 'svc' });
  });
});

describe('containers', () => {
  it('an invalid container name is a DNS label error', () => {
    expect(msgs(pod('p').replace('name: app', 'name: App'))).toEqual([expect.stringMatching(/^spec\.containers\[0\]\.name: Invalid value: "App": a lowercase RFC 1123 label/)]);
  });

  it('a whitespace-only image is Required (lab reading)', () => {
    expect(msgs(pod('p').replace('image: nginx', 'image: "  "'))).toEqual(['spec.containers[0].image: Required value']);
  });

  it('each pull policy value is kept; none set is no key', () => {
    for (const policy of ['Always', 'IfNotPresent', 'Never']) {
      expect(first(pod('p', '', { container: `imagePullPolicy: ${policy}` }))?.containers[0]?.imagePullPolicy).toBe(policy);
    }
    const c = first(pod('p'))?.containers[0];
    expect(c && 'imagePullPolicy' in c).toBe(false);
  });

  it('a missing containerPort is Required; an explicit empty protocol defaults to TCP', () => {
    expect(msgs(pod('p', '', { container: 'ports: [{name: web}]' }))).toEqual(['spec.containers[0].ports[0].containerPort: Required value']);
    const c = first(pod('p', '', { container: 'ports: [{containerPort: 80, protocol: ""}, {containerPort: 81, protocol: SCTP}]' }))?.containers[0];
    expect(c?.ports.map((x) => x.protocol)).toEqual(['TCP', 'SCTP']);
  });

  it('hostPort 0 is unset; hostPort 65535 is valid, 65536 is not', () => {
    expect(first(pod('p', '', { container: 'ports: [{containerPort: 80, hostPort: 0}]' }))?.containers[0]?.hostPorts).toEqual([]);
    expect(first(pod('p', '', { container: 'ports: [{containerPort: 80, hostPort: 65535}]' }))?.containers[0]?.hostPorts).toEqual([65535]);
    expect(msgs(pod('p', '', { container: 'ports: [{containerPort: 80, hostPort: 65536}]' }))).toEqual(['spec.containers[0].ports[0].hostPort: Invalid value: 65536: must be between 1 and 65535, inclusive']);
  });

  it('with hostNetwork an explicit equal hostPort is fine, and hostPort 0 takes the containerPort', () => {
    const r = run(pod('p', 'hostNetwork: true', { container: 'ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 0}]' }));
    expect(r.errors).toEqual([]);
    expect(r.cluster.pods[0]?.containers[0]?.hostPorts).toEqual([80, 81]);
  });

  it('with hostNetwork a port without containerPort is only Required (no hostPort match check)', () => {
    const r = run(pod('p', 'hostNetwork: true', { container: 'ports: [{name: web, hostPort: 8080}]' }));
    expect(r.errors.map((e) => e.message)).toEqual(['spec.containers[0].ports[0].containerPort: Required value']);
  });

  it('hostNetwork applies to init containers too', () => {
    const p = first(pod('p', 'hostNetwork: true\ninitContainers: [{name: init, image: busybox, ports: [{containerPort: 9}]}]'));
    expect(p?.initContainers[0]?.hostPorts).toEqual([9]);
  });

  it('an empty port name is no name and no duplicate', () => {
    const r = run(pod('p', '', { container: 'ports: [{containerPort: 80, name: ""}, {containerPort: 81, name: ""}]' }));
    expect(r.errors).toEqual([]);
    expect(r.cluster.pods[0]?.containers[0]?.ports.map((x) => 'name' in x)).toEqual([false, false]);
  });

  it('the same port name in two containers is not a duplicate', () => {
    const yaml = pod('p', 'initContainers: [{name: init, image: busybox, ports: [{containerPort: 81, name: web}]}]', { container: 'ports: [{containerPort: 80, name: web}]' });
    expect(msgs(yaml)).toEqual([]);
  });

  it('readOnly volume mounts are marked, others are not', () => {
    const c = first(pod('p', 'volumes: [{name: d, emptyDir: {}}]', { container: 'volumeMounts: [{name: d, mountPath: /a, readOnly: true}, {name: d, mountPath: /b, readOnly: false}]' }))?.containers[0];
    expect(c?.volumeMounts).toEqual([{ name: 'd', mountPath: '/a', readOnly: true }, { name: 'd', mountPath: '/b' }]);
  });
});

describe('securityContext IDs and fields', () => {
  it.each([
    { sc: 'runAsUser: 2147483647', errs: [] },
    { sc: 'runAsUser: 2147483648', errs: ['spec.securityContext.runAsUser: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive'] },
    { sc: 'runAsUser: 0', errs: [] },
    { sc: 'runAsGroup: -1', errs: ['spec.securityContext.runAsGroup: Invalid value: -1: must be between 0 and 2147483647, inclusive'] },
    { sc: 'fsGroup: -5', errs: ['spec.securityContext.fsGroup: Invalid value: -5: must be between 0 and 2147483647, inclusive'] },
    { sc: 'supplementalGroups: [1, -2]', errs: ['spec.securityContext.supplementalGroups[1]: Invalid value: -2: must be between 0 and 2147483647, inclusive'] },
  ])('pod $sc', ({ sc, errs }) => {
    expect(msgs(pod('p', `securityContext: {${sc}}`))).toEqual(errs);
  });

  it('a container runAsUser is range-checked on its own path', () => {
    expect(msgs(pod('p', '', { container: 'securityContext: {runAsUser: -1}' }))).toEqual(['spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive']);
  });

  it('a lone runAsGroup is the whole pod securityContext', () => {
    expect(run(pod('p', 'securityContext: {runAsGroup: 5}')).cluster.pods[0]?.securityContext).toEqual({ runAsGroup: 5 });
  });

  it('profiles, seLinuxOptions, windowsOptions and procMount are read', () => {
    const p = first(pod('p', [
      'securityContext:',
      '  seccompProfile: {type: Localhost, localhostProfile: prof.json}',
      '  seLinuxOptions: {level: "s0:c1"}',
      '  windowsOptions: {}',
    ].join('\n'), { container: 'securityContext: {procMount: Default, windowsOptions: {hostProcess: false}, appArmorProfile: {type: RuntimeDefault}}' }));
    expect(p?.securityContext).toEqual({ seccompProfile: { type: 'Localhost', localhostProfile: 'prof.json' }, seLinuxOptions: { level: 's0:c1' }, windowsOptions: {} });
    expect(p?.containers[0]?.securityContext).toEqual({ procMount: 'Default', windowsOptions: { hostProcess: false }, appArmorProfile: { type: 'RuntimeDefault' } });
  });

  it('an empty container securityContext is an empty object; capabilities default to empty lists', () => {
    expect(first(pod('p', '', { container: 'securityContext: {capabilities: {}}' }))?.containers[0]?.securityContext).toEqual({ capabilities: { add: [], drop: [] } });
    expect(first(pod('p', 'securityContext: {}'))?.securityContext).toEqual({});
  });

  it('sysctls keep name and value', () => {
    expect(first(pod('p', 'securityContext: {sysctls: [{name: net.ipv4.ip_forward, value: "1"}]}'))?.securityContext?.sysctls).toEqual([{ name: 'net.ipv4.ip_forward', value: '1' }]);
  });
});

describe('Pod (status.podIP, lab rule)', () => {
  it('a valid status.podIP is kept; an empty one is no IP and no error', () => {
    expect(run(`${pod('p')}\nstatus: {podIP: 10.244.1.77}`).cluster.pods[0]?.ip).toBe('10.244.1.77');
    const r = run(`${pod('p')}\nstatus: {podIP: ""}`);
    expect(r.errors).toEqual([]);
    expect(r.cluster.pods[0]?.ipDeclared).toBe(false);
  });
});

describe('readPodSpec directly', () => {
  it('an invalid hostname is reported and not kept', () => {
    const diags = new Diags({ file: 'f', doc: 0, path: [] });
    const spec = readPodSpec({ containers: [{ name: 'a', image: 'b' }], hostname: 'A', subdomain: 'ok' }, ['spec'], diags.root, diags);
    expect(diags.list.map((d) => d.code)).toEqual(['pod-invalid']);
    expect('hostname' in spec).toBe(false);
    expect(spec.subdomain).toBe('ok');
  });
});

describe('securityContext readers directly', () => {
  it('zero IDs are kept (root is a value, not "unset")', () => {
    const diags = new Diags({ file: 'f', doc: 0, path: [] });
    expect(readPodSecurityContext({ runAsUser: 0, runAsGroup: 0, fsGroup: 0, supplementalGroups: [0, 'x', 7] }, ['sc'], diags))
      .toEqual({ runAsUser: 0, runAsGroup: 0, fsGroup: 0, supplementalGroups: [0, 7] });
    expect(readContainerSecurityContext({ runAsUser: 0 }, ['sc'], diags)).toEqual({ runAsUser: 0 });
    expect(readContainerSecurityContext({}, ['sc'], diags)).toEqual({});
    expect(readContainerSecurityContext('x', ['sc'], diags)).toBeUndefined();
    expect(diags.list).toEqual([]);
  });
});
