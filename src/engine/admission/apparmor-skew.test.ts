// The pod as the v1.30 API server stores it before PodSecurity sees it: pkg/registry/core/pod/strategy.go
// (release-1.30) applyAppArmorVersionSkew, appArmorAnnotationForField, apparmorFieldForAnnotation.
// - Windows pods are left alone.
// - No annotation for a container: write one from the container's field, else the pod's
//   (Unconfined → "unconfined", RuntimeDefault → "runtime/default", Localhost → "localhost/NAME";
//   Localhost without a name or an unknown type → none).
// - An annotation and no container field: copy it into the field unless it is invalid ("localhost/"
//   alone, an unknown value) or equal to the pod-level profile.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../model/index.js';
import { load } from '../../testing/manifests.js';
import { asStored } from './apparmor-skew.js';

const KEY = 'container.apparmor.security.beta.kubernetes.io/';
type Profile = { type: string; localhostProfile?: string };
const ctr = (name: string, appArmorProfile?: Profile) => ({ name, image: 'busybox', ...(appArmorProfile ? { securityContext: { appArmorProfile } } : {}) });
function podOf(spec: Record<string, unknown>, annotations: Record<string, string> = {}): Pod {
  const p = load({ 'pod.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations }, spec: { containers: [ctr('app')], ...spec } }] }).scenario.pods[0];
  if (!p) throw new Error('no pod');
  return p;
}
/**
 * The same pod with fields normalize/ refuses (validation runs after PrepareForCreate on a real API
 * server, so the strategy sees them): set directly on the normalized pod.
 */
function invalid(spec: Record<string, unknown>, annotations: Record<string, string>, containers: Pod['containers']): Pod {
  return { ...podOf(spec), annotations, containers };
}
const profiles = (p: Pod) => [...p.initContainers, ...p.containers].map((c) => [c.name, c.securityContext?.appArmorProfile ?? null]);

describe('applyAppArmorVersionSkew: field → annotation', () => {
  it.each<[string, Profile | undefined, Profile | undefined, string | undefined]>([
    ['container Unconfined', { type: 'Unconfined' }, undefined, 'unconfined'],
    ['container RuntimeDefault', { type: 'RuntimeDefault' }, undefined, 'runtime/default'],
    ['container Localhost', { type: 'Localhost', localhostProfile: 'k8s-deny-write' }, undefined, 'localhost/k8s-deny-write'],
    ['container Localhost without a name: none', { type: 'Localhost' }, undefined, undefined],
    ['an unknown type: none', { type: 'Other' }, undefined, undefined],
    ['an unknown type with a localhostProfile: none', { type: 'Other', localhostProfile: 'x' }, undefined, undefined],
    ['the pod\'s profile when the container has none', undefined, { type: 'RuntimeDefault' }, 'runtime/default'],
    ['the container\'s over the pod\'s', { type: 'Unconfined' }, { type: 'RuntimeDefault' }, 'unconfined'],
    ['the pod\'s Localhost', undefined, { type: 'Localhost', localhostProfile: 'x' }, 'localhost/x'],
  ])('%s', (_label, own, pod, annotation) => {
    const spec = pod ? { securityContext: { appArmorProfile: pod } } : {};
    const base = podOf(spec);
    const input = own?.type === 'Other' || (own?.type === 'Localhost' && own.localhostProfile === undefined)
      ? invalid(spec, {}, base.containers.map((c) => ({ ...c, securityContext: { ...c.securityContext, appArmorProfile: own } })))
      : podOf({ containers: [ctr('app', own)], ...spec });
    const stored = asStored(input);
    expect(stored.annotations[`${KEY}app`]).toBe(annotation);
    expect(Object.hasOwn(stored.annotations, `${KEY}app`)).toBe(annotation !== undefined);
    expect(profiles(stored)).toEqual([['app', own ?? null]]);
  });

  it('every container, init containers included; other annotations kept', () => {
    const stored = asStored(podOf({ initContainers: [ctr('init')], containers: [ctr('app'), ctr('side', { type: 'Unconfined' })], securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }, { team: 'a' }));
    expect(stored.annotations).toEqual({ team: 'a', [`${KEY}init`]: 'runtime/default', [`${KEY}app`]: 'runtime/default', [`${KEY}side`]: 'unconfined' });
  });

  it('one container\'s field is enough for the others to be visited too', () => {
    const stored = asStored(podOf({ containers: [ctr('app'), ctr('side', { type: 'RuntimeDefault' })] }));
    expect(stored.annotations).toEqual({ [`${KEY}side`]: 'runtime/default' });
  });

  it('a Windows pod is left as written', () => {
    const pod = podOf({ os: { name: 'windows' }, containers: [ctr('app', { type: 'Unconfined' })] });
    expect(pod.osName).toBe('windows');
    expect(asStored(pod).annotations).toEqual({});
  });
});

describe('applyAppArmorVersionSkew: annotation → field', () => {
  it.each<[string, string, Profile | undefined, Profile | null]>([
    ['unconfined', 'unconfined', undefined, { type: 'Unconfined' }],
    ['runtime/default', 'runtime/default', undefined, { type: 'RuntimeDefault' }],
    ['localhost/NAME', 'localhost/deny', undefined, { type: 'Localhost', localhostProfile: 'deny' }],
    ['localhost/ with no name is invalid: not copied', 'localhost/', undefined, null],
    ['an unknown value is not copied', 'bogus', undefined, null],
    ['an unknown value longer than "localhost/" is not copied', 'unknown/profile', undefined, null],
    ['not copied when equal to the pod\'s profile', 'runtime/default', { type: 'RuntimeDefault' }, null],
    ['not copied when equal to the pod\'s Localhost profile', 'localhost/a', { type: 'Localhost', localhostProfile: 'a' }, null],
    ['copied when another Localhost profile than the pod\'s', 'localhost/b', { type: 'Localhost', localhostProfile: 'a' }, { type: 'Localhost', localhostProfile: 'b' }],
    ['copied when another type than the pod\'s', 'unconfined', { type: 'RuntimeDefault' }, { type: 'Unconfined' }],
  ])('%s', (_label, annotation, pod, field) => {
    const spec = pod ? { securityContext: { appArmorProfile: pod } } : {};
    const stored = asStored(annotation === 'bogus' || annotation === 'unknown/profile' ? invalid(spec, { [`${KEY}app`]: annotation }, podOf(spec).containers) : podOf(spec, { [`${KEY}app`]: annotation }));
    expect(profiles(stored)).toEqual([['app', field]]);
    expect(stored.annotations).toEqual({ [`${KEY}app`]: annotation });
  });

  it('a container with its own field keeps it, and its annotation stays as written', () => {
    const own = podOf({ containers: [ctr('app', { type: 'RuntimeDefault' })] });
    const stored = asStored(invalid({}, { [`${KEY}app`]: 'unconfined' }, own.containers));
    expect(profiles(stored)).toEqual([['app', { type: 'RuntimeDefault' }]]);
    expect(stored.annotations).toEqual({ [`${KEY}app`]: 'unconfined' });
  });

  it('the copied field joins the container\'s other securityContext settings', () => {
    const stored = asStored(podOf({ containers: [{ name: 'app', image: 'busybox', securityContext: { runAsUser: 1000 } }] }, { [`${KEY}app`]: 'unconfined' }));
    expect(stored.containers[0]?.securityContext).toMatchObject({ runAsUser: 1000, appArmorProfile: { type: 'Unconfined' } });
  });

  it('an AppArmor annotation among other annotations is found', () => {
    const stored = asStored(podOf({}, { team: 'a', [`${KEY}app`]: 'unconfined' }));
    expect(profiles(stored)).toEqual([['app', { type: 'Unconfined' }]]);
  });

  it('an annotation for one container does not touch another', () => {
    const stored = asStored(podOf({ initContainers: [ctr('init')], containers: [ctr('app')] }, { [`${KEY}init`]: 'unconfined' }));
    expect(profiles(stored)).toEqual([['init', { type: 'Unconfined' }], ['app', null]]);
    expect(stored.annotations).toEqual({ [`${KEY}init`]: 'unconfined' });
  });
});
