import type { Cluster, Container, ImageReport, PendingDiagnostic, Pod } from '../model/index.js';
import { imageMeta } from './catalogue/lookup.js';
import { invalidImageDiagnostic, reportsPodWarnings, secretDiagnostics } from './diagnostics.js';
import { invalidImageMessage } from './pull/messages.js';
import { defaultPullPolicy } from './pull/policy.js';
import { decidePull } from './pull/pull.js';
import { findRegistry, findRegistryImage } from './pull/registry.js';
import { candidateSecrets } from './pull/secrets.js';
import { normalizeImage } from './reference/index.js';

/** Normalize the container's image reference, find what the image is, and decide whether it pulls. */
export function analyzeImage(cluster: Cluster, pod: Pod, container: Container): { report: ImageReport; diagnostics: PendingDiagnostic[] } {
  const diagnostics: PendingDiagnostic[] = [];
  const warn = reportsPodWarnings(cluster, pod, container);
  const normalized = normalizeImage(container.image);

  if (!normalized.ok) {
    // The API server accepts any non-empty image; the kubelet refuses it before pulling.
    const message = invalidImageMessage(container.image, normalized.error);
    diagnostics.push(invalidImageDiagnostic(pod, container, message, normalized.error));
    const candidates = candidateSecrets(cluster, pod);
    if (warn) diagnostics.push(...secretDiagnostics(pod, candidates));
    return {
      report: {
        ref: null,
        pull: {
          state: 'InvalidImageName',
          credentials: null,
          cause: 'invalid-reference',
          message,
          attempts: [],
          imagePullPolicy: container.imagePullPolicy ?? defaultPullPolicy(null),
          secrets: candidates.map((c) => ({ name: c.name, from: c.from, status: c.status })),
        },
        meta: imageMeta(null, null),
        source: container.ref,
      },
      diagnostics,
    };
  }

  const ref = normalized.ref;
  const { result, candidates } = decidePull(cluster, pod, container, ref);
  if (warn) diagnostics.push(...secretDiagnostics(pod, candidates));
  const registry = findRegistry(cluster, ref);
  const declared = registry ? findRegistryImage(registry, ref) : null;
  return {
    report: { ref, pull: result, meta: imageMeta(ref, declared), source: container.ref },
    diagnostics,
  };
}
