/**
 * What the engine knows of an image's filesystem: a lab/v1 Registry's declaration first, then the
 * built-in catalogue, else "root, with only root in /etc/passwd".
 */
import type { ImageMeta, ImageRef, RegistryImage } from '../../model/index.js';
import { bitnami, catalogue, type CatalogueEntry } from './images.js';
import { rootOnly } from './passwd.js';

/**
 * The catalogue is keyed by Docker Hub path. Images on another registry are looked up under the
 * same path (a mirror such as `myprivateregistry.com:5000/nginx` usually holds a copy of `nginx`).
 */
function hubPath(ref: ImageRef): string {
  if (ref.registry === 'docker.io') return ref.repository;
  return ref.repository.includes('/') ? ref.repository : `library/${ref.repository}`;
}

export function catalogueEntry(ref: ImageRef): CatalogueEntry | null {
  const path = hubPath(ref);
  const tag = ref.tag ?? 'latest';
  const known = Object.hasOwn(catalogue, path) ? catalogue[path] : undefined;
  if (known) return known(tag);
  if (path.startsWith('bitnami/')) return bitnami();
  return null;
}

/** A declared registry image's `user` is its USER (undefined ⇒ root); /etc/passwd still comes from the catalogue. */
export function imageMeta(ref: ImageRef | null, declared: RegistryImage | null): ImageMeta {
  const entry = ref ? catalogueEntry(ref) : null;
  if (declared) {
    return { ...(declared.user !== undefined ? { user: declared.user } : {}), passwd: entry?.passwd ?? rootOnly, source: 'registry' };
  }
  if (entry) return { ...(entry.user !== undefined ? { user: entry.user } : {}), passwd: entry.passwd, source: 'catalogue' };
  return { passwd: rootOnly, source: 'unknown' };
}
