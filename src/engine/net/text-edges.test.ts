// What the API server's sloppy parsers refuse or tell apart at the edges of IP and CIDR text, found
// by mutation testing (issue 15). Upstream: k8s.io/utils/internal/third_party/forked/golang/net
// ip.go (parseIPv4 refuses what is left after the fourth octet, `len(s) != 0`, and an octet dtoi
// cannot start on; parseIPv6 refuses a group xtoi cannot start on and one not followed by `:` or
// the end, and a dotted tail parseIPv4 refuses), golang/go src/net/ip.go (To4: ten zero bytes AND
// two 0xff bytes; an IPv4 address is never Equal to an IPv6 one that is not mapped).
import { describe, expect, it } from 'vitest';
import { parseCIDR } from './cidr.js';
import { formatIP, ipEquals, isV4Mapped, parseIP, parseIPv6, type IP } from './ip.js';
import { comparePortProto } from './ports.js';

const ip = (t: string): IP => parseIP(t) ?? (() => { throw new Error(`does not parse: ${t}`); })();

describe('text the fork refuses', () => {
  it.each([
    '1.2.3.4a', // dtoi stops at `a`: `len(s) != 0` after the fourth octet
    '1.2.3.a4', // dtoi reads no digit (`i == 0`: not ok)
    'a1.2.3.4',
    '1:2:3:4:5:6:7:1g', // xtoi stops at `g`, which is neither `:` nor the end
    '1:2:3:4:5:6:7:g1', // xtoi reads no hex digit
    '::ffff:1.2.3.256', // the dotted tail is parsed by parseIPv4, which refuses 256
    '::ffff:1.2.3', // and a tail of three octets
    '::1.2.3.4a',
  ])('parseIP(%s) is nil', (text) => {
    expect(parseIP(text)).toBeNull();
  });
  it.each(['10.0.0.0/8a', '10.0.0.0/a8', '::1.2.3/64'])('parseCIDR(%s) is an error', (text) => {
    expect(parseCIDR(text)).toBeNull();
  });
});

describe('the IPv4-mapped prefix is exactly ::ffff:0:0/96', () => {
  // To4: isZeros(ip[0:10]) && ip[10] == 0xff && ip[11] == 0xff; one 0xff byte is not enough.
  it.each([
    ['::1ff:102:304', '::1ff:102:304', 6],
    ['::ff:102:304', '::ff:102:304', 6],
    ['::ff00:102:304', '::ff00:102:304', 6],
    ['::ffff:102:304', '1.2.3.4', 4],
  ] as const)('%s is %s (IPv%i)', (text, shown, family) => {
    const got = ip(text);
    expect([formatIP(got), got.family]).toEqual([shown, family]);
  });
  it('isV4Mapped reads the 16 bytes', () => {
    const b = parseIPv6('::ffff:1.2.3.4');
    expect(b && isV4Mapped(b)).toBe(true);
    const c = parseIPv6('::1:ffff:1.2.3.4');
    expect(c && isV4Mapped(c)).toBe(false);
  });
  it('only a 16-byte address can be mapped (To4 checks len(ip) == IPv6len)', () => {
    expect(isV4Mapped(new Uint8Array(4))).toBe(false);
    const longer = new Uint8Array(20);
    longer.set([0xff, 0xff], 10);
    expect(isV4Mapped(longer)).toBe(false);
    expect(isV4Mapped(longer.slice(0, 16))).toBe(true);
  });
});

describe('equality across families', () => {
  it('an IPv4 address is not an IPv6 address whose first four bytes are the same', () => {
    // a00:1:: starts with the bytes 10.0.0.1 but is not To4-able, so net.IP.Equal is false.
    expect(ipEquals(ip('10.0.0.1'), ip('a00:1::'))).toBe(false);
    expect(ipEquals(ip('a00:1::'), ip('10.0.0.1'))).toBe(false);
  });
});

describe('ports of one protocol sort by number', () => {
  it('80 before 443, both ways round', () => {
    expect(comparePortProto({ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' })).toBeLessThan(0);
    expect(comparePortProto({ port: 443, protocol: 'UDP' }, { port: 80, protocol: 'UDP' })).toBeGreaterThan(0);
    expect(comparePortProto({ port: 53, protocol: 'TCP' }, { port: 53, protocol: 'UDP' })).toBeLessThan(0);
  });
});
