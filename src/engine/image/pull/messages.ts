/**
 * The kubelet's "Failed to pull image" event text with containerd's error inside, so the lab shows
 * what `kubectl describe pod` shows. Sources: kubernetes/kubernetes pkg/kubelet/images/image_manager.go
 * (`Failed to pull image %q: %v`, `Failed to apply default image tag %q: %v`), pkg/util/parsers
 * (`couldn't parse image name %q: %v`); containerd CRI image_pull.go (`failed to pull and unpack image
 * %q`), client pull.go (`failed to resolve reference %q`), remotes/docker/resolver.go (`%s: not found`,
 * `pull access denied, repository does not exist or may require authorization: %w`),
 * remotes/docker/authorizer.go (`authorization failed: no basic auth credentials`, `server message:
 * insufficient_scope: authorization failed`, `failed to fetch oauth token`), remotes/errors
 * (`unexpected status from %s request to %s: %s`). The kubelet joins several failed attempts as
 * `[a, b]` (apimachinery utilerrors.NewAggregate, duplicates dropped).
 *
 * A registry host DNS does not know: containerd core/remotes/docker/resolver.go `request.do` wraps
 * the HTTP client's error as `failed to do request: %w`; the first request is the HEAD of the manifest
 * (`path.Join("/", "v2", repository, "manifests", tag)` on `https://HOST`); Go's net/http error reads
 * `Head "URL": dial tcp: lookup HOST on SERVER: no such host` (url.Error `%s %q: %s` with the method
 * as Head, net.OpError `dial tcp: …`, net.DNSError `lookup NAME on SERVER: no such host`). The
 * node's resolver is systemd-resolved's stub 127.0.0.53:53 (Ubuntu, /etc/resolv.conf), which
 * containerd reads.
 */
import type { ImageRef } from '../../model/index.js';
import { registryHostname, requestHost } from '../catalogue/registries.js';
import type { AttemptOutcome } from './registry.js';

/** The resolver a kubeadm node on Ubuntu asks (systemd-resolved's stub listener). */
export const NODE_RESOLVER = '127.0.0.53:53';

/** Go's error for a request to a registry host DNS does not know. */
export function noSuchHostError(method: 'Head' | 'Get', url: string, registry: string): string {
  return `${method} "${url}": dial tcp: lookup ${registryHostname(registry)} on ${NODE_RESOLVER}: no such host`;
}

export function invalidImageMessage(image: string, error: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${error}`;
}

/** containerd's ParseDockerRef: a reference with both tag and digest is pulled by digest. */
function pullRef(ref: ImageRef): string {
  const name = `${ref.registry}/${ref.repository}`;
  return ref.digest !== null ? `${name}@${ref.digest}` : `${name}:${ref.tag ?? 'latest'}`;
}

/** The text of one failed attempt, as containerd returns it to the kubelet. */
export function attemptError(ref: ImageRef, outcome: Exclude<AttemptOutcome, 'ok'>, anonymous: boolean): string {
  const r = pullRef(ref);
  const hub = ref.registry === 'docker.io';
  const denied = 'pull access denied, repository does not exist or may require authorization';
  let reason: string;
  if (outcome === 'unauthorized' && anonymous) {
    // Docker Hub answers with a bearer-token challenge; a basic-auth registry (registry:2 with htpasswd) with Basic.
    reason = hub ? `${denied}: server message: insufficient_scope: authorization failed` : `${denied}: authorization failed: no basic auth credentials`;
  } else if (outcome === 'unauthorized') {
    const manifest = ref.digest ?? ref.tag ?? 'latest';
    reason = hub
      ? `failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=${encodeURIComponent(`repository:${ref.repository}:pull`)}&service=registry.docker.io: 401 Unauthorized`
      : `unexpected status from HEAD request to https://${ref.registry}/v2/${ref.repository}/manifests/${manifest}: 401 Unauthorized`;
  } else if (outcome === 'no-host') {
    const manifest = ref.digest ?? ref.tag ?? 'latest';
    reason = `failed to do request: ${noSuchHostError('Head', `https://${requestHost(ref.registry)}/v2/${ref.repository}/manifests/${manifest}`, ref.registry)}`;
  } else if (outcome === 'no-repository' && hub) {
    // Docker Hub does not reveal whether a repository exists.
    reason = `${denied}: server message: insufficient_scope: authorization failed`;
  } else {
    reason = `${r}: not found`;
  }
  return `failed to pull and unpack image "${r}": failed to resolve reference "${r}": ${reason}`;
}

export function pullFailedMessage(image: string, errors: readonly string[]): string {
  const distinct = [...new Set(errors)];
  const joined = distinct.length === 1 ? (distinct[0] ?? '') : `[${distinct.join(', ')}]`;
  return `Failed to pull image "${image}": ${joined}`;
}
