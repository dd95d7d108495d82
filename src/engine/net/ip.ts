/**
 * IP addresses as Go's `net` package sees them (Kubernetes validates and CNIs match with it).
 * An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) is an IPv4 address there (`IP.To4()` succeeds),
 * so it is one here too. Leading zeros in IPv4 octets are accepted and read as decimal, as
 * k8s.io/utils/net `ParseIPSloppy` does for API fields that predate Go 1.17.
 */
export interface IP {
  readonly family: 4 | 6;
  /** 4 bytes for IPv4 (also for IPv4-mapped IPv6), 16 for IPv6. */
  readonly bytes: Uint8Array;
}

export function parseIP(text: string): IP | null {
  if (text.includes(':')) {
    const b = parseIPv6(text);
    if (!b) return null;
    return isV4Mapped(b) ? { family: 4, bytes: b.slice(12) } : { family: 6, bytes: b };
  }
  const b = parseIPv4(text);
  return b ? { family: 4, bytes: b } : null;
}

/**
 * `a.b.c.d` with four decimal octets 0..255, leading zeros tolerated (never octal) and as many as
 * written: the fork's `dtoi` reads any run of digits (k8s.io/utils/internal/third_party/forked/
 * golang/net/parse.go), so `0010.0.0.1` is 10.0.0.1 to the API server.
 */
export function parseIPv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] ?? '';
    if (!/^[0-9]+$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

/**
 * RFC 4291 text form: up to 8 hex groups, one `::`, optional trailing dotted IPv4. No zones. A group
 * may have more than 4 digits if its value fits 16 bits (`00001`): the fork's `xtoi` reads any run
 * of hex digits and parseIPv6 only refuses values over 0xFFFF (forked/golang/net/ip.go, parse.go).
 */
export function parseIPv6(text: string): Uint8Array | null {
  if (text.length === 0 || text.includes('%')) return null;
  const dbl = text.indexOf('::');
  if (dbl !== -1 && text.indexOf('::', dbl + 1) !== -1) return null;
  const head = dbl === -1 ? text : text.slice(0, dbl);
  const tail = dbl === -1 ? '' : text.slice(dbl + 2);
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const words: number[] = [];
  const tailWords: number[] = [];
  const all = [...headGroups.map((g) => ({ g, into: words })), ...tailGroups.map((g) => ({ g, into: tailWords }))];
  for (let i = 0; i < all.length; i++) {
    const { g, into } = all[i] as { g: string; into: number[] };
    if (g.includes('.')) {
      // An embedded IPv4 address may only be the last piece.
      if (i !== all.length - 1 || (dbl !== -1 && into === words)) return null;
      const v4 = parseIPv4(g);
      if (!v4) return null;
      into.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    } else {
      if (!/^[0-9a-fA-F]+$/.test(g)) return null;
      const w = parseInt(g, 16);
      if (w > 0xffff) return null;
      into.push(w);
    }
  }
  const total = words.length + tailWords.length;
  if (dbl === -1 ? total !== 8 : total > 7) return null;
  const full = [...words, ...new Array<number>(8 - total).fill(0), ...tailWords];
  const out = new Uint8Array(16);
  full.forEach((w, i) => {
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  return out;
}

/** `::ffff:0:0/96`: the IPv4-in-IPv6 prefix Go strips in `To4()`. */
export function isV4Mapped(b: Uint8Array): boolean {
  if (b.length !== 16) return false;
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return false;
  return b[10] === 0xff && b[11] === 0xff;
}

export function ipEquals(a: IP, b: IP): boolean {
  return a.family === b.family && a.bytes.every((v, i) => v === b.bytes[i]);
}

/** Canonical text: dotted quad for IPv4; RFC 5952 (lower case, longest zero run as `::`) for IPv6. */
export function formatIP(ip: IP): string {
  if (ip.family === 4) return Array.from(ip.bytes).join('.');
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0));
  let bestStart = -1, bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  if (bestStart === -1) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLen))}`;
}
