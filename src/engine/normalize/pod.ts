import { sub, type SourceRef } from '../model/index.js';
import { parseIP } from '../net/index.js';
import { validateAppArmorAnnotations } from '../security/profiles/validate.js';
import type { Diags } from './diag.js';
import { readPodSpec } from './pod-spec.js';
import { at, field, str, stringMap } from './values.js';
import type { PodDraft } from './workloads.js';

/**
 * A Pod object. Lab rule: `status.podIP`, which the API server would ignore on create, pins the
 * pod's address (so lessons can use fixed IPs in ipBlocks); it must be an IP.
 */
export function readPod(value: unknown, namespace: string, name: string, root: SourceRef, diags: Diags): PodDraft {
  const spec = readPodSpec(field(value, 'spec'), ['spec'], root, diags);
  const podIP = str(at(value, 'status', 'podIP'));
  if (podIP !== undefined && podIP !== '' && !parseIP(podIP)) {
    diags.invalid('pod-ip-invalid', ['status', 'podIP'], podIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
  }
  const annotations = stringMap(at(value, 'metadata', 'annotations'));
  if (spec.osName !== 'windows') {
    const view = (list: 'initContainers' | 'containers') => spec[list].map((c, i) => ({ name: c.name, path: ['spec', list, i], ...(c.securityContext?.appArmorProfile ? { appArmorProfile: c.securityContext.appArmorProfile } : {}) }));
    validateAppArmorAnnotations(annotations, [...view('initContainers'), ...view('containers')], spec.securityContext?.appArmorProfile, diags);
  }
  return {
    ...spec,
    namespace, name,
    labels: stringMap(at(value, 'metadata', 'labels')),
    annotations,
    ...(podIP ? { declaredIP: podIP } : {}),
    ref: root,
    specRef: sub(root, 'spec'),
  };
}
