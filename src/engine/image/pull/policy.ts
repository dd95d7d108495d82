/**
 * imagePullPolicy defaulting as the API server does it (kubernetes/kubernetes
 * pkg/apis/core/v1/defaults.go SetDefaults_Container): `Always` when the tag, after the default
 * `latest` is applied, is `latest`; otherwise `IfNotPresent`. A digest without a tag has no tag,
 * and an unparsable image has none either.
 */
import type { ImageRef } from '../../model/index.js';

export function defaultPullPolicy(ref: ImageRef | null): 'Always' | 'IfNotPresent' {
  return ref?.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
