// The API server's profile validation (kubernetes v1.30 pkg/apis/core/validation/validation.go
// validateSeccompProfileField / validateSeccompProfileType / ValidateAppArmorProfileField) on null
// and wrongly typed values: JSON null is an unset pointer (no profile, no localhostProfile); a
// number where a string goes is the decoder's error (field-type), never also a profile error; an
// empty or null type is "Required". Then where the annotation errors and warnings point, and the
// annotation/field match of validateAppArmorAnnotationsAndFieldsMatchOnCreate after
// applyAppArmorVersionSkew (pkg/api/pod/util.go: an annotation's profile is copied to a container
// without a field unless it equals the pod's; an annotation that gives no profile copies nothing).
import { describe, expect, it } from 'vitest';
import { normalizePod, profileDiagnostics, withContext } from '../../testing/profile-validation.js';
import { UBUNTU, first, pod } from '../../testing/security.js';
import { analyzeSecurity } from './index.js';

const check = profileDiagnostics;
const allCodes = (spec: object): string[] => normalizePod(spec).diagnostics.map((d) => d.code);
const messages = (spec: object, annotations?: Record<string, string>) => check(spec, annotations).map((d) => `${d.severity}: ${d.message}`);
const c = withContext;
const SC = 'spec.containers[0].securityContext';

describe('null and wrongly typed profile values', () => {
  it.each<[string, object, string[]]>([
    ['seccompProfile: null is no profile', { seccompProfile: null }, []],
    ['appArmorProfile: null is no profile', { appArmorProfile: null }, []],
    ['seccomp type null is required', { seccompProfile: { type: null } }, [`error: ${SC}.seccompProfile.type: Required value: type is required when seccompProfile is set`]],
    ['seccomp type "" is required, not unsupported', { seccompProfile: { type: '' } }, [`error: ${SC}.seccompProfile.type: Required value: type is required when seccompProfile is set`]],
    ['seccomp type a number: the decoder\'s error only', { seccompProfile: { type: 5 } }, []],
    ['seccomp Localhost with a null name is required', { seccompProfile: { type: 'Localhost', localhostProfile: null } },
      [`error: ${SC}.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost`]],
    ['seccomp Localhost with a numeric name: the decoder\'s error only', { seccompProfile: { type: 'Localhost', localhostProfile: 5 } }, []],
    ['seccomp RuntimeDefault with a null name', { seccompProfile: { type: 'RuntimeDefault', localhostProfile: null } }, []],
    ['AppArmor Localhost with a null name is required', { appArmorProfile: { type: 'Localhost', localhostProfile: null } },
      [`error: ${SC}.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost`]],
    ['AppArmor Localhost with a numeric name: the decoder\'s error only', { appArmorProfile: { type: 'Localhost', localhostProfile: 5 } }, []],
    ['AppArmor RuntimeDefault with a numeric name: the decoder\'s error only', { appArmorProfile: { type: 'RuntimeDefault', localhostProfile: 5 } }, []],
    ['AppArmor RuntimeDefault with a null name', { appArmorProfile: { type: 'RuntimeDefault', localhostProfile: null } }, []],
    ['AppArmor type null is required', { appArmorProfile: { type: null } }, [`error: ${SC}.appArmorProfile.type: Required value: type is required when appArmorProfile is set`]],
    ['AppArmor type a number: the decoder\'s error only', { appArmorProfile: { type: 5 } }, []],
  ])('%s', (_label, sc, expected) => {
    expect(messages(c(sc))).toEqual(expected);
    // Read without an internal error: a number is never treated as a string.
    expect(allCodes(c(sc))).not.toContain('internal');
  });

  it('a profile error names its field in params', () => {
    expect(check(c({ seccompProfile: { type: 'Default' } })).map((d) => d.params)).toEqual([{ field: `${SC}.seccompProfile.type` }]);
  });
});

describe('AppArmor annotations: where they point', () => {
  const A = 'container.apparmor.security.beta.kubernetes.io/';
  it('an annotation error and the deprecation warning point at the annotation, naming it', () => {
    const key = `${A}web`;
    expect(check(c({}), { [key]: 'runtime/default' }).map((d) => ({ code: d.code, path: d.ref?.path, params: d.params }))).toEqual([
      { code: 'security-profile-invalid', path: ['metadata', 'annotations', key], params: { field: `metadata.annotations[${key}]` } },
      { code: 'apparmor-annotation-deprecated', path: ['metadata', 'annotations', key], params: { field: `metadata.annotations[${key}]` } },
    ]);
  });

  it('an annotation that gives no profile beside a pod field: the mismatch is placed on the annotation', () => {
    const key = `${A}app`;
    const d = check({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app', image: 'busybox' }] }, { [key]: '' });
    expect(d.map((x) => [x.severity, x.message, x.ref?.path])).toEqual([
      ['error', `${SC}.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match`, ['metadata', 'annotations', key]],
      ['warning', `metadata.annotations[${key}]: deprecated since v1.30; use the "appArmorProfile" field instead`, ['metadata', 'annotations', key]],
    ]);
  });

  it('a localhost/ annotation unlike the pod\'s profile is copied to the container, so it matches', () => {
    const key = `${A}app`;
    const spec = (profile: object) => ({ securityContext: { appArmorProfile: profile }, containers: [{ name: 'app', image: 'busybox' }] });
    expect(messages(spec({ type: 'Localhost', localhostProfile: 'y' }), { [key]: 'localhost/x' }))
      .toEqual([`warning: metadata.annotations[${key}]: deprecated since v1.30; use the "appArmorProfile" field instead`]);
    // The pod's Localhost without a name is its own error; the annotation still gives the container its profile.
    expect(messages(spec({ type: 'Localhost' }), { [key]: 'localhost/x' })).toEqual([
      'error: spec.securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost',
      `warning: metadata.annotations[${key}]: deprecated since v1.30; use the "appArmorProfile" field instead`,
    ]);
  });
});

describe('the effective seccomp profile of a Localhost without a name', () => {
  // kubelet fieldSeccompProfile: an empty localhostProfile is an error; nothing is installed.
  it('asks for nothing, names no file, and carries the kubelet\'s error', () => {
    const p = pod({ containers: [{ name: 'app', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: '' } } }] });
    expect(analyzeSecurity(p, first(p), UBUNTU).report.seccomp).toEqual({
      requested: 'Unconfined', from: 'container', localhostProfile: null, file: null, applied: 'Unconfined', mode: 0,
      error: 'localhostProfile must be set if seccompProfile type is Localhost.',
    });
  });

  it('a named Localhost profile has no error', () => {
    const p = pod({ securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'a.json' } } });
    expect(analyzeSecurity(p, first(p), UBUNTU).report.seccomp).toEqual({
      requested: 'Localhost', from: 'pod', localhostProfile: 'a.json', file: '/var/lib/kubelet/seccomp/a.json', applied: 'Localhost', mode: 2, error: null,
    });
  });
});
