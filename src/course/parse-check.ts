import type { Check, CommandPattern, CapabilityExpectation, RbacSubject } from './model.js';
import { CNI_NAMES, KNOWN_RESOURCE_VERBS, resolveCanIResource } from '../engine/index.js';

/**
 * lesson.json check data → Check. The JSON form is keyed by what it talks about
 * (`{"pod": …}`, `{"flow": …}`, `{"ran": …}`, `{"answer": […]}`, `{"all": […]}`); lessons/README.md
 * documents each. Unknown keys are problems, so a typo in a lesson never silently passes.
 */

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: Json): v is string => typeof v === 'string';
const strList = (v: Json): string[] | null => (Array.isArray(v) && v.every(isStr) ? v : null);

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const CNIS = CNI_NAMES;
const DIRECTIONS = ['Ingress', 'Egress'] as const;
const STATES = ['Running', 'CreateContainerConfigError', 'ErrImagePull', 'InvalidImageName', 'PodInitializing'] as const;
const PULLS = ['Pulled', 'ErrImagePull', 'InvalidImageName'] as const;
const FROMS = ['container', 'pod', 'image', 'default'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const OUTCOMES = ['connected', 'refused', 'timeout', 'nxdomain', 'dns-timeout'] as const;
const LEVELS = ['privileged', 'baseline', 'restricted'] as const;

const oneOf = <T extends string>(list: readonly T[], v: Json): v is T => isStr(v) && (list as readonly string[]).includes(v);

export function parseCheck(raw: Json, where: string, problems: string[]): Check | null {
  const fail = (msg: string): null => {
    problems.push(`${where}: ${msg}`);
    return null;
  };
  if (!isObj(raw)) return fail('a check must be an object');
  const allowOnly = (keys: readonly string[]): boolean => {
    const extra = Object.keys(raw).filter((k) => !keys.includes(k));
    if (extra.length > 0) problems.push(`${where}: unknown key(s) ${extra.join(', ')}`);
    return extra.length === 0;
  };
  const list = (key: 'all' | 'any'): Check | null => {
    const items = raw[key];
    if (!Array.isArray(items) || items.length === 0) return fail(`"${key}" needs a non-empty list`);
    const checks = items.map((c, i) => parseCheck(c, `${where}.${key}[${i}]`, problems));
    if (!allowOnly([key]) || checks.some((c) => c === null)) return null;
    return { kind: key, checks: checks as Check[] };
  };

  if ('all' in raw) return list('all');
  if ('any' in raw) return list('any');
  if ('sequence' in raw) {
    const items = raw.sequence;
    if (!Array.isArray(items) || items.length < 2) return fail('"sequence" needs a list of at least two checks');
    const checks = items.map((c, i) => parseCheck(c, `${where}.sequence[${i}]`, problems));
    if (!allowOnly(['sequence']) || checks.some((c) => c === null)) return null;
    return { kind: 'sequence', checks: checks as Check[] };
  }
  if ('not' in raw) {
    const inner = parseCheck(raw.not, `${where}.not`, problems);
    return allowOnly(['not']) && inner ? { kind: 'not', check: inner } : null;
  }
  if ('rbac' in raw) return allowOnly(['rbac', 'allowed']) ? parseRbac(raw, fail) : null;
  if ('admission' in raw) {
    if (!isStr(raw.admission) || !raw.admission.includes('/')) return fail('"admission" must be namespace/pod');
    if (typeof raw.admitted !== 'boolean') return fail('an admission check needs "admitted": true|false');
    if (raw.level !== undefined && !oneOf(LEVELS, raw.level)) return fail(`"level" must be one of ${LEVELS.join(', ')}`);
    if (!allowOnly(['admission', 'admitted', 'level'])) return null;
    return { kind: 'admission', pod: raw.admission, admitted: raw.admitted, ...(oneOf(LEVELS, raw.level) ? { level: raw.level } : {}) };
  }
  if ('pod' in raw) return parsePod(raw, fail, allowOnly);
  if ('secret' in raw) {
    if (!isStr(raw.secret) || !raw.secret.includes('/')) return fail('"secret" must be namespace/name');
    if (!allowOnly(['secret', 'exists', 'type', 'server', 'username', 'pulls'])) return null;
    if (raw.pulls !== undefined && (!isStr(raw.pulls) || raw.pulls.trim() === '')) return fail('"pulls" must be an image reference');
    return {
      kind: 'secret', secret: raw.secret,
      ...(typeof raw.exists === 'boolean' ? { exists: raw.exists } : {}),
      ...(isStr(raw.type) ? { type: raw.type } : {}),
      ...(isStr(raw.server) ? { server: raw.server } : {}),
      ...(isStr(raw.username) ? { username: raw.username } : {}),
      ...(isStr(raw.pulls) ? { pulls: raw.pulls } : {}),
    };
  }
  if ('flow' in raw) {
    const f = raw.flow;
    if (!isObj(f) || !isStr(f.from) || !isStr(f.to) || typeof f.port !== 'number') return fail('"flow" needs from, to and port');
    if (typeof raw.allowed !== 'boolean') return fail('a flow check needs "allowed": true|false');
    const protocol = f.protocol ?? 'TCP';
    if (!oneOf(PROTOCOLS, protocol)) return fail(`unknown protocol ${String(protocol)}`);
    if (!allowOnly(['flow', 'allowed'])) return null;
    return { kind: 'flow', from: f.from, to: f.to, port: f.port, protocol, allowed: raw.allowed };
  }
  if ('policy' in raw) {
    if (!isStr(raw.policy) || !raw.policy.includes('/')) return fail('"policy" must be namespace/name');
    const selects = raw.selects === undefined ? undefined : strList(raw.selects);
    const types = raw.policyTypes === undefined ? undefined : strList(raw.policyTypes);
    if (selects === null) return fail('"selects" must be a list of namespace/pod');
    if (types === null || (types && !types.every((t) => oneOf(DIRECTIONS, t)))) return fail('"policyTypes" must list Ingress/Egress');
    if (!allowOnly(['policy', 'exists', 'selects', 'policyTypes'])) return null;
    return {
      kind: 'policy', policy: raw.policy,
      ...(typeof raw.exists === 'boolean' ? { exists: raw.exists } : {}),
      ...(selects ? { selects } : {}),
      ...(types ? { policyTypes: types.filter((t) => oneOf(DIRECTIONS, t)) } : {}),
    };
  }
  if ('policies' in raw) {
    if (!isStr(raw.policies) || typeof raw.count !== 'number') return fail('"policies" needs a namespace (or "*") and "count"');
    return allowOnly(['policies', 'count']) ? { kind: 'policyCount', namespace: raw.policies, count: raw.count } : null;
  }
  if ('namespace' in raw) {
    if (!isStr(raw.namespace)) return fail('"namespace" must be a name');
    const labels = raw.labels;
    if (labels !== undefined && !(isObj(labels) && Object.values(labels).every(isStr))) return fail('"labels" must map strings to strings');
    if (!allowOnly(['namespace', 'exists', 'labels'])) return null;
    return {
      kind: 'namespace', namespace: raw.namespace,
      ...(typeof raw.exists === 'boolean' ? { exists: raw.exists } : {}),
      ...(labels !== undefined ? { labels: labels as Record<string, string> } : {}),
    };
  }
  if ('cluster' in raw) {
    const c = raw.cluster;
    if (!isObj(c)) return fail('"cluster" must be an object');
    if (c.cni !== undefined && !oneOf(CNIS, c.cni)) return fail(`unknown cni ${String(c.cni)}`);
    if (c.enforcing !== undefined && typeof c.enforcing !== 'boolean') return fail('"enforcing" must be a boolean');
    if (!allowOnly(['cluster'])) return null;
    return {
      kind: 'cluster',
      ...(oneOf(CNIS, c.cni) ? { cni: c.cni } : {}),
      ...(typeof c.enforcing === 'boolean' ? { enforcing: c.enforcing } : {}),
    };
  }
  if ('diagnostic' in raw) {
    const d = raw.diagnostic;
    if (!isObj(d)) return fail('"diagnostic" must be an object');
    if (d.severity !== undefined && !oneOf(SEVERITIES, d.severity)) return fail('unknown severity');
    if (!allowOnly(['diagnostic', 'present'])) return null;
    return {
      kind: 'diagnostic', present: raw.present !== false,
      ...(isStr(d.code) ? { code: d.code } : {}),
      ...(oneOf(SEVERITIES, d.severity) ? { severity: d.severity } : {}),
      ...(isStr(d.path) ? { path: d.path } : {}),
      ...(isStr(d.messageIncludes) ? { messageIncludes: d.messageIncludes } : {}),
    };
  }
  if ('noErrors' in raw) return allowOnly(['noErrors']) && raw.noErrors === true ? { kind: 'noErrors' } : fail('"noErrors" must be true');
  if ('file' in raw) {
    if (!isStr(raw.file) || !isStr(raw.lineMatches)) return fail('"file" needs "lineMatches" (a regular expression)');
    if (!validRegex(raw.lineMatches)) return fail(`invalid regular expression ${raw.lineMatches}`);
    return allowOnly(['file', 'lineMatches']) ? { kind: 'file', file: raw.file, lineMatches: raw.lineMatches } : null;
  }
  if ('ran' in raw) {
    const ran = parsePatterns(raw.ran);
    if (!ran) return fail('"ran" must be a command, {"regex": …}, or a list of them');
    const output = raw.output === undefined ? [] : isStr(raw.output) ? [raw.output] : strList(raw.output);
    if (output === null) return fail('"output" must be a string or a list of strings');
    if (raw.exitCode !== undefined && typeof raw.exitCode !== 'number') return fail('"exitCode" must be a number');
    if (raw.outputMatches !== undefined && !(isStr(raw.outputMatches) && validRegex(raw.outputMatches))) {
      return fail('"outputMatches" must be a regular expression');
    }
    if (!allowOnly(['ran', 'exitCode', 'output', 'outputMatches'])) return null;
    return {
      kind: 'command', ran,
      ...(typeof raw.exitCode === 'number' ? { exitCode: raw.exitCode } : {}),
      ...(output.length > 0 ? { outputIncludes: output } : {}),
      ...(isStr(raw.outputMatches) ? { outputMatches: raw.outputMatches } : {}),
    };
  }
  if ('probed' in raw) {
    const p = raw.probed;
    if (!isObj(p)) return fail('"probed" must be an object {to, port, from, service}');
    const extra = Object.keys(p).filter((k) => !['to', 'port', 'from', 'service'].includes(k));
    if (extra.length) return fail(`"probed" has unknown key(s) ${extra.join(', ')}`);
    if (!isStr(p.to)) return fail('"probed.to" must be namespace/name or an IP');
    if (p.port !== undefined && (typeof p.port !== 'number' || !Number.isInteger(p.port) || p.port < 1 || p.port > 65535)) return fail('"probed.port" must be 1-65535');
    if (p.from !== undefined && !isStr(p.from)) return fail('"probed.from" must be namespace/name');
    if (p.service !== undefined && !isStr(p.service)) return fail('"probed.service" must be namespace/name');
    if (!oneOf(OUTCOMES, raw.outcome)) return fail(`"outcome" must be one of ${OUTCOMES.join(', ')}`);
    if (raw.which !== undefined && raw.which !== 'last' && raw.which !== 'any') return fail('"which" must be "last" or "any"');
    if (!allowOnly(['probed', 'outcome', 'which'])) return null;
    return {
      kind: 'probed', to: p.to, outcome: raw.outcome, which: raw.which === 'any' ? 'any' : 'last',
      ...(typeof p.port === 'number' ? { port: p.port } : {}),
      ...(isStr(p.from) ? { from: p.from } : {}),
      ...(isStr(p.service) ? { service: p.service } : {}),
    };
  }
  if ('answer' in raw) {
    const a = raw.answer;
    const accept = Array.isArray(a) ? a.map((x) => (typeof x === 'number' ? String(x) : x)) : [typeof a === 'number' ? String(a) : a];
    const forms = strList(accept);
    if (!forms || forms.length === 0) return fail('"answer" must list the accepted answers');
    const e = raw.expects;
    if (e !== undefined && !(isObj(e) && isStr(e.ko) && isStr(e.en) && e.ko.trim() !== '' && e.en.trim() !== '' && Object.keys(e).length === 2)) {
      return fail('"expects" must be {"ko": …, "en": …}: the kind of answer wanted');
    }
    const c = raw.choices;
    const localized = (v: Json): v is { ko: string; en: string } =>
      isObj(v) && isStr(v.ko) && isStr(v.en) && v.ko.trim() !== '' && v.en.trim() !== '' && Object.keys(v).length === 2;
    if (c !== undefined && !(Array.isArray(c) && c.length >= 2 && c.every(localized))) {
      return fail('"choices" must list at least two {"ko": …, "en": …} buttons');
    }
    if (!allowOnly(['answer', 'expects', 'choices'])) return null;
    return {
      kind: 'answer', accept: forms,
      ...(isObj(e) && isStr(e.ko) && isStr(e.en) ? { expects: { ko: e.ko, en: e.en } } : {}),
      ...(Array.isArray(c) ? { choices: c.filter(localized).map((x) => ({ ko: x.ko, en: x.en })) } : {}),
    };
  }
  return fail(`unknown check (keys: ${Object.keys(raw).join(', ') || 'none'})`);
}

/**
 * `{"rbac": {"user"|"group"|"serviceAccount", "verb", "resource", "namespace", "name"}, "allowed"}`:
 * the resource as `kubectl auth can-i` resolves TYPE (`po`, `deployments` → apps,
 * `deployments.apps`), `/sub` naming a subresource the resource has (`pods/log`). A verb or
 * resource the API does not know is a problem, never a check that passes for the wrong reason.
 */
function parseRbac(raw: Obj, fail: (m: string) => null): Check | null {
  const r = raw.rbac;
  if (!isObj(r)) return fail('"rbac" must be an object {user|group|serviceAccount, verb, resource, namespace?, name?}');
  const extra = Object.keys(r).filter((k) => !['user', 'group', 'serviceAccount', 'verb', 'resource', 'namespace', 'name'].includes(k));
  if (extra.length > 0) return fail(`"rbac" has unknown key(s) ${extra.join(', ')}`);
  if (typeof raw.allowed !== 'boolean') return fail('an rbac check needs "allowed": true|false');
  const who = (['user', 'group', 'serviceAccount'] as const).filter((k) => r[k] !== undefined);
  if (who.length !== 1) return fail('"rbac" needs exactly one of "user", "group", "serviceAccount"');
  let subject: RbacSubject;
  const name = r[who[0] ?? 'user'];
  if (!isStr(name) || name === '') return fail(`"rbac.${who[0] ?? 'user'}" must be a name`);
  if (who[0] === 'serviceAccount') {
    const parts = name.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return fail('"rbac.serviceAccount" must be namespace/name');
    subject = { kind: 'ServiceAccount', namespace: parts[0], name: parts[1] };
  } else {
    subject = { kind: who[0] === 'group' ? 'Group' : 'User', name };
  }
  if (!isStr(r.verb) || !KNOWN_RESOURCE_VERBS.includes(r.verb)) return fail(`"rbac.verb" must be a verb the API knows (${KNOWN_RESOURCE_VERBS.join(', ')})`);
  if (!isStr(r.resource) || r.resource === '') return fail('"rbac.resource" must be a resource, e.g. pods or pods/log');
  const slash = r.resource.indexOf('/');
  const type = slash < 0 ? r.resource : r.resource.slice(0, slash);
  const sub = slash < 0 ? undefined : r.resource.slice(slash + 1);
  const resolved = resolveCanIResource(type);
  if (!resolved.api || resolved.name !== undefined) return fail(`"rbac.resource": the server doesn't have a resource type '${type}'`);
  if (sub !== undefined && !resolved.api.subresources.includes(sub)) return fail(`"rbac.resource": ${resolved.api.plural} has no subresource ${sub}`);
  if (r.namespace !== undefined && (!isStr(r.namespace) || r.namespace === '')) return fail('"rbac.namespace" must be a name (leave it out for the cluster scope)');
  if (r.name !== undefined && (!isStr(r.name) || r.name === '')) return fail('"rbac.name" must be a name');
  return {
    kind: 'rbac', subject, verb: r.verb, resource: resolved.api.plural, apiGroup: resolved.api.group, allowed: raw.allowed,
    ...(sub !== undefined ? { subresource: sub } : {}),
    ...(isStr(r.namespace) ? { namespace: r.namespace } : {}),
    ...(isStr(r.name) ? { name: r.name } : {}),
  };
}

function parsePod(raw: Obj, fail: (m: string) => null, allowOnly: (k: readonly string[]) => boolean): Check | null {
  if (!isStr(raw.pod) || !raw.pod.includes('/')) return fail('"pod" must be namespace/name');
  const keys = ['pod', 'exists', 'status', 'imagePullSecrets', 'container', 'state', 'uid', 'uidFrom', 'gid', 'username',
    'effective', 'bounding', 'added', 'privileged', 'image', 'pull', 'credentials'];
  if (!allowOnly(keys)) return null;
  const caps = (v: Json): CapabilityExpectation | null | undefined => {
    if (v === undefined) return undefined;
    if (!isObj(v)) return null;
    const includes = v.includes === undefined ? [] : strList(v.includes);
    const excludes = v.excludes === undefined ? [] : strList(v.excludes);
    return includes && excludes ? { includes, excludes } : null;
  };
  const effective = caps(raw.effective);
  const bounding = caps(raw.bounding);
  if (effective === null || bounding === null) return fail('"effective"/"bounding" take {includes?, excludes?}');
  if (raw.state !== undefined && !oneOf(STATES, raw.state)) return fail(`unknown container state ${String(raw.state)}`);
  if (raw.pull !== undefined && !oneOf(PULLS, raw.pull)) return fail(`unknown pull result ${String(raw.pull)}`);
  if (raw.uidFrom !== undefined && !oneOf(FROMS, raw.uidFrom)) return fail(`unknown uidFrom ${String(raw.uidFrom)}`);
  const added = raw.added === undefined ? undefined : strList(raw.added);
  if (added === null) return fail('"added" must list capability names');
  const secrets = raw.imagePullSecrets === undefined ? undefined : strList(raw.imagePullSecrets);
  if (secrets === null) return fail('"imagePullSecrets" must list secret names');
  const num = (k: string): number | undefined => (typeof raw[k] === 'number' ? raw[k] : undefined);
  const uid = num('uid');
  const gid = num('gid');
  return {
    kind: 'pod', pod: raw.pod,
    ...(typeof raw.exists === 'boolean' ? { exists: raw.exists } : {}),
    ...(isStr(raw.status) ? { status: raw.status } : {}),
    ...(secrets ? { imagePullSecrets: secrets } : {}),
    ...(isStr(raw.container) ? { container: raw.container } : {}),
    ...(oneOf(STATES, raw.state) ? { state: raw.state } : {}),
    ...(uid !== undefined ? { uid } : {}),
    ...(oneOf(FROMS, raw.uidFrom) ? { uidFrom: raw.uidFrom } : {}),
    ...(gid !== undefined ? { gid } : {}),
    ...(isStr(raw.username) || raw.username === null ? { username: raw.username } : {}),
    ...(effective ? { effective } : {}),
    ...(bounding ? { bounding } : {}),
    ...(added ? { added } : {}),
    ...(typeof raw.privileged === 'boolean' ? { privileged: raw.privileged } : {}),
    ...(isStr(raw.image) ? { image: raw.image } : {}),
    ...(oneOf(PULLS, raw.pull) ? { pull: raw.pull } : {}),
    ...(isStr(raw.credentials) || raw.credentials === null ? { credentials: raw.credentials } : {}),
  };
}

function parsePatterns(v: Json): CommandPattern[] | null {
  const one = (x: Json): CommandPattern | null => {
    if (isStr(x) && x.trim() !== '') return { kind: 'words', text: x };
    if (isObj(x) && isStr(x.regex) && validRegex(x.regex)) return { kind: 'regex', source: x.regex };
    return null;
  };
  const items = Array.isArray(v) ? v.map(one) : [one(v)];
  return items.length > 0 && items.every((p) => p !== null) ? (items as CommandPattern[]) : null;
}

function validRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
