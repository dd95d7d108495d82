import { describe, expect, it } from 'vitest';
import {
  containerReport, context, courseAnalysis, imageReport, securityReport, container,
} from '../../testing/course.js';
import type { Check, TranscriptEntry } from '../model.js';
import { parseCheck } from '../parse-check.js';
import { answerAccepted, evaluateCheck, needsAnswer, needsTerminal } from './index.js';

const privateImage = imageReport('nginx', {
  ref: {
    original: 'myprivateregistry.com:5000/nginx:alpine', reference: 'myprivateregistry.com:5000/nginx:alpine',
    registry: 'myprivateregistry.com:5000', repository: 'nginx', tag: 'alpine', digest: null,
    familiar: 'myprivateregistry.com:5000/nginx:alpine',
  },
  pull: { state: 'Pulled', credentials: 'private-reg-cred', cause: null, message: null, attempts: [], imagePullPolicy: 'IfNotPresent', secrets: [] },
});

const analysis = courseAnalysis({
  namespaces: [{ name: 'prod', labels: { name: 'prod' } }],
  pods: [
    { key: 'default/web-0', containers: [containerReport({ container: container('nginx', 'myprivateregistry.com:5000/nginx:alpine'), image: privateImage })] },
    { key: 'default/broken-0', containers: [containerReport({ state: 'ErrImagePull' })], status: 'ErrImagePull' },
    {
      key: 'default/sleeper',
      containers: [containerReport({
        container: container('ubuntu', 'ubuntu'),
        security: securityReport({
          identity: { uid: 1010, gid: 0, username: null, uidFrom: 'pod', gidFrom: 'default', groups: [] },
          capabilities: { bounding: ['NET_ADMIN', 'SYS_TIME'], effective: [], added: [], dropped: [], privileged: false, unknown: [] },
        }),
      })],
    },
    { key: 'default/db' }, { key: 'default/api' }, { key: 'prod/api' },
  ],
  externals: [{ name: 'backup', ip: '192.168.5.10' }],
  allow: ['default/api->default/db@3306/TCP', 'default/db->192.168.5.10@80/TCP'],
  secrets: [{
    name: 'private-reg-cred', type: 'kubernetes.io/dockerconfigjson',
    dockerConfig: [{ server: 'myprivateregistry.com:5000', username: 'dock_user', password: 'dock_password' }],
  }],
  policies: [{ key: 'default/db-policy', selects: ['default/db'], policyTypes: ['Ingress', 'Egress'] }],
  diagnostics: [{ code: 'unknown-field', path: 'spec.securityContext.capabilities', message: 'unknown field "spec.securityContext.capabilities"' }],
  imagePullSecrets: { 'default/web-0': ['private-reg-cred'] },
});

const transcript: TranscriptEntry[] = [
  { input: 'k create secret docker-registry private-reg-cred --docker-server myprivateregistry.com:5000', output: 'secret/private-reg-cred created\n', exitCode: 0 },
  { input: 'kubectl exec ubuntu-sleeper -- whoami', output: 'whoami: cannot find name for user ID 1010\ncommand terminated with exit code 1\n', exitCode: 1 },
];

const parse = (raw: unknown): Check => {
  const problems: string[] = [];
  const check = parseCheck(raw, 'test', problems);
  if (!check) throw new Error(problems.join('\n'));
  return check;
};

// Each row flips when its rule breaks: the same check data with one fact changed.
const rows: [string, unknown, boolean, { answer?: string }?][] = [
  ['pod status by glob', { pod: 'default/web-*', status: 'Running' }, true],
  ['pod status mismatch', { pod: 'default/broken-*', status: 'Running' }, false],
  ['pod missing', { pod: 'default/nope', status: 'Running' }, false],
  ['pod absent as expected', { pod: 'default/nope', exists: false }, true],
  ['pod present, expected absent', { pod: 'default/db', exists: false }, false],
  ['image normalized equal', { pod: 'default/web-*', image: 'myprivateregistry.com:5000/nginx:alpine' }, true],
  ['image differs', { pod: 'default/web-*', image: 'nginx' }, false],
  ['image short form of docker hub', { pod: 'default/db', image: 'docker.io/library/nginx:latest' }, true],
  ['pulled with the secret', { pod: 'default/web-*', credentials: 'private-reg-cred' }, true],
  ['anonymous pull is not the secret', { pod: 'default/db', credentials: 'private-reg-cred' }, false],
  ['imagePullSecrets listed', { pod: 'default/web-*', imagePullSecrets: ['private-reg-cred'] }, true],
  ['imagePullSecrets not listed', { pod: 'default/db', imagePullSecrets: ['private-reg-cred'] }, false],
  ['uid and its source', { pod: 'default/sleeper', uid: 1010, uidFrom: 'pod' }, true],
  ['uid from container expected', { pod: 'default/sleeper', uid: 1010, uidFrom: 'container' }, false],
  ['root uid', { pod: 'default/db', uid: 0, username: 'root' }, true],
  ['bounding has SYS_TIME', { pod: 'default/sleeper', bounding: { includes: ['SYS_TIME', 'net_admin'] } }, true],
  ['effective empty for non-root', { pod: 'default/sleeper', effective: { includes: ['SYS_TIME'] } }, false],
  ['effective excludes', { pod: 'default/db', effective: { excludes: ['SYS_TIME'] } }, true],
  ['effective excludes fails', { pod: 'default/db', effective: { excludes: ['KILL'] } }, false],
  ['named container missing', { pod: 'default/db', container: 'sidecar', uid: 0 }, false],
  ['secret with type and server', { secret: 'default/private-reg-cred', type: 'kubernetes.io/dockerconfigjson', server: 'myprivateregistry.com:5000', username: 'dock_user' }, true],
  ['secret server without port', { secret: 'default/private-reg-cred', server: 'myprivateregistry.com' }, false],
  ['secret wrong type', { secret: 'default/private-reg-cred', type: 'Opaque' }, false],
  ['secret in another namespace', { secret: 'prod/private-reg-cred' }, false],
  ['secret wrong username', { secret: 'default/private-reg-cred', username: 'root' }, false],
  ['flow allowed', { flow: { from: 'default/api', to: 'default/db', port: 3306 }, allowed: true }, true],
  ['flow denied', { flow: { from: 'default/api', to: 'default/db', port: 3306 }, allowed: false }, false],
  ['flow other port denied', { flow: { from: 'default/api', to: 'default/db', port: 3307 }, allowed: false }, true],
  ['flow UDP differs', { flow: { from: 'default/api', to: 'default/db', port: 3306, protocol: 'UDP' }, allowed: true }, false],
  ['flow to external', { flow: { from: 'default/db', to: '192.168.5.10', port: 80 }, allowed: true }, true],
  ['flow unknown endpoint', { flow: { from: 'default/ghost', to: 'default/db', port: 3306 }, allowed: false }, false],
  ['policy selects', { policy: 'default/db-policy', selects: ['default/db'], policyTypes: ['Egress', 'Ingress'] }, true],
  ['policy does not select', { policy: 'default/db-policy', selects: ['default/api'] }, false],
  ['policy types differ', { policy: 'default/db-policy', policyTypes: ['Ingress'] }, false],
  ['policy missing', { policy: 'default/other' }, false],
  ['policy count', { policies: 'default', count: 1 }, true],
  ['policy count wrong', { policies: '*', count: 2 }, false],
  ['namespace label', { namespace: 'prod', labels: { name: 'prod' } }, true],
  ['namespace automatic label', { namespace: 'prod', labels: { 'kubernetes.io/metadata.name': 'prod' } }, true],
  ['namespace label missing', { namespace: 'default', labels: { name: 'prod' } }, false],
  ['cluster enforcing', { cluster: { cni: 'calico', enforcing: true } }, true],
  ['cluster not flannel', { cluster: { cni: 'flannel' } }, false],
  ['diagnostic present', { diagnostic: { code: 'unknown-field', path: 'spec.securityContext.capabilities' } }, true],
  ['diagnostic at another path', { diagnostic: { code: 'unknown-field', path: 'spec.containers[0].securityContext' } }, false],
  ['diagnostic must be absent', { diagnostic: { code: 'unknown-field' }, present: false }, false],
  ['no errors fails with an error', { noErrors: true }, false],
  ['ran with alias and flag form', { ran: 'kubectl create secret docker-registry private-reg-cred --docker-server=myprivateregistry.com:5000', exitCode: 0 }, true],
  ['ran other command', { ran: 'kubectl get netpol' }, false],
  ['ran but exit code differs', { ran: 'kubectl exec ubuntu-sleeper -- whoami', exitCode: 0 }, false],
  ['ran with output', { ran: 'kubectl exec ubuntu-sleeper -- whoami', output: 'user ID 1010' }, true],
  ['ran output missing', { ran: 'kubectl exec ubuntu-sleeper -- whoami', output: 'root' }, false],
  ['ran by regex', { ran: { regex: '^kubectl exec \\S+ -- whoami$' } }, true],
  ['answer accepted', { answer: ['root'] }, true, { answer: '  Root. ' }],
  ['answer wrong', { answer: ['root'] }, false, { answer: 'admin' }],
  ['answer missing', { answer: ['root'] }, false],
  ['number answer with unit', { answer: [2] }, true, { answer: '2개' }],
  ['all needs every part', { all: [{ pod: 'default/db', uid: 0 }, { answer: ['x'] }] }, false],
  ['any needs one part', { any: [{ pod: 'default/db', uid: 5 }, { pod: 'default/db', uid: 0 }] }, true],
  ['not inverts', { not: { pod: 'default/db', uid: 0 } }, false],
];

describe('evaluateCheck', () => {
  it.each(rows)('%s', (_name, raw, expected, extra) => {
    const outcome = evaluateCheck(parse(raw), context(analysis, { transcript, ...(extra ?? {}) }));
    expect(outcome.passed).toBe(expected);
    expect(outcome.why.length === 0).toBe(expected);
  });

  it('file checks match a line of a non-YAML file', () => {
    const files = [{ name: 'Dockerfile', text: 'FROM ubuntu\nUSER 1000\n' }];
    expect(evaluateCheck(parse({ file: 'Dockerfile', lineMatches: '^USER\\s+1000$' }), context(analysis, { files })).passed).toBe(true);
    expect(evaluateCheck(parse({ file: 'Dockerfile', lineMatches: '^USER\\s+0$' }), context(analysis, { files })).passed).toBe(false);
  });

  it('answer and terminal steps are recognised', () => {
    expect(needsAnswer(parse({ all: [{ pod: 'default/db' }, { answer: ['x'] }] }))).toBe(true);
    expect(needsAnswer(parse({ pod: 'default/db' }))).toBe(false);
    expect(needsTerminal(parse({ any: [{ ran: 'ps aux' }] }))).toBe(true);
    expect(needsTerminal(parse({ answer: ['x'] }))).toBe(false);
  });
});

describe('parseCheck', () => {
  const bad: [string, unknown][] = [
    ['not an object', 'pod'],
    ['unknown kind', { pods: 'default/x' }],
    ['typo in a key', { pod: 'default/x', stauts: 'Running' }],
    ['pod without namespace', { pod: 'web' }],
    ['flow without allowed', { flow: { from: 'a/b', to: 'c/d', port: 1 } }],
    ['bad protocol', { flow: { from: 'a/b', to: 'c/d', port: 1, protocol: 'ICMP' }, allowed: true }],
    ['empty all', { all: [] }],
    ['bad regex', { ran: { regex: '(' } }],
    ['empty answer list', { answer: [] }],
    ['unknown cni', { cluster: { cni: 'weave' } }],
    ['unknown state', { pod: 'a/b', state: 'Crashing' }],
  ];
  it.each(bad)('rejects %s', (_name, raw) => {
    const problems: string[] = [];
    expect(parseCheck(raw, 'x', problems)).toBeNull();
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('answerAccepted', () => {
  it.each<[unknown, string, boolean]>([
    [{ answer: ['root'] }, 'root', true],
    [{ all: [{ pod: 'default/nope', uid: 0 }, { answer: ['ErrImagePull'] }] }, 'errimagepull', true],
    [{ all: [{ pod: 'default/nope', uid: 0 }, { answer: ['ErrImagePull'] }] }, 'Running', false],
    [{ pod: 'default/db' }, 'anything', false],
  ])('%j / %s', (raw, answer, expected) => {
    const problems: string[] = [];
    const check = parseCheck(raw, 'x', problems);
    expect(check && answerAccepted(check, answer)).toBe(expected);
  });
});
