// v1 Endpoints (pkg/apis/core/validation ValidateEndpoints, validateEndpointAddress,
// ValidateNonSpecialIP, validateEndpointPort; SetDefaults_Endpoints: protocol TCP) and
// discovery.k8s.io/v1 EndpointSlice (pkg/apis/discovery/validation ValidateEndpointSlice).
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';

const ep = (body: string) => `{apiVersion: v1, kind: Endpoints, metadata: {name: db}, ${body}}`;
const slice = (body: string, labels = '{kubernetes.io/service-name: db}') =>
  `{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: db-1, labels: ${labels}}, ${body}}`;

describe('Endpoints', () => {
  it('reads addresses, not-ready addresses and ports (protocol TCP by default)', () => {
    const r = run(ep('subsets: [{addresses: [{ip: 192.168.10.5, targetRef: {kind: Pod, name: db-0}}], notReadyAddresses: [{ip: 192.168.10.6}], ports: [{port: 5432}]}]'));
    expect(r.errors).toEqual([]);
    expect(r.cluster.endpoints[0]?.subsets).toEqual([{
      addresses: [{ ip: '192.168.10.5', pod: 'default/db-0' }], notReadyAddresses: [{ ip: '192.168.10.6' }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    }]);
  });

  it.each([
    ['a subset without addresses', 'subsets: [{ports: [{port: 80}]}]', 'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'],
    ['an address that is not an IP', 'subsets: [{addresses: [{ip: db.local}], ports: [{port: 80}]}]', 'subsets[0].addresses[0].ip: Invalid value: "db.local": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    ['loopback', 'subsets: [{addresses: [{ip: 127.0.0.1}], ports: [{port: 80}]}]', 'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ['unspecified', 'subsets: [{addresses: [{ip: 0.0.0.0}], ports: [{port: 80}]}]', 'subsets[0].addresses[0].ip: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)'],
    ['link-local', 'subsets: [{addresses: [{ip: 169.254.169.254}], ports: [{port: 80}]}]', 'subsets[0].addresses[0].ip: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    ['two unnamed ports', 'subsets: [{addresses: [{ip: 10.0.0.5}], ports: [{port: 80}, {port: 443}]}]', 'subsets[0].ports[0].name: Required value'],
    ['port 0', 'subsets: [{addresses: [{ip: 10.0.0.5}], ports: [{name: a, port: 0}]}]', 'subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
  ])('%s', (_, body, message) => {
    const r = run(ep(body));
    expect(r.errors.map((d) => d.message)).toContain(message);
    expect(r.cluster.endpoints).toEqual([]);
  });
});

describe('EndpointSlice', () => {
  it('reads the service name label, readiness (absent = ready) and ports', () => {
    const r = run(slice('addressType: IPv4, endpoints: [{addresses: [10.0.0.5]}, {addresses: [10.0.0.6], conditions: {ready: false}}], ports: [{name: "", port: 5432}]'));
    expect(r.errors).toEqual([]);
    expect(r.cluster.endpointSlices[0]).toMatchObject({
      serviceName: 'db', addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.5'], ready: true }, { addresses: ['10.0.0.6'], ready: false }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    });
  });

  it.each([
    ['addressType missing', 'endpoints: [{addresses: [10.0.0.5]}]', 'addressType: Required value'],
    ['addressType unknown', 'addressType: IPv5, endpoints: []', 'addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"'],
    ['an endpoint without addresses', 'addressType: IPv4, endpoints: [{addresses: []}]', 'endpoints[0].addresses: Required value: must contain at least 1 address'],
    ['an IPv6 address in an IPv4 slice', 'addressType: IPv4, endpoints: [{addresses: ["fd00::5"]}]', 'endpoints[0].addresses[0]: Invalid value: "fd00::5": must be a valid IPv4 address'],
    ['duplicate port names', 'addressType: IPv4, endpoints: [], ports: [{name: a, port: 1}, {name: a, port: 2}]', 'ports[1].name: Duplicate value: "a"'],
  ])('%s', (_, body, message) => {
    expect(run(slice(body)).errors.map((d) => d.message)).toContain(message);
  });
});
