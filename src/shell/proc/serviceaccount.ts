import type { PodReport } from '../../engine/index.js';
import { LAB_CREATED, LAB_NOW } from '../clock.js';
import { base64, hexId } from '../encode.js';
import { uidOf } from '../kubectl/api-object.js';

/**
 * The ServiceAccount token volume as a container sees it: the projected `kube-api-access-*` volume
 * the ServiceAccount admission plugin adds (plugin/pkg/admission/serviceaccount/admission.go) at
 * /var/run/secrets/kubernetes.io/serviceaccount, with `token` (a bound token for the pod's
 * ServiceAccount), `ca.crt` (the kube-root-ca.crt ConfigMap) and `namespace` (the pod's namespace,
 * no newline: a downwardAPI metadata.namespace file). Present only where the engine says the token
 * is mounted (PodServiceAccount.mountedIn): automountServiceAccountToken false (pod, else the
 * ServiceAccount) leaves the directory out, and `ls`/`cat` answer `No such file or directory`.
 *
 * THE TOKEN IS NOT A REAL SIGNATURE: the lab has no signing key. The header and claims have the
 * shape the API server's TokenRequest gives a kubelet (pkg/serviceaccount/claims.go: aud, exp,
 * iat, iss, jti, kubernetes.io {namespace, node, pod, serviceaccount, warnafter}, nbf, sub; the
 * 3607-second request extended to a year with warnafter, --service-account-extend-token-expiration,
 * kubeadm's default), and the third part is a stand-in. ca.crt likewise is PEM-shaped, not a
 * certificate.
 */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const ISSUER = 'https://kubernetes.default.svc.cluster.local';

const b64url = (s: string) => base64(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** header.payload.signature, base64url without padding (RFC 7515 compact serialization); the signature is the lab's stand-in. */
export function labJwt(claims: Record<string, unknown>, seed: string): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', kid: hexId('kid/kubeadm-sa-key', 43) }));
  const payload = b64url(JSON.stringify(claims));
  return `${header}.${payload}.${b64url(`not-a-signature:${hexId(`sig/${seed}`, 64)}`)}`;
}

/** `kubectl create token SA [--duration]`: a token for the ServiceAccount alone (no pod bound), one hour by default. */
export function serviceAccountToken(namespace: string, name: string, seconds = 3600): string {
  const iat = Math.floor(LAB_NOW / 1000);
  return labJwt({
    aud: [ISSUER], exp: iat + seconds, iat, iss: ISSUER, jti: uidOf(`jti/${namespace}/${name}/${seconds}`),
    'kubernetes.io': { namespace, serviceaccount: { name, uid: uidOf(`ServiceAccount/${namespace}/${name}`) } },
    nbf: iat, sub: `system:serviceaccount:${namespace}:${name}`,
  }, `${namespace}/${name}/${seconds}`);
}

/** The kubelet's bound token for the pod (requested at its start). */
function podToken(p: PodReport): string {
  const { namespace, name, nodeName } = p.pod;
  const sa = p.serviceAccount.serviceAccount;
  const iat = Math.floor(LAB_CREATED / 1000);
  return labJwt({
    aud: [ISSUER], exp: iat + 365 * 24 * 3600, iat, iss: ISSUER, jti: uidOf(`jti/${namespace}/${name}`),
    'kubernetes.io': {
      namespace,
      node: { name: nodeName, uid: uidOf(`Node/${nodeName}`) },
      pod: { name, uid: uidOf(`Pod/${namespace}/${name}`) },
      serviceaccount: { name: sa, uid: uidOf(`ServiceAccount/${namespace}/${sa}`) },
      warnafter: iat + 3607,
    },
    nbf: iat, sub: `system:serviceaccount:${namespace}:${sa}`,
  }, `${namespace}/${name}`);
}

/** A PEM block of the cluster CA's shape (64-column base64 lines). */
function caPem(): string {
  const body = base64(hexId('kubeadm-ca', 1024));
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The token volume's files for one container of the pod (none when the engine says it is not mounted there). */
export function serviceAccountFiles(p: PodReport, container: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!p.serviceAccount.mountedIn.includes(container)) return files;
  const dir = p.serviceAccount.mountPath || SERVICE_ACCOUNT_DIR;
  files.set(`${dir}/ca.crt`, caPem());
  files.set(`${dir}/namespace`, p.pod.namespace);
  files.set(`${dir}/token`, podToken(p));
  return files;
}
