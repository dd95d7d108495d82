/**
 * Builders for the tests of the API server's seccompProfile / appArmorProfile validation
 * (engine/security/profile-validation*.test.ts): one Pod `p` read through parse and normalize, as
 * a student's file is.
 */
import type { PendingDiagnostic } from '../engine/model/index.js';
import { normalize } from '../engine/normalize/index.js';
import { parseSources } from '../engine/parse/index.js';
import { toYaml } from './manifests.js';

/** Pod `p` with this spec (and these annotations), normalized. */
export function normalizePod(spec: object, annotations?: Record<string, string>) {
  const doc = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(annotations ? { annotations } : {}) }, spec };
  return normalize(parseSources([{ name: 'pod.yaml', text: toYaml([doc]) }]));
}

const isProfile = (d: PendingDiagnostic) => d.code.startsWith('security-profile') || d.code.startsWith('apparmor');

/** The profile diagnostics (security-profile-*, apparmor-*) normalizing pod `p` gives. */
export function profileDiagnostics(spec: object, annotations?: Record<string, string>): PendingDiagnostic[] {
  return normalizePod(spec, annotations).diagnostics.filter(isProfile);
}

/** Those diagnostics as `severity: message`, where the invalid ones point, and whether the pod was created. */
export function profileCheck(spec: object, annotations?: Record<string, string>) {
  const { cluster, diagnostics } = normalizePod(spec, annotations);
  return {
    messages: diagnostics.filter(isProfile).map((d) => `${d.severity}: ${d.message}`),
    refs: diagnostics.filter((d) => d.code === 'security-profile-invalid').map((d) => d.ref?.path.join('.')),
    created: cluster.pods.some((p) => p.name === 'p'),
  };
}

/** A spec of one busybox container with this securityContext. */
export const withContext = (securityContext: object, name = 'app') => ({ containers: [{ name, image: 'busybox', securityContext }] });
