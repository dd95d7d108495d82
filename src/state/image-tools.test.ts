// What the inspector says `kubectl exec` can run, from the shell's image toolsets (the same table
// the terminal uses: shell/proc/toolsets.ts).
import { describe, expect, it } from 'vitest';
import { normalizeImage } from '../engine/image/reference/index.js';
import { imageTools } from './image-tools.js';

const ref = (image: string) => {
  const r = normalizeImage(image);
  return r.ok ? r.ref : null;
};

describe('imageTools', () => {
  it.each([
    ['busybox', 'busybox', ['ash', 'sh'], ['wget', 'nc', 'nslookup', 'ping']],
    ['nginx', 'debian', ['bash', 'dash', 'sh'], ['curl', 'getent']],
    ['nginx:alpine', 'alpine', ['ash', 'sh'], ['wget', 'nc', 'nslookup', 'ping', 'curl']],
    ['ubuntu', 'ubuntu', ['bash', 'dash', 'sh'], ['getent']],
    ['python:3.12', 'debian', ['bash', 'dash', 'sh'], ['curl', 'getent']],
    ['gcr.io/distroless/static', 'distroless', [], []],
    ['registry.k8s.io/coredns/coredns:v1.11.1', 'distroless', [], []],
    ['example.com/team/app:1.0', 'assumed', ['bash', 'dash', 'sh'], ['getent']],
  ])('%s: %s', (image, family, shells, probes) => {
    const t = imageTools(ref(image));
    expect(t.family).toBe(family);
    expect(t.shells).toEqual(shells);
    expect([...t.probes].sort()).toEqual([...probes].sort());
  });
});
