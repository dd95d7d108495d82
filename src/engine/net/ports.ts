import type { PortProto, Protocol } from '../model/index.js';

/** The protocols a NetworkPolicy port or a containerPort may name (core/v1 Protocol). */
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export function isProtocol(value: unknown): value is Protocol {
  return value === 'TCP' || value === 'UDP' || value === 'SCTP';
}

/** A port number as the API validates it: an integer 1..65535. */
export function isValidPort(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** Stable map key, e.g. `TCP/80`. */
export function portKey(p: PortProto): string {
  return `${p.protocol}/${p.port}`;
}

/** Protocol (TCP, UDP, SCTP order), then port number. */
export function comparePortProto(a: PortProto, b: PortProto): number {
  return PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) || a.port - b.port;
}

/** Sorted and without duplicates. */
export function uniquePorts(ports: Iterable<PortProto>): PortProto[] {
  const seen = new Map<string, PortProto>();
  for (const p of ports) seen.set(portKey(p), { port: p.port, protocol: p.protocol });
  return [...seen.values()].sort(comparePortProto);
}
