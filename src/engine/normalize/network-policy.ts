import type { Direction, NetworkPolicy, PathSegment, PolicyPeer, PolicyPort, PolicyRule, SourceRef } from '../model/index.js';
import { sub } from '../model/index.js';
import { cidrContains, parseCIDR } from '../net/index.js';
import { readProtocol } from './containers.js';
import { GoLiteral, type Diags } from './diag.js';
import { isValidPortName, isValidPortNum } from './names.js';
import { readSelector } from './selector.js';
import { arr, field, isObj, num, str } from './values.js';

/** NetworkPolicyPort's NotSupported list, in upstream's order (TCP, UDP, SCTP). */
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/**
 * NetworkPolicy → data, validated as kubernetes/kubernetes pkg/apis/networking/validation
 * (ValidateNetworkPolicySpec/Port/Peer, ValidateIPBlock) and defaulted as
 * pkg/apis/networking/v1/defaults.go: policyTypes absent ⇒ [Ingress] plus Egress iff egress
 * rules exist; port protocol ⇒ TCP.
 */
export function readNetworkPolicy(value: unknown, namespace: string, name: string, root: SourceRef, diags: Diags): NetworkPolicy {
  const spec = field(value, 'spec');
  const podSelector = readSelector(field(spec, 'podSelector'), ['spec', 'podSelector'], diags);
  const ingress = arr(field(spec, 'ingress')).map((r, i) => readRule(r, ['spec', 'ingress', i], 'from', root, diags));
  const egress = arr(field(spec, 'egress')).map((r, i) => readRule(r, ['spec', 'egress', i], 'to', root, diags));

  const written = field(spec, 'policyTypes');
  let policyTypes: Direction[];
  const policyTypesDefaulted = !Array.isArray(written) || written.length === 0;
  if (policyTypesDefaulted) {
    policyTypes = egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  } else if (written.length > 2) {
    // Upstream passes &spec.PolicyTypes, printed with %#v.
    const list = written.map((t) => JSON.stringify(typeof t === 'string' ? t : String(t))).join(', ');
    diags.invalid('policy-types-invalid', ['spec', 'policyTypes'], new GoLiteral(`&[]networking.PolicyType{${list}}`), 'may not specify more than two policyTypes');
    policyTypes = [];
  } else {
    policyTypes = [];
    written.forEach((t, i) => {
      if (t === 'Ingress' || t === 'Egress') {
        if (!policyTypes.includes(t)) policyTypes.push(t);
      } else {
        diags.notSupported('policy-types-invalid', ['spec', 'policyTypes', i], t, ['Ingress', 'Egress']);
      }
    });
  }
  return { namespace, name, podSelector, policyTypes, policyTypesDefaulted, ingress, egress, ref: root };
}

function readRule(rule: unknown, path: PathSegment[], peersKey: 'from' | 'to', root: SourceRef, diags: Diags): PolicyRule {
  const peersValue = arr(field(rule, peersKey));
  const portsValue = arr(field(rule, 'ports'));
  const peers = peersValue
    .map((p, i) => readPeer(p, [...path, peersKey, i], root, diags))
    .filter((p): p is PolicyPeer => p !== null);
  const ports = portsValue.map((p, i) => readPort(p, [...path, 'ports', i], root, diags));
  // Absent and [] mean the same: every peer / every port (the API types document both).
  return { allPeers: peersValue.length === 0, peers, allPorts: portsValue.length === 0, ports, ref: sub(root, ...path) };
}

function readPeer(peer: unknown, path: PathSegment[], root: SourceRef, diags: Diags): PolicyPeer | null {
  const ref = sub(root, ...path);
  const has = (k: string) => isObj(peer) && peer[k] !== undefined && peer[k] !== null;
  const count = ['podSelector', 'namespaceSelector', 'ipBlock'].filter(has).length;
  if (count === 0) {
    diags.required('peer-invalid', path, 'must specify a peer');
    return null;
  }
  if (has('ipBlock')) {
    if (count > 1) diags.forbidden('peer-invalid', path, 'may not specify both ipBlock and another peer');
    return readIpBlock(field(peer, 'ipBlock'), [...path, 'ipBlock'], ref, diags);
  }
  return {
    kind: 'selector',
    ...(has('podSelector') ? { podSelector: readSelector(field(peer, 'podSelector'), [...path, 'podSelector'], diags) } : {}),
    ...(has('namespaceSelector') ? { namespaceSelector: readSelector(field(peer, 'namespaceSelector'), [...path, 'namespaceSelector'], diags) } : {}),
    ref,
  };
}

function readIpBlock(block: unknown, path: PathSegment[], ref: SourceRef, diags: Diags): PolicyPeer {
  const cidr = str(field(block, 'cidr')) ?? '';
  const except = arr(field(block, 'except')).filter((e): e is string => typeof e === 'string');
  if (cidr === '') {
    diags.required('cidr-invalid', [...path, 'cidr']);
    return { kind: 'ipBlock', cidr, except, ref };
  }
  const outer = parseCIDR(cidr);
  if (!outer) {
    diags.invalid('cidr-invalid', [...path, 'cidr'], cidr, CIDR_MSG);
    return { kind: 'ipBlock', cidr, except, ref };
  }
  except.forEach((e, i) => {
    const inner = parseCIDR(e);
    if (!inner) {
      diags.invalid('cidr-invalid', [...path, 'except', i], e, CIDR_MSG);
    } else if (!cidrContains(outer, { family: inner.family, bytes: inner.bytes }) || outer.prefix >= inner.prefix) {
      // Upstream: the except network address must lie in cidr and its prefix be strictly longer.
      diags.invalid('cidr-invalid', [...path, 'except', i], e, 'must be a strict subset of `cidr`');
    }
  });
  return { kind: 'ipBlock', cidr, except, ref };
}

function readPort(port: unknown, path: PathSegment[], root: SourceRef, diags: Diags): PolicyPort {
  const protocol = readProtocol(field(port, 'protocol'), [...path, 'protocol'], PROTOCOLS, diags);
  const p = field(port, 'port');
  const endPort = num(field(port, 'endPort'));
  const out: { -readonly [K in keyof PolicyPort]: PolicyPort[K] } = { protocol, ref: sub(root, ...path) };
  if (typeof p === 'number') {
    for (const msg of isValidPortNum(p)) diags.invalid('port-invalid', [...path, 'port'], p, msg);
    out.port = p;
    if (endPort !== undefined) {
      // Upstream (ValidateNetworkPolicyPort) reports `port` as the invalid value of this endPort error.
      if (endPort < p) diags.invalid('port-invalid', [...path, 'endPort'], p, 'must be greater than or equal to `port`');
      for (const msg of isValidPortNum(endPort)) diags.invalid('port-invalid', [...path, 'endPort'], endPort, msg);
      out.endPort = endPort;
    }
  } else if (typeof p === 'string') {
    if (endPort !== undefined) diags.invalid('port-invalid', [...path, 'endPort'], endPort, 'may not be specified when `port` is non-numeric');
    for (const msg of isValidPortName(p)) diags.invalid('port-invalid', [...path, 'port'], p, msg);
    out.port = p;
  } else if (endPort !== undefined) {
    diags.invalid('port-invalid', [...path, 'endPort'], endPort, 'may not be specified when `port` is not specified');
  }
  return out;
}
