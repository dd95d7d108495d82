import type { Container, ImageMeta, PendingDiagnostic, Pod, PssResult, SecurityReport } from '../model/index.js';
import { sub } from '../model/index.js';
import { applyCapabilities, diffFromDefault, type UnknownCapability } from './capabilities/apply.js';
import { resolveIdentity } from './identity.js';
import { effectiveSecurityContext } from './merge.js';
import { allowsPrivilegeEscalation } from './privilege-escalation.js';
import { effectiveAppArmor, kubeletAppArmorRefusal } from './profiles/apparmor.js';
import { effectiveSeccomp } from './profiles/seccomp.js';
import { evaluatePss } from './pss/index.js';
import { checkRunAsNonRoot } from './run-as-non-root.js';

export { effectiveSecurityContext, type EffectiveSecurityContext } from './merge.js';
export { CONTAINERD_APPARMOR_PROFILE, attrCurrent } from './profiles/apparmor.js';
export { SECCOMP_PROFILE_ROOT } from './profiles/seccomp.js';
export { validateAppArmorField, validateAppArmorAnnotations, validateSeccompField, type FieldErrors } from './profiles/validate.js';
export { ALL_CAPABILITIES, CAPABILITY_BITS, DEFAULT_CAPABILITIES, capabilityMask, type CapabilityName } from './capabilities/table.js';

/** Effective identity, runAsNonRoot, capabilities, no_new_privs, seccomp and AppArmor of one container. */
export function analyzeSecurity(pod: Pod, container: Container, image: ImageMeta): { report: SecurityReport; diagnostics: PendingDiagnostic[] } {
  const sc = effectiveSecurityContext(pod, container);
  const privileged = sc.privileged === true;
  const { identity, unresolvedName } = resolveIdentity(pod, sc, image);
  const applied = applyCapabilities(sc.capabilities, privileged);
  // No ambient capabilities (containerd WithoutAmbientCaps, kubernetes/kubernetes#56374): a
  // non-root process loses its permitted and effective sets at execve.
  const effective = identity.uid === 0 ? applied.bounding : [];
  const { added, dropped } = diffFromDefault(applied.bounding);
  const escalation = allowsPrivilegeEscalation(sc);

  const object = objectName(pod);
  const diagnostics: PendingDiagnostic[] = applied.unknown.map((u) => unknownCapability(container, u, object));
  if (unresolvedName !== null) {
    diagnostics.push({
      severity: 'warning',
      code: 'image-user-unknown',
      message: `image user "${unresolvedName}" of container "${container.name}" is not in the image's /etc/passwd: ` +
        `the runtime cannot start it (unable to find user ${unresolvedName}: no matching entries in passwd file)`,
      ref: sub(container.ref, 'image'),
      params: { user: unresolvedName, container: container.name },
      object,
    });
  }

  const refusal = kubeletAppArmorRefusal(pod);
  if (refusal !== null && refusal.container === container) {
    // Once per pod: the kubelet stops at the first container that fails.
    diagnostics.push({
      severity: 'error',
      code: 'apparmor-kubelet-rejected',
      message: `AppArmor annotation "${pod.annotations[refusal.annotation] ?? ''}" of container "${container.name}" names no profile: ` +
        `the API server accepts the pod, the kubelet refuses it (status Failed, reason AppArmor): ${refusal.message}`,
      ref: { ...pod.specRef, path: [...pod.specRef.path.slice(0, -1), 'metadata', 'annotations', refusal.annotation] },
      params: { container: container.name, reason: 'AppArmor', kubelet: refusal.message },
      object,
    });
  }

  return {
    report: {
      identity,
      nonRoot: checkRunAsNonRoot(sc, image),
      capabilities: {
        bounding: applied.bounding,
        effective,
        added,
        dropped,
        privileged,
        unknown: applied.unknown.map((u) => u.name),
      },
      privileged,
      allowPrivilegeEscalation: escalation,
      noNewPrivs: !escalation,
      readOnlyRootFilesystem: sc.readOnlyRootFilesystem === true,
      seccomp: effectiveSeccomp(sc, privileged),
      appArmor: effectiveAppArmor(pod, container, privileged),
    },
    diagnostics,
  };
}

/** Pod Security Standards: strictest level met and every violated control. */
export function podSecurityStandards(pod: Pod): PssResult {
  return evaluatePss(pod);
}

function unknownCapability(container: Container, u: UnknownCapability, object: string): PendingDiagnostic {
  const where = `securityContext.capabilities.${u.list}`;
  const message = u.suggestion
    ? `capability "${u.name}" in ${where} of container "${container.name}" has the CAP_ prefix: the runtime adds ` +
      `CAP_ itself, so it asks for ${u.runtimeName}, which does not exist and is ignored; write "${u.suggestion}"`
    : `unknown capability "${u.name}" in ${where} of container "${container.name}": the runtime passes it on as ` +
      `${u.runtimeName}, which does not exist and is ignored`;
  return {
    severity: 'warning',
    code: 'capability-unknown',
    message,
    ref: sub(container.ref, 'securityContext', 'capabilities', u.list, u.index),
    params: { name: u.name, list: u.list, container: container.name, runtimeName: u.runtimeName, suggestion: u.suggestion ?? '' },
    object,
  };
}

function objectName(pod: Pod): string {
  return pod.owner ? `${pod.owner.kind}/${pod.namespace}/${pod.owner.name}` : `Pod/${pod.namespace}/${pod.name}`;
}
