/**
 * What a known image serves when its own entrypoint runs: the port its server binds by default,
 * from the images' Dockerfiles (the EXPOSE line states it) and default configs:
 * docker-library/nginx `EXPOSE 80` (default.conf `listen 80`); nginxinc/docker-nginx-unprivileged
 * `EXPOSE 8080` (it rewrites `listen 80` to 8080 so a non-root user can bind it); bitnami/nginx
 * `EXPOSE 8080 8443` (8443 only with TLS configured, so 8080); docker-library/httpd `EXPOSE 80`;
 * docker-library/redis `EXPOSE 6379`; docker-library/mysql `EXPOSE 3306 33060` (classic protocol and
 * X protocol); docker-library/postgres `EXPOSE 5432`. Shells and base images (busybox, alpine,
 * ubuntu, debian) serve nothing.
 */
import type { ImageRef, Protocol, ServerKind } from '../../model/index.js';
import { hubPath } from './lookup.js';

export interface KnownServer {
  readonly kind: ServerKind;
  readonly ports: readonly { readonly port: number; readonly protocol: Protocol }[];
}

const tcp = (...ports: number[]) => ports.map((port) => ({ port, protocol: 'TCP' as const }));

/** Keyed by Docker Hub repository path, as the rest of the catalogue. */
const SERVERS: Readonly<Record<string, KnownServer>> = {
  'library/nginx': { kind: 'nginx', ports: tcp(80) },
  'nginxinc/nginx-unprivileged': { kind: 'nginx', ports: tcp(8080) },
  'bitnami/nginx': { kind: 'nginx', ports: tcp(8080) },
  'library/httpd': { kind: 'httpd', ports: tcp(80) },
  'library/redis': { kind: 'redis', ports: tcp(6379) },
  'library/mysql': { kind: 'mysql', ports: tcp(3306, 33060) },
  'library/postgres': { kind: 'postgres', ports: tcp(5432) },
};

/** The server a known image runs, or null (unknown images and base images: only what the pod declares). */
export function knownServer(ref: ImageRef | null): KnownServer | null {
  if (!ref) return null;
  const path = hubPath(ref);
  return Object.hasOwn(SERVERS, path) ? SERVERS[path] ?? null : null;
}
