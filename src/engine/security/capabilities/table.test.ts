// Bit numbers: linux include/uapi/linux/capability.h, capabilities(7).
// Default set: containerd pkg/oci/spec.go defaultUnixCaps.
import { describe, expect, it } from 'vitest';
import { ALL_CAPABILITIES, CAPABILITY_BITS, DEFAULT_CAPABILITIES, capabilityMask } from './table.js';

describe('capability table', () => {
  it('has the 41 capabilities numbered 0..40 without gaps', () => {
    expect(ALL_CAPABILITIES).toHaveLength(41);
    expect(ALL_CAPABILITIES.map((c) => CAPABILITY_BITS[c])).toEqual([...Array(41).keys()]);
  });

  it.each([
    ['CHOWN', 0], ['KILL', 5], ['NET_BIND_SERVICE', 10], ['NET_ADMIN', 12], ['NET_RAW', 13], ['SYS_ADMIN', 21],
    ['SYS_TIME', 25], ['MKNOD', 27], ['AUDIT_WRITE', 29], ['SETFCAP', 31], ['MAC_OVERRIDE', 32], ['AUDIT_READ', 37],
    ['PERFMON', 38], ['BPF', 39], ['CHECKPOINT_RESTORE', 40],
  ] as const)('%s is bit %i', (name, bit) => {
    expect(CAPABILITY_BITS[name]).toBe(bit);
  });

  // The literal is the citation (containerd pkg/oci/spec.go defaultUnixCaps), not a copy: this is
  // where the engine's table is pinned; the shell, the inspector and the test builders import it.
  it('has containerd\'s 14 defaults', () => {
    expect(DEFAULT_CAPABILITIES).toHaveLength(14);
    expect(DEFAULT_CAPABILITIES).not.toContain('NET_ADMIN');
    expect([...DEFAULT_CAPABILITIES].sort()).toEqual([
      'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW',
      'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
    ]);
  });

  it.each([
    ['the default 14 (CapBnd of a plain container)', DEFAULT_CAPABILITIES, '00000000a80425fb'],
    ['all 41 (privileged)', ALL_CAPABILITIES, '000001ffffffffff'],
    ['nothing (drop ALL, or CapEff of a non-root user)', [], '0000000000000000'],
    ['a bit above 31', ['MAC_ADMIN'], '0000000200000000'],
    ['unknown names are ignored', ['NOPE', 'CHOWN'], '0000000000000001'],
  ])('masks %s', (_label, names, mask) => {
    expect(capabilityMask(names)).toBe(mask);
  });
});
