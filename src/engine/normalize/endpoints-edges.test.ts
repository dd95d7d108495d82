// Endpoints and EndpointSlice edges: pkg/apis/core/validation ValidateEndpoints /
// validateEndpointAddress / ValidateNonSpecialIP (unspecified, loopback 127.0.0.0/8, link-local
// 169.254.0.0/16, link-local multicast 224.0.0.0/24 refused), endpoint ports (named when several,
// unique, 1-65535); pkg/apis/discovery/validation ValidateEndpointSlice (addressType required and
// one of FQDN/IPv4/IPv6, 1-100 addresses of that family, ready when conditions.ready is unset).
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';

const ep = (body: string) => `{apiVersion: v1, kind: Endpoints, metadata: {name: db}, ${body}}`;
const slice = (body: string, labels = '{kubernetes.io/service-name: db}') =>
  `{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: db-1, labels: ${labels}}, ${body}}`;
const errs = (yaml: string) => run(yaml).errors.map((e) => e.message);

describe('Endpoints edges', () => {
  it.each([
    ['0.0.0.0', 'may not be unspecified (0.0.0.0)'],
    ['127.1.2.3', 'may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ['169.254.9.9', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    ['224.0.0.251', 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'],
  ])('%s is special', (ip, detail) => {
    expect(errs(ep(`subsets: [{addresses: [{ip: "${ip}"}], ports: [{port: 80}]}]`))).toEqual([`subsets[0].addresses[0].ip: Invalid value: "${ip}": ${detail}`]);
  });

  // IPv6 as Go's net.IP methods read it (the lab checked IPv4 only before).
  it.each([
    ['::', 'may not be unspecified (::)'],
    ['::1', 'may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ['fe80::1', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    ['febf::1', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
    ['ff02::fb', 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'],
    ['ff12::1', 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'],
    ['::ffff:127.0.0.1', 'may not be in the loopback range (127.0.0.0/8, ::1/128)'],
  ])('%s is special', (ip, detail) => {
    expect(errs(ep(`subsets: [{addresses: [{ip: "${ip}"}], ports: [{port: 80}]}]`))).toEqual([`subsets[0].addresses[0].ip: Invalid value: "${ip}": ${detail}`]);
  });

  it.each(['::2', '1::1', 'fec0::1', 'fe40::1', 'ff01::1', 'ff03::1', '2001:db8::1'])('%s is not special', (ip) => {
    expect(errs(ep(`subsets: [{addresses: [{ip: "${ip}"}], ports: [{port: 80}]}]`))).toEqual([]);
  });

  it('an IPv6 EndpointSlice refuses ::1', () => {
    expect(errs(slice('addressType: IPv6, endpoints: [{addresses: ["::1"]}]'))).toEqual(['endpoints[0].addresses[0]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)']);
  });

  it.each(['126.255.255.255', '128.0.0.1', '169.253.1.1', '169.255.1.1', '224.0.1.1', '224.1.0.1', '0.0.0.1', '10.0.0.0'])('%s is not special', (ip) => {
    expect(errs(ep(`subsets: [{addresses: [{ip: "${ip}"}], ports: [{port: 80}]}]`))).toEqual([]);
  });

  it('not-ready addresses are checked too; a subset with only them is fine', () => {
    expect(errs(ep('subsets: [{notReadyAddresses: [{ip: 127.0.0.1}], ports: [{port: 80}]}]'))).toEqual(['subsets[0].notReadyAddresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']);
    expect(errs(ep('subsets: [{notReadyAddresses: [{ip: 10.0.0.1}], ports: [{port: 80}]}]'))).toEqual([]);
  });

  it('a subset without any address is Required', () => {
    expect(errs(ep('subsets: [{ports: [{port: 80}]}]'))).toEqual(['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`']);
  });

  it('hostname, nodeName and a pod targetRef in another namespace are kept; a non-Pod targetRef is not a pod', () => {
    const r = run(ep('subsets: [{addresses: [{ip: 10.0.0.1, hostname: db-0, nodeName: node01, targetRef: {kind: Pod, name: db-0, namespace: data}}, {ip: 10.0.0.2, targetRef: {kind: Node, name: worker}}], ports: [{port: 80}]}]'));
    expect(r.errors).toEqual([]);
    expect(r.cluster.endpoints[0]?.subsets[0]?.addresses).toEqual([{ ip: '10.0.0.1', hostname: 'db-0', nodeName: 'node01', pod: 'data/db-0' }, { ip: '10.0.0.2' }]);
  });

  it('a bad hostname is a DNS label error', () => {
    expect(errs(ep('subsets: [{addresses: [{ip: 10.0.0.1, hostname: Db}], ports: [{port: 80}]}]'))[0]).toMatch(/^subsets\[0\]\.addresses\[0\]\.hostname: Invalid value: "Db": a lowercase RFC 1123 label/);
  });

  it('ports: a missing port is 0 and refused; two ports need names, unique; one may go unnamed', () => {
    expect(errs(ep('subsets: [{addresses: [{ip: 10.0.0.1}], ports: [{name: a}]}]'))).toEqual(['subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']);
    expect(errs(ep('subsets: [{addresses: [{ip: 10.0.0.1}], ports: [{name: a, port: 1}, {port: 2}]}]'))).toEqual(['subsets[0].ports[1].name: Required value']);
    expect(errs(ep('subsets: [{addresses: [{ip: 10.0.0.1}], ports: [{name: a, port: 1}, {name: a, port: 2}]}]'))).toEqual(['subsets[0].ports[1].name: Duplicate value: "a"']);
    expect(errs(ep('subsets: [{addresses: [{ip: 10.0.0.1}], ports: [{port: 65535, protocol: UDP}]}]'))).toEqual([]);
  });
});

describe('EndpointSlice edges', () => {
  it('addressType: missing or empty is Required; unknown is NotSupported', () => {
    expect(errs(slice('endpoints: []'))).toEqual(['addressType: Required value']);
    expect(errs(slice('addressType: "", endpoints: []'))).toEqual(['addressType: Required value']);
    expect(errs(slice('addressType: IPv5, endpoints: []'))).toEqual(['addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"']);
  });

  it('addresses must be of the slice\'s family and not special; FQDN slices take names', () => {
    expect(errs(slice('addressType: IPv6, endpoints: [{addresses: [10.0.0.1]}]'))).toEqual(['endpoints[0].addresses[0]: Invalid value: "10.0.0.1": must be a valid IPv6 address']);
    expect(errs(slice('addressType: IPv4, endpoints: [{addresses: ["2001:db8::1"]}]'))).toEqual(['endpoints[0].addresses[0]: Invalid value: "2001:db8::1": must be a valid IPv4 address']);
    expect(errs(slice('addressType: IPv4, endpoints: [{addresses: [169.254.0.1]}]'))).toEqual(['endpoints[0].addresses[0]: Invalid value: "169.254.0.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)']);
    expect(errs(slice('addressType: FQDN, endpoints: [{addresses: [db.example.com]}]'))).toEqual([]);
    expect(errs(slice('addressType: IPv6, endpoints: [{addresses: ["2001:db8::1"]}]'))).toEqual([]);
  });

  it('1 to 100 addresses per endpoint', () => {
    const list = (n: number) => `[${Array.from({ length: n }, (_, i) => `10.0.${Math.floor(i / 200)}.${(i % 200) + 1}`).join(', ')}]`;
    expect(errs(slice(`addressType: IPv4, endpoints: [{addresses: ${list(100)}}]`))).toEqual([]);
    expect(errs(slice(`addressType: IPv4, endpoints: [{addresses: ${list(101)}}]`))).toEqual(['endpoints[0].addresses: Invalid value: 101: must have at most 100 items']);
    expect(errs(slice('addressType: IPv4, endpoints: [{addresses: []}]'))).toEqual(['endpoints[0].addresses: Required value: must contain at least 1 address']);
  });

  it('ready defaults to true; hostname, nodeName, pod and service name are kept', () => {
    const r = run(slice('addressType: IPv4, endpoints: [{addresses: [10.0.0.1], hostname: h, nodeName: node02, targetRef: {kind: Pod, name: p}}, {addresses: [10.0.0.2], conditions: {ready: false}}], ports: [{name: a, port: 80}, {name: b}]'));
    expect(r.errors).toEqual([]);
    const s = r.cluster.endpointSlices[0];
    expect(s).toMatchObject({ serviceName: 'db', addressType: 'IPv4' });
    expect(s?.endpoints).toEqual([
      { addresses: ['10.0.0.1'], ready: true, hostname: 'h', nodeName: 'node02', pod: 'default/p' },
      { addresses: ['10.0.0.2'], ready: false },
    ]);
    expect(s?.ports).toEqual([{ name: 'a', port: 80, protocol: 'TCP' }, { name: 'b', protocol: 'TCP' }]);
  });

  it('slice ports: unnamed ones need no name; a set port is range-checked; names unique', () => {
    expect(errs(slice('addressType: IPv4, endpoints: [], ports: [{port: 1}, {port: 2}]'))).toEqual([]);
    expect(errs(slice('addressType: IPv4, endpoints: [], ports: [{port: 0}]'))).toEqual(['ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']);
    expect(errs(slice('addressType: IPv4, endpoints: [], ports: [{name: a}, {name: a}]'))).toEqual(['ports[1].name: Duplicate value: "a"']);
  });

  it('no service-name label is no service', () => {
    const s = run(slice('addressType: IPv4, endpoints: []', '{}')).cluster.endpointSlices[0];
    expect(s && 'serviceName' in s).toBe(false);
  });
});
