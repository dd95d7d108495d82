// parseCheck (lessons/README.md documents each check's JSON): every refusal says what is wrong, at
// the check's place in lesson.json, and each accepted form becomes exactly this Check.
import { describe, expect, it } from 'vitest';
import { CNI_NAMES, KNOWN_RESOURCE_VERBS } from '../engine/index.js';
import { parseCheck } from './parse-check.js';

function parse(raw: unknown) {
  const problems: string[] = [];
  const check = parseCheck(raw, 'step', problems);
  return { check, problems };
}

describe('parseCheck refusals: the exact problem', () => {
  it.each<[string, unknown, string[]]>([
    ['not an object', 'pod', ['step: a check must be an object']],
    ['a list', [{ pod: 'a/b' }], ['step: a check must be an object']],
    ['null', null, ['step: a check must be an object']],
    ['all: not a list', { all: { pod: 'a/b' } }, ['step: "all" needs a non-empty list']],
    ['any: empty', { any: [] }, ['step: "any" needs a non-empty list']],
    ['all: a bad member, named by its index', { all: [{ noErrors: true }, { pod: 'x' }] }, ['step.all[1]: "pod" must be namespace/name']],
    ['any: a key beside the list', { any: [{ noErrors: true }], note: 1 }, ['step: unknown key(s) note']],
    ['sequence: one check', { sequence: [{ noErrors: true }] }, ['step: "sequence" needs a list of at least two checks']],
    ['sequence: not a list', { sequence: 'x' }, ['step: "sequence" needs a list of at least two checks']],
    ['sequence: a bad member', { sequence: [{ noErrors: true }, 'x'] }, ['step.sequence[1]: a check must be an object']],
    ['sequence: a key beside it', { sequence: [{ noErrors: true }, { noErrors: true }], x: 1, y: 2 }, ['step: unknown key(s) x, y']],
    ['not: a bad inner check', { not: { pod: 'x' } }, ['step.not: "pod" must be namespace/name']],
    ['not: a key beside it', { not: { noErrors: true }, why: 'x' }, ['step: unknown key(s) why']],
    ['admission without a slash', { admission: 'web', admitted: true }, ['step: "admission" must be namespace/pod']],
    ['admission not a string', { admission: 1, admitted: true }, ['step: "admission" must be namespace/pod']],
    ['admission without admitted', { admission: 'a/b' }, ['step: an admission check needs "admitted": true|false']],
    ['admission with an unknown level', { admission: 'a/b', admitted: true, level: 'strict' }, ['step: "level" must be one of privileged, baseline, restricted']],
    ['admission with another key', { admission: 'a/b', admitted: true, pod: 'a/b' }, ['step: unknown key(s) pod']],
    ['secret without a slash', { secret: 'regcred' }, ['step: "secret" must be namespace/name']],
    ['secret with another key', { secret: 'a/b', data: 1 }, ['step: unknown key(s) data']],
    ['secret pulls blank', { secret: 'a/b', pulls: '  ' }, ['step: "pulls" must be an image reference']],
    ['secret pulls not a string', { secret: 'a/b', pulls: 1 }, ['step: "pulls" must be an image reference']],
    ['flow without to', { flow: { from: 'a/b', port: 80 }, allowed: true }, ['step: "flow" needs from, to and port']],
    ['flow with a string port', { flow: { from: 'a/b', to: 'c/d', port: '80' }, allowed: true }, ['step: "flow" needs from, to and port']],
    ['flow not an object', { flow: 'a/b', allowed: true }, ['step: "flow" needs from, to and port']],
    ['flow without allowed', { flow: { from: 'a/b', to: 'c/d', port: 80 } }, ['step: a flow check needs "allowed": true|false']],
    ['flow with ICMP', { flow: { from: 'a/b', to: 'c/d', port: 80, protocol: 'ICMP' }, allowed: true }, ['step: unknown protocol ICMP']],
    ['flow with another key', { flow: { from: 'a/b', to: 'c/d', port: 80 }, allowed: true, via: 'x' }, ['step: unknown key(s) via']],
    ['policy without a slash', { policy: 'deny' }, ['step: "policy" must be namespace/name']],
    ['policy selects not a list', { policy: 'a/b', selects: 'a/c' }, ['step: "selects" must be a list of namespace/pod']],
    ['policy with an unknown type', { policy: 'a/b', policyTypes: ['Ingress', 'Both'] }, ['step: "policyTypes" must list Ingress/Egress']],
    ['policy types not strings', { policy: 'a/b', policyTypes: [1] }, ['step: "policyTypes" must list Ingress/Egress']],
    ['policy with another key', { policy: 'a/b', kind: 'x' }, ['step: unknown key(s) kind']],
    ['policies without a count', { policies: 'default' }, ['step: "policies" needs a namespace (or "*") and "count"']],
    ['policies not a string', { policies: 1, count: 1 }, ['step: "policies" needs a namespace (or "*") and "count"']],
    ['policies with another key', { policies: '*', count: 1, x: 1 }, ['step: unknown key(s) x']],
    ['namespace not a string', { namespace: 1 }, ['step: "namespace" must be a name']],
    ['namespace labels not strings', { namespace: 'a', labels: { x: 1 } }, ['step: "labels" must map strings to strings']],
    ['namespace labels a list', { namespace: 'a', labels: ['x'] }, ['step: "labels" must map strings to strings']],
    ['namespace with another key', { namespace: 'a', name: 'b' }, ['step: unknown key(s) name']],
    ['cluster not an object', { cluster: 'calico' }, ['step: "cluster" must be an object']],
    ['cluster with an unknown cni', { cluster: { cni: 'weave' } }, ['step: unknown cni weave']],
    ['cluster enforcing not a boolean', { cluster: { enforcing: 'yes' } }, ['step: "enforcing" must be a boolean']],
    ['cluster with another key', { cluster: {}, x: 1 }, ['step: unknown key(s) x']],
    ['diagnostic not an object', { diagnostic: 'x' }, ['step: "diagnostic" must be an object']],
    ['diagnostic with an unknown severity', { diagnostic: { severity: 'fatal' } }, ['step: unknown severity']],
    ['diagnostic with another key', { diagnostic: {}, absent: true }, ['step: unknown key(s) absent']],
    ['noErrors false', { noErrors: false }, ['step: "noErrors" must be true']],
    ['noErrors with another key', { noErrors: true, x: 1 }, ['step: unknown key(s) x', 'step: "noErrors" must be true']],
    ['file without lineMatches', { file: 'pod.yaml' }, ['step: "file" needs "lineMatches" (a regular expression)']],
    ['file with a bad regex', { file: 'pod.yaml', lineMatches: '[' }, ['step: invalid regular expression [']],
    ['file with another key', { file: 'pod.yaml', lineMatches: 'x', y: 1 }, ['step: unknown key(s) y']],
    ['ran blank', { ran: '  ' }, ['step: "ran" must be a command, {"regex": …}, or a list of them']],
    ['ran an empty list', { ran: [] }, ['step: "ran" must be a command, {"regex": …}, or a list of them']],
    ['ran with one bad item', { ran: ['ls', { regex: '(' }] }, ['step: "ran" must be a command, {"regex": …}, or a list of them']],
    ['ran output not strings', { ran: 'ls', output: [1] }, ['step: "output" must be a string or a list of strings']],
    ['ran exitCode a string', { ran: 'ls', exitCode: '0' }, ['step: "exitCode" must be a number']],
    ['ran outputMatches bad', { ran: 'ls', outputMatches: '(' }, ['step: "outputMatches" must be a regular expression']],
    ['ran outputMatches not a string', { ran: 'ls', outputMatches: 1 }, ['step: "outputMatches" must be a regular expression']],
    ['ran with another key', { ran: 'ls', stdout: 'x' }, ['step: unknown key(s) stdout']],
    ['probed not an object', { probed: 'a/b', outcome: 'connected' }, ['step: "probed" must be an object {to, port, from, service}']],
    ['probed with an unknown key', { probed: { to: 'a/b', host: 'x', ip: 'y' }, outcome: 'connected' }, ['step: "probed" has unknown key(s) host, ip']],
    ['probed.to missing', { probed: { port: 80 }, outcome: 'connected' }, ['step: "probed.to" must be namespace/name or an IP']],
    ['probed.port 0', { probed: { to: 'a/b', port: 0 }, outcome: 'connected' }, ['step: "probed.port" must be 1-65535']],
    ['probed.port 65536', { probed: { to: 'a/b', port: 65536 }, outcome: 'connected' }, ['step: "probed.port" must be 1-65535']],
    ['probed.port 1.5', { probed: { to: 'a/b', port: 1.5 }, outcome: 'connected' }, ['step: "probed.port" must be 1-65535']],
    ['probed.port a string', { probed: { to: 'a/b', port: '80' }, outcome: 'connected' }, ['step: "probed.port" must be 1-65535']],
    ['probed.from a number', { probed: { to: 'a/b', from: 1 }, outcome: 'connected' }, ['step: "probed.from" must be namespace/name']],
    ['probed.service a number', { probed: { to: 'a/b', service: 1 }, outcome: 'connected' }, ['step: "probed.service" must be namespace/name']],
    ['probed with an unknown outcome', { probed: { to: 'a/b' }, outcome: 'open' }, ['step: "outcome" must be one of connected, refused, timeout, nxdomain, dns-timeout']],
    ['probed which first', { probed: { to: 'a/b' }, outcome: 'refused', which: 'first' }, ['step: "which" must be "last" or "any"']],
    ['probed with another key', { probed: { to: 'a/b' }, outcome: 'refused', x: 1 }, ['step: unknown key(s) x']],
    ['answer an empty string list', { answer: [] }, ['step: "answer" must list the accepted answers']],
    ['answer an object', { answer: { en: 'x' } }, ['step: "answer" must list the accepted answers']],
    ['answer expects one language', { answer: ['x'], expects: { en: 'a word' } }, ['step: "expects" must be {"ko": …, "en": …}: the kind of answer wanted']],
    ['answer expects blank', { answer: ['x'], expects: { ko: ' ', en: 'a word' } }, ['step: "expects" must be {"ko": …, "en": …}: the kind of answer wanted']],
    ['answer expects blank English', { answer: ['x'], expects: { ko: '낱말', en: '' } }, ['step: "expects" must be {"ko": …, "en": …}: the kind of answer wanted']],
    ['answer choices: one', { answer: ['yes'], choices: [{ ko: '예', en: 'Yes' }] }, ['step: "choices" must list at least two {"ko": …, "en": …} buttons']],
    ['answer choices: one blank', { answer: ['yes'], choices: [{ ko: '예', en: 'Yes' }, { ko: '아니오', en: ' ' }] }, ['step: "choices" must list at least two {"ko": …, "en": …} buttons']],
    ['answer choices: a third language', { answer: ['yes'], choices: [{ ko: '예', en: 'Yes' }, { ko: '아니오', en: 'No', fr: 'Non' }] }, ['step: "choices" must list at least two {"ko": …, "en": …} buttons']],
    ['answer with another key', { answer: ['x'], hint: 'y' }, ['step: unknown key(s) hint']],
    ['nothing known', { foo: 1, bar: 2 }, ['step: unknown check (keys: foo, bar)']],
    ['no keys at all', {}, ['step: unknown check (keys: none)']],
  ])('%s', (_label, raw, problems) => {
    expect(parse(raw)).toEqual({ check: null, problems });
  });

  it('a cni the lab knows passes', () => {
    expect(parse({ cluster: { cni: CNI_NAMES[0] } }).check).toEqual({ kind: 'cluster', cni: CNI_NAMES[0] });
  });
});

describe('parseCheck refusals: pod', () => {
  it.each<[string, unknown, string[]]>([
    ['no slash', { pod: 'web' }, ['step: "pod" must be namespace/name']],
    ['not a string', { pod: 1 }, ['step: "pod" must be namespace/name']],
    ['a typo', { pod: 'a/b', stauts: 'Running', contianer: 'x' }, ['step: unknown key(s) stauts, contianer']],
    ['effective a list', { pod: 'a/b', effective: ['SYS_TIME'] }, ['step: "effective"/"bounding" take {includes?, excludes?}']],
    ['bounding includes not strings', { pod: 'a/b', bounding: { includes: [1] } }, ['step: "effective"/"bounding" take {includes?, excludes?}']],
    ['effective excludes a string', { pod: 'a/b', effective: { excludes: 'CHOWN' } }, ['step: "effective"/"bounding" take {includes?, excludes?}']],
    ['an unknown state', { pod: 'a/b', state: 'Crashing' }, ['step: unknown container state Crashing']],
    ['an unknown pull', { pod: 'a/b', pull: 'Pulling' }, ['step: unknown pull result Pulling']],
    ['an unknown uidFrom', { pod: 'a/b', uidFrom: 'node' }, ['step: unknown uidFrom node']],
    ['added a string', { pod: 'a/b', added: 'SYS_TIME' }, ['step: "added" must list capability names']],
    ['imagePullSecrets a string', { pod: 'a/b', imagePullSecrets: 'regcred' }, ['step: "imagePullSecrets" must list secret names']],
  ])('%s', (_label, raw, problems) => {
    expect(parse(raw)).toEqual({ check: null, problems });
  });
});

describe('parseCheck refusals: rbac', () => {
  it.each<[string, unknown, string]>([
    ['not an object', { rbac: 'jane', allowed: true }, '"rbac" must be an object {user|group|serviceAccount, verb, resource, namespace?, name?}'],
    ['an unknown key', { rbac: { user: 'jane', verb: 'get', resource: 'pods', ns: 'x', kind: 'y' }, allowed: true }, '"rbac" has unknown key(s) ns, kind'],
    ['no allowed', { rbac: { user: 'jane', verb: 'get', resource: 'pods' } }, 'an rbac check needs "allowed": true|false'],
    ['no subject', { rbac: { verb: 'get', resource: 'pods' }, allowed: true }, '"rbac" needs exactly one of "user", "group", "serviceAccount"'],
    ['two subjects', { rbac: { user: 'jane', group: 'dev', verb: 'get', resource: 'pods' }, allowed: true }, '"rbac" needs exactly one of "user", "group", "serviceAccount"'],
    ['an empty user', { rbac: { user: '', verb: 'get', resource: 'pods' }, allowed: true }, '"rbac.user" must be a name'],
    ['a group not a string', { rbac: { group: 1, verb: 'get', resource: 'pods' }, allowed: true }, '"rbac.group" must be a name'],
    ['a service account without namespace', { rbac: { serviceAccount: 'robot', verb: 'get', resource: 'pods' }, allowed: true }, '"rbac.serviceAccount" must be namespace/name'],
    ['a service account with an empty namespace', { rbac: { serviceAccount: '/robot', verb: 'get', resource: 'pods' }, allowed: true }, '"rbac.serviceAccount" must be namespace/name'],
    ['a service account with an empty name', { rbac: { serviceAccount: 'ns/', verb: 'get', resource: 'pods' }, allowed: true }, '"rbac.serviceAccount" must be namespace/name'],
    ['a service account with two slashes', { rbac: { serviceAccount: 'a/b/c', verb: 'get', resource: 'pods' }, allowed: true }, '"rbac.serviceAccount" must be namespace/name'],
    ['an unknown verb', { rbac: { user: 'jane', verb: 'read', resource: 'pods' }, allowed: true }, `"rbac.verb" must be a verb the API knows (${KNOWN_RESOURCE_VERBS.join(', ')})`],
    ['no resource', { rbac: { user: 'jane', verb: 'get' }, allowed: true }, '"rbac.resource" must be a resource, e.g. pods or pods/log'],
    ['an empty resource', { rbac: { user: 'jane', verb: 'get', resource: '' }, allowed: true }, '"rbac.resource" must be a resource, e.g. pods or pods/log'],
    ['an unknown resource', { rbac: { user: 'jane', verb: 'get', resource: 'widgets' }, allowed: true }, '"rbac.resource": the server doesn\'t have a resource type \'widgets\''],
    ['an unknown resource with a subresource', { rbac: { user: 'jane', verb: 'get', resource: 'widgets/log' }, allowed: true }, '"rbac.resource": the server doesn\'t have a resource type \'widgets\''],
    ['a resource written with a name', { rbac: { user: 'jane', verb: 'get', resource: 'pods/web/x' }, allowed: true }, '"rbac.resource": pods has no subresource web/x'],
    ['an unknown subresource', { rbac: { user: 'jane', verb: 'get', resource: 'po/shell' }, allowed: true }, '"rbac.resource": pods has no subresource shell'],
    ['an empty namespace', { rbac: { user: 'jane', verb: 'get', resource: 'pods', namespace: '' }, allowed: true }, '"rbac.namespace" must be a name (leave it out for the cluster scope)'],
    ['an empty name', { rbac: { user: 'jane', verb: 'get', resource: 'pods', name: '' }, allowed: true }, '"rbac.name" must be a name'],
    ['a name not a string', { rbac: { user: 'jane', verb: 'get', resource: 'pods', name: 1 }, allowed: true }, '"rbac.name" must be a name'],
    ['another key beside rbac', { rbac: { user: 'jane', verb: 'get', resource: 'pods' }, allowed: true, why: 'x' }, 'unknown key(s) why'],
  ])('%s', (_label, raw, problem) => {
    expect(parse(raw)).toEqual({ check: null, problems: [`step: ${problem}`] });
  });
});

describe('parseCheck: what each accepted form becomes', () => {
  it.each<[string, unknown, unknown]>([
    ['admission without a level', { admission: 'a/b', admitted: false }, { kind: 'admission', pod: 'a/b', admitted: false }],
    ['admission with a level', { admission: 'a/b', admitted: true, level: 'baseline' }, { kind: 'admission', pod: 'a/b', admitted: true, level: 'baseline' }],
    ['secret, all fields', { secret: 'a/b', exists: false, type: 'kubernetes.io/dockerconfigjson', server: 'r.io', username: 'u', pulls: 'r.io/x' },
      { kind: 'secret', secret: 'a/b', exists: false, type: 'kubernetes.io/dockerconfigjson', server: 'r.io', username: 'u', pulls: 'r.io/x' }],
    ['secret, only the name (non-strings left out)', { secret: 'a/b', exists: 'yes', type: 1, server: 2, username: 3 }, { kind: 'secret', secret: 'a/b' }],
    ['flow: TCP by default', { flow: { from: 'a/b', to: 'c/d', port: 80 }, allowed: true }, { kind: 'flow', from: 'a/b', to: 'c/d', port: 80, protocol: 'TCP', allowed: true }],
    ['flow: UDP', { flow: { from: 'a/b', to: 'c/d', port: 53, protocol: 'UDP' }, allowed: false }, { kind: 'flow', from: 'a/b', to: 'c/d', port: 53, protocol: 'UDP', allowed: false }],
    ['policy, all fields', { policy: 'a/b', exists: true, selects: ['a/x'], policyTypes: ['Egress'] }, { kind: 'policy', policy: 'a/b', exists: true, selects: ['a/x'], policyTypes: ['Egress'] }],
    ['policy, only the name', { policy: 'a/b', exists: 'no' }, { kind: 'policy', policy: 'a/b' }],
    ['policies', { policies: '*', count: 2 }, { kind: 'policyCount', namespace: '*', count: 2 }],
    ['namespace with labels', { namespace: 'a', exists: true, labels: { x: 'y' } }, { kind: 'namespace', namespace: 'a', exists: true, labels: { x: 'y' } }],
    ['namespace alone', { namespace: 'a', exists: 0 }, { kind: 'namespace', namespace: 'a' }],
    ['cluster enforcing', { cluster: { enforcing: false } }, { kind: 'cluster', enforcing: false }],
    ['cluster empty', { cluster: {} }, { kind: 'cluster' }],
    ['diagnostic, all fields', { diagnostic: { code: 'c', severity: 'warning', path: 'spec', messageIncludes: 'm' }, present: false },
      { kind: 'diagnostic', present: false, code: 'c', severity: 'warning', path: 'spec', messageIncludes: 'm' }],
    ['diagnostic: present unless false', { diagnostic: { code: 1, path: 2, messageIncludes: 3 }, present: 'no' }, { kind: 'diagnostic', present: true }],
    ['noErrors', { noErrors: true }, { kind: 'noErrors' }],
    ['file', { file: 'pod.yaml', lineMatches: '^kind: Pod$' }, { kind: 'file', file: 'pod.yaml', lineMatches: '^kind: Pod$' }],
    ['ran: words and a regex, one output', { ran: ['kubectl get pods', { regex: '^ls' }], output: 'x', exitCode: 0, outputMatches: 'y+' },
      { kind: 'command', ran: [{ kind: 'words', text: 'kubectl get pods' }, { kind: 'regex', source: '^ls' }], exitCode: 0, outputIncludes: ['x'], outputMatches: 'y+' }],
    ['ran: one command, outputs listed', { ran: 'id', output: ['a', 'b'] }, { kind: 'command', ran: [{ kind: 'words', text: 'id' }], outputIncludes: ['a', 'b'] }],
    ['ran: an empty output list adds nothing', { ran: 'id', output: [] }, { kind: 'command', ran: [{ kind: 'words', text: 'id' }] }],
    ['probed: last by default', { probed: { to: 'a/b' }, outcome: 'timeout' }, { kind: 'probed', to: 'a/b', outcome: 'timeout', which: 'last' }],
    ['probed: every field', { probed: { to: '10.0.0.1', port: 65535, from: 'a/c', service: 'a/s' }, outcome: 'nxdomain', which: 'any' },
      { kind: 'probed', to: '10.0.0.1', outcome: 'nxdomain', which: 'any', port: 65535, from: 'a/c', service: 'a/s' }],
    ['probed: port 1', { probed: { to: 'a/b', port: 1 }, outcome: 'connected', which: 'last' }, { kind: 'probed', to: 'a/b', outcome: 'connected', which: 'last', port: 1 }],
    ['answer: one number', { answer: 0 }, { kind: 'answer', accept: ['0'] }],
    ['answer: numbers and strings', { answer: [1000, 'root'] }, { kind: 'answer', accept: ['1000', 'root'] }],
    ['answer: expects and choices', { answer: ['yes'], expects: { ko: '예/아니오', en: 'yes/no' }, choices: [{ ko: '예', en: 'Yes' }, { ko: '아니오', en: 'No' }] },
      { kind: 'answer', accept: ['yes'], expects: { ko: '예/아니오', en: 'yes/no' }, choices: [{ ko: '예', en: 'Yes' }, { ko: '아니오', en: 'No' }] }],
    ['any of two', { any: [{ noErrors: true }, { namespace: 'a' }] }, { kind: 'any', checks: [{ kind: 'noErrors' }, { kind: 'namespace', namespace: 'a' }] }],
    ['sequence of two', { sequence: [{ noErrors: true }, { namespace: 'a' }] }, { kind: 'sequence', checks: [{ kind: 'noErrors' }, { kind: 'namespace', namespace: 'a' }] }],
    ['not', { not: { namespace: 'a' } }, { kind: 'not', check: { kind: 'namespace', namespace: 'a' } }],
  ])('%s', (_label, raw, check) => {
    expect(parse(raw)).toEqual({ check, problems: [] });
  });

  it('pod: every field', () => {
    expect(parse({
      pod: 'a/b', exists: true, status: 'Running', imagePullSecrets: ['regcred'], container: 'c', state: 'ErrImagePull', uid: 0, uidFrom: 'image', gid: 10,
      username: 'root', effective: { includes: ['CHOWN'] }, bounding: { excludes: ['NET_RAW'] }, added: ['SYS_TIME'], privileged: false, image: 'nginx',
      pull: 'Pulled', credentials: 'a/regcred',
    })).toEqual({
      check: {
        kind: 'pod', pod: 'a/b', exists: true, status: 'Running', imagePullSecrets: ['regcred'], container: 'c', state: 'ErrImagePull', uid: 0, uidFrom: 'image', gid: 10,
        username: 'root', effective: { includes: ['CHOWN'], excludes: [] }, bounding: { includes: [], excludes: ['NET_RAW'] }, added: ['SYS_TIME'], privileged: false,
        image: 'nginx', pull: 'Pulled', credentials: 'a/regcred',
      },
      problems: [],
    });
  });

  it('pod: null username and credentials are kept (expected absent), other types left out', () => {
    expect(parse({ pod: 'a/b', username: null, credentials: null, exists: 'x', status: 1, container: 2, uid: '0', gid: '0', privileged: 'no', image: 3 }))
      .toEqual({ check: { kind: 'pod', pod: 'a/b', username: null, credentials: null }, problems: [] });
  });

  it.each([
    ['user', { user: 'jane' }, { kind: 'User', name: 'jane' }],
    ['group', { group: 'dev' }, { kind: 'Group', name: 'dev' }],
    ['serviceAccount', { serviceAccount: 'ns/robot' }, { kind: 'ServiceAccount', namespace: 'ns', name: 'robot' }],
  ])('rbac: a %s subject', (_label, who, subject) => {
    expect(parse({ rbac: { ...who, verb: 'list', resource: 'pods' }, allowed: false }))
      .toEqual({ check: { kind: 'rbac', subject, verb: 'list', resource: 'pods', apiGroup: '', allowed: false }, problems: [] });
  });

  it('rbac: the resource as kubectl auth can-i resolves it, with subresource, namespace and name', () => {
    expect(parse({ rbac: { user: 'jane', verb: 'get', resource: 'po/log', namespace: 'dev', name: 'web' }, allowed: true })).toEqual({
      check: { kind: 'rbac', subject: { kind: 'User', name: 'jane' }, verb: 'get', resource: 'pods', apiGroup: '', allowed: true, subresource: 'log', namespace: 'dev', name: 'web' },
      problems: [],
    });
    expect(parse({ rbac: { user: 'jane', verb: 'create', resource: 'deployments' }, allowed: true }).check).toMatchObject({ resource: 'deployments', apiGroup: 'apps' });
  });
});
