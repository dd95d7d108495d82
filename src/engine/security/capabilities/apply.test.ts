// containerd internal/cri/opts/spec_opts.go WithCapabilities (and its spec_opts_test.go cases),
// container_create_linux.go (oci.WithPrivileged after the capabilities), runc#2854 (unknown names
// are ignored with a warning).
import { describe, expect, it } from 'vitest';
import { applyCapabilities, diffFromDefault } from './apply.js';
import { ALL_CAPABILITIES, DEFAULT_CAPABILITIES, type CapabilityName } from './table.js';

const DEFAULT = [...DEFAULT_CAPABILITIES].sort();
const ALL = [...ALL_CAPABILITIES].sort();
const without = (set: readonly CapabilityName[], ...names: CapabilityName[]) => set.filter((c) => !names.includes(c));
const withCaps = (set: readonly CapabilityName[], ...names: CapabilityName[]) => [...new Set([...set, ...names])].sort();

describe('applyCapabilities (containerd)', () => {
  it.each([
    ['no capabilities field: the default 14', undefined, false, DEFAULT],
    ['empty add and drop: the default 14', { add: [], drop: [] }, false, DEFAULT],
    ['course notes: add SYS_TIME and NET_ADMIN', { add: ['SYS_TIME', 'NET_ADMIN'], drop: [] }, false, withCaps(DEFAULT, 'SYS_TIME', 'NET_ADMIN')],
    ['names are case-insensitive', { add: ['sys_time', 'Net_Admin'], drop: ['kill'] }, false, without(withCaps(DEFAULT, 'SYS_TIME', 'NET_ADMIN'), 'KILL')],
    ['add ALL: every capability', { add: ['ALL'], drop: [] }, false, ALL],
    ['add all (lower case) is ALL', { add: ['all'], drop: [] }, false, ALL],
    ['drop ALL: nothing', { add: [], drop: ['ALL'] }, false, []],
    ['drop ALL then add one: only that one', { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, false, ['NET_BIND_SERVICE']],
    ['add ALL and drop ALL: drop ALL comes second', { add: ['ALL'], drop: ['ALL'] }, false, []],
    ['add ALL, drop CHOWN: all but CHOWN', { add: ['ALL'], drop: ['CHOWN'] }, false, without(ALL, 'CHOWN')],
    ['the same name in add and drop: drop wins', { add: ['SYS_TIME'], drop: ['SYS_TIME'] }, false, DEFAULT],
    ['drop one default', { add: [], drop: ['NET_RAW'] }, false, without(DEFAULT, 'NET_RAW')],
    ['CAP_ prefix: containerd makes CAP_CAP_SYS_TIME, ignored', { add: ['CAP_SYS_TIME'], drop: [] }, false, DEFAULT],
    ['CAP_ prefix in drop: nothing is dropped', { add: [], drop: ['CAP_NET_RAW'] }, false, DEFAULT],
    ['unknown names change nothing', { add: ['SYS_TIMEE'], drop: ['NOPE'] }, false, DEFAULT],
    ['privileged: all 41', undefined, true, ALL],
    ['privileged wins over drop ALL', { add: [], drop: ['ALL'] }, true, ALL],
  ])('%s', (_label, caps, privileged, bounding) => {
    expect(applyCapabilities(caps, privileged).bounding).toEqual(bounding);
  });

  it('reports unknown names as written, where they are, and what was probably meant', () => {
    const { unknown } = applyCapabilities({ add: ['NET_ADMIN', 'CAP_SYS_TIME', 'bogus'], drop: ['ALL', 'cap_chown'] }, false);
    expect(unknown).toEqual([
      { name: 'CAP_SYS_TIME', list: 'add', index: 1, runtimeName: 'CAP_CAP_SYS_TIME', suggestion: 'SYS_TIME' },
      { name: 'bogus', list: 'add', index: 2, runtimeName: 'CAP_BOGUS', suggestion: null },
      { name: 'cap_chown', list: 'drop', index: 1, runtimeName: 'CAP_CAP_CHOWN', suggestion: 'CHOWN' },
    ]);
  });

  it('suggests a name only for the CAP_ prefix, not for any four letters before a capability name', () => {
    // XNETNET_RAW is not NET_RAW with CAP_ in front: no suggestion (a mutation run's survivor).
    expect(applyCapabilities({ add: ['XNETNET_RAW', 'CAP_NET_RAW'], drop: [] }, false).unknown.map((u) => [u.name, u.suggestion])).toEqual([
      ['XNETNET_RAW', null], ['CAP_NET_RAW', 'NET_RAW'],
    ]);
  });

  it('still reports unknown names when privileged', () => {
    expect(applyCapabilities({ add: ['NOPE'], drop: [] }, true).unknown.map((u) => u.name)).toEqual(['NOPE']);
  });
});

describe('diffFromDefault', () => {
  it.each<[CapabilityName[], CapabilityName[], CapabilityName[]]>([
    [DEFAULT, [], []],
    [withCaps(DEFAULT, 'SYS_TIME', 'NET_ADMIN'), ['NET_ADMIN', 'SYS_TIME'], []],
    [['NET_BIND_SERVICE'], [], without(DEFAULT, 'NET_BIND_SERVICE')],
  ])('%j', (bounding, added, dropped) => {
    expect(diffFromDefault(bounding)).toEqual({ added, dropped });
  });
});
