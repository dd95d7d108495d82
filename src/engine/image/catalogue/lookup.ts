/**
 * What the engine knows of an image's filesystem: a lab/v1 Registry's declaration first, then the
 * built-in catalogue, else "root, with only root in /etc/passwd".
 */
import type { ImageMeta, ImageRef, PasswdEntry, RegistryImage } from '../../model/index.js';
import { bitnami, catalogue, type CatalogueEntry } from './images.js';
import { rootOnly } from './passwd.js';

/**
 * The catalogue is keyed by Docker Hub path. Images on another registry are looked up under the
 * same path (a mirror such as `myprivateregistry.com:5000/nginx` usually holds a copy of `nginx`).
 */
export function hubPath(ref: ImageRef): string {
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

/**
 * A declared registry image's `user` is its USER (undefined ⇒ root); /etc/passwd comes from the
 * catalogue, plus the USER when it is a name the catalogue lacks (see withImageUser).
 */
export function imageMeta(ref: ImageRef | null, declared: RegistryImage | null): ImageMeta {
  const entry = ref ? catalogueEntry(ref) : null;
  if (declared) {
    const passwd = withImageUser(entry?.passwd ?? rootOnly, declared.user);
    return { ...(declared.user !== undefined ? { user: declared.user } : {}), passwd, ...(entry?.groups ? { groups: entry.groups } : {}), source: 'registry' };
  }
  if (entry) return { ...(entry.user !== undefined ? { user: entry.user } : {}), passwd: entry.passwd, ...(entry.groups ? { groups: entry.groups } : {}), source: 'catalogue' };
  return { passwd: rootOnly, source: 'unknown' };
}

/**
 * Lab rule: a lab/v1 Registry image whose USER is a name was built with `useradd NAME` too, so
 * its /etc/passwd has NAME; useradd (shadow-utils: UID_MIN 1000, USERGROUPS_ENAB) gives it the
 * first uid after the highest one in use from 1000 up, and a primary group of the same number.
 * A numeric USER (`1000` or `1000:1000`) needs no passwd entry and gets none.
 */
function withImageUser(passwd: readonly PasswdEntry[], user: string | undefined): readonly PasswdEntry[] {
  const name = (user ?? '').split(':')[0] ?? '';
  if (name === '' || /^[+-]?[0-9]+$/.test(name) || passwd.some((e) => e.name === name)) return passwd;
  const uid = Math.max(999, ...passwd.filter((e) => e.uid >= 1000 && e.uid < 60000).map((e) => e.uid)) + 1;
  return [...passwd, { name, uid, gid: uid }];
}
