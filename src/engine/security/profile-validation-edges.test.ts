// More of the API server's validation of seccompProfile and appArmorProfile (kubernetes v1.30
// pkg/apis/core/validation/validation.go): validateSeccompProfileField (localhostProfile only with
// Localhost), validateLocalDescendingPath (both of its errors: path.IsAbs, then
// validatePathNoBacksteps on the `/`-separated elements), ValidateAppArmorProfileField
// (localhostProfile non-nil with RuntimeDefault or Unconfined, even ""), ValidateAppArmorPodAnnotations /
// ValidateAppArmorProfileFormat (an empty value is allowed) and
// validateAppArmorAnnotationsAndFieldsMatchOnCreate (type against annotation, per type).
import { describe, expect, it } from 'vitest';
import { profileCheck, withContext } from '../../testing/profile-validation.js';

const check = profileCheck;
const c = withContext;
const SC = 'spec.containers[0].securityContext';

describe('seccompProfile validation: more cases', () => {
  it.each<[string, object, string[]]>([
    ['localhostProfile with RuntimeDefault', { seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'a.json' } },
      [`error: ${SC}.seccompProfile.localhostProfile: Invalid value: core.SeccompProfile{Type:"RuntimeDefault", LocalhostProfile:(*string)(0xc000a8e2d0)}: can only be set when seccomp type is Localhost`]],
    ['localhostProfile with Unconfined', { seccompProfile: { type: 'Unconfined', localhostProfile: '' } },
      [`error: ${SC}.seccompProfile.localhostProfile: Invalid value: core.SeccompProfile{Type:"Unconfined", LocalhostProfile:(*string)(0xc000a8e2d0)}: can only be set when seccomp type is Localhost`]],
    ['absolute and with backsteps: both errors', { seccompProfile: { type: 'Localhost', localhostProfile: '/x/../p.json' } },
      [`error: ${SC}.seccompProfile.localhostProfile: Invalid value: "/x/../p.json": must be a relative path`,
        `error: ${SC}.seccompProfile.localhostProfile: Invalid value: "/x/../p.json": must not contain '..'`]],
    ['a trailing ..', { seccompProfile: { type: 'Localhost', localhostProfile: 'x/..' } },
      [`error: ${SC}.seccompProfile.localhostProfile: Invalid value: "x/..": must not contain '..'`]],
    ['dots inside a name are not a backstep', { seccompProfile: { type: 'Localhost', localhostProfile: 'a..b/..c/d..' } }, []],
    ['an empty name passes validation (the kubelet refuses it later)', { seccompProfile: { type: 'Localhost', localhostProfile: '' } }, []],
    ['RuntimeDefault alone', { seccompProfile: { type: 'RuntimeDefault' } }, []],
    ['Unconfined alone', { seccompProfile: { type: 'Unconfined' } }, []],
  ])('%s', (_label, sc, expected) => {
    const r = check(c(sc));
    expect(r.messages).toEqual(expected);
    expect(r.created).toBe(expected.length === 0);
  });

  it('an error is placed on the field it names', () => {
    expect(check(c({ seccompProfile: { type: 'Default' } })).refs).toEqual(['spec.containers.0.securityContext.seccompProfile.type']);
    expect(check(c({ seccompProfile: { type: 'Localhost' } })).refs).toEqual(['spec.containers.0.securityContext.seccompProfile.localhostProfile']);
  });
});

describe('appArmorProfile validation: more cases', () => {
  it.each<[string, object, string[]]>([
    ['localhostProfile with Unconfined', { appArmorProfile: { type: 'Unconfined', localhostProfile: 'x' } },
      [`error: ${SC}.appArmorProfile.localhostProfile: Invalid value: "x": can only be set when AppArmor type is Localhost`]],
    ['an empty localhostProfile with RuntimeDefault is still set', { appArmorProfile: { type: 'RuntimeDefault', localhostProfile: '' } },
      [`error: ${SC}.appArmorProfile.localhostProfile: Invalid value: "": can only be set when AppArmor type is Localhost`]],
    ['padded at the end', { appArmorProfile: { type: 'Localhost', localhostProfile: 'deny-write\t' } },
      [`error: ${SC}.appArmorProfile.localhostProfile: Invalid value: "deny-write\\t": must not be padded with whitespace`]],
    ['type empty', { appArmorProfile: { type: '' } },
      [`error: ${SC}.appArmorProfile.type: Required value: type is required when appArmorProfile is set`]],
    ['valid Localhost', { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-deny-write' } }, []],
    ['RuntimeDefault alone', { appArmorProfile: { type: 'RuntimeDefault' } }, []],
    ['Unconfined alone', { appArmorProfile: { type: 'Unconfined' } }, []],
  ])('%s', (_label, sc, expected) => {
    const r = check(c(sc));
    expect(r.messages).toEqual(expected);
    expect(r.created).toBe(expected.length === 0);
  });

  it('a missing type is reported on the type', () => {
    expect(check(c({ appArmorProfile: {} })).refs).toEqual(['spec.containers.0.securityContext.appArmorProfile.type']);
  });
});

describe('legacy AppArmor annotations: more cases', () => {
  const A = 'container.apparmor.security.beta.kubernetes.io/';
  const deprecated = (name: string) => `warning: metadata.annotations[${A}${name}]: deprecated since v1.30; use the "appArmorProfile" field instead`;
  const TYPE = `error: ${SC}.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match`;

  it('an empty value is not an invalid profile name', () => {
    expect(check(c({}), { [`${A}app`]: '' })).toEqual({ messages: [deprecated('app')], refs: [], created: true });
  });

  it('each annotation is warned about, in key order, and other annotations are not', () => {
    const spec = { containers: [{ name: 'b', image: 'busybox' }, { name: 'a', image: 'busybox' }] };
    expect(check(spec, { [`${A}b`]: 'unconfined', other: 'x', [`${A}a`]: 'runtime/default' }).messages).toEqual([deprecated('a'), deprecated('b')]);
  });

  it.each<[string, object, string, string[]]>([
    ['Localhost field, runtime/default annotation', { type: 'Localhost', localhostProfile: 'a' }, 'runtime/default', [TYPE]],
    ['Unconfined field, localhost/ annotation', { type: 'Unconfined' }, 'localhost/a', [TYPE]],
    ['RuntimeDefault field, runtime/default annotation', { type: 'RuntimeDefault' }, 'runtime/default', []],
    ['Localhost field, the same localhost/ annotation', { type: 'Localhost', localhostProfile: 'a' }, 'localhost/a', []],
  ])('%s', (_label, profile, annotation, errors) => {
    const r = check(c({ appArmorProfile: profile }), { [`${A}app`]: annotation });
    expect(r.messages).toEqual([...errors, deprecated('app')]);
    expect(r.created).toBe(errors.length === 0);
  });

  it('the mismatch is placed on the container field when it is written', () => {
    expect(check(c({ appArmorProfile: { type: 'RuntimeDefault' } }), { [`${A}app`]: 'unconfined' }).refs)
      .toEqual(['spec.containers.0.securityContext.appArmorProfile.type']);
  });

  it('an init container is checked too', () => {
    const spec = { initContainers: [{ name: 'init', image: 'busybox', securityContext: { appArmorProfile: { type: 'Unconfined' } } }], containers: [{ name: 'app', image: 'busybox' }] };
    expect(check(spec, { [`${A}init`]: 'runtime/default' }).messages).toEqual([
      'error: spec.initContainers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match', deprecated('init')]);
  });
});
