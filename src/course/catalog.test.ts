import { describe, expect, it } from 'vitest';
import { bundledLessons } from './catalog.js';

describe('bundledLessons', () => {
  it('loads the nine lessons the app ships — the six of the course notes first, then the CKS three — with their files', () => {
    const { lessons, problems } = bundledLessons();
    expect(problems).toEqual([]);
    expect(lessons.map((l) => l.id)).toEqual([
      'image-security', 'docker-security', 'security-contexts', 'network-policy-basics', 'developing-network-policies',
      'when-nothing-enforces', 'pod-security-admission', 'rbac', 'service-account-tokens',
    ]);
    expect(lessons[1]?.startFiles.map((f) => f.name)).toEqual(['Dockerfile']);
    expect(lessons[0]?.steps[0]?.body.ko).toContain('docker.io');
  });

  it('parses the bundle once: a later call returns the same result object, not a fresh parse', () => {
    const first = bundledLessons();
    expect(bundledLessons()).toBe(first);
    expect(bundledLessons().lessons).toBe(first.lessons);
  });
});
