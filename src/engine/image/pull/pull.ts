/**
 * Whether a container's image pulls, with which secret, and why not (kubernetes/kubernetes
 * pkg/kubelet/kuberuntime/kuberuntime_image.go PullImage): look the image's repository up in the
 * keyring built from the pull secrets; no match ⇒ one anonymous pull; otherwise try each matching
 * credential in order, the first that works pulls, and when all fail the pull fails (no anonymous retry).
 */
import type { Cluster, Container, ImageRef, Pod, PullAttempt, PullCause, PullResult } from '../../model/index.js';
import { buildKeyring, lookup } from './keyring.js';
import { attemptError, pullFailedMessage } from './messages.js';
import { defaultPullPolicy } from './policy.js';
import { attempt, findRegistry, type AttemptOutcome } from './registry.js';
import { candidateSecrets, type CandidateSecret } from './secrets.js';

export interface PullDecision {
  readonly result: PullResult;
  /** The secrets considered, with where their names are written, for diagnostics. */
  readonly candidates: readonly CandidateSecret[];
}

function causeOf(outcome: Exclude<AttemptOutcome, 'ok'>, anonymous: boolean, candidates: readonly CandidateSecret[]): PullCause {
  if (outcome === 'no-host') return 'no-such-host';
  if (outcome === 'no-repository' || outcome === 'no-tag') return 'no-such-image';
  if (!anonymous) return 'wrong-credentials';
  return candidates.some((c) => c.status === 'other-namespace') ? 'secret-other-namespace' : 'no-credentials';
}

export function decidePull(cluster: Cluster, pod: Pod, container: Container, ref: ImageRef): PullDecision {
  const imagePullPolicy = container.imagePullPolicy ?? defaultPullPolicy(ref);
  const candidates = candidateSecrets(cluster, pod);
  const keyring = buildKeyring(candidates.filter((c) => c.status === 'no-match').map((c) => ({ name: c.name, entries: c.entries })));
  // The kubelet looks up the repository name without tag or digest (parsers.ParseImageName's repoToPull).
  const matched = lookup(keyring, `${ref.registry}/${ref.repository}`);
  const matchedSecrets = new Set(matched.map((c) => c.secret));
  const secrets = candidates.map((c) => ({
    name: c.name,
    from: c.from,
    status: c.status === 'no-match' && matchedSecrets.has(c.name) ? ('used' as const) : c.status,
  }));

  if (imagePullPolicy === 'Never') {
    // Lab rule: there is no node image cache to consult, so an image that is never pulled is taken to be present.
    return { candidates, result: { state: 'Pulled', credentials: null, cause: null, message: null, attempts: [], imagePullPolicy, secrets } };
  }

  const registry = findRegistry(cluster, ref);
  const tries = matched.length > 0 ? matched : [null];
  const attempts: PullAttempt[] = [];
  const errors: string[] = [];
  const failures: { outcome: Exclude<AttemptOutcome, 'ok'>; anonymous: boolean }[] = [];
  for (const cred of tries) {
    const outcome = attempt(registry, ref, cred);
    attempts.push({ secret: cred?.secret ?? null, server: cred?.server ?? null, ok: outcome === 'ok' });
    if (outcome === 'ok') {
      return { candidates, result: { state: 'Pulled', credentials: cred?.secret ?? null, cause: null, message: null, attempts, imagePullPolicy, secrets } };
    }
    errors.push(attemptError(ref, outcome, cred === null));
    failures.push({ outcome, anonymous: cred === null });
  }
  // A missing image outranks a rejected password: fixing the credentials would not help.
  const failure = failures.find((f) => f.outcome !== 'unauthorized') ?? failures[0] ?? { outcome: 'unauthorized' as const, anonymous: true };
  return {
    candidates,
    result: {
      state: 'ErrImagePull',
      credentials: null,
      cause: causeOf(failure.outcome, failure.anonymous, candidates),
      message: pullFailedMessage(ref.original, errors),
      attempts,
      imagePullPolicy,
      secrets,
    },
  };
}
