/**
 * Digest validation as opencontainers/go-digest `Digest.Validate` (digest.go, algorithm.go):
 * only sha256/sha384/sha512 are available, with lower-case hex of the exact length.
 */

const encodedLength: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
/** go-digest's loose DigestRegexp, used only to choose between "unsupported" and "invalid format". */
const looseDigest = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** The go-digest error text, or null when the digest is valid. */
export function validateDigest(d: string): string | null {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) return 'invalid checksum digest format';
  const algorithm = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const length = Object.hasOwn(encodedLength, algorithm) ? encodedLength[algorithm] : undefined;
  if (length === undefined) {
    return looseDigest.test(d) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  }
  // ErrDigestInvalidLength is an alias of ErrDigestInvalidFormat since go-digest v1.0.0.
  return new RegExp(`^[a-f0-9]{${length}}$`).test(encoded) ? null : 'invalid checksum digest format';
}
