/**
 * The simulated registries. A declared one (lab/v1 Registry) answers like a real registry:
 * authentication first, then the manifest. An undeclared host must be one of the public registries
 * DNS knows (catalogue/registries.ts), else the pull fails before any request ('no-host'); there,
 * every image exists (lab rule) except a Docker Hub official image name Docker Hub does not have
 * (catalogue/hub-library.ts) and a Docker Hub tag the built-in catalogue knows is not there
 * (catalogue/tags.ts).
 */
import type { Cluster, ImageRef, Registry, RegistryImage } from '../../model/index.js';
import { hubRepositoryKnownMissing } from '../catalogue/hub-library.js';
import { publicRegistryExists } from '../catalogue/registries.js';
import { tagKnownMissing } from '../catalogue/tags.js';
import { splitDockerDomain } from '../reference/index.js';

/** `https://Index.Docker.io/` and `docker.io` name the same registry; hosts are case-insensitive. */
export function registryHost(server: string): string {
  const host = server.trim().replace(/^https?:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  return host === 'index.docker.io' ? 'docker.io' : host;
}

export function findRegistry(cluster: Cluster, ref: ImageRef): Registry | null {
  const host = registryHost(ref.registry);
  return cluster.registries.find((r) => registryHost(r.server) === host) ?? null;
}

/** The declared image for the reference's repository (Docker Hub's `nginx` is `library/nginx`). */
export function findRegistryImage(registry: Registry, ref: ImageRef): RegistryImage | null {
  const isHub = registryHost(registry.server) === 'docker.io';
  return registry.images.find((img) => {
    const path = isHub ? splitDockerDomain(`docker.io/${img.repository}`).remainder : img.repository.replace(/^\/+/, '');
    return path === ref.repository;
  }) ?? null;
}

/** A tag exists when the image lists it, or lists no tags at all (lab shorthand); digests are not checked. */
export function hasTag(image: RegistryImage, ref: ImageRef): boolean {
  if (ref.tag === null || image.tags.length === 0) return true;
  return image.tags.includes(ref.tag);
}

export type AttemptOutcome = 'ok' | 'unauthorized' | 'no-repository' | 'no-tag' | 'no-host';

/**
 * One pull attempt with the given credentials (null: anonymous). A registry that declares no
 * credentials ignores any it is sent (like a registry without auth); one that declares some checks
 * them even when public (a registry rejects a wrong password before it looks at the image).
 */
export function attempt(registry: Registry | null, ref: ImageRef, creds: { username: string; password: string } | null): AttemptOutcome {
  if (registry === null) {
    if (!publicRegistryExists(ref.registry)) return 'no-host';
    if (hubRepositoryKnownMissing(ref)) return 'no-repository';
    return tagKnownMissing(ref) ? 'no-tag' : 'ok';
  }
  if (creds === null) {
    if (registry.private) return 'unauthorized';
  } else if (registry.credentials.length > 0 || registry.private) {
    const accepted = registry.credentials.some((c) => c.username === creds.username && c.password === creds.password);
    if (!accepted) return 'unauthorized';
  }
  const image = findRegistryImage(registry, ref);
  if (image === null) return 'no-repository';
  return hasTag(image, ref) ? 'ok' : 'no-tag';
}
