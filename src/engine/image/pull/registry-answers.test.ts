// How a declared lab/v1 Registry answers a pull (registry.ts; the lab's rules are in its header and
// engine-spec section 5), which credentials reach it (the kubelet's pull secrets: the pod's, else its
// own ServiceAccount's, read from the pod's namespace; pkg/credentialprovider/secrets), and the
// failure text for a reference with a digest: containerd pulls a reference with tag and digest by
// the digest (reference.ParseDockerRef) and asks for the manifest by digest (remotes/docker
// resolver.go HEAD /v2/REPO/manifests/DIGEST; the 401 is remotes/errors `unexpected status from
// HEAD request to %s: %s`); the kubelet wraps it in `Failed to pull image %q: %v` (image_manager.go).
import { describe, expect, it } from 'vitest';
import {
  cluster, coursePrivateRegistry, coursePullSecret, dockerRegistrySecret, normalized, pod, registry, serviceAccount,
  type Manifest, type Scenario,
} from '../../../testing/image.js';
import { scenarioPods } from '../../../testing/analysis.js';
import { analyze } from '../../index.js';
import { analyzeImage } from '../index.js';

const run = (s: Scenario, p: Manifest) => {
  const { cluster: c, pods } = normalized(s, p);
  const q = pods[0];
  const container = q?.containers[0];
  if (!q || !container) throw new Error('no pod');
  return analyzeImage(c, q, container);
};
const digest = `sha256:${'ab'.repeat(32)}`;
/** registry() names the object after its server; a server with a scheme or spaces needs a name of its own. */
const named = (server: string, o: Parameters<typeof registry>[1]): Manifest => ({ ...registry(server, o), metadata: { name: 'declared' } });

describe('a declared registry: which server names it', () => {
  it.each([
    'https://index.docker.io/v1/', 'http://index.docker.io', 'HTTPS://Index.Docker.io/', 'index.docker.io', ' docker.io ',
  ])('%s is Docker Hub, so its private image refuses an anonymous pull', (server) => {
    const hub = named(server, { credentials: [{ username: 'me', password: 'pw' }], images: [{ repository: 'me/private', tags: ['1'] }] });
    expect(run(cluster({ registries: [hub] }), pod({ image: 'me/private:1' })).report.pull.cause).toBe('no-credentials');
  });

  it('http:// before a host with a port is dropped too', () => {
    const reg = named('http://reg.example.com:5000/', { private: false, images: [{ repository: 'team/app', tags: ['1'] }] });
    const s = cluster({ registries: [reg] });
    expect(run(s, pod({ image: 'reg.example.com:5000/team/app:1' })).report.pull.state).toBe('Pulled');
    // Declared, so the registry answers: it does not hold team/app:2.
    expect(run(s, pod({ image: 'reg.example.com:5000/team/app:2' })).report.pull.cause).toBe('no-such-image');
  });
});

describe('a declared registry: which repositories and tags it holds', () => {
  it('a repository written with leading slashes is the same repository', () => {
    const reg = registry('reg.example.com', { private: false, images: [{ repository: '//team/app', tags: ['1'] }] });
    expect(run(cluster({ registries: [reg] }), pod({ image: 'reg.example.com/team/app:1' })).report.pull.state).toBe('Pulled');
  });
  it('an image written with `tags: []` has every tag (lab shorthand)', () => {
    const reg = registry('reg.example.com', { private: false, images: [{ repository: 'app', tags: [] }] });
    expect(run(cluster({ registries: [reg] }), pod({ image: 'reg.example.com/app:anything' })).report.pull.state).toBe('Pulled');
  });
  it('a digest is not checked against the tags', () => {
    const reg = registry('reg.example.com', { private: false, images: [{ repository: 'app', tags: ['1'] }] });
    expect(run(cluster({ registries: [reg] }), pod({ image: `reg.example.com/app@${digest}` })).report.pull.state).toBe('Pulled');
  });
});

describe('a declared registry: credentials', () => {
  const secretFor = (name: string, username: string, password: string) => dockerRegistrySecret(name, { server: 'reg.example.com', username, password });
  it('a registry that declares none ignores the ones it is sent', () => {
    const reg = registry('reg.example.com', { private: false, images: [{ repository: 'app', tags: ['1'] }] });
    const r = run(cluster({ registries: [reg], secrets: [secretFor('s', 'any', 'thing')] }), pod({ image: 'reg.example.com/app:1', imagePullSecrets: ['s'] }));
    expect(r.report.pull).toMatchObject({ state: 'Pulled', credentials: 's' });
  });
  it('any one of its credentials is accepted, user and password together', () => {
    const reg = registry('reg.example.com', { credentials: [{ username: 'a', password: '1' }, { username: 'b', password: '2' }], images: [{ repository: 'app', tags: ['1'] }] });
    const image = 'reg.example.com/app:1';
    expect(run(cluster({ registries: [reg], secrets: [secretFor('s', 'b', '2')] }), pod({ image, imagePullSecrets: ['s'] })).report.pull.state).toBe('Pulled');
    expect(run(cluster({ registries: [reg], secrets: [secretFor('s', 'b', '1')] }), pod({ image, imagePullSecrets: ['s'] })).report.pull.cause).toBe('wrong-credentials');
    expect(run(cluster({ registries: [reg], secrets: [secretFor('s', 'c', '2')] }), pod({ image, imagePullSecrets: ['s'] })).report.pull.cause).toBe('wrong-credentials');
  });
});

describe('failures of a reference with a digest', () => {
  const ref = `myprivateregistry.com:5000/nginx@${digest}`;
  it('anonymous: the reference containerd pulls is the digest one, the tag dropped', () => {
    const image = `myprivateregistry.com:5000/nginx:alpine@${digest}`;
    expect(run(cluster({ registries: [coursePrivateRegistry()] }), pod({ image })).report.pull.message).toBe(
      `Failed to pull image "${image}": failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials`);
  });
  it('a rejected password: the manifest asked for is the digest', () => {
    const r = run(cluster({ registries: [coursePrivateRegistry()], secrets: [coursePullSecret({ password: 'wrong' })] }), pod({ image: ref, imagePullSecrets: ['private-reg-cred'] }));
    expect(r.report.pull.message).toBe(
      `Failed to pull image "${ref}": failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": unexpected status from HEAD request to https://myprivateregistry.com:5000/v2/nginx/manifests/${digest}: 401 Unauthorized`);
  });
});

describe('pull secrets: whose, and from where', () => {
  const image = 'myprivateregistry.com:5000/nginx:alpine';
  it('the pod\'s own ServiceAccount, not another in its namespace or one of the same name elsewhere', () => {
    const s = cluster({
      registries: [coursePrivateRegistry()], secrets: [coursePullSecret(), coursePullSecret({ namespace: 'dev' })],
      serviceAccounts: [serviceAccount('builder', ['private-reg-cred'], 'dev'), serviceAccount('other', ['private-reg-cred']), serviceAccount('builder', [])],
    });
    expect(run(s, pod({ image, serviceAccountName: 'builder' })).report.pull).toMatchObject({ state: 'ErrImagePull', cause: 'no-credentials', secrets: [] });
    expect(run(s, pod({ image, serviceAccountName: 'other' })).report.pull).toMatchObject({ state: 'Pulled', credentials: 'private-reg-cred' });
  });
  it('a ServiceAccount of the same name in a namespace that sorts first is not the pod\'s', () => {
    const s = cluster({
      registries: [coursePrivateRegistry()], secrets: [coursePullSecret({ namespace: 'team' })],
      serviceAccounts: [serviceAccount('builder', ['private-reg-cred'], 'dev'), serviceAccount('builder', [], 'team')],
    });
    expect(run(s, pod({ image, namespace: 'team', serviceAccountName: 'builder' })).report.pull).toMatchObject({ cause: 'no-credentials', secrets: [] });
  });
  it('a missing secret named by the ServiceAccount is reported where the ServiceAccount names it', () => {
    const { diagnostics } = run(cluster({ serviceAccounts: [serviceAccount('default', ['gone'])] }), pod({ image }));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'pull-secret-missing', ref: { file: 'serviceaccounts.yaml', doc: 0, path: ['imagePullSecrets', 0] } })]);
  });
  it('a secret only in other namespaces names them all', () => {
    const docker = (namespace: string) => coursePullSecret({ namespace });
    const { report, diagnostics } = run(cluster({ registries: [coursePrivateRegistry()], secrets: [docker('dev'), docker('prod')] }), pod({ image, imagePullSecrets: ['private-reg-cred'] }));
    expect(report.pull.cause).toBe('secret-other-namespace');
    expect(diagnostics[0]?.params).toMatchObject({ detail: 'dev, prod' });
  });
  it('a dockerconfigjson Secret the API server refuses (no key) does not exist: the kubelet finds it missing', () => {
    // Written as text: the builders refuse manifests with errors, and this one has one (data[.dockerconfigjson]: Required value).
    const text = `apiVersion: v1
kind: Secret
metadata:
  name: regcred
type: kubernetes.io/dockerconfigjson
data: {}
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  imagePullSecrets:
  - name: regcred
  containers:
  - name: web
    image: nginx:1.27
`;
    const result = analyze([{ name: 'all.yaml', text }]);
    expect(result.diagnostics.some((d) => d.code === 'secret-invalid')).toBe(true);
    expect(scenarioPods(result)[0]?.containers[0]?.image.pull).toMatchObject({ state: 'Pulled', credentials: null, secrets: [{ name: 'regcred', status: 'missing' }] });
  });
});
