// Facts from golang/go src/net/ip.go (ParseIP, To4, IPNet.Contains, networkNumberAndMask),
// src/net/ip_test.go (ipNetContainsTests, parseIPTests) and k8s.io/utils/net ParseIPSloppy
// (leading zeros in IPv4 octets are decimal). Kubernetes validates ipBlock with these parsers.
import { describe, expect, it } from 'vitest';
import { cidrContainsText, parseCIDR } from './cidr.js';
import { formatIP, parseIP } from './ip.js';
import { comparePortProto, isProtocol, isValidPort, uniquePorts } from './ports.js';

describe('parseIP', () => {
  const rows: [string, string | null][] = [
    ['127.0.1.2', '127.0.1.2'],
    ['010.001.002.003', '10.1.2.3'], // sloppy: decimal, never octal
    ['256.0.0.1', null],
    ['1.2.3', null],
    ['1.2.3.4.5', null],
    ['1.2.3.-4', null],
    ['', null],
    ['::ffff:127.1.2.3', '127.1.2.3'], // IPv4-mapped is IPv4 (To4)
    ['::ffff:7f01:0203', '127.1.2.3'],
    ['2001:4860:0:2001::68', '2001:4860:0:2001::68'],
    ['2001:4860:0000:2001:0000:0000:0000:0068', '2001:4860:0:2001::68'],
    ['::', '::'],
    ['::1', '::1'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['1:2:3:4:5:6:7:8::', null],
    ['1::2::3', null],
    ['fe80::1%eth0', null], // zones are not IP addresses for the API
    ['12345::1', null],
    ['::1.2.3.4', '::102:304'],
    ['1.2.3.4::', null],
  ];
  it.each(rows)('%s', (text, want) => {
    const ip = parseIP(text);
    expect(ip === null ? null : formatIP(ip)).toBe(want);
  });
});

describe('CIDR containment', () => {
  const rows: [string, string, boolean][] = [
    ['172.16.0.0/12', '172.16.1.1', true],
    ['172.16.0.0/13', '172.24.0.1', false],
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['10.1.2.3/4', '15.0.0.1', true], // host bits dropped as ParseCIDR does
    ['0.0.0.0/0', '203.0.113.9', true],
    ['192.168.1.10/32', '192.168.1.10', true],
    ['192.168.1.10/32', '192.168.1.11', false],
    ['2001:db8:1::/47', '2001:db8:1:2::1', true],
    ['2001:db8:2::/47', '2001:db8:1:2::1', false],
    ['::/0', '2001:db8::1', true],
    ['::/0', '10.0.0.1', false], // IPv4 never in an IPv6 block
    ['0.0.0.0/0', '2001:db8::1', false], // IPv6 never in an IPv4 block
    ['0.0.0.0/0', '::ffff:10.0.0.1', true], // mapped address is IPv4
    ['::ffff:10.0.0.0/104', '10.1.2.3', true], // mapped block with prefix >= 96 is IPv4
    ['::ffff:10.0.0.0/104', '11.1.2.3', false],
    ['::ffff:0:0/80', '10.1.2.3', false], // prefix < 96 masks the ffff away: an IPv6 block
  ];
  it.each(rows)('%s contains %s = %s', (cidr, ip, want) => {
    expect(cidrContainsText(cidr, ip)).toBe(want);
  });

  const invalid = ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/+8', '::/129', 'x/8', '10.0.0.0/8/8', '10.0.0.0/'];
  it.each(invalid)('rejects %s', (text) => {
    expect(parseCIDR(text)).toBeNull();
  });
});

describe('ports and protocols', () => {
  it('validates like the API', () => {
    expect([0, 1, 65535, 65536, 80.5, '80'].map(isValidPort)).toEqual([false, true, true, false, false, false]);
    expect(['TCP', 'UDP', 'SCTP', 'tcp', 'ICMP'].map(isProtocol)).toEqual([true, true, true, false, false]);
  });
  it('sorts by protocol then port and removes duplicates', () => {
    const got = uniquePorts([{ port: 81, protocol: 'UDP' }, { port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }, { port: 80, protocol: 'TCP' }, { port: 1, protocol: 'SCTP' }]);
    expect(got).toEqual([{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }, { port: 81, protocol: 'UDP' }, { port: 1, protocol: 'SCTP' }]);
    expect(comparePortProto({ port: 1, protocol: 'UDP' }, { port: 2, protocol: 'TCP' })).toBeGreaterThan(0);
  });
});
