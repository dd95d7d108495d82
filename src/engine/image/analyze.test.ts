// The course's private registry scenario (kubernetes-security-notes.ko.md, "Image Security"):
// `kubectl create secret docker-registry private-reg-cred --docker-server=myprivateregistry.com:5000
// --docker-username=dock_user --docker-password=dock_password --docker-email=dock_user@myprivateregistry.com`.
// Behaviour: kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_image.go (PullImage),
// pkg/credentialprovider/keyring.go; messages: containerd remotes/docker (authorizer.go, resolver.go).
import { describe, expect, it } from 'vitest';
import {
  cluster, container, courseCredential, coursePrivateRegistry, coursePullSecret, deployment, dockerCfgSecret, dockerConfigJson,
  dockerRegistrySecret, normalized, pod, registry, secret, serviceAccount, type Manifest, type Scenario,
} from '../../testing/image.js';
import type { Cluster, Container, Pod } from '../model/index.js';
import { analyzeImage } from './index.js';

const image = 'myprivateregistry.com:5000/nginx:alpine';
const nth = (p: Pod | undefined, i = 0): [Pod, Container] => {
  const c = p?.containers[i];
  if (!p || !c) throw new Error('no such pod or container');
  return [p, c];
};
const analyzeIn = (c: Cluster, p: Pod | undefined, i = 0) => analyzeImage(c, ...nth(p, i));
/** The pull verdict for `p`'s first container, everything read through normalize/. */
const run = (c: Scenario, p: Manifest) => {
  const { cluster: normal, pods } = normalized(c, p);
  return analyzeIn(normal, pods[0]);
};
const ref = 'myprivateregistry.com:5000/nginx:alpine';
const prefix = `Failed to pull image "${image}": failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": `;

describe('course scenario: myprivateregistry.com:5000/nginx:alpine', () => {
  it('without imagePullSecrets ⇒ ErrImagePull, no-credentials, containerd basic-auth text', () => {
    const { report } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret()] }), pod({ image }));
    expect(report.pull).toMatchObject({ state: 'ErrImagePull', cause: 'no-credentials', credentials: null, attempts: [{ secret: null, ok: false }] });
    expect(report.pull.message).toBe(`${prefix}pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials`);
  });

  it('with imagePullSecrets: [private-reg-cred] ⇒ Pulled with private-reg-cred', () => {
    const { report, diagnostics } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret()] }), pod({ image, imagePullSecrets: ['private-reg-cred'] }));
    expect(report.pull).toMatchObject({
      state: 'Pulled', credentials: 'private-reg-cred', cause: null, message: null,
      attempts: [{ secret: 'private-reg-cred', server: 'myprivateregistry.com:5000', ok: true }],
      secrets: [{ name: 'private-reg-cred', from: 'pod', status: 'used' }],
      imagePullPolicy: 'IfNotPresent',
    });
    expect(report.ref?.reference).toBe(ref);
    expect(report.meta.source).toBe('registry');
    expect(diagnostics).toEqual([]);
  });

  it('wrong password ⇒ wrong-credentials, 401 on the manifest HEAD, no anonymous retry', () => {
    const { report } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret({ password: 'wrong' })] }), pod({ image, imagePullSecrets: ['private-reg-cred'] }));
    expect(report.pull).toMatchObject({ state: 'ErrImagePull', cause: 'wrong-credentials', attempts: [{ secret: 'private-reg-cred', ok: false }] });
    expect(report.pull.message).toBe(`${prefix}unexpected status from HEAD request to https://myprivateregistry.com:5000/v2/nginx/manifests/alpine: 401 Unauthorized`);
  });

  it('secret only in another namespace ⇒ secret-other-namespace, plus a warning at the pod', () => {
    const { report, diagnostics } = run(
      cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret({ namespace: 'dev' })] }),
      pod({ image, imagePullSecrets: ['private-reg-cred'] }),
    );
    expect(report.pull).toMatchObject({ state: 'ErrImagePull', cause: 'secret-other-namespace', secrets: [{ name: 'private-reg-cred', status: 'other-namespace' }] });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'pull-secret-missing', ref: { path: ['spec', 'imagePullSecrets', 0] } });
    expect(diagnostics[0]?.message).toContain('"dev"');
  });

  it('--docker-server=myprivateregistry.com (no port) ⇒ no match, anonymous pull fails', () => {
    const { report } = run(
      cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret({ server: 'myprivateregistry.com' })] }),
      pod({ image, imagePullSecrets: ['private-reg-cred'] }),
    );
    expect(report.pull).toMatchObject({ state: 'ErrImagePull', cause: 'no-credentials', attempts: [{ secret: null }], secrets: [{ status: 'no-match' }] });
  });

  it('kubectl default server (Docker Hub) does not match the private registry', () => {
    const s = dockerRegistrySecret('hub', { username: 'dock_user', password: 'dock_password' });
    const { report } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [s] }), pod({ image, imagePullSecrets: ['hub'] }));
    expect(report.pull.cause).toBe('no-credentials');
  });

  it('https:// and /v2/ around the server still match', () => {
    const { report } = run(
      cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret({ server: 'https://myprivateregistry.com:5000/v2/' })] }),
      pod({ image, imagePullSecrets: ['private-reg-cred'] }),
    );
    expect(report.pull.state).toBe('Pulled');
  });

  it('a tag the registry lacks ⇒ no-such-image, "not found"', () => {
    const missing = 'myprivateregistry.com:5000/nginx:1.99';
    const { report } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret()] }), pod({ image: missing, imagePullSecrets: ['private-reg-cred'] }));
    expect(report.pull).toMatchObject({ state: 'ErrImagePull', cause: 'no-such-image' });
    expect(report.pull.message).toMatch(/: myprivateregistry\.com:5000\/nginx:1\.99: not found$/);
  });

  it('a repository the registry lacks ⇒ no-such-image', () => {
    const { report } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret()] }), pod({ image: 'myprivateregistry.com:5000/redis:alpine', imagePullSecrets: ['private-reg-cred'] }));
    expect(report.pull.cause).toBe('no-such-image');
  });
});

describe('credentials from the ServiceAccount', () => {
  const c = (extra: Scenario = {}) => cluster({
    registries: [coursePrivateRegistry()], secrets: [coursePullSecret()],
    serviceAccounts: [serviceAccount('default', ['private-reg-cred'])], ...extra,
  });
  it('are used when the pod lists none', () => {
    const { report } = run(c(), pod({ image }));
    expect(report.pull).toMatchObject({ state: 'Pulled', credentials: 'private-reg-cred', secrets: [{ from: 'serviceAccount', status: 'used' }] });
  });
  it('are ignored when the pod lists its own', () => {
    const { report } = run(c({ secrets: [coursePullSecret(), secret('other', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': '{"auths":{}}' } })] }), pod({ image, imagePullSecrets: ['other'] }));
    expect(report.pull).toMatchObject({ state: 'ErrImagePull', secrets: [{ name: 'other', from: 'pod', status: 'no-match' }] });
  });
  it('come from the pod\'s own serviceAccountName', () => {
    const { report } = run(c({ serviceAccounts: [serviceAccount('builder', ['private-reg-cred'])] }), pod({ image, serviceAccountName: 'builder' }));
    expect(report.pull.credentials).toBe('private-reg-cred');
  });
});

describe('secrets that do not count', () => {
  it('a missing secret is a warning and is skipped; the next one pulls', () => {
    const { report, diagnostics } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret()] }), pod({ image, imagePullSecrets: ['nope', 'private-reg-cred'] }));
    expect(report.pull).toMatchObject({ state: 'Pulled', secrets: [{ name: 'nope', status: 'missing' }, { name: 'private-reg-cred', status: 'used' }] });
    expect(diagnostics.map((d) => [d.code, d.ref?.path])).toEqual([['pull-secret-missing', ['spec', 'imagePullSecrets', 0]]]);
  });
  it('an Opaque secret with the right name is not used', () => {
    // No type: the API server's default, Opaque; same key and content as the course secret.
    const opaque = secret('private-reg-cred', { data: { '.dockerconfigjson': dockerConfigJson(courseCredential()) } });
    const { report, diagnostics } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [opaque] }), pod({ image, imagePullSecrets: ['private-reg-cred'] }));
    expect(report.pull).toMatchObject({ state: 'ErrImagePull', cause: 'no-credentials', secrets: [{ status: 'wrong-type' }] });
    expect(diagnostics.map((d) => d.code)).toEqual(['pull-secret-wrong-type']);
  });
  it('a kubernetes.io/dockercfg secret counts', () => {
    // The legacy type needs its own key and format (`.dockercfg`, no "auths"); the API server refuses
    // a dockercfg secret holding `.dockerconfigjson`.
    const cfg = dockerCfgSecret('private-reg-cred', courseCredential());
    expect(run(cluster({ registries: [coursePrivateRegistry()], secrets: [cfg] }), pod({ image, imagePullSecrets: ['private-reg-cred'] })).report.pull.state).toBe('Pulled');
  });
  it('warnings are reported once per pod, on its first container', () => {
    const { cluster: c, pods: [p] } = normalized(cluster(), pod({ imagePullSecrets: ['nope'], containers: [container('nginx'), container('redis', { name: 'b' })] }));
    expect(analyzeIn(c, p, 0).diagnostics).toHaveLength(1);
    expect(analyzeIn(c, p, 1).diagnostics).toHaveLength(0);
  });
  it('and once per workload, on its first pod', () => {
    const { cluster: c, pods: [p0, p1] } = normalized(cluster(), deployment('web', 2, { imagePullSecrets: ['nope'] }));
    expect([p0?.owner, p1?.owner]).toEqual([{ kind: 'Deployment', name: 'web' }, { kind: 'Deployment', name: 'web' }]);
    expect([analyzeIn(c, p0).diagnostics.length, analyzeIn(c, p1).diagnostics.length]).toEqual([1, 0]);
  });
});

describe('several matching credentials', () => {
  it('are tried in keyring order; the first that works pulls', () => {
    const wrong = coursePullSecret({ name: 'a-wrong', password: 'x' });
    const right = coursePullSecret({ name: 'b-right' });
    const { report } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [wrong, right] }), pod({ image, imagePullSecrets: ['a-wrong', 'b-right'] }));
    expect(report.pull).toMatchObject({ state: 'Pulled', credentials: 'b-right', attempts: [{ secret: 'a-wrong', ok: false }, { secret: 'b-right', ok: true }] });
  });
  it('when all fail the kubelet aggregates the errors as [a, b]', () => {
    const w1 = coursePullSecret({ name: 'w1', password: 'x' });
    const w2 = coursePullSecret({ name: 'w2', server: 'https://myprivateregistry.com:5000/nginx', password: 'y' });
    const { report } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [w1, w2] }), pod({ image, imagePullSecrets: ['w1', 'w2'] }));
    // Both fail with the same text; duplicates are dropped.
    expect(report.pull.attempts.map((a) => a.secret)).toEqual(['w2', 'w1']);
    expect(report.pull.message?.startsWith(`Failed to pull image "${image}": failed to pull`)).toBe(true);
    const hub = registry('docker.io', { credentials: [{ username: 'u', password: 'p' }], images: [{ repository: 'team/app', tags: [] }] });
    const h1 = dockerRegistrySecret('h1', { username: 'u', password: 'bad' });
    const { report: r2 } = run(cluster({ registries: [coursePrivateRegistry(), hub], secrets: [h1, w1] }), pod({ image: 'team/app:1', imagePullSecrets: ['h1'] }));
    expect(r2.pull.message).toBe('Failed to pull image "team/app:1": failed to pull and unpack image "docker.io/team/app:1": failed to resolve reference "docker.io/team/app:1": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Ateam%2Fapp%3Apull&service=registry.docker.io: 401 Unauthorized');
  });
});

describe('registries', () => {
  it('an undeclared registry is public and has every image', () => {
    const { report } = run(cluster(), pod({ image: 'gcr.io/whatever/thing:v9' }));
    expect(report.pull).toMatchObject({ state: 'Pulled', credentials: null, attempts: [{ secret: null, ok: true }] });
  });
  it('a private Docker Hub repository needs credentials; kubectl\'s default server matches docker.io', () => {
    const hub = registry('docker.io', { credentials: [{ username: 'me', password: 'pw' }], images: [{ repository: 'me/private', tags: ['1'] }] });
    const s = dockerRegistrySecret('hub', { username: 'me', password: 'pw' });
    const c = cluster({ registries: [hub], secrets: [s] });
    expect(run(c, pod({ image: 'me/private:1' })).report.pull.message).toBe('Failed to pull image "me/private:1": failed to pull and unpack image "docker.io/me/private:1": failed to resolve reference "docker.io/me/private:1": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
    expect(run(c, pod({ image: 'me/private:1', imagePullSecrets: ['hub'] })).report.pull.credentials).toBe('hub');
  });
  it('registry-1.docker.io is not an alias of Docker Hub in the keyring', () => {
    const hub = registry('docker.io', { credentials: [{ username: 'me', password: 'pw' }], images: [{ repository: 'me/private', tags: ['1'] }] });
    const s = dockerRegistrySecret('hub', { server: 'registry-1.docker.io', username: 'me', password: 'pw' });
    expect(run(cluster({ registries: [hub], secrets: [s] }), pod({ image: 'me/private:1', imagePullSecrets: ['hub'] })).report.pull.cause).toBe('no-credentials');
  });
  it('Docker Hub official images are declared as `nginx` or `library/nginx`', () => {
    for (const repository of ['nginx', 'library/nginx']) {
      const hub = registry('docker.io', { private: false, images: [{ repository, tags: ['1.27'] }] });
      expect(run(cluster({ registries: [hub] }), pod({ image: 'nginx:1.27' })).report.pull.state).toBe('Pulled');
      expect(run(cluster({ registries: [hub] }), pod({ image: 'nginx:1.28' })).report.pull.cause).toBe('no-such-image');
    }
  });
  it('a public declared registry with credentials rejects wrong ones but serves anonymous pulls', () => {
    const reg = registry('reg.io', { private: false, credentials: [{ username: 'a', password: 'b' }], images: [{ repository: 'x', tags: ['1'] }] });
    const bad = dockerRegistrySecret('bad', { server: 'reg.io', username: 'a', password: 'c' });
    const c = cluster({ registries: [reg], secrets: [bad] });
    expect(run(c, pod({ image: 'reg.io/x:1' })).report.pull.state).toBe('Pulled');
    expect(run(c, pod({ image: 'reg.io/x:1', imagePullSecrets: ['bad'] })).report.pull.cause).toBe('wrong-credentials');
  });
});

describe('invalid references', () => {
  it('stay in the analysis as InvalidImageName with the kubelet\'s message and an error diagnostic', () => {
    const { report, diagnostics } = run(cluster(), pod({ image: 'busyBOX' }));
    const message = 'Failed to apply default image tag "busyBOX": couldn\'t parse image name "busyBOX": invalid reference format: repository name (library/busyBOX) must be lowercase';
    expect(report).toMatchObject({ ref: null, pull: { state: 'InvalidImageName', cause: 'invalid-reference', message, imagePullPolicy: 'IfNotPresent' }, meta: { source: 'unknown' } });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'image-invalid', message, ref: { file: 'pod.yaml', doc: 0, path: ['spec', 'containers', 0, 'image'] } })]);
  });
});

describe('imagePullPolicy', () => {
  it.each([
    ['nginx', undefined, 'Always'],
    ['nginx:latest', undefined, 'Always'],
    ['nginx:1.27', undefined, 'IfNotPresent'],
    [`nginx@sha256:${'a'.repeat(64)}`, undefined, 'IfNotPresent'],
    [`nginx:latest@sha256:${'a'.repeat(64)}`, undefined, 'Always'],
    ['nginx', 'IfNotPresent', 'IfNotPresent'],
  ] as const)('%s with %s ⇒ %s', (img, policy, expected) => {
    const p = pod({ containers: [container(img, policy ? { imagePullPolicy: policy } : {})] });
    expect(run(cluster(), p).report.pull.imagePullPolicy).toBe(expected);
  });
  it('Never does not pull (lab rule: the image is taken to be on the node)', () => {
    const p = pod({ containers: [container(image, { imagePullPolicy: 'Never' })] });
    expect(run(cluster({ registries: [coursePrivateRegistry()] }), p).report.pull).toMatchObject({ state: 'Pulled', attempts: [] });
  });
});

describe('aggregated failures', () => {
  it('different errors are joined as [a, b]; a missing image outranks a rejected password', () => {
    const wrong = coursePullSecret({ name: 'a-wrong', password: 'x' });
    const right = coursePullSecret({ name: 'b-right' });
    const missing = 'myprivateregistry.com:5000/nginx:9';
    const r = 'myprivateregistry.com:5000/nginx:9';
    const { report } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [wrong, right] }), pod({ image: missing, imagePullSecrets: ['a-wrong', 'b-right'] }));
    expect(report.pull.cause).toBe('no-such-image');
    expect(report.pull.message).toBe(`Failed to pull image "${missing}": [failed to pull and unpack image "${r}": failed to resolve reference "${r}": unexpected status from HEAD request to https://myprivateregistry.com:5000/v2/nginx/manifests/9: 401 Unauthorized, failed to pull and unpack image "${r}": failed to resolve reference "${r}": ${r}: not found]`);
  });
});
