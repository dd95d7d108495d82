// Registry and tag typos (issue 17): which registry hosts exist and which Docker Hub tags the
// catalogue knows are missing, and the pull errors they give. Sources: containerd
// core/remotes/docker/resolver.go (`failed to do request: %w` around the HEAD of
// `https://HOST/v2/REPO/manifests/TAG`; a 404 is `%s: not found` of the reference), containerd
// remotes/docker/config hosts.go (docker.io is requested from registry-1.docker.io), Go net/http
// url.Error (`Head "URL": …`), net.OpError (`dial tcp: …`) and net.DNSError (`lookup NAME on SERVER:
// no such host`); kubelet pkg/kubelet/images/image_manager.go (`Failed to pull image %q: %v`);
// docker-library/official-images library/* for the tag grammars.
import { describe, expect, it } from 'vitest';
import { scenarioPods } from '../../../testing/analysis.js';
import { analyze } from '../../index.js';
import type { ImageRef } from '../../model/index.js';
import { normalizeImage } from '../reference/index.js';
import { hubRepositoryKnownMissing } from './hub-library.js';
import { publicRegistryExists } from './registries.js';
import { tagKnownMissing } from './tags.js';

const ref = (image: string): ImageRef => {
  const r = normalizeImage(image);
  if (!r.ok) throw new Error(r.error);
  return r.ref;
};

describe('publicRegistryExists', () => {
  it.each([
    'docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'eu.gcr.io',
    'quay.io', 'ghcr.io', 'public.ecr.aws', 'mcr.microsoft.com', 'us-central1-docker.pkg.dev',
    '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com', 'myteam.azurecr.io', 'localhost:5000', '10.0.0.5:5000',
    'QUAY.IO',
  ])('%s exists', (host) => expect(publicRegistryExists(host)).toBe(true));
  it.each([
    'docker.i0', 'dokcer.io', 'registry.k8s.com', 'gcr.com', 'qauy.io', 'ghrc.io', 'public.ecr.aws.com',
    'myprivateregistry.com:5000', 'example.com', 'registry.example.org', 'azurecr.io',
  ])('%s does not', (host) => expect(publicRegistryExists(host)).toBe(false));
});

describe('tagKnownMissing: Docker Hub tags outside the official image\'s grammar', () => {
  it.each([
    'nginx', 'nginx:1.27', 'nginx:1.27.3', 'nginx:1.27-alpine', 'nginx:1.27.3-alpine3.20-perl', 'nginx:stable-alpine',
    'nginx:mainline-bookworm', 'nginx:alpine-slim', 'ubuntu:24.04', 'ubuntu:noble', 'ubuntu:jammy-20240427', 'ubuntu:noble-20240904.1', 'ubuntu:rolling',
    'debian:bookworm-slim', 'debian:12.5', 'busybox:1.36', 'busybox:1.36.1-glibc', 'busybox:musl', 'alpine:3.20',
    'alpine:edge', 'httpd:2.4-alpine', 'redis:7-alpine', 'postgres:16', 'postgres:16-bookworm', 'mysql:8.4',
    'mysql:8.0-debian', 'node:20-alpine', 'node:lts-slim', 'python:3.12-slim-bookworm',
    // Not judged: unknown images, other registries (a mirror may carry any tag), digests.
    'library/someapp:whatever', 'quay.io/nginx/nginx:lates',
    'nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000',
  ])('%s may exist', (image) => expect(tagKnownMissing(ref(image))).toBe(false));
  it.each([
    'nginx:lates', 'nginx:1.277-alpin', 'nginx:2.0', 'nginx:doesnotexist', 'ubuntu:24.4', 'ubuntu:nobel', 'ubuntu:latests',
    'debian:bookwrm', 'busybox:1.36-glbc', 'alpine:3.2O', 'redis:7-alpinee', 'postgres:6', 'node:20-alpnie', 'python:4',
    'docker.io/library/nginx:1.27-alpin',
  ])('%s does not', (image) => expect(tagKnownMissing(ref(image))).toBe(true));
});

describe('hubRepositoryKnownMissing: one-word Docker Hub names outside docker-library/official-images library/', () => {
  it.each([
    'nginx', 'ubuntu:24.04', 'busybox', 'library/alpine', 'docker.io/library/redis:7', 'index.docker.io/mysql',
    // Deprecated official images keep their repositories (removed from library/ in 2021-2024).
    'centos:7', 'jenkins', 'java:8', 'sl:7', 'rocket.chat',
    // Not judged: a user's or organisation's repository, another registry, a mirror's path.
    'kodekloud/webapp-color', 'ngnix/ngnix', 'quay.io/ngnix', 'myprivateregistry.com:5000/ngnix', 'localhost:5000/app',
  ])('%s may exist', (image) => expect(hubRepositoryKnownMissing(ref(image))).toBe(false));
  it.each(['ngnix', 'nignx:1.27', 'ubunut', 'buysbox', 'library/alpien', 'docker.io/library/postgress:16', 'mysq1', 'webapp', 'scratch'])(
    '%s does not', (image) => expect(hubRepositoryKnownMissing(ref(image))).toBe(true));
});

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: ${image}
`;
const pullIn = (text: string) => scenarioPods(analyze([{ name: 'pods.yaml', text }]))[0]?.containers[0]?.image.pull;
const pull = (image: string) => pullIn(pod(image));

describe('pulls that fail like a real node\'s', () => {
  it('an unknown registry host: DNS has no such host (containerd: failed to do request)', () => {
    expect(pull('docker.i0/nginx:1.27')).toMatchObject({
      state: 'ErrImagePull',
      cause: 'no-such-host',
      message: 'Failed to pull image "docker.i0/nginx:1.27": failed to pull and unpack image "docker.i0/nginx:1.27": failed to resolve reference "docker.i0/nginx:1.27": failed to do request: Head "https://docker.i0/v2/nginx/manifests/1.27": dial tcp: lookup docker.i0 on 127.0.0.53:53: no such host',
    });
  });
  it('the lookup names the host without its port; the URL keeps it; no tag means latest', () => {
    expect(pull('regsitry.example.com:5000/team/app')?.message).toBe(
      'Failed to pull image "regsitry.example.com:5000/team/app": failed to pull and unpack image "regsitry.example.com:5000/team/app:latest": failed to resolve reference "regsitry.example.com:5000/team/app:latest": failed to do request: Head "https://regsitry.example.com:5000/v2/team/app/manifests/latest": dial tcp: lookup regsitry.example.com on 127.0.0.53:53: no such host',
    );
  });
  it('a Docker Hub tag the catalogue knows is missing: not found', () => {
    expect(pull('nginx:1.27-alpin')).toMatchObject({
      state: 'ErrImagePull',
      cause: 'no-such-image',
      message: 'Failed to pull image "nginx:1.27-alpin": failed to pull and unpack image "docker.io/library/nginx:1.27-alpin": failed to resolve reference "docker.io/library/nginx:1.27-alpin": docker.io/library/nginx:1.27-alpin: not found',
    });
  });
  it('a misspelled official image: Docker Hub answers access denied (it never says a repository is missing)', () => {
    // containerd remotes/docker/resolver.go: `pull access denied, repository does not exist or may
    // require authorization: %w` around the authorizer's `server message: insufficient_scope:
    // authorization failed` (Docker Hub's token has no pull scope for a repository it does not have).
    expect(pull('ngnix:1.27')).toMatchObject({
      state: 'ErrImagePull',
      cause: 'no-such-image',
      message: 'Failed to pull image "ngnix:1.27": failed to pull and unpack image "docker.io/library/ngnix:1.27": failed to resolve reference "docker.io/library/ngnix:1.27": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
  });
  it.each(['nginx', 'nginx:1.27-alpine', 'registry.k8s.io/pause:3.9', 'gcr.io/distroless/static:nonroot', 'quay.io/prometheus/prometheus:v2.53.0',
    'ghcr.io/org/tool:1', 'public.ecr.aws/docker/library/nginx:latest', 'mcr.microsoft.com/dotnet/runtime:8.0', 'localhost:5000/app:1'])(
    '%s still pulls', (image) => expect(pull(image)).toMatchObject({ state: 'Pulled', cause: null }));
  it('a host a lab/v1 Registry declares is looked up there, not in DNS', () => {
    const registry = `apiVersion: lab/v1
kind: Registry
metadata:
  name: private
spec:
  server: myprivateregistry.com:5000
  private: false
  images:
  - repository: nginx
    tags: [alpine]
`;
    expect(pullIn(`${registry}---\n${pod('myprivateregistry.com:5000/nginx:alpine')}`)?.state).toBe('Pulled');
  });
});
