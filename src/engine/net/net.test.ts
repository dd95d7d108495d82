// Facts from golang/go src/net/ip.go (ParseIP, To4, IPNet.Contains, networkNumberAndMask),
// src/net/ip_test.go (ipNetContainsTests, parseIPTests) and k8s.io/utils/net ParseIPSloppy
// (leading zeros in IPv4 octets are decimal). Kubernetes validates ipBlock with these parsers.
import { describe, expect, it } from 'vitest';
import { cidrContainsText, parseCIDR } from './cidr.js';
import { formatIP, ipEquals, parseIP } from './ip.js';
import { PROTOCOLS, comparePortProto, isProtocol, isValidPort, portKey, uniquePorts } from './ports.js';

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
    // Mutation testing (issue 15) found these unchecked. Output as Go's IP.String (src/net/ip.go;
    // netip.Addr.String since Go 1.22): lower case, the longest run of two or more zero groups as
    // `::`, the first on a tie, never one lone zero group.
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
    ['1:2:3:4::5:6:7', '1:2:3:4:0:5:6:7'], // `::` may stand for one group on input
    ['FE80::A', 'fe80::a'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'], // dotted tail without `::`
    ['::1.2.3.4:1', null], // the dotted part only at the end
    ['1:2:3:4:5:6:7:1.2.3.4', null], // nine groups' worth
    ['1:2:3:4:5:6:7', null], // seven groups and no `::`
    ['12345:1::', null],
    ['1:2:3:4:5:6:7:g', null],
    ['::1:ffff:102:304', '::1:ffff:102:304'], // not the mapped prefix (a byte before it is set)
    ['::fffe:1.2.3.4', '::fffe:102:304'],
    ['255.255.255.255', '255.255.255.255'],
    ['0.0.0.0', '0.0.0.0'],
    ['1.2.3.a', null],
    ['1..2.3', null],
    // The fork's dtoi and xtoi read any run of digits (k8s.io/utils/internal/third_party/forked/
    // golang/net/parse.go): only the value is bounded (0xFF per octet, 0xFFFF per group).
    ['0010.0.0.1', '10.0.0.1'],
    ['1.2.3.00000000255', '1.2.3.255'],
    ['0256.0.0.1', null],
    ['00001::1', '1::1'],
    ['0ffff::', 'ffff::'],
    ['010000::', null],
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
    ['::ffff:0.0.0.0/96', '203.0.113.9', true], // /96 on the mapped prefix: every IPv4 address
    // A prefix that is not a multiple of 8: the bits of the partial byte decide.
    ['10.128.0.0/9', '10.200.0.1', true],
    ['10.128.0.0/9', '10.100.0.1', false],
    ['10.0.0.0/31', '10.0.0.1', true],
    ['10.0.0.0/31', '10.0.0.2', false],
    ['10.0.0.4/30', '10.0.0.7', true],
    ['10.0.0.4/30', '10.0.0.8', false],
    ['10.0.0.4/30', '10.0.0.3', false],
    ['203.0.113.0/24', '203.0.112.255', false],
    ['2001:db8::/32', '2001:db9::1', false],
    ['2001:db8::/33', '2001:db8:8000::1', false],
    ['2001:db8::/33', '2001:db8:7fff::1', true],
    ['2001:db8::1/128', '2001:db8::1', true],
    ['2001:db8::1/128', '2001:db8::2', false],
  ];
  it.each(rows)('%s contains %s = %s', (cidr, ip, want) => {
    expect(cidrContainsText(cidr, ip)).toBe(want);
  });

  const invalid = ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/+8', '::/129', 'x/8', '10.0.0.0/8/8', '10.0.0.0/', '10.0.0.0/1000', '10.0.0/8', '1:2::3::/64', '10.0.0.0/ 8'];
  it.each(invalid)('rejects %s', (text) => {
    expect(parseCIDR(text)).toBeNull();
  });
  it('keeps the text, masks the address, and reads a mapped block as IPv4', () => {
    const v4 = parseCIDR('10.1.2.3/12');
    expect(v4 && { family: v4.family, bytes: [...v4.bytes], prefix: v4.prefix, text: v4.text }).toEqual({ family: 4, bytes: [10, 0, 0, 0], prefix: 12, text: '10.1.2.3/12' });
    const mapped = parseCIDR('::ffff:10.1.2.3/120');
    expect(mapped && { family: mapped.family, bytes: [...mapped.bytes], prefix: mapped.prefix }).toEqual({ family: 4, bytes: [10, 1, 2, 0], prefix: 24 });
    const v6 = parseCIDR('2001:db8:ffff::1/36');
    expect(v6 && { family: v6.family, bytes: [...v6.bytes].slice(0, 6), prefix: v6.prefix }).toEqual({ family: 6, bytes: [0x20, 0x01, 0x0d, 0xb8, 0xf0, 0], prefix: 36 });
  });
  // ParseCIDRSloppy reads the prefix with the fork's dtoi: any run of digits, bounded by value.
  it.each([['10.0.0.0/0008', 8], ['0010.0.0.0/08', 8], ['::/000128', 128]] as const)('reads %s with prefix %i', (text, prefix) => {
    expect(parseCIDR(text)?.prefix).toBe(prefix);
  });
  it('an unparsable address is in no block', () => {
    expect(cidrContainsText('10.0.0.0/8', '10.0.0')).toBe(false);
    expect(cidrContainsText('10.0.0.0/33', '10.0.0.1')).toBe(false);
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
    expect(comparePortProto({ port: 2, protocol: 'TCP' }, { port: 1, protocol: 'TCP' })).toBeGreaterThan(0);
    expect(comparePortProto({ port: 7, protocol: 'SCTP' }, { port: 7, protocol: 'SCTP' })).toBe(0);
    expect(portKey({ port: 53, protocol: 'UDP' })).toBe('UDP/53');
    expect(PROTOCOLS).toEqual(['TCP', 'UDP', 'SCTP']);
  });
  it('ipEquals compares family and bytes', () => {
    const ip = (t: string) => parseIP(t) ?? (() => { throw new Error(t); })();
    expect(ipEquals(ip('10.0.0.1'), ip('::ffff:10.0.0.1'))).toBe(true);
    expect(ipEquals(ip('10.0.0.1'), ip('10.0.0.2'))).toBe(false);
    expect(ipEquals(ip('::a00:1'), ip('10.0.0.1'))).toBe(false);
    expect(ipEquals(ip('2001:db8::1'), ip('2001:db8::1'))).toBe(true);
  });
});
