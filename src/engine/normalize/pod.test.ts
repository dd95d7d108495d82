// Pods and containers as data, with the API server's defaults (pkg/apis/core/v1/defaults.go:
// protocol TCP, serviceAccountName from the deprecated serviceAccount, then "default") and
// pkg/apis/core/validation/validation.go checks (validateContainerPorts, IsValidPortName,
// duplicate container names, imagePullPolicy values, IsValidUserID range).
import { describe, expect, it } from 'vitest';
import { pod, run } from '../../testing/normalize.js';

describe('container fields', () => {
  it('reads every field the model keeps, with refs', () => {
    const r = run(pod('p', [
      'initContainers:',
      '- {name: init, image: busybox, command: [sh, -c], args: ["true"]}',
      'imagePullSecrets: [{name: reg}, {}]',
      'hostNetwork: true',
      'hostPID: true',
      'volumes: [{name: data, hostPath: {path: /var}}, {name: tmp, emptyDir: {}}]',
      'securityContext: {runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000], sysctls: [{name: a, value: b}], seccompProfile: {type: RuntimeDefault}}',
    ].join('\n'), {
      container: [
        'imagePullPolicy: Always',
        'env: [{name: A, value: "1"}, {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]',
        'ports: [{containerPort: 8080, name: http}, {containerPort: 53, protocol: UDP, hostPort: 53}]',
        'volumeMounts: [{name: data, mountPath: /data}]',
        'securityContext: {runAsNonRoot: true, privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {add: [net_bind_service], drop: [ALL]}}',
      ].join('\n'),
    }));
    expect(r.errors).toEqual([]);
    const p = r.cluster.pods[0];
    const c = p?.containers[0];
    expect(c).toMatchObject({
      name: 'app', image: 'nginx', imagePullPolicy: 'Always', kind: 'container',
      env: [{ name: 'A', value: '1' }, { name: 'B', value: '' }],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
      hostPorts: [8080, 53],
      securityContext: { runAsNonRoot: true, privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { add: ['net_bind_service'], drop: ['ALL'] } },
    });
    expect(c?.ports.map((x) => [x.name, x.containerPort, x.protocol, x.ref.path.join('.')])).toEqual([
      ['http', 8080, 'TCP', 'spec.containers.0.ports.0'],
      [undefined, 53, 'UDP', 'spec.containers.0.ports.1'],
    ]);
    expect(p?.initContainers.map((i) => [i.name, i.kind, i.command, i.args, i.ref.path.join('.')])).toEqual([['init', 'initContainer', ['sh', '-c'], ['true'], 'spec.initContainers.0']]);
    expect(p).toMatchObject({
      imagePullSecrets: ['reg'], hostNetwork: true, hostPID: true, hostIPC: false, serviceAccountName: 'default',
      securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000], sysctls: [{ name: 'a', value: 'b' }], seccompProfile: { type: 'RuntimeDefault' } },
    });
    expect(p?.volumes.map((v) => [v.name, v.type])).toEqual([['data', 'hostPath'], ['tmp', 'emptyDir']]);
  });

  it.each([
    { extra: 'hostNetwork: true', hostPorts: [80, 53] },
    { extra: 'hostNetwork: false', hostPorts: [53] },
  ])('hostPort defaulting with $extra', ({ extra, hostPorts }) => {
    const r = run(pod('p', extra, { container: 'ports: [{containerPort: 80}, {containerPort: 53, hostPort: 53, protocol: UDP}]' }));
    expect(r.errors).toEqual([]);
    expect(r.cluster.pods[0]?.containers[0]?.hostPorts).toEqual(hostPorts);
  });

  it.each([
    { extra: '', sa: 'default' },
    { extra: 'serviceAccount: legacy', sa: 'legacy' },
    { extra: 'serviceAccountName: app\nserviceAccount: legacy', sa: 'app' },
  ])('serviceAccountName with "$extra" is $sa', ({ extra, sa }) => {
    expect(run(pod('p', extra)).cluster.pods[0]?.serviceAccountName).toBe(sa);
  });
});

describe('container validation', () => {
  const rows = [
    { name: 'no containers', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}', msg: 'spec.containers: Required value' },
    { name: 'container without image', yaml: pod('p').replace('    image: nginx\n', '').replace('    image: nginx', ''), msg: 'spec.containers[0].image: Required value' },
    { name: 'container without name', yaml: pod('p').replace('  - name: app\n    image: nginx', '  - image: busybox'), msg: 'spec.containers[0].name: Required value' },
    { name: 'duplicate container names', yaml: pod('p', 'initContainers: [{name: app, image: busybox}]'), msg: 'spec.containers[0].name: Duplicate value: "app"' },
    { name: 'bad pull policy', yaml: pod('p', '', { container: 'imagePullPolicy: always' }), msg: 'spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"' },
    { name: 'containerPort 0', yaml: pod('p', '', { container: 'ports: [{containerPort: 0}]' }), msg: 'spec.containers[0].ports[0].containerPort: Required value' },
    { name: 'containerPort 70000', yaml: pod('p', '', { container: 'ports: [{containerPort: 70000}]' }), msg: 'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive' },
    { name: 'hostPort out of range', yaml: pod('p', '', { container: 'ports: [{containerPort: 80, hostPort: -1}]' }), msg: 'spec.containers[0].ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive' },
    { name: 'port protocol', yaml: pod('p', '', { container: 'ports: [{containerPort: 80, protocol: HTTP}]' }), msg: 'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"' },
    { name: 'port name with underscore', yaml: pod('p', '', { container: 'ports: [{containerPort: 80, name: web_http}]' }), msg: 'spec.containers[0].ports[0].name: Invalid value: "web_http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' },
    { name: 'port name all digits', yaml: pod('p', '', { container: 'ports: [{containerPort: 80, name: "8080"}]' }), msg: 'spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)' },
    { name: 'port name with --', yaml: pod('p', '', { container: 'ports: [{containerPort: 80, name: a--b}]' }), msg: 'spec.containers[0].ports[0].name: Invalid value: "a--b": must not contain consecutive hyphens' },
    { name: 'port name ending in -', yaml: pod('p', '', { container: 'ports: [{containerPort: 80, name: web-}]' }), msg: 'spec.containers[0].ports[0].name: Invalid value: "web-": must not begin or end with a hyphen' },
    { name: 'duplicate port names', yaml: pod('p', '', { container: 'ports: [{containerPort: 80, name: web}, {containerPort: 81, name: web}]' }), msg: 'spec.containers[0].ports[1].name: Duplicate value: "web"' },
    { name: 'negative runAsUser', yaml: pod('p', 'securityContext: {runAsUser: -1}'), msg: 'spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive' },
    { name: 'ephemeral containers on create', yaml: pod('p', 'ephemeralContainers: [{name: dbg, image: busybox}]'), msg: 'spec.ephemeralContainers: Forbidden: cannot be set on create' },
    { name: 'hostNetwork with a different hostPort', yaml: pod('p', 'hostNetwork: true', { container: 'ports: [{containerPort: 80, hostPort: 8080}]' }), msg: 'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true' },
    { name: 'bad status.podIP (lab rule)', yaml: `${pod('p')}\nstatus: {podIP: 10.0.0.300}`, msg: 'status.podIP: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
  ];
  it.each(rows)('$name', ({ yaml, msg }) => {
    const r = run(yaml);
    expect(r.errors.map((e) => e.message)).toContain(msg);
    expect(r.cluster.pods).toEqual([]);
  });

  it('the duplicate container name is reported on the later list entry', () => {
    const r = run(pod('p', 'initContainers: [{name: app, image: busybox}]'));
    // Init containers come first in upstream's check, so the regular container is the duplicate.
    expect(r.errors[0]?.path).toBe('spec.containers[0].name');
  });
});
