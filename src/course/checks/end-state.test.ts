// The check data added for issue 17, on the real engine: each row flips when its rule breaks.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/index.js';
import type { Check, TranscriptEntry } from '../model.js';
import { parseCheck } from '../parse-check.js';
import { answerChoices, evaluateCheck } from './index.js';

const parse = (raw: unknown): Check => {
  const problems: string[] = [];
  const check = parseCheck(raw, 'test', problems);
  if (!check) throw new Error(problems.join('\n'));
  return check;
};

const REGISTRY = `apiVersion: lab/v1
kind: Registry
metadata: {name: private}
spec:
  server: myprivateregistry.com:5000
  private: true
  credentials: [{username: dock_user, password: dock_password}]
  images: [{repository: nginx, tags: [alpine]}]
`;
const secret = (server: string, password: string, namespace = 'default') => `apiVersion: v1
kind: Secret
metadata: {name: cred, namespace: ${namespace}}
type: kubernetes.io/dockerconfigjson
stringData:
  .dockerconfigjson: '{"auths":{"${server}":{"username":"dock_user","password":"${password}"}}}'
`;
const pulls = { secret: 'default/cred', pulls: 'myprivateregistry.com:5000/nginx:alpine' };

const pod = (securityContext: string) => `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: default, labels: {role: db}}
spec:
  containers:
  - name: c
    image: ubuntu
    ports: [{containerPort: 3306}]
    securityContext: ${securityContext}
`;
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: default}
spec:
  podSelector: {matchLabels: {role: db}}
  policyTypes: [Ingress, Egress]
  ingress: [{from: [{ipBlock: {cidr: 192.168.5.10/32}}], ports: [{port: 3306}]}]
  egress: [{to: [{ipBlock: {cidr: 192.168.5.0/24}}], ports: [{port: 80}]}]
`;

const run = (raw: unknown, yaml: string[], transcript: TranscriptEntry[] = []) =>
  evaluateCheck(parse(raw), { analysis: analyze(yaml.map((text, i) => ({ name: `f${i}.yaml`, text }))), files: [], transcript });

describe('secret pulls: the engine pulls the image with only this secret', () => {
  it.each<[string, string[], boolean]>([
    ['right server and password', [REGISTRY, secret('myprivateregistry.com:5000', 'dock_password')], true],
    ['https:// in front of the server (the keyring strips it)', [REGISTRY, secret('https://myprivateregistry.com:5000', 'dock_password')], true],
    ['wrong password', [REGISTRY, secret('myprivateregistry.com:5000', 'nope')], false],
    ['server without the port', [REGISTRY, secret('myprivateregistry.com', 'dock_password')], false],
    ['no such secret', [REGISTRY], false],
  ])('%s', (_n, yaml, expected) => expect(run(pulls, yaml).passed).toBe(expected));
});

describe('pod added: exactly these capabilities beyond the default', () => {
  it.each<[string, string, boolean]>([
    ['the two', '{capabilities: {add: [SYS_TIME, NET_ADMIN]}}', true],
    ['the two, lower case', '{capabilities: {add: [sys_time, net_admin]}}', true],
    ['one of them', '{capabilities: {add: [SYS_TIME]}}', false],
    ['privileged', '{privileged: true}', false],
    ['ALL', '{capabilities: {add: [ALL]}}', false],
  ])('%s', (_n, sc, expected) => expect(run({ pod: 'default/p', added: ['SYS_TIME', 'NET_ADMIN'] }, [pod(sc)]).passed).toBe(expected));
});

describe('flows to and from addresses no endpoint has', () => {
  it.each<[string, unknown, boolean]>([
    ['the /32 peer', { flow: { from: '192.168.5.10', to: 'default/p', port: 3306 }, allowed: true }, true],
    ['a neighbour of the /32', { flow: { from: '192.168.5.11', to: 'default/p', port: 3306 }, allowed: false }, true],
    ['a neighbour inside the /24 egress', { flow: { from: 'default/p', to: '192.168.5.99', port: 80 }, allowed: true }, true],
    ['outside the /24', { flow: { from: 'default/p', to: '192.168.6.1', port: 80 }, allowed: false }, true],
    ['not an address', { flow: { from: 'default/p', to: '192.168.6', port: 80 }, allowed: false }, false],
  ])('%s', (_n, raw, expected) => expect(run(raw, [pod('{}'), POLICY]).passed).toBe(expected));
});

describe('sequence and outputMatches', () => {
  const t = (input: string, output = '', exitCode = 0): TranscriptEntry => ({ input, output, exitCode });
  const build = { ran: 'docker build -t img .', exitCode: 0, outputMatches: '^Step \\d+/\\d+ : USER 1000$' };
  const seq = { sequence: [build, { ran: 'docker run img', exitCode: 0 }] };
  const withUser = t('docker build -t img .', 'Step 1/2 : FROM ubuntu\nStep 2/2 : USER 1000\n');
  const without = t('docker build -t img .', 'Step 1/1 : FROM ubuntu\n');
  it.each<[string, TranscriptEntry[], boolean]>([
    ['build with USER, then run', [withUser, t('docker run img')], true],
    ['run, then build', [t('docker run img'), withUser], false],
    ['build without USER, then run', [without, t('docker run img')], false],
    ['build without, build with, run', [without, withUser, t('docker run img')], true],
    ['build with, run that failed', [withUser, t('docker run img', '', 125)], false],
  ])('%s', (_n, transcript, expected) => expect(run(seq, [], transcript).passed).toBe(expected));

  it('outputMatches reports the line it wanted', () => {
    const outcome = run(build, [], [without]);
    expect(outcome.passed).toBe(false);
    expect(outcome.why.join('\n')).toContain('no line of the output matches');
  });

  it('an answer refusal names the kind of answer, not the answer', () => {
    const check = { answer: ['1001'], expects: { ko: 'UID 번호 하나', en: 'one UID number' } };
    const outcome = evaluateCheck(parse(check), { analysis: analyze([]), files: [], transcript: [], answer: '1002' });
    expect(outcome.why).toEqual(['"1002" is not the answer (expected: one UID number)']);
    const problems: string[] = [];
    expect(parseCheck({ answer: ['x'], expects: { en: 'only English' } }, 'x', problems)).toBeNull();
    expect(parseCheck({ answer: ['x'], expects: { ko: 'a', en: 'b', fr: 'c' } }, 'x', problems)).toBeNull();
    expect(parseCheck({ answer: ['yes'], choices: [{ ko: '예', en: 'Yes' }] }, 'x', problems)).toBeNull();
    expect(problems).toHaveLength(3);
    const yn = parse({ answer: ['@yes'], choices: [{ ko: '예', en: 'Yes' }, { ko: '아니요', en: 'No' }] });
    expect(answerChoices(yn)?.map((c) => c.ko)).toEqual(['예', '아니요']);
    expect(answerChoices(parse({ answer: ['x'] }))).toBeUndefined();
  });

  it('rejects a sequence of one and a bad outputMatches', () => {
    const problems: string[] = [];
    expect(parseCheck({ sequence: [build] }, 'x', problems)).toBeNull();
    expect(parseCheck({ ran: 'ls', outputMatches: '(' }, 'x', problems)).toBeNull();
    expect(parseCheck({ secret: 'default/x', pulls: '' }, 'x', problems)).toBeNull();
    expect(parseCheck({ pod: 'default/x', added: 'SYS_TIME' }, 'x', problems)).toBeNull();
    expect(problems).toHaveLength(4);
  });
});
