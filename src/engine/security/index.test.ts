// The whole container view, on the course notes' cases. Sources: kubelet security_context.go /
// security_context_others.go, containerd internal/cri/opts/spec_opts.go WithCapabilities and
// WithoutAmbientCaps (kubernetes/kubernetes#56374: no ambient capabilities, so a non-root process
// has an empty effective set whatever the bounding set holds).
import { describe, expect, it } from 'vitest';
import type { ContainerSecurityContext, ImageMeta, PodSecurityContext } from '../model/index.js';
import { NGINX, UBUNTU, at, first, image, pod } from '../../testing/security.js';
import { ALL_CAPABILITIES, DEFAULT_CAPABILITIES, analyzeSecurity, podSecurityStandards } from './index.js';

const DEFAULT = [...DEFAULT_CAPABILITIES].sort();

function run(podSc: PodSecurityContext | undefined, containerSc: ContainerSecurityContext | undefined, img: ImageMeta = UBUNTU) {
  const p = pod({ name: 'ubuntu-sleeper', ...(podSc ? { securityContext: podSc } : {}),
    containers: [{ name: 'ubuntu-sleeper', ...(containerSc ? { securityContext: containerSc } : {}) }] });
  return analyzeSecurity(p, first(p), img);
}

describe('analyzeSecurity: course notes', () => {
  it('ubuntu-sleeper with pod runAsUser 1010: uid 1010, no name, empty effective set', () => {
    const { report, diagnostics } = run({ runAsUser: 1010 }, undefined);
    expect(report.identity).toMatchObject({ uid: 1010, gid: 0, username: null, uidFrom: 'pod' });
    expect(report.capabilities.bounding).toEqual(DEFAULT);
    expect(report.capabilities.effective).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('add SYS_TIME and NET_ADMIN as root: bounding = effective = default 14 + 2', () => {
    const { report } = run(undefined, { capabilities: { add: ['SYS_TIME', 'NET_ADMIN'], drop: [] } });
    const expected = [...DEFAULT, 'NET_ADMIN', 'SYS_TIME'].sort();
    expect(report.capabilities.bounding).toEqual(expected);
    expect(report.capabilities.bounding).toHaveLength(16);
    expect(report.capabilities.effective).toEqual(expected);
    expect(report.capabilities.added).toEqual(['NET_ADMIN', 'SYS_TIME']);
    expect(report.capabilities.dropped).toEqual([]);
  });

  it('add SYS_TIME and NET_ADMIN with runAsUser 1000: bounding has them, effective is empty', () => {
    const { report } = run(undefined, { runAsUser: 1000, capabilities: { add: ['SYS_TIME', 'NET_ADMIN'], drop: [] } });
    expect(report.identity).toMatchObject({ uid: 1000, username: 'ubuntu' });
    expect(report.capabilities.bounding).toHaveLength(16);
    expect(report.capabilities.effective).toEqual([]);
  });

  it('add NET_BIND_SERVICE for a non-root user: effective is still empty', () => {
    const { report } = run(undefined, { runAsUser: 1000, capabilities: { add: ['NET_BIND_SERVICE'], drop: [] } }, NGINX);
    expect(report.capabilities.bounding).toContain('NET_BIND_SERVICE');
    expect(report.capabilities.effective).toEqual([]);
  });

  it('the multi-container pod: each container gets its own identity', () => {
    const p = pod({ name: 'multi-pod', securityContext: { runAsUser: 1001 },
      containers: [{ name: 'web', securityContext: { runAsUser: 1002 } }, { name: 'sidecar' }] });
    const [web, sidecar] = p.containers.map((c) => analyzeSecurity(p, c, UBUNTU).report.identity);
    expect(web).toMatchObject({ uid: 1002, uidFrom: 'container' });
    expect(sidecar).toMatchObject({ uid: 1001, uidFrom: 'pod' });
  });
});

describe('analyzeSecurity: flags', () => {
  it('privileged: all 41, effective too for root', () => {
    const { report } = run(undefined, { privileged: true });
    expect(report.privileged).toBe(true);
    expect(report.capabilities.privileged).toBe(true);
    expect(report.capabilities.bounding).toHaveLength(ALL_CAPABILITIES.length);
    expect(report.capabilities.effective).toHaveLength(41);
    expect(report.allowPrivilegeEscalation).toBe(true);
  });

  it('privileged non-root: all 41 bounding, nothing effective', () => {
    const { report } = run({ runAsUser: 1000 }, { privileged: true });
    expect(report.capabilities.bounding).toHaveLength(41);
    expect(report.capabilities.effective).toEqual([]);
  });

  it('readOnlyRootFilesystem and allowPrivilegeEscalation', () => {
    const { report } = run(undefined, { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(report.readOnlyRootFilesystem).toBe(true);
    expect(report.allowPrivilegeEscalation).toBe(false);
    expect(run(undefined, undefined).report.readOnlyRootFilesystem).toBe(false);
  });

  it('runAsNonRoot failure is in the report, without the pod suffix', () => {
    const { report } = run({ runAsNonRoot: true }, undefined, NGINX);
    expect(report.nonRoot).toEqual({ required: true, requiredFrom: 'pod', ok: false, message: 'container has runAsNonRoot and image will run as root' });
  });
});

describe('analyzeSecurity: diagnostics', () => {
  it('warns about an unknown capability, pointing at the entry', () => {
    const { report, diagnostics } = run(undefined, { capabilities: { add: ['NET_ADMIN', 'SYS_TIMEE'], drop: [] } });
    expect(report.capabilities.unknown).toEqual(['SYS_TIMEE']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'warning', code: 'capability-unknown',
      ref: at('spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 1),
      params: { name: 'SYS_TIMEE', list: 'add', runtimeName: 'CAP_SYS_TIMEE', suggestion: '' },
      object: 'Pod/default/ubuntu-sleeper',
    });
    expect(diagnostics[0]?.message).toContain('"SYS_TIMEE"');
  });

  it('explains the CAP_ prefix and names the fix', () => {
    const { report, diagnostics } = run(undefined, { capabilities: { add: [], drop: ['CAP_NET_RAW'] } });
    expect(report.capabilities.bounding).toContain('NET_RAW');
    expect(diagnostics[0]).toMatchObject({ code: 'capability-unknown', params: { suggestion: 'NET_RAW', runtimeName: 'CAP_CAP_NET_RAW' } });
    expect(diagnostics[0]?.message).toContain('write "NET_RAW"');
  });

  it('warns when the image USER is a name its /etc/passwd lacks', () => {
    const { diagnostics } = run(undefined, undefined, image('app'));
    expect(diagnostics.map((d) => d.code)).toEqual(['image-user-unknown']);
  });

  it('names the workload for pods expanded from a template', () => {
    const p = pod({ name: 'web', specPath: ['spec', 'template', 'spec'] });
    const { diagnostics } = analyzeSecurity(p, first(p), image('nobody-here'));
    expect(diagnostics[0]?.object).toBe('Deployment/default/web');
  });
});

describe('podSecurityStandards', () => {
  it('a bare pod meets baseline, not restricted', () => {
    expect(podSecurityStandards(pod()).level).toBe('baseline');
  });
});
