// lab/v1 kinds (lab rules, engine-spec section 5): ExternalHost needs an IP, Registry a server and
// each image a repository (tags default to [latest], private to true), Cluster defaults cni calico
// and podCIDR 10.244.0.0/16; spec.podSecurity is validated as the PodSecurity admission plugin
// validates its configuration.
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';

const host = (spec: string) => `apiVersion: lab/v1\nkind: ExternalHost\nmetadata: {name: h}\nspec: ${spec}`;
const registry = (spec: string) => `apiVersion: lab/v1\nkind: Registry\nmetadata: {name: r}\nspec: ${spec}`;
const cluster = (spec: string) => `apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: ${spec}`;
const errs = (yaml: string) => run(yaml).errors.map((e) => e.message);

describe('lab kinds edges', () => {
  it('an ExternalHost without an ip is Required; an IPv6 ip is fine; a missing port is 0', () => {
    expect(errs(host('{ports: []}'))).toEqual(['spec.ip: Required value']);
    expect(errs(host('{ip: "2001:db8::5"}'))).toEqual([]);
    expect(errs(host('{ip: 1.2.3.4, ports: [{protocol: UDP}]}'))).toEqual(['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']);
    expect(errs(host('{ip: 1.2.3.4, ports: [{port: 1, protocol: ICMP}]}'))).toEqual(['spec.ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"']);
  });

  it('a Registry image without a repository is Required; private false and empty tags are kept; nameless credentials are empty strings', () => {
    expect(errs(registry('{server: r.io, images: [{tags: [a]}]}'))).toEqual(['spec.images[0].repository: Required value']);
    const r = run(registry('{server: r.io, private: false, credentials: [{}], images: [{repository: app, tags: []}]}')).cluster.registries[0];
    expect(r).toMatchObject({ private: false, credentials: [{ username: '', password: '' }], images: [{ repository: 'app', tags: [] }] });
    expect(r?.images[0] && 'user' in r.images[0]).toBe(false);
  });

  it('an empty podCIDR is the default; a null cni is calico; every CNI name is taken', () => {
    const defaults = run(cluster('{podCIDR: "", cni: null, podSecurity: null}'));
    expect(defaults.errors).toEqual([]);
    expect(defaults.cluster.config).toMatchObject({ cni: 'calico', podCIDR: '10.244.0.0/16' });
    expect('podSecurity' in defaults.cluster.config).toBe(false);
    for (const cni of ['calico', 'cilium', 'flannel', 'kindnet', 'kindnet-legacy']) {
      expect(run(cluster(`{cni: ${cni}}`)).cluster.config.cni).toBe(cni);
    }
  });

  it('no podSecurity is none; a podSecurity block is read and its errors are on its path', () => {
    const c = run(cluster('{}')).cluster.config;
    expect(c && 'podSecurity' in c).toBe(false);
    const r = run(cluster('{podSecurity: {defaults: {enforce: strict}}}'));
    expect(r.errors.map((e) => e.path)).toEqual(['spec.podSecurity.defaults.enforce']);
    expect(r.errors[0]?.message).toMatch(/^spec\.podSecurity\.defaults\.enforce: Invalid value: "strict": /);
    const ok = run(cluster('{podSecurity: {defaults: {enforce: restricted}, exemptions: {namespaces: [kube-system]}}}'));
    expect(ok.errors).toEqual([]);
    expect(ok.cluster.config.podSecurity).toBeDefined();
  });

  it('a duplicate exemption is a Duplicate on its index', () => {
    const r = run(cluster('{podSecurity: {exemptions: {namespaces: [a, a]}}}'));
    expect(r.errors.map((e) => e.message)).toEqual(['spec.podSecurity.exemptions.namespaces[1]: Duplicate value: "a"']);
  });
});
