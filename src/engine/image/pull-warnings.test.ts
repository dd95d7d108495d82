// The image stage's pull-secret warnings in full (diagnostics.ts), and where they are said: the
// kubelet skips a pull secret it cannot read or use and pulls anyway ("Unable to retrieve some image
// pull secrets (...); attempting to pull the image may not succeed", kubelet_pods.go getPullSecretsForPod;
// only kubernetes.io/dockerconfigjson and kubernetes.io/dockercfg secrets hold credentials,
// pkg/credentialprovider/secrets). The lab says it once per pod, on the first app container, even
// when the image does not parse (the kubelet refuses it as InvalidImageName before pulling).
import { describe, expect, it } from 'vitest';
import { cluster, container, normalized, pod, secret, type Manifest } from '../../testing/image.js';
import type { Cluster, Pod } from '../model/index.js';
import { analyzeImage } from './index.js';

const analyzeAll = (c: Cluster, p: Pod | undefined) =>
  [...(p?.initContainers ?? []), ...(p?.containers ?? [])].map((k) => ({ name: k.name, ...analyzeImage(c, p as Pod, k) }));

describe('pull-secret warnings', () => {
  it('missing, in another namespace, of the wrong type: each in full, at its entry', () => {
    const s = cluster({ secrets: [
      secret('elsewhere', { namespace: 'dev', type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': '{"auths":{}}' } }),
      secret('opaque'),
    ] });
    const { cluster: c, pods: [p] } = normalized(s, pod({ imagePullSecrets: ['gone', 'elsewhere', 'opaque'] }));
    const [only] = analyzeAll(c, p);
    expect(only?.diagnostics.map((d) => [d.severity, d.code, d.ref?.path, d.params, d.object, d.message])).toEqual([
      ['warning', 'pull-secret-missing', ['spec', 'imagePullSecrets', 0], { secret: 'gone', namespace: 'default', from: 'pod', detail: '' }, 'Pod/default/web',
        'imagePullSecret "gone" does not exist in namespace "default"; the kubelet skips it and pulls without it'],
      ['warning', 'pull-secret-missing', ['spec', 'imagePullSecrets', 1], { secret: 'elsewhere', namespace: 'default', from: 'pod', detail: 'dev' }, 'Pod/default/web',
        'imagePullSecret "elsewhere" does not exist in namespace "default" (a secret with that name exists in namespace "dev"; a pod can only use secrets of its own namespace)'],
      ['warning', 'pull-secret-wrong-type', ['spec', 'imagePullSecrets', 2], { secret: 'opaque', namespace: 'default', from: 'pod', detail: 'Opaque' }, 'Pod/default/web',
        'imagePullSecret "opaque" has type "Opaque"; only kubernetes.io/dockerconfigjson and kubernetes.io/dockercfg secrets hold registry credentials'],
    ]);
  });

  it('are said on the first app container, not on an init container before it', () => {
    const withInit: Manifest = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' },
      spec: { imagePullSecrets: [{ name: 'gone' }], initContainers: [container('busybox', { name: 'init' })], containers: [container('nginx'), container('redis', { name: 'b' })] },
    };
    const { cluster: c, pods: [p] } = normalized(cluster(), withInit);
    expect(analyzeAll(c, p).map((r) => [r.name, r.diagnostics.map((d) => d.code)])).toEqual([
      ['init', []], ['app', ['pull-secret-missing']], ['b', []],
    ]);
  });

  it('an image that does not parse still has its pod\'s warnings, and keeps its pull policy and secrets', () => {
    const { cluster: c, pods: [p] } = normalized(cluster(), pod({ imagePullSecrets: ['gone'], containers: [container('busyBOX', { imagePullPolicy: 'Always' })] }));
    const [only] = analyzeAll(c, p);
    expect(only?.diagnostics.map((d) => d.code)).toEqual(['image-invalid', 'pull-secret-missing']);
    expect(only?.report.pull).toMatchObject({ state: 'InvalidImageName', imagePullPolicy: 'Always', secrets: [{ name: 'gone', from: 'pod', status: 'missing' }] });
    expect(only?.report.source).toEqual(p?.containers[0]?.ref);
  });
});
