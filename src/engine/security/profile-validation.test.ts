// The API server's validation of seccompProfile and appArmorProfile, quoted from kubernetes v1.30
// pkg/apis/core/validation/validation.go (validateSeccompProfileField, validateSeccompProfileType,
// validateLocalDescendingPath, ValidateAppArmorProfileField, ValidateAppArmorPodAnnotations,
// ValidateAppArmorProfileFormat, validateAppArmorAnnotationsAndFieldsMatchOnCreate) and the
// deprecation warning of pkg/api/pod/warnings.go; field errors printed as apimachinery's
// field.Error does (`path: Required value: detail`, `Invalid value: "v": detail`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileCheck, withContext } from '../../testing/profile-validation.js';

/** What a pod's profiles make normalize say, and whether the pod is created. */
const check = (spec: object, annotations?: Record<string, string>) => {
  const { messages, created } = profileCheck(spec, annotations);
  return { messages, created };
};
const c = withContext;

describe('seccompProfile validation', () => {
  it.each<[string, object, string[]]>([
    ['Localhost without localhostProfile', { seccompProfile: { type: 'Localhost' } },
      ['error: spec.containers[0].securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost']],
    ['type missing', { seccompProfile: { localhostProfile: 'a.json' } },
      ['error: spec.containers[0].securityContext.seccompProfile.type: Required value: type is required when seccompProfile is set',
        'error: spec.containers[0].securityContext.seccompProfile.localhostProfile: Invalid value: core.SeccompProfile{Type:"", LocalhostProfile:(*string)(0xc000a8e2d0)}: can only be set when seccomp type is Localhost']],
    ['unknown type', { seccompProfile: { type: 'Default' } },
      ['error: spec.containers[0].securityContext.seccompProfile.type: Unsupported value: "Default": supported values: "Localhost", "RuntimeDefault", "Unconfined"']],
    ['absolute localhostProfile', { seccompProfile: { type: 'Localhost', localhostProfile: '/etc/p.json' } },
      ['error: spec.containers[0].securityContext.seccompProfile.localhostProfile: Invalid value: "/etc/p.json": must be a relative path']],
    ['backsteps', { seccompProfile: { type: 'Localhost', localhostProfile: '../../etc/p.json' } },
      ['error: spec.containers[0].securityContext.seccompProfile.localhostProfile: Invalid value: "../../etc/p.json": must not contain \'..\'']],
    ['valid Localhost', { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } }, []],
  ])('%s', (_label, sc, expected) => {
    const r = check(c(sc));
    expect(r.messages).toEqual(expected);
    expect(r.created).toBe(expected.length === 0);
  });

  it('at pod level too', () => {
    expect(check({ securityContext: { seccompProfile: { type: 'Localhost' } }, containers: [{ name: 'app', image: 'busybox' }] }).messages)
      .toEqual(['error: spec.securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost']);
  });
});

describe('appArmorProfile validation', () => {
  it.each<[string, object, string[]]>([
    ['Localhost without localhostProfile', { appArmorProfile: { type: 'Localhost' } },
      ['error: spec.containers[0].securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost']],
    ['Localhost with an empty name', { appArmorProfile: { type: 'Localhost', localhostProfile: '' } },
      ['error: spec.containers[0].securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost']],
    ['padded name', { appArmorProfile: { type: 'Localhost', localhostProfile: ' deny-write' } },
      ['error: spec.containers[0].securityContext.appArmorProfile.localhostProfile: Invalid value: " deny-write": must not be padded with whitespace']],
    ['localhostProfile with RuntimeDefault', { appArmorProfile: { type: 'RuntimeDefault', localhostProfile: 'x' } },
      ['error: spec.containers[0].securityContext.appArmorProfile.localhostProfile: Invalid value: "x": can only be set when AppArmor type is Localhost']],
    ['type missing', { appArmorProfile: {} },
      ['error: spec.containers[0].securityContext.appArmorProfile.type: Required value: type is required when appArmorProfile is set']],
    ['unknown type', { appArmorProfile: { type: 'runtime/default' } },
      ['error: spec.containers[0].securityContext.appArmorProfile.type: Unsupported value: "runtime/default": supported values: "Localhost", "RuntimeDefault", "Unconfined"']],
  ])('%s', (_label, sc, expected) => {
    const r = check(c(sc));
    expect(r.messages).toEqual(expected);
    expect(r.created).toBe(false);
  });
});

describe('legacy AppArmor annotations', () => {
  const A = 'container.apparmor.security.beta.kubernetes.io/';
  const deprecated = (name: string) => `warning: metadata.annotations[${A}${name}]: deprecated since v1.30; use the "appArmorProfile" field instead`;

  it('a valid annotation is accepted with the deprecation warning', () => {
    const r = check(c({}), { [`${A}app`]: 'localhost/k8s-deny-write' });
    expect(r).toEqual({ messages: [deprecated('app')], created: true });
  });

  it('a container that does not exist', () => {
    expect(check(c({}), { [`${A}web`]: 'runtime/default' }).messages).toEqual([
      `error: metadata.annotations[${A}web]: Invalid value: "web": container not found`, deprecated('web')]);
  });

  it('a value that is not a profile', () => {
    expect(check(c({}), { [`${A}app`]: 'deny-write' }).messages).toEqual([
      `error: metadata.annotations[${A}app]: Invalid value: "deny-write": invalid AppArmor profile name: "deny-write"`, deprecated('app')]);
  });

  it('field and annotation that disagree', () => {
    expect(check(c({ appArmorProfile: { type: 'RuntimeDefault' } }), { [`${A}app`]: 'unconfined' }).messages).toEqual([
      'error: spec.containers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match', deprecated('app')]);
    expect(check(c({ appArmorProfile: { type: 'Localhost', localhostProfile: 'a' } }), { [`${A}app`]: 'localhost/b' }).messages).toEqual([
      'error: spec.containers[0].securityContext.appArmorProfile.localhostProfile: Forbidden: apparmor profile in annotation and field must match', deprecated('app')]);
  });

  it('field and annotation that agree', () => {
    expect(check(c({ appArmorProfile: { type: 'Unconfined' } }), { [`${A}app`]: 'unconfined' })).toEqual({ messages: [deprecated('app')], created: true });
  });
});

describe('validation never throws', () => {
  it('on any value where a profile or an AppArmor annotation goes', () => {
    const anything = fc.anything({ maxDepth: 2 });
    const profile = fc.oneof(anything, fc.record({ type: anything, localhostProfile: anything }, { requiredKeys: [] }));
    fc.assert(fc.property(profile, profile, fc.dictionary(fc.constantFrom('container.apparmor.security.beta.kubernetes.io/app', 'container.apparmor.security.beta.kubernetes.io/', 'x'), fc.string()),
      (seccompProfile, appArmorProfile, annotations) => {
        const r = check(c({ seccompProfile, appArmorProfile }), annotations);
        expect(Array.isArray(r.messages)).toBe(true);
      }), { numRuns: Number(process.env.KSLAB_PROPERTY_RUNS ?? '') || 150 });
  });
});
