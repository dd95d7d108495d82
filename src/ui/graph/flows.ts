/**
 * Which connections are allowed on the port the student picked. Shared by the graph, the matrix
 * and the explanation panel so all three always agree.
 *
 * 'any' port means: allowed on at least one of the ports listed for the destination
 * (`network.portsOf(to)`: its declared container/host ports plus every numeric port a policy
 * names — the same pairs `kslab analyze` lists). A destination that lists no port at all is probed
 * on one port that no policy and no pod names, which answers "would a rule without `ports` (all
 * ports) let it through"; the UI calls that "any other port".
 */
import type { NetworkAnalysis, PortProto } from '../../engine/model/index.js';

export type PortChoice = PortProto | 'any';

export const portLabel = (p: PortProto) => `${p.port}/${p.protocol}`;
export const portChoiceKey = (c: PortChoice) => (c === 'any' ? 'any' : portLabel(c));

export function parsePortChoice(key: string): PortChoice {
  const m = /^(\d{1,5})\/(TCP|UDP|SCTP)$/.exec(key);
  if (!m) return 'any';
  const port = Number(m[1]);
  return port >= 1 && port <= 65535 ? { port, protocol: m[2] as PortProto['protocol'] } : 'any';
}

export const samePort = (a: PortProto, b: PortProto) => a.port === b.port && a.protocol === b.protocol;

/** The smallest TCP port nothing names: a stand-in for "every other port". */
export function probePort(network: NetworkAnalysis): PortProto {
  const named = new Set(network.allPorts().filter((p) => p.protocol === 'TCP').map((p) => p.port));
  let port = 1;
  while (named.has(port) && port < 65535) port++;
  return { port, protocol: 'TCP' };
}

export interface PortsToCheck {
  readonly ports: readonly PortProto[];
  /** True when `ports` is the single probe port (the destination lists none). */
  readonly probe: boolean;
}

export function portsToCheck(network: NetworkAnalysis, to: string, choice: PortChoice): PortsToCheck {
  if (choice !== 'any') return { ports: [choice], probe: false };
  const listed = network.portsOf(to);
  return listed.length > 0 ? { ports: listed, probe: false } : { ports: [probePort(network)], probe: true };
}

export type FlowStatus = 'allowed' | 'partial' | 'denied';

export interface FlowVerdict {
  readonly from: string;
  readonly to: string;
  readonly status: FlowStatus;
  readonly allowedPorts: readonly PortProto[];
  readonly deniedPorts: readonly PortProto[];
  readonly probe: boolean;
}

export function flowVerdict(network: NetworkAnalysis, from: string, to: string, choice: PortChoice): FlowVerdict {
  return verdictOn(network, from, to, portsToCheck(network, to, choice));
}

/** flowVerdict with the destination's ports already known (the graph asks them once per destination, not per pair). */
export function verdictOn(network: NetworkAnalysis, from: string, to: string, { ports, probe }: PortsToCheck): FlowVerdict {
  const allowedPorts: PortProto[] = [];
  const deniedPorts: PortProto[] = [];
  for (const p of ports) (network.allowed(from, to, p.port, p.protocol) ? allowedPorts : deniedPorts).push(p);
  const status: FlowStatus = deniedPorts.length === 0 ? 'allowed' : allowedPorts.length === 0 ? 'denied' : 'partial';
  return { from, to, status, allowedPorts, deniedPorts, probe };
}

/** Whether a flow is reported at all: never to itself, never between two external hosts. */
export function isReportedPair(network: NetworkAnalysis, from: string, to: string): boolean {
  if (from === to) return false;
  return !(network.endpoint(from)?.kind === 'external' && network.endpoint(to)?.kind === 'external');
}
