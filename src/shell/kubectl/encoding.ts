import { emitYaml } from './goyaml.js';
import { isRecord } from '../objects.js';

/**
 * How kubectl's printers encode objects. `-o yaml` is sigs.k8s.io/yaml (JSON → map → goyaml.v2):
 * every mapping's keys sorted, block sequences not indented, and goyaml.v2's scalar styles
 * (encode.go stringv + emitterc.go yaml_emitter_select_scalar_style): a string that would read
 * back as another type (YAML 1.1 bool/null/int/float/timestamp) is double-quoted (`"3600"`,
 * `"yes"`, `""`); one that cannot be plain for other reasons (a cron schedule, `a: b`, ` x`) is
 * single-quoted; one with a newline is a literal block. `-o json` is encoding/json's MarshalIndent
 * with four spaces (cli-runtime printers/json.go).
 */

const BOOL_11 = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL_11 = new Set(['', '~', 'null', 'Null', 'NULL']);
const FLOAT_SPECIAL = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);

/** strconv.ParseFloat of a string that starts with `.` (no sign, no prefix, no underscores there). */
function goParseFloatOk(s: string): boolean {
  return /^\.\d+([eE][-+]?\d+)?$/.test(s);
}

/** strconv.ParseInt(s, 0, 64) / ParseUint: a sign, then decimal, 0x, 0o, 0b or leading-0 octal. */
function goParseIntOk(s: string): boolean {
  return /^[-+]?(0|[1-9]\d*|0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+)$/.test(s);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** resolve.go parseTimestamp: four digits and `-`, then time.Parse with one of its four layouts. */
function parseTimestampOk(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})([.,]\d+)?(Z|[-+]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, sep, h, mi, sec, , zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dim = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day < 1 || day > dim) return false;
  if (sep === undefined) return true;
  // "2006-1-2T15:4:5.999999999Z07:00" (T or t) needs a zone; "2006-1-2 15:4:5.999999999" has none.
  if (sep === ' ' ? zone !== undefined : zone === undefined) return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return false;
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
  return true;
}

/**
 * goyaml.v2 resolve() and stringv's isBase60Float: would this plain scalar read back as something
 * other than a string? The first byte picks what is tried (resolveTable): a sign or digit — a
 * timestamp, an int (underscores removed), a YAML-style float; `.` — ParseFloat; one of
 * `yYnNtTfFoO~` — the bool/null words; the empty string is null.
 */
export function resolvesAsNonString(s: string): boolean {
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true;
  if (s === '') return true;
  const c = s[0] as string;
  const hint = c === '+' || c === '-' ? 'S' : /[0-9]/.test(c) ? 'D' : 'yYnNtTfFoO~'.includes(c) ? 'M' : c === '.' ? '.' : '';
  if (hint === '') return false;
  if (BOOL_11.has(s) || NULL_11.has(s) || FLOAT_SPECIAL.has(s) || s === '<<') return true;
  if (hint === '.') return goParseFloatOk(s);
  if (hint === 'M') return false;
  if (parseTimestampOk(s)) return true;
  const plain = s.replace(/_/g, '');
  if (goParseIntOk(plain)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true;
  if (/^-?0b[01]+$/.test(plain)) return true;
  return false;
}

/** sigs.k8s.io/yaml's Marshal of a JSON-like value, as `kubectl … -o yaml` prints it. */
export function goYaml(value: unknown): string {
  return emitYaml(value, { canUsePlain: (v) => !resolvesAsNonString(v), compareKeys: yamlKeyCompare });
}

const isLetter = (ch: string): boolean => /^\p{L}$/u.test(ch);
const isDigit = (ch: string): boolean => /^\p{Nd}$/u.test(ch);

/**
 * goyaml.v2 sorter.go keyList.Less for string keys: letters compare as runes, a letter sorts
 * after a non-letter, and runs of digits compare as numbers (`a2` < `a10`, `_x` < `1`).
 */
export function yamlKeyCompare(a: string, b: string): number {
  const less = (x: string, y: string): boolean => {
    const ar = [...x];
    const br = [...y];
    for (let i = 0; i < ar.length && i < br.length; i++) {
      const ca = ar[i] as string;
      const cb = br[i] as string;
      if (ca === cb) continue;
      const al = isLetter(ca);
      const bl = isLetter(cb);
      if (al && bl) return (ca.codePointAt(0) as number) < (cb.codePointAt(0) as number);
      if (al || bl) return bl;
      let an = 0;
      let bn = 0;
      if (ca === '0' || cb === '0') {
        for (let j = i - 1; j >= 0 && isDigit(ar[j] as string); j--) {
          if (ar[j] !== '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      let ai = i;
      let bi = i;
      for (; ai < ar.length && isDigit(ar[ai] as string); ai++) an = an * 10 + ((ar[ai] as string).codePointAt(0) as number) - 48;
      for (; bi < br.length && isDigit(br[bi] as string); bi++) bn = bn * 10 + ((br[bi] as string).codePointAt(0) as number) - 48;
      if (an !== bn) return an < bn;
      if (ai !== bi) return ai < bi;
      return (ca.codePointAt(0) as number) < (cb.codePointAt(0) as number);
    }
    return ar.length < br.length;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/** encoding/json MarshalIndent(v, "", "    "): HTML characters escaped as Go does. */
export function goJsonIndent(value: unknown): string {
  return (JSON.stringify(value, null, 4) ?? 'null')
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** JSON key order of the Go structs kubectl prints typed (dry-run objects): k8s.io/api v0.30 types.go. */
const ORDER: Readonly<Record<string, readonly string[]>> = {
  object: ['kind', 'apiVersion', 'metadata', 'immutable', 'data', 'binaryData', 'stringData', 'type', 'spec', 'rules', 'aggregationRule', 'subjects', 'roleRef', 'secrets', 'imagePullSecrets', 'automountServiceAccountToken', 'status'],
  metadata: ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'],
  podSpec: ['volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints', 'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims'],
  container: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'],
  containerPort: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'],
  envVar: ['name', 'value', 'valueFrom'],
  deploymentSpec: ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'],
  template: ['metadata', 'spec'],
  serviceSpec: ['ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy'],
  servicePort: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'],
  jobSpec: ['parallelism', 'completions', 'activeDeadlineSeconds', 'podFailurePolicy', 'successPolicy', 'backoffLimit', 'backoffLimitPerIndex', 'maxFailedIndexes', 'selector', 'manualSelector', 'template', 'ttlSecondsAfterFinished', 'completionMode', 'suspend', 'podReplacementPolicy', 'managedBy'],
  cronJobSpec: ['schedule', 'timeZone', 'startingDeadlineSeconds', 'concurrencyPolicy', 'suspend', 'jobTemplate', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'],
  policyRule: ['verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'],
  subject: ['kind', 'apiGroup', 'name', 'namespace'],
  roleRef: ['apiGroup', 'kind', 'name'],
  labelSelector: ['matchLabels', 'matchExpressions'],
};

function ordered(obj: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const keys = Object.keys(obj);
  const known = order.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !order.includes(k)).sort();
  return Object.fromEntries([...known, ...rest].map((k) => [k, obj[k]]));
}

/** An object's keys in Go struct order, as json.Marshal of the typed object writes them. */
export function typedOrder(obj: Record<string, unknown>): Record<string, unknown> {
  const walk = (v: unknown, kind: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, kind));
    if (!isRecord(v)) return v;
    const order = ORDER[kind];
    const out = order ? ordered(v, order) : Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
    for (const k of Object.keys(out)) out[k] = walk(out[k], childKind(kind, k, v));
    return out;
  };
  const childKind = (parent: string, key: string, self: Record<string, unknown>): string => {
    switch (`${parent}.${key}`) {
      case 'object.metadata': case 'template.metadata': return 'metadata';
      case 'object.spec': {
        const kind = self['kind'];
        if (kind === 'Pod') return 'podSpec';
        if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'StatefulSet' || kind === 'DaemonSet') return 'deploymentSpec';
        if (kind === 'Service') return 'serviceSpec';
        if (kind === 'Job') return 'jobSpec';
        if (kind === 'CronJob') return 'cronJobSpec';
        return 'other';
      }
      case 'deploymentSpec.template': case 'jobSpec.template': return 'template';
      case 'deploymentSpec.selector': case 'jobSpec.selector': return 'labelSelector';
      case 'template.spec': return 'podSpec';
      case 'cronJobSpec.jobTemplate': return 'jobTemplate';
      case 'jobTemplate.metadata': return 'metadata';
      case 'jobTemplate.spec': return 'jobSpec';
      case 'podSpec.containers': case 'podSpec.initContainers': return 'container';
      case 'container.ports': return 'containerPort';
      case 'container.env': return 'envVar';
      case 'serviceSpec.ports': return 'servicePort';
      case 'object.rules': return 'policyRule';
      case 'object.subjects': return 'subject';
      case 'object.roleRef': return 'roleRef';
      default: return 'other';
    }
  };
  return walk(obj, 'object') as Record<string, unknown>;
}
