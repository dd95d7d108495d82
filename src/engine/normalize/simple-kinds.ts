import type { ServiceAccount, SourceRef } from '../model/index.js';
import { arr, field, str } from './values.js';

/** ServiceAccount: its imagePullSecrets (used for pulls when a pod lists none). */
export function readServiceAccount(value: unknown, namespace: string, name: string, root: SourceRef): ServiceAccount {
  const imagePullSecrets = arr(field(value, 'imagePullSecrets')).map((s) => str(field(s, 'name')) ?? '').filter((n) => n !== '');
  return { namespace, name, imagePullSecrets, declared: true, ref: root };
}
