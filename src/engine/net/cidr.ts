import { isV4Mapped, parseIP, parseIPv4, parseIPv6, type IP } from './ip.js';

/**
 * A CIDR block as Go's `net.ParseCIDR` + `IPNet.Contains` treat it: the address is masked to
 * the prefix (host bits may be written; they are dropped); an IPv4 address never lies in an
 * IPv6 block and vice versa, except that an IPv6 block written on the IPv4-mapped prefix
 * (`::ffff:10.0.0.0/104`) is an IPv4 block, because `IPNet.Contains` compares `To4()` forms.
 */
export interface Cidr {
  readonly family: 4 | 6;
  /** Network address, masked; 4 or 16 bytes. */
  readonly bytes: Uint8Array;
  readonly prefix: number;
  readonly text: string;
}

export function parseCIDR(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash === -1) return null;
  const addr = text.slice(0, slash);
  const bitsText = text.slice(slash + 1);
  // The fork's dtoi (k8s.io/utils/internal/third_party/forked/golang/net/parse.go): decimal
  // digits only, no sign, any number of them (`/0024` is /24), the value at most the address length.
  if (!/^[0-9]+$/.test(bitsText)) return null;
  const prefix = Number(bitsText);
  if (addr.includes(':')) {
    const b = parseIPv6(addr);
    if (!b || prefix > 128) return null;
    const masked = mask(b, prefix);
    // Go keeps the mapped form; Contains then compares the last 32 bits only (mask[12:]).
    if (prefix >= 96 && isV4Mapped(masked)) return { family: 4, bytes: masked.slice(12), prefix: prefix - 96, text };
    return { family: 6, bytes: masked, prefix, text };
  }
  const b = parseIPv4(addr);
  if (!b || prefix > 32) return null;
  return { family: 4, bytes: mask(b, prefix), prefix, text };
}

export function cidrContains(cidr: Cidr, ip: IP): boolean {
  if (cidr.family !== ip.family) return false;
  const whole = cidr.prefix >> 3;
  for (let i = 0; i < whole; i++) if (cidr.bytes[i] !== ip.bytes[i]) return false;
  const rest = cidr.prefix & 7;
  if (rest === 0) return true;
  const m = (0xff << (8 - rest)) & 0xff;
  return ((ip.bytes[whole] ?? 0) & m) === (cidr.bytes[whole] ?? 0);
}

/** Convenience for text inputs; false when either side does not parse. */
export function cidrContainsText(cidrText: string, ipText: string): boolean {
  const c = parseCIDR(cidrText);
  const ip = parseIP(ipText);
  return c !== null && ip !== null && cidrContains(c, ip);
}

function mask(bytes: Uint8Array, prefix: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    out[i] = (bytes[i] ?? 0) & ((0xff << (8 - bits)) & 0xff);
  }
  return out;
}
