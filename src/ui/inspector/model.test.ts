import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPABILITIES as ENGINE_DEFAULTS } from '../../engine/index.js';
import { DEFAULT_CAPS, containerReport, imageReport, securityReport } from '../../testing/ui.js';
import { capabilityRows, effectiveNote, nonRootKey, pullKey, stateTone, DEFAULT_CAPABILITIES } from './model.js';
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
