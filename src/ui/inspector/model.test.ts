import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPABILITIES as ENGINE_DEFAULTS } from '../../engine/index.js';
import { DEFAULT_CAPS, containerReport, imageReport, securityReport } from '../../testing/ui.js';
import { capabilityRows, effectiveNote, nonRootKey, pullKey, stateTone, DEFAULT_CAPABILITIES } from './model.js';
import { confinement } from './confinement.js';
import { strings } from './strings.js';

const caps = (bounding: readonly string[], effective: readonly string[] = bounding) =>
  ({ bounding, effective, added: [], dropped: [], privileged: false, unknown: [] });

describe('capabilityRows', () => {
  // The baseline is the engine's table itself (no hand copy); security/capabilities/table.test.ts
  // pins that table against containerd pkg/oci/spec.go defaultUnixCaps (the 14).
  it('the default set is the engine\'s (containerd\'s 14)', () => {
    expect(DEFAULT_CAPABILITIES).toBe(ENGINE_DEFAULTS);
    expect([...DEFAULT_CAPABILITIES].sort()).toEqual([...DEFAULT_CAPS].sort());
  });
  it('marks nothing when the bounding set is the default', () => {
    expect(capabilityRows(caps(DEFAULT_CAPS)).every((r) => r.change === null && r.bounding)).toBe(true);
  });
  it('marks added and dropped capabilities, defaults first', () => {
    const bounding = [...DEFAULT_CAPS.filter((c) => c !== 'NET_RAW'), 'NET_ADMIN'];
    const rows = capabilityRows(caps(bounding, []));
    expect(rows.find((r) => r.name === 'NET_ADMIN')).toEqual({ name: 'NET_ADMIN', inDefault: false, bounding: true, effective: false, change: 'added' });
    expect(rows.find((r) => r.name === 'NET_RAW')).toEqual({ name: 'NET_RAW', inDefault: true, bounding: false, effective: false, change: 'dropped' });
    expect(rows.at(-1)?.name).toBe('NET_ADMIN');
    expect(rows).toHaveLength(DEFAULT_CAPS.length + 1);
  });
  it('drop ALL: every default row is dropped', () => {
    expect(capabilityRows(caps([])).map((r) => r.change)).toEqual(Array(DEFAULT_CAPS.length).fill('dropped'));
  });
});

describe('effectiveNote', () => {
  // kubernetes/kubernetes#56374: no ambient capabilities, so a non-root process has none
  it.each([
    [securityReport({ identity: { uid: 1000, gid: 1000, username: null, uidFrom: 'pod', gidFrom: 'pod', groups: [] }, capabilities: caps(['NET_BIND_SERVICE'], []) }), 'effectiveEmptyNonRoot'],
    [securityReport(), 'effectiveRoot'],
    [securityReport({ capabilities: caps([]) }), null],
  ] as const)('%#', (s, key) => expect(effectiveNote(s)).toBe(key));
});

describe('phrases', () => {
  const failed = (cause: 'no-credentials' | 'wrong-credentials' | 'secret-other-namespace' | 'no-such-image' | 'invalid-reference') =>
    imageReport('nginx', { pull: { ...imageReport().pull, state: 'ErrImagePull', cause } }).pull;
  it.each([
    [imageReport().pull, 'pullAnonymous'],
    [imageReport('nginx', { pull: { ...imageReport().pull, credentials: 'regcred' } }).pull, 'pullWithSecret'],
    [failed('no-credentials'), 'cause_no-credentials'],
    [failed('wrong-credentials'), 'cause_wrong-credentials'],
    [failed('secret-other-namespace'), 'cause_secret-other-namespace'],
    [failed('no-such-image'), 'cause_no-such-image'],
    [failed('invalid-reference'), 'cause_invalid-reference'],
  ])('%# → %s', (pull, key) => {
    expect(pullKey(pull)).toBe(key);
    expect(strings.en).toHaveProperty(key);
    expect(strings.ko).toHaveProperty(key);
  });
  it.each([
    [securityReport(), 'nonRootNotRequired'],
    [securityReport({ nonRoot: { required: true, requiredFrom: 'pod', ok: true, message: null } }), 'nonRootOk'],
    [securityReport({ nonRoot: { required: true, requiredFrom: 'container', ok: false, message: 'container has runAsNonRoot and image will run as root' } }), 'nonRootFailed'],
  ] as const)('%# → %s', (s, key) => expect(nonRootKey(s)).toBe(key));
  it('state tone', () => {
    expect(stateTone(containerReport())).toBe('ok');
    expect(stateTone(containerReport({ state: 'CreateContainerConfigError' }))).toBe('error');
  });
});

describe('confinement', () => {
  // The engine's verdicts (security/profiles) as phrases: each key exists in en and ko, and the text
  // carries the fact itself (Seccomp: 0/2, NoNewPrivs: 0/1, the profile name), not a colour.
  const phrases = (c: ReturnType<typeof confinement>) => [c.seccomp, c.seccompOverride, c.appArmor, c.appArmorOverride, c.noNewPrivs, c.readOnlyRoot].filter((p) => p !== null);
  it('nothing set: Unconfined seccomp, containerd\'s AppArmor profile, no no_new_privs', () => {
    const c = confinement(securityReport());
    expect(c.seccomp.key).toBe('seccompUnset');
    expect(c.appArmor).toEqual({ key: 'appArmorUnset', params: { profile: 'cri-containerd.apparmor.d' } });
    expect(c.noNewPrivs.key).toBe('noNewPrivsUnset');
    expect(c.weak).toEqual({ seccomp: true, noNewPrivs: true });
  });
  it('restricted-style container', () => {
    const c = confinement(securityReport({
      noNewPrivs: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
      seccomp: { requested: 'RuntimeDefault', from: 'pod', localhostProfile: null, file: null, applied: 'RuntimeDefault', mode: 2, error: null },
    }));
    expect(c.seccomp).toEqual({ key: 'seccomp_RuntimeDefault', params: { fromKey: 'level_pod', file: '' } });
    expect(c.seccompOverride).toBeNull();
    expect(c.noNewPrivs.key).toBe('noNewPrivsSet');
    expect(c.readOnlyRoot.key).toBe('readOnlyRootYes');
    expect(c.weak).toEqual({ seccomp: false, noNewPrivs: false });
  });
  it('privileged overrides RuntimeDefault for both', () => {
    const c = confinement(securityReport({
      privileged: true,
      seccomp: { requested: 'RuntimeDefault', from: 'container', localhostProfile: null, file: null, applied: 'Unconfined', mode: 0, error: null },
      appArmor: { requested: 'RuntimeDefault', from: 'default', localhostProfile: null, applied: 'unconfined' },
    }));
    expect(c.seccompOverride?.key).toBe('seccompPrivileged');
    expect(c.appArmorOverride?.key).toBe('appArmorPrivileged');
    expect(c.weak.seccomp).toBe(true);
  });
  it('Localhost names the file and the profile; the annotation is named as the source', () => {
    const c = confinement(securityReport({
      seccomp: { requested: 'Localhost', from: 'container', localhostProfile: 'profiles/audit.json', file: '/var/lib/kubelet/seccomp/profiles/audit.json', applied: 'Localhost', mode: 2, error: null },
      appArmor: { requested: 'Localhost', from: 'annotation', localhostProfile: 'deny-write', applied: 'deny-write' },
    }));
    expect(c.seccomp.params.file).toBe('/var/lib/kubelet/seccomp/profiles/audit.json');
    expect(c.appArmor).toEqual({ key: 'appArmor_Localhost', params: { fromKey: 'fromAnnotation', profile: 'deny-write' } });
  });
  it('every phrase and source is translated in en and ko', () => {
    const all = [
      securityReport(),
      securityReport({ seccomp: { requested: 'Unconfined', from: 'pod', localhostProfile: null, file: null, applied: 'Unconfined', mode: 0, error: null }, appArmor: { requested: 'Unconfined', from: 'pod', localhostProfile: null, applied: 'unconfined' }, noNewPrivs: true, readOnlyRootFilesystem: true }),
      securityReport({ seccomp: { requested: 'RuntimeDefault', from: 'container', localhostProfile: null, file: null, applied: 'Unconfined', mode: 0, error: null }, appArmor: { requested: 'RuntimeDefault', from: 'container', localhostProfile: null, applied: 'unconfined' } }),
      securityReport({ seccomp: { requested: 'Localhost', from: 'container', localhostProfile: 'a', file: '/var/lib/kubelet/seccomp/a', applied: 'Localhost', mode: 2, error: null }, appArmor: { requested: 'Localhost', from: 'annotation', localhostProfile: 'b', applied: 'b' } }),
    ];
    for (const s of all) {
      for (const p of phrases(confinement(s))) {
        expect(strings.en).toHaveProperty(p.key);
        expect(strings.ko).toHaveProperty(p.key);
        if (p.params.fromKey) {
          expect(strings.en).toHaveProperty(p.params.fromKey);
          expect(strings.ko).toHaveProperty(p.params.fromKey);
        }
      }
    }
  });
});
