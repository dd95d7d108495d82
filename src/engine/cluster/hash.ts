/**
 * FNV-1a, 32 bits, over UTF-16 code units: small and stable across runtimes. The lab derives
 * everything a real cluster would pick at random (pod IPs, nodes, ClusterIPs, NodePorts, pod name
 * suffixes) from a hash of the object's own name, so nothing moves when unrelated objects change.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * `count` characters from `alphabet`, chosen by the hash of `seed`: the random-looking suffixes of
 * controller-made names (`coredns-7db6d8ff4d-8x2kq`, `kube-proxy-5hn2w`).
 */
export function suffix(seed: string, count: number, alphabet: string): string {
  let out = '';
  let h = fnv1a(seed);
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % 6 === 0) h = fnv1a(`${seed}#${i}`);
    out += alphabet[h % alphabet.length] ?? '';
    h = Math.floor(h / alphabet.length);
  }
  return out;
}

/**
 * The alphabet of k8s.io/apimachinery pkg/util/rand String (generateName suffixes, ReplicaSet and
 * DaemonSet pod names): consonants and digits without vowels or look-alikes.
 */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
