// What the lab's host Docker answers to a pull (docker-pull.ts), at the engine: moby
// daemon/internal/distribution/errors.go TranslatePullError (`manifest for %s not found: %v` with
// the reference's FamiliarString, around the registry's `manifest unknown: manifest unknown`;
// `pull access denied for %s, repository does not exist or may require 'docker login'` with the
// FamiliarName); moby's registry ping `GET https://HOST/v2/`, whose Go error is `Get "URL": dial tcp:
// lookup HOST on 127.0.0.53:53: no such host`; distribution/reference FamiliarString(TagNameOnly(ref)).
import { describe, expect, it } from 'vitest';
import type { Registry } from '../model/index.js';
import { dockerPull } from './docker-pull.js';

const dbcc = 'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
const declared = (server: string): Pick<Registry, 'server'> => ({ server });
const withRegistries = (...servers: string[]) => ({ registries: servers.map(declared) as Registry[] });

describe('dockerPull: what pulls, under which names', () => {
  it.each([
    ['ubuntu', 'ubuntu:latest', 'docker.io/library/ubuntu:latest'],
    ['nginx:1.27', 'nginx:1.27', 'docker.io/library/nginx:1.27'],
    [`redis@sha256:${dbcc}`, `redis@sha256:${dbcc}`, `docker.io/library/redis@sha256:${dbcc}`],
    [`nginx:1.27@sha256:${dbcc}`, `nginx:1.27@sha256:${dbcc}`, `docker.io/library/nginx@sha256:${dbcc}`],
    ['quay.io/prometheus/prometheus', 'quay.io/prometheus/prometheus:latest', 'quay.io/prometheus/prometheus:latest'],
    ['localhost:5000/app:1', 'localhost:5000/app:1', 'localhost:5000/app:1'],
  ])('%s ⇒ %s from %s', (image, familiar, full) => {
    const r = dockerPull(image, null);
    expect(r && { ok: r.ok, familiar: r.familiar, full: r.ok ? r.full : null, original: r.ref.original }).toEqual({ ok: true, familiar, full, original: image });
  });

  it('an image that does not parse is left to the caller', () => {
    expect(dockerPull('busyBOX', null)).toBeNull();
  });
});

describe('dockerPull: the daemon\'s errors', () => {
  it.each([
    ['docker.i0/nginx:1.27', 'docker.i0/nginx:1.27', 'Get "https://docker.i0/v2/": dial tcp: lookup docker.i0 on 127.0.0.53:53: no such host'],
    ['regsitry.example.com:5000/team/app', 'regsitry.example.com:5000/team/app:latest', 'Get "https://regsitry.example.com:5000/v2/": dial tcp: lookup regsitry.example.com on 127.0.0.53:53: no such host'],
    ['ngnix:1.27', 'ngnix:1.27', 'pull access denied for ngnix, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied'],
    ['ubuntu:24.4', 'ubuntu:24.4', 'manifest for ubuntu:24.4 not found: manifest unknown: manifest unknown'],
    ['docker.io/library/nginx:lates', 'nginx:lates', 'manifest for nginx:lates not found: manifest unknown: manifest unknown'],
  ])('%s', (image, familiar, error) => {
    expect(dockerPull(image, null)).toMatchObject({ ok: false, familiar, error });
  });

  it('a host a lab/v1 Registry declares exists, and has whatever is asked of it', () => {
    expect(dockerPull('myprivateregistry.com:5000/nginx:alpine', withRegistries('myprivateregistry.com:5000'))).toMatchObject({ ok: true, full: 'myprivateregistry.com:5000/nginx:alpine' });
    expect(dockerPull('myprivateregistry.com:5000/nginx:alpine', withRegistries('other.example.com'))).toMatchObject({ ok: false });
  });

  it('a declared Docker Hub registry (written with scheme and case) answers for its own images', () => {
    const hub = withRegistries('https://Index.Docker.io/v1/');
    expect(dockerPull('ngnix:1.27', hub)).toMatchObject({ ok: true, full: 'docker.io/library/ngnix:1.27' });
    expect(dockerPull('nginx:lates', hub)).toMatchObject({ ok: true, full: 'docker.io/library/nginx:lates' });
  });
});
