/**
 * What a Docker daemon on the lab's host answers when it must pull an image (`docker pull`, or
 * `docker run` of an image it does not have), for the typos the catalogue can tell: a registry
 * host DNS does not know, a Docker Hub official image name Docker Hub does not have, and a Docker Hub
 * tag the catalogue knows is missing. Sources: moby
 * distribution/errors.go TranslatePullError (`manifest for %s not found: %v` with the reference's
 * FamiliarString, the registry's errcode `manifest unknown: manifest unknown`); moby registry's
 * endpoint ping (`GET https://HOST/v2/` before any pull), whose Go error is `Get "https://HOST/v2/":
 * dial tcp: lookup HOST on 127.0.0.53:53: no such host`. Lab rule: the host's Docker has every other
 * image (as if pulled before), and a lab/v1 Registry's host exists.
 */
import type { Cluster, ImageRef } from '../model/index.js';
import { hubRepositoryKnownMissing } from './catalogue/hub-library.js';
import { publicRegistryExists } from './catalogue/registries.js';
import { tagKnownMissing } from './catalogue/tags.js';
import { noSuchHostError } from './pull/messages.js';
import { registryHost } from './pull/registry.js';
import { familiarName, normalizeImage } from './reference/index.js';

export type DockerPull =
  | { readonly ok: true; readonly ref: ImageRef; readonly familiar: string; readonly full: string }
  | { readonly ok: false; readonly ref: ImageRef; readonly familiar: string; readonly error: string };

/** The daemon's verdict on pulling `image`; null when the reference does not parse (the caller says so). */
export function dockerPull(image: string, cluster: Pick<Cluster, 'registries'> | null): DockerPull | null {
  const r = normalizeImage(image);
  if (!r.ok) return null;
  const ref = r.ref;
  // reference.FamiliarString(reference.TagNameOnly(ref)): `latest` added when neither tag nor digest is given.
  const tag = ref.tag ?? (ref.digest === null ? 'latest' : null);
  const familiar = `${familiarName(ref.registry, ref.repository)}${tag !== null ? `:${tag}` : ''}${ref.digest !== null ? `@${ref.digest}` : ''}`;
  const full = ref.digest !== null ? `${ref.registry}/${ref.repository}@${ref.digest}` : `${ref.registry}/${ref.repository}:${ref.tag ?? 'latest'}`;
  const declared = (cluster?.registries ?? []).some((reg) => registryHost(reg.server) === registryHost(ref.registry));
  if (!declared && !publicRegistryExists(ref.registry)) {
    return { ok: false, ref, familiar, error: noSuchHostError('Get', `https://${ref.registry}/v2/`, ref.registry) };
  }
  if (!declared && hubRepositoryKnownMissing(ref)) {
    // errcode.ErrorCodeDenied from Docker Hub, wrapped with reference.FamiliarName (no tag).
    const error = `pull access denied for ${familiarName(ref.registry, ref.repository)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
    return { ok: false, ref, familiar, error };
  }
  if (!declared && tagKnownMissing(ref)) {
    return { ok: false, ref, familiar, error: `manifest for ${familiar} not found: manifest unknown: manifest unknown` };
  }
  return { ok: true, ref, familiar, full };
}
