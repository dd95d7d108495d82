// The port each known image's server binds, from its Dockerfile's EXPOSE line and default config:
// docker-library/nginx `EXPOSE 80`; nginxinc/docker-nginx-unprivileged `EXPOSE 8080`;
// bitnami/containers nginx `EXPOSE 8080 8443` (8443 only with TLS set up); docker-library/httpd
// `EXPOSE 80`; docker-library/redis `EXPOSE 6379`; docker-library/mysql `EXPOSE 3306 33060`;
// docker-library/postgres `EXPOSE 5432`. Base images run a shell, not a server.
import { describe, expect, it } from 'vitest';
import { normalizeImage } from '../reference/index.js';
import { knownServer } from './servers.js';

const server = (image: string) => {
  const r = normalizeImage(image);
  return r.ok ? knownServer(r.ref) : null;
};

describe('knownServer', () => {
  it.each([
    ['nginx', 'nginx', [80]],
    ['nginx:1.27-alpine', 'nginx', [80]],
    ['docker.io/library/nginx:latest', 'nginx', [80]],
    ['myprivateregistry.com:5000/nginx:alpine', 'nginx', [80]],
    ['nginxinc/nginx-unprivileged', 'nginx', [8080]],
    ['bitnami/nginx:1.27', 'nginx', [8080]],
    ['httpd:2.4', 'httpd', [80]],
    ['redis:7-alpine', 'redis', [6379]],
    ['mysql:8.4', 'mysql', [3306, 33060]],
    ['postgres:16', 'postgres', [5432]],
  ])('%s serves %s on %j', (image, kind, ports) => {
    expect(server(image)).toEqual({ kind, ports: ports.map((port) => ({ port, protocol: 'TCP' })) });
  });

  it.each(['busybox', 'alpine', 'ubuntu:22.04', 'debian', 'example.com/team/tool:1'])('%s serves nothing of its own', (image) => {
    expect(server(image)).toBeNull();
  });
});
