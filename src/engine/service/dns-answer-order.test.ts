// The order of a headless Service's addresses in a DNS answer, for two texts of one IPv4 address
// (found by mutation testing, issue 15: the tie-break of compareIPs in dns.ts). Facts: the lab's
// API server is v1.30, whose EndpointSlice validation (pkg/apis/discovery/validation
// validateEndpoints → apimachinery IsValidIPv4Address) and ValidateNonSpecialIP read addresses with
// k8s.io/utils/net ParseIPSloppy, which accepts leading zeros as decimal (`010.0.0.1` is 10.0.0.1);
// strict parsing of new objects is the StrictIPCIDRValidation gate (KEP-4858: alpha v1.33, beta
// v1.36). The slice keeps the text as written. The lab answers in numeric order (the test above
// it: dns-edges.test.ts "in numeric order"), so an answer never depends on the order the addresses
// were written; between two texts of one value the text decides.
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { resolveName } from './dns.js';

const NS = '{apiVersion: v1, kind: Namespace, metadata: {name: prod}}';
const HEADLESS = '{apiVersion: v1, kind: Service, metadata: {name: ext, namespace: prod}, spec: {clusterIP: None, ports: [{port: 80}]}}';
/** One EndpointSlice for `ext` whose endpoints hold these addresses, in this order. */
const cluster = (...addresses: string[]) => analyze([{
  name: 'dns.yaml',
  text: [NS, HEADLESS,
    `{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: ext-1, namespace: prod, labels: {kubernetes.io/service-name: ext}}, addressType: IPv4, endpoints: [${addresses.map((a) => `{addresses: ['${a}']}`).join(', ')}], ports: [{port: 80}]}`,
  ].join('\n---\n'),
}]);

describe('a headless answer holding two texts of one address', () => {
  it('the v1.30 API server accepts the leading zero (ParseIPSloppy)', () => {
    expect(cluster('10.0.0.1', '010.0.0.1').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it.each([
    ['the plain text first', ['10.0.0.1', '010.0.0.1']],
    ['the zero-led text first', ['010.0.0.1', '10.0.0.1']],
  ])('gives the same order whichever is written first (%s)', (_label, written) => {
    expect(resolveName(cluster(...written), 'prod', 'ext')).toMatchObject({
      status: 'NOERROR', kind: 'headless', addresses: ['010.0.0.1', '10.0.0.1'],
    });
  });
  it('keeps numeric order around the tie', () => {
    expect(resolveName(cluster('10.0.0.2', '10.0.0.1', '9.0.0.1', '010.0.0.1'), 'prod', 'ext'))
      .toMatchObject({ status: 'NOERROR', addresses: ['9.0.0.1', '010.0.0.1', '10.0.0.1', '10.0.0.2'] });
  });
});
