// The legacy AppArmor annotation `localhost/` with no profile name, per kubernetes v1.30:
// - API server: ValidateAppArmorPodAnnotations / ValidateAppArmorProfileFormat
//   (pkg/apis/core/validation/validation.go) check only the `localhost/` prefix, so the value passes.
//   PrepareForCreate's applyAppArmorVersionSkew (pkg/registry/core/pod/strategy.go) copies an
//   annotation into a container's missing field through apparmorFieldForAnnotation, which returns
//   nil for an empty name: the container keeps no field, and
//   validateAppArmorAnnotationsAndFieldsMatchOnCreate then compares the annotation with the pod's
//   field, if any.
// - kubelet: GetProfile (pkg/security/apparmor/helpers.go) falls back to the annotation and gets
//   Localhost with an empty name; Validate (pkg/security/apparmor/validate.go, added by
//   kubernetes/kubernetes#108143) refuses it with `invalid empty AppArmor profile name: %q` of the
//   *v1.AppArmorProfile, whose generated String() (k8s.io/api core/v1 generated.pb.go) prints
//   `&AppArmorProfile{Type:Localhost,LocalhostProfile:*NAME,}`; appArmorAdmitHandler
//   (pkg/kubelet/lifecycle/handlers.go) prefixes `Cannot enforce AppArmor: ` and rejectPod
//   (pkg/kubelet/kubelet.go) fails the pod with reason AppArmor.
import { describe, expect, it } from 'vitest';
import { UBUNTU, at, first, pod } from '../../testing/security.js';
import { profileCheck } from '../../testing/profile-validation.js';
import { analyzeSecurity } from './index.js';
import { annotationField, annotationProfile, kubeletAppArmorRefusal } from './profiles/apparmor.js';

const A = 'container.apparmor.security.beta.kubernetes.io/';
const EMPTY = 'Cannot enforce AppArmor: invalid empty AppArmor profile name: "&AppArmorProfile{Type:Localhost,LocalhostProfile:*,}"';
const deprecated = (c: string) => `warning: metadata.annotations[${A}${c}]: deprecated since v1.30; use the "appArmorProfile" field instead`;
const SC = 'spec.containers[0].securityContext.appArmorProfile';

describe('the API server: localhost/ with no name', () => {
  it('is accepted, with only the deprecation warning, when no field is written', () => {
    const r = profileCheck({ containers: [{ name: 'app', image: 'busybox' }] }, { [`${A}app`]: 'localhost/' });
    expect(r.messages).toEqual([deprecated('app')]);
    expect(r.created).toBe(true);
  });

  it.each<[string, object, string]>([
    // The container keeps no field, so it takes the pod's, which the annotation contradicts.
    ['beside a pod RuntimeDefault: the types differ', { type: 'RuntimeDefault' }, `error: ${SC}.type: Forbidden: apparmor type in annotation and field must match`],
    ['beside a pod Unconfined: the types differ', { type: 'Unconfined' }, `error: ${SC}.type: Forbidden: apparmor type in annotation and field must match`],
    ['beside a pod Localhost x: the names differ', { type: 'Localhost', localhostProfile: 'x' }, `error: ${SC}.localhostProfile: Forbidden: apparmor profile in annotation and field must match`],
  ])('is refused %s (nothing is copied into the container field)', (_label, podProfile, error) => {
    const r = profileCheck({ securityContext: { appArmorProfile: podProfile }, containers: [{ name: 'app', image: 'busybox' }] }, { [`${A}app`]: 'localhost/' });
    expect(r.messages).toEqual([error, deprecated('app')]);
    expect(r.created).toBe(false);
  });

  it('a named localhost/ annotation beside a pod Localhost of another name is still copied, and matches', () => {
    const r = profileCheck({ securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'x' } }, containers: [{ name: 'app', image: 'busybox' }] },
      { [`${A}app`]: 'localhost/y' });
    expect(r.messages).toEqual([deprecated('app')]);
  });

  it('apparmorFieldForAnnotation: every value but an empty localhost/ name gives what the kubelet reads', () => {
    expect(annotationField('localhost/')).toBeUndefined();
    expect(annotationProfile('localhost/')).toEqual({ type: 'Localhost', localhostProfile: '' });
    for (const v of ['localhost/x', 'localhost/ ', 'runtime/default', 'unconfined', '', 'other', undefined]) {
      expect(annotationField(v)).toEqual(annotationProfile(v));
    }
  });
});

describe('the kubelet: localhost/ with no name', () => {
  it('refuses the pod with its admission message, reported once as an error on the annotation', () => {
    const p = pod({ name: 'web', annotations: { [`${A}app`]: 'localhost/' } });
    expect(kubeletAppArmorRefusal(p)).toEqual({ container: first(p), annotation: `${A}app`, message: EMPTY });
    expect(analyzeSecurity(p, first(p), UBUNTU).diagnostics).toEqual([{
      severity: 'error',
      code: 'apparmor-kubelet-rejected',
      message: `AppArmor annotation "localhost/" of container "app" names no profile: the API server accepts the pod, the kubelet refuses it (status Failed, reason AppArmor): ${EMPTY}`,
      ref: at('metadata', 'annotations', `${A}app`),
      params: { container: 'app', reason: 'AppArmor', kubelet: EMPTY },
      object: 'Pod/default/web',
    }]);
  });

  it('a name of spaces is empty to the kubelet (strings.TrimSpace); Go\'s %q escapes what is not printable', () => {
    const message = (name: string) => kubeletAppArmorRefusal(pod({ annotations: { [`${A}app`]: `localhost/${name}` } }))?.message;
    expect(message('  ')).toBe('Cannot enforce AppArmor: invalid empty AppArmor profile name: "&AppArmorProfile{Type:Localhost,LocalhostProfile:*  ,}"');
    expect(message('\t')).toBe('Cannot enforce AppArmor: invalid empty AppArmor profile name: "&AppArmorProfile{Type:Localhost,LocalhostProfile:*\\t,}"');
    expect(message('\u00a0\u3000')).toBe('Cannot enforce AppArmor: invalid empty AppArmor profile name: "&AppArmorProfile{Type:Localhost,LocalhostProfile:*\\u00a0\\u3000,}"');
    // U+FEFF is no space to Go (unicode.IsSpace), though JavaScript's trim() removes it.
    expect(message('\ufeff')).toBeUndefined();
    expect(message('x')).toBeUndefined();
  });

  it('names the first failing container, init containers first, and reports only there', () => {
    const p = pod({
      annotations: { [`${A}init`]: 'localhost/', [`${A}app`]: 'localhost/' },
      initContainers: [{ name: 'init' }], containers: [{ name: 'app' }],
    });
    const init = p.initContainers[0];
    expect(kubeletAppArmorRefusal(p)?.container).toBe(init);
    expect(kubeletAppArmorRefusal(p)?.annotation).toBe(`${A}init`);
    expect(analyzeSecurity(p, first(p), UBUNTU).diagnostics).toEqual([]);
    expect(init && analyzeSecurity(p, init, UBUNTU).diagnostics.map((d) => d.code)).toEqual(['apparmor-kubelet-rejected']);
  });

  it('a later container\'s empty name fails the pod even when the first one is fine', () => {
    const p = pod({ annotations: { [`${A}b`]: 'localhost/' }, containers: [{ name: 'a' }, { name: 'b' }] });
    expect(kubeletAppArmorRefusal(p)?.container.name).toBe('b');
  });

  it('a workload\'s pod points at the template\'s annotation', () => {
    const p = pod({ name: 'web', specPath: ['spec', 'template', 'spec'], annotations: { [`${A}app`]: 'localhost/' } });
    expect(analyzeSecurity(p, first(p), UBUNTU).diagnostics.map((d) => d.ref?.path))
      .toEqual([['spec', 'template', 'metadata', 'annotations', `${A}app`]]);
  });

  it.each<[string, Record<string, string>, boolean]>([
    ['nothing about AppArmor', {}, false],
    ['a named profile', { [`${A}app`]: 'localhost/k8s-deny-write' }, false],
    ['app unconfined (copied to an Unconfined field), other empty: the first annotation (sorted) is unconfined, not required',
      { [`${A}app`]: 'unconfined', [`${A}other`]: 'localhost/' }, false],
    ['app runtime/default is copied to a field: required', { [`${A}app`]: 'runtime/default', [`${A}other`]: 'localhost/' }, true],
    ['the first annotation (sorted) is the empty one: required', { [`${A}app`]: 'localhost/', [`${A}other`]: 'unconfined' }, true],
  ])('when AppArmor is required (isRequired): %s', (_label, annotations, refused) => {
    const p = pod({ annotations, containers: [{ name: 'app' }, { name: 'other' }] });
    expect(kubeletAppArmorRefusal(p) !== null).toBe(refused);
  });

  it('a container field that is not Unconfined makes it required, whatever the first annotation says', () => {
    const p = pod({ annotations: { [`${A}a`]: 'unconfined', [`${A}other`]: 'localhost/' },
      containers: [{ name: 'a' }, { name: 'app', securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }, { name: 'other' }] });
    expect(kubeletAppArmorRefusal(p)?.container.name).toBe('other');
  });

  it('a name of spaces beside a pod field: copied into the container field, which the kubelet reads first', () => {
    const p = pod({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, annotations: { [`${A}app`]: 'localhost/ ' } });
    expect(kubeletAppArmorRefusal(p)?.message).toBe('Cannot enforce AppArmor: invalid empty AppArmor profile name: "&AppArmorProfile{Type:Localhost,LocalhostProfile:* ,}"');
  });
});
