// The helpers of k8s.io/pod-security-admission v0.30.0 policy/helpers.go the checks word their
// text with (joinQuote, pluralize), Go's string order (sort.Strings compares UTF-8 bytes, so
// U+FFFF sorts before U+10000, unlike UTF-16 code units) and Go's %q (strconv.Quote: \a \b \f \n
// \r \t \v, \xNN for other ASCII controls, \uNNNN / \UNNNNNNNN for what unicode.IsPrint refuses).
import { describe, expect, it } from 'vitest';
import { load } from '../../../testing/manifests.js';
import { goCompare, goQuote, joinQuote, pluralize, sortedSet } from './check.js';
import { PSS_REGISTRY, evaluatePss } from './index.js';
import { appArmor } from './app-armor.js';

describe('Go string order', () => {
  it.each<[string, string, number]>([
    ['a', 'b', -1], ['b', 'a', 1], ['a', 'a', 0], ['a', 'ab', -1], ['ab', 'a', 1], ['', 'a', -1],
    ['B', 'a', -1], ['\uffff', '\u{10000}', -1], ['\u{10000}', '\uffff', 1], ['a\u{1F600}b', 'a\u{1F600}c', -1],
    // U+FFFF is one UTF-16 unit: the character after it is compared.
    ['\uffffa', '\uffffb', -1],
  ])('%j vs %j', (a, b, sign) => expect(Math.sign(goCompare(a, b))).toBe(sign));

  it('sortedSet: unique, in Go order', () => {
    expect(sortedSet(['b', '\u{10000}', 'a', 'b', '\uffff', 'B'])).toEqual(['B', 'a', 'b', '\uffff', '\u{10000}']);
    expect(sortedSet([])).toEqual([]);
  });
});

describe('Go %q', () => {
  it.each<[string, string]>([
    ['\x07\b\f\r\v', '"\\a\\b\\f\\r\\v"'], ['\x1b', '"\\x1b"'], ['\x01', '"\\x01"'], [' ~', '" ~"'],
    ['\u00a0', '"\\u00a0"'], ['\u0080', '"\\u0080"'], ['\ue000', '"\\ue000"'], ['\u{E0001}', '"\\U000e0001"'], ['é€', '"é€"'], ['', '""'],
  ])('%j', (s, q) => expect(goQuote(s)).toBe(q));
});

describe('joinQuote and pluralize', () => {
  it('joinQuote', () => {
    expect(joinQuote([])).toBe('');
    expect(joinQuote(['a'])).toBe('"a"');
    expect(joinQuote(['a', 'b c'])).toBe('"a", "b c"');
  });

  it('pluralize: singular only for one', () => {
    expect([0, 1, 2].map((n) => pluralize('x', 'xs', n))).toEqual(['xs', 'x', 'xs']);
  });
});

describe('the registry', () => {
  const pod = load({ 'pod.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {
    hostPID: true, containers: [{ name: 'a', image: 'busybox' }],
  } }] }).scenario.pods[0];

  it('evaluates only the checks of one level when asked', () => {
    if (!pod) throw new Error('no pod');
    expect(PSS_REGISTRY.evaluate('restricted', 'latest', pod, 'restricted').map((o) => o.check.id))
      .toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
    expect(PSS_REGISTRY.evaluate('restricted', 'latest', pod, 'baseline').map((o) => o.check.id)).toEqual(['hostNamespaces']);
    expect(PSS_REGISTRY.evaluate('restricted', 'latest', pod).map((o) => o.check.id))
      .toEqual(['hostNamespaces', 'allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
  });

  it('a version after the newest evaluates as the newest; v1.0 has its own checks', () => {
    if (!pod) throw new Error('no pod');
    expect(PSS_REGISTRY.evaluate('baseline', 40, pod)).toEqual(PSS_REGISTRY.evaluate('baseline', 'latest', pod));
    expect(PSS_REGISTRY.evaluate('baseline', 0, pod).map((o) => o.check.id)).toEqual(['hostNamespaces']);
    expect(PSS_REGISTRY.checksAt('restricted', 0).map((c) => c.id)).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline',
      'sysctls', 'windowsHostProcess', 'restrictedVolumes', 'runAsNonRoot',
    ]);
  });

  it('an outcome carries the check\'s reason, detail and refs', () => {
    if (!pod) throw new Error('no pod');
    const [o] = PSS_REGISTRY.evaluate('baseline', 'latest', pod);
    expect(o && { reason: o.reason, detail: o.detail, refs: o.refs.map((r) => r.path.join('.')), id: o.check.id })
      .toEqual({ reason: 'host namespaces', detail: 'hostPID=true', refs: ['spec.hostPID'], id: 'hostNamespaces' });
  });
});

describe('evaluatePss', () => {
  it('a violation points at its check\'s first ref', () => {
    const p = load({ 'pod.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {
      hostIPC: true, hostPID: true, containers: [{ name: 'a', image: 'busybox' }],
    } }] }).scenario.pods[0];
    if (!p) throw new Error('no pod');
    const v = evaluatePss(p).violations[0];
    expect(v && { check: v.check, ref: v.ref.path.join('.'), refs: v.refs.length }).toEqual({ check: 'hostNamespaces', ref: 'spec.hostPID', refs: 2 });
  });
});

describe('appArmorProfile: every setter in one result', () => {
  it('forbidden annotations in Go order of key="value", whatever order they were written in', () => {
    const labels = { app: 'p' };
    const A = 'container.apparmor.security.beta.kubernetes.io/';
    const p = load({ 'deploy.yaml': [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'p' }, spec: { selector: { matchLabels: labels }, template: {
      metadata: { labels, annotations: { [`${A}b`]: 'unconfined', [`${A}a`]: 'x', [`${A}B`]: 'y' } },
      spec: { containers: [{ name: 'a', image: 'busybox' }] },
    } } }] }).scenario.pods[0];
    if (!p) throw new Error('no pod');
    const r = appArmor.versions[0]?.checkPod(p);
    expect(r && { detail: r.detail, refs: r.refs.map((x) => x.path[x.path.length - 1]) }).toEqual({
      detail: `annotations must not set AppArmor profile type to "${A}B="y"", "${A}a="x"", "${A}b="unconfined""`,
      refs: [`${A}B`, `${A}a`, `${A}b`],
    });
  });

  it('pod, containers and an annotation, each bad type once, then the annotations', () => {
    const labels = { app: 'p' };
    const p = load({ 'deploy.yaml': [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'p' }, spec: { selector: { matchLabels: labels }, template: {
      metadata: { labels, annotations: { 'container.apparmor.security.beta.kubernetes.io/b': 'unconfined', 'container.apparmor.security.beta.kubernetes.io/a': 'runtime/default' } },
      spec: {
        securityContext: { appArmorProfile: { type: 'Unconfined' } },
        initContainers: [{ name: 'i', image: 'busybox', securityContext: { appArmorProfile: { type: 'Unconfined' } } }],
        containers: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'busybox', securityContext: { appArmorProfile: { type: 'Unconfined' } } }],
      },
    } } }] }).scenario.pods[0];
    if (!p) throw new Error('no pod');
    const r = appArmor.versions[0]?.checkPod(p);
    expect(r && { reason: r.reason, detail: r.detail, refs: r.refs.map((x) => x.path.join('.')) }).toEqual({
      reason: 'forbidden AppArmor profiles',
      detail: 'pod and containers "i", "b" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/b="unconfined""',
      refs: [
        'spec.template.spec.securityContext.appArmorProfile.type', 'spec.template.spec.initContainers.0.securityContext.appArmorProfile.type',
        'spec.template.spec.containers.1.securityContext.appArmorProfile.type', 'spec.template.metadata.annotations.container.apparmor.security.beta.kubernetes.io/b',
      ],
    });
  });
});
