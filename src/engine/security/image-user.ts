/**
 * What the kubelet learns about an image's USER. containerd's CRI ImageStatus
 * (internal/cri/server/images/image_status.go getUserFromImage) keeps only the part before `:`
 * (the group of `USER uid:gid` is dropped), reports a number that parses as a base-10 int64 as a
 * uid and anything else as a user name; the kubelet (pkg/kubelet/kuberuntime/helpers.go
 * getImageUser) treats "neither" as uid 0.
 */
export type ImageUser =
  | { readonly kind: 'uid'; readonly uid: number }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'root' };

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

export function imageUser(user: string | undefined): ImageUser {
  const first = (user ?? '').split(':')[0] ?? '';
  if (first === '') return { kind: 'root' };
  // Go's strconv.ParseInt(s, 10, 64): optional sign, decimal digits, int64 range.
  if (/^[+-]?[0-9]+$/.test(first)) {
    const n = BigInt(first);
    if (n >= INT64_MIN && n <= INT64_MAX) return { kind: 'uid', uid: Number(n) };
  }
  return { kind: 'name', name: first };
}
