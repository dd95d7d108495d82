// policy/check_restrictedVolumes.go (k8s.io/pod-security-admission v0.30.0): a volume whose source
// is neither allowed nor one of the sources the check names is reported as type "unknown" (issue
// 15: restricted-volumes.ts 31:78 had no test reaching it). normalize/ refuses a source this API
// version does not know (unknown field), so no manifest gets here today; the pod is built with such a
// type (as a later source, like v1.31's `image`, would arrive) to pin the check's own answer.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../model/index.js';
import { load } from '../../../testing/manifests.js';
import { restrictedVolumes } from './restricted-volumes.js';

/** Pod `p` with these volumes; `futureDisk` stands for a source normalize/ does not know. */
function detail(volumes: object[]) {
  const known = volumes.map((v) => ('futureDisk' in v ? { name: (v as unknown as { name: string }).name, emptyDir: {} } : v));
  const { scenario } = load({ 'pod.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'busybox' }], volumes: known } }] });
  const pod = scenario.pods[0];
  if (!pod) throw new Error('no pod');
  const withFuture: Pod = { ...pod, volumes: pod.volumes.map((v, i) => ('futureDisk' in (volumes[i] ?? {}) ? { ...v, type: 'futureDisk' } : v)) };
  return restrictedVolumes.versions[0]?.checkPod(withFuture) ?? null;
}

describe('restrictedVolumes: an unknown source', () => {
  it('is reported as "unknown", sorted with the named ones', () => {
    expect(detail([{ name: 'x', futureDisk: {} }, { name: 'y', nfs: { server: 's', path: '/' } }, { name: 'z', configMap: { name: 'c' } }])).toEqual({
      reason: 'restricted volume types',
      detail: 'volumes "x", "y" use restricted volume types "nfs", "unknown"',
      refs: [expect.objectContaining({ path: ['spec', 'volumes', 0] }), expect.objectContaining({ path: ['spec', 'volumes', 1] })],
    });
  });

  it('alone: one volume, one type', () => {
    expect(detail([{ name: 'x', futureDisk: {} }])?.detail).toBe('volume "x" uses restricted volume type "unknown"');
  });
});
