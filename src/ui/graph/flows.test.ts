import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../testing/ui.js';
import { flowVerdict, isReportedPair, parsePortChoice, portChoiceKey, probePort, portsToCheck } from './flows.js';

const a = buildAnalysis({
  pods: [
    { key: 'n/a' },
    { key: 'n/b', ports: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] },
    { key: 'n/c' },
  ],
  externals: [{ name: 'e', ip: '192.0.2.1' }, { name: 'f', ip: '192.0.2.2' }],
  allow: ['n/a->n/b@80/TCP', 'n/a->n/c@1/TCP'],
});

describe('flowVerdict', () => {
  it.each([
    ['n/a', 'n/b', 'any', 'partial', ['80/TCP'], ['53/UDP']],
    ['n/c', 'n/b', 'any', 'denied', [], ['80/TCP', '53/UDP']],
    ['n/a', 'n/b', { port: 80, protocol: 'TCP' }, 'allowed', ['80/TCP'], []],
    ['n/a', 'n/b', { port: 80, protocol: 'UDP' }, 'denied', [], ['80/UDP']],
    // n/c lists no port: probed on 1/TCP, the first port nothing names
    ['n/a', 'n/c', 'any', 'allowed', ['1/TCP'], []],
  ] as const)('%s → %s on %j is %s', (from, to, port, status, allowed, denied) => {
    const v = flowVerdict(a.network, from, to, port);
    expect(v.status).toBe(status);
    expect(v.allowedPorts.map((p) => `${p.port}/${p.protocol}`)).toEqual(allowed);
    expect(v.deniedPorts.map((p) => `${p.port}/${p.protocol}`)).toEqual(denied);
  });
});

describe('probePort and portsToCheck', () => {
  it('skips every TCP port something names', () => {
    const b = buildAnalysis({ pods: [{ key: 'n/a', ports: [{ port: 1, protocol: 'TCP' }, { port: 2, protocol: 'TCP' }, { port: 3, protocol: 'UDP' }] }] });
    expect(probePort(b.network)).toEqual({ port: 3, protocol: 'TCP' });
  });
  it('uses the destination ports when it lists some, the probe otherwise', () => {
    expect(portsToCheck(a.network, 'n/b', 'any').probe).toBe(false);
    expect(portsToCheck(a.network, 'n/c', 'any')).toEqual({ ports: [{ port: 1, protocol: 'TCP' }], probe: true });
    expect(portsToCheck(a.network, 'n/c', { port: 9, protocol: 'SCTP' })).toEqual({ ports: [{ port: 9, protocol: 'SCTP' }], probe: false });
  });
});

describe('isReportedPair', () => {
  it.each([
    ['n/a', 'n/a', false], ['n/a', 'n/b', true], ['192.0.2.1', 'n/a', true], ['n/a', '192.0.2.1', true],
    ['192.0.2.1', '192.0.2.2', false],
  ] as const)('%s → %s: %s', (from, to, expected) => expect(isReportedPair(a.network, from, to)).toBe(expected));
});

describe('port choice keys', () => {
  it.each([
    ['any', 'any'], ['80/TCP', { port: 80, protocol: 'TCP' }], ['53/UDP', { port: 53, protocol: 'UDP' }],
    ['0/TCP', 'any'], ['70000/TCP', 'any'], ['80/tcp', 'any'], ['junk', 'any'],
  ] as const)('%s', (key, choice) => {
    expect(parsePortChoice(key)).toEqual(choice);
    if (choice !== 'any') expect(portChoiceKey(choice)).toBe(key);
  });
});
