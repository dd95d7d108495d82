import type { ServiceAccount, SourceRef } from '../model/index.js';
import { arr, bool, field, str } from './values.js';

/**
 * ServiceAccount: its imagePullSecrets (used for pulls when a pod lists none) and
 * automountServiceAccountToken (whether its pods mount the token, unless a pod says otherwise).
 */
export function readServiceAccount(value: unknown, namespace: string, name: string, root: SourceRef): ServiceAccount {
  const imagePullSecrets = arr(field(value, 'imagePullSecrets')).map((s) => str(field(s, 'name')) ?? '').filter((n) => n !== '');
  const automount = bool(field(value, 'automountServiceAccountToken'));
  return { namespace, name, imagePullSecrets, ...(automount !== undefined ? { automountServiceAccountToken: automount } : {}), declared: true, ref: root };
}
