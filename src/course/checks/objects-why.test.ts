// The state checks over objects other than pods (objects.ts) and flows (flow.ts): the exact
// reasons a lesson panel shows when one does not hold.
import { describe, expect, it } from 'vitest';
import { context, courseAnalysis, parsedCheck } from '../../testing/course.js';
import { evaluateCheck } from './index.js';

const analysis = courseAnalysis({
  namespaces: [{ name: 'prod', labels: { name: 'prod', tier: 'web' } }],
  pods: [{ key: 'default/db' }, { key: 'default/api' }, { key: 'prod/api' }],
  externals: [{ name: 'backup', ip: '192.168.5.10' }],
  allow: ['default/api->default/db@3306/TCP', 'default/db->192.168.5.10@80/TCP'],
  secrets: [
    { name: 'cred', type: 'kubernetes.io/dockerconfigjson', dockerConfig: [
      { server: 'a.io', username: 'alice', password: 'p' },
      { server: 'b.io', username: 'bob', password: 'p', auth: { username: 'robert', password: 'p' } },
    ] },
    { name: 'plain', type: 'Opaque' },
  ],
  policies: [
    { key: 'default/db-policy', selects: ['default/db'], policyTypes: ['Egress', 'Ingress'] },
    { key: 'prod/deny', selects: [], policyTypes: ['Ingress'] },
  ],
  diagnostics: [
    { code: 'unknown-field', severity: 'warning', path: 'spec.x', message: 'unknown field "spec.x"', file: 'pod.yaml', line: 7 },
    { code: 'bad', severity: 'error', path: 'spec.y', message: 'spec.y: Invalid value', file: 'np.yaml', line: 3 },
    { code: 'worse', severity: 'error', path: 'spec.z', message: 'spec.z: Required value', file: 'np.yaml', line: 9 },
  ],
});

const run = (raw: unknown) => evaluateCheck(parsedCheck(raw), context(analysis));

describe('reasons of the object checks', () => {
  it.each<[string, unknown, string[]]>([
    ['secret exists', { secret: 'default/cred' }, []],
    ['no such secret', { secret: 'default/nope' }, ['no secret default/nope']],
    ['a secret of another namespace', { secret: 'prod/cred' }, ['no secret prod/cred']],
    ['a secret that should not exist', { secret: 'default/cred', exists: false }, ['secret default/cred exists']],
    ['a secret that does not exist, as wanted', { secret: 'default/nope', exists: false }, []],
    ['the wrong type', { secret: 'default/plain', type: 'kubernetes.io/dockerconfigjson' }, ['secret default/plain has type Opaque, expected kubernetes.io/dockerconfigjson']],
    ['a server it has not', { secret: 'default/cred', server: 'c.io' }, ['secret default/cred has no credentials for c.io (has: a.io, b.io)']],
    ['a server on a secret without credentials', { secret: 'default/plain', server: 'c.io' }, ['secret default/plain has no credentials for c.io (has: none)']],
    ['the first server\'s username', { secret: 'default/cred', username: 'alice' }, []],
    ['the first server\'s username is not another\'s', { secret: 'default/cred', username: 'bob' }, ['secret default/cred has username alice, expected bob']],
    ['a server\'s auth field wins over its username', { secret: 'default/cred', server: 'b.io', username: 'robert' }, []],
    ['a server\'s username field, when auth says otherwise', { secret: 'default/cred', server: 'b.io', username: 'bob' }, ['secret default/cred has username robert, expected bob']],
    ['a username on a secret without credentials', { secret: 'default/plain', username: 'x' }, ['secret default/plain has no credentials, expected username x']],
    ['type and server both wrong', { secret: 'default/plain', type: 'kubernetes.io/dockerconfigjson', server: 'a.io', username: 'alice' },
      ['secret default/plain has type Opaque, expected kubernetes.io/dockerconfigjson', 'secret default/plain has no credentials for a.io (has: none)']],

    ['a policy', { policy: 'default/db-policy' }, []],
    ['no such policy', { policy: 'default/nope' }, ['no network policy default/nope']],
    ['a policy that should not exist', { policy: 'prod/deny', exists: false }, ['network policy prod/deny exists']],
    ['a policy that does not exist, as wanted', { policy: 'prod/nope', exists: false }, []],
    ['a pod it does not select', { policy: 'default/db-policy', selects: ['default/db', 'default/api', 'prod/api'] },
      ['network policy default/db-policy does not select default/api', 'network policy default/db-policy does not select prod/api']],
    ['its types in any order', { policy: 'default/db-policy', policyTypes: ['Ingress', 'Egress'] }, []],
    ['other types', { policy: 'default/db-policy', policyTypes: ['Ingress'] }, ['network policy default/db-policy has policyTypes [Egress,Ingress], expected [Ingress]']],

    ['policies in the cluster', { policies: '*', count: 2 }, []],
    ['policies in a namespace', { policies: 'prod', count: 1 }, []],
    ['too few in the cluster', { policies: '*', count: 3 }, ['the cluster has 2 network policies, expected 3']],
    ['too many in a namespace', { policies: 'default', count: 0 }, ['namespace default has 1 network policies, expected 0']],

    ['a namespace and its labels', { namespace: 'prod', labels: { name: 'prod', tier: 'web' } }, []],
    ['no such namespace', { namespace: 'dev' }, ['no namespace dev']],
    ['a namespace that should not exist', { namespace: 'prod', exists: false }, ['namespace prod exists']],
    ['a namespace that does not exist, as wanted', { namespace: 'dev', exists: false }, []],
    ['labels it has not', { namespace: 'prod', labels: { tier: 'db', env: 'x', name: 'prod' } }, ['namespace prod has no label tier=db', 'namespace prod has no label env=x']],

    ['a diagnostic by code', { diagnostic: { code: 'unknown-field' } }, []],
    ['a diagnostic by every field', { diagnostic: { code: 'unknown-field', severity: 'warning', path: 'spec.x', messageIncludes: 'spec.x' } }, []],
    ['no diagnostic of that severity', { diagnostic: { code: 'unknown-field', severity: 'error' } }, ['no diagnostic error unknown-field']],
    ['no diagnostic at that path', { diagnostic: { severity: 'error', code: 'bad', path: 'spec.x', messageIncludes: 'Invalid' } }, ['no diagnostic error bad spec.x Invalid']],
    ['no diagnostic with that text', { diagnostic: { messageIncludes: 'Forbidden' } }, ['no diagnostic Forbidden']],
    ['a diagnostic that should be absent', { diagnostic: { code: 'bad' }, present: false }, ['np.yaml:3: spec.y: Invalid value']],
    ['the first of those that should be absent', { diagnostic: { severity: 'error' }, present: false }, ['np.yaml:3: spec.y: Invalid value']],
    ['an absent diagnostic, as wanted', { diagnostic: { code: 'nope' }, present: false }, []],
    ['no errors: each error, warnings left out', { noErrors: true }, ['np.yaml:3: spec.y: Invalid value', 'np.yaml:9: spec.z: Required value']],
  ])('%s', (_label, raw, why) => {
    expect(run(raw)).toEqual({ passed: why.length === 0, why });
  });

  it('the cluster\'s CNI and enforcement', () => {
    const cni = analysis.cluster.config.cni;
    const enforcing = analysis.network.enforcing;
    expect(enforcing).toBe(true);
    const other = cni === 'flannel' ? 'calico' : 'flannel';
    expect(run({ cluster: { cni } })).toEqual({ passed: true, why: [] });
    expect(run({ cluster: { cni: other } })).toEqual({ passed: false, why: [`the cluster's CNI is ${cni}, expected ${other}`] });
    expect(run({ cluster: { enforcing } })).toEqual({ passed: true, why: [] });
    expect(run({ cluster: { enforcing: !enforcing, cni: other } })).toEqual({
      passed: false, why: [`the cluster's CNI is ${cni}, expected ${other}`, 'network policies are enforced'],
    });
  });

  it('a cluster without enforcement says so', () => {
    const open = courseAnalysis({ pods: [{ key: 'default/db' }], enforcing: false });
    expect(evaluateCheck(parsedCheck({ cluster: { enforcing: true } }), context(open)))
      .toEqual({ passed: false, why: ['network policies are not enforced'] });
  });
});

describe('reasons of the flow checks', () => {
  it.each<[string, unknown, string[]]>([
    ['allowed, as wanted', { flow: { from: 'default/api', to: 'default/db', port: 3306 }, allowed: true }, []],
    ['allowed, not wanted', { flow: { from: 'default/api', to: 'default/db', port: 3306 }, allowed: false }, ['default/api → default/db:3306/TCP is allowed, expected denied']],
    ['denied, not wanted', { flow: { from: 'default/db', to: 'default/api', port: 80, protocol: 'UDP' }, allowed: true }, ['default/db → default/api:80/UDP is denied, expected allowed']],
    ['to a declared external host by address', { flow: { from: 'default/db', to: '192.168.5.10', port: 80 }, allowed: true }, []],
    ['an unknown source', { flow: { from: 'default/nope', to: 'default/db', port: 80 }, allowed: true }, ['no endpoint default/nope']],
    ['an unknown destination', { flow: { from: 'default/api', to: 'prod/nope', port: 80 }, allowed: true }, ['no endpoint prod/nope']],
    ['neither end known', { flow: { from: 'a/b', to: 'c/d', port: 80 }, allowed: true }, ['no endpoint a/b']],
    ['an address that is not one', { flow: { from: 'default/api', to: '300.1.1.1', port: 80 }, allowed: false }, ['no endpoint 300.1.1.1']],
    ['two addresses', { flow: { from: '10.1.1.1', to: '10.1.1.2', port: 80 }, allowed: false }, ['no endpoint 10.1.1.1']],
  ])('%s', (_label, raw, why) => {
    expect(run(raw)).toEqual({ passed: why.length === 0, why });
  });
});
