import { describe, expect, it } from 'vitest';
import { formatServiceTrap, probe } from '../engine/index.js';
import { DENY_EGRESS, FLANNEL, ONLY_WEB_A, probeCluster, WEB_IN_80, WEB_IN_8080 } from '../testing/probe.js';
import { describeService, serviceClients } from './service-view.js';

/** web-c matches the Service's selector but cannot pull its image: listed, not ready. */
const NOT_READY = '{apiVersion: v1, kind: Pod, metadata: {name: web-c, namespace: prod, labels: {app: web}}, spec: {containers: [{name: nginx, image: "NGINX:1"}]}}';
/** A client in another namespace: it types `web-svc.prod`. */
const OTHER_NS = [
  '{apiVersion: v1, kind: Namespace, metadata: {name: dev}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: probe, namespace: dev}, spec: {containers: [{name: c, image: busybox}]}}',
];

const verdicts = (v: ReturnType<typeof describeService>, i = 0) =>
  v?.ports[i]?.endpoints.map((e) => [e.id, e.targetPort, e.allowed]);

describe('describeService: the Service expanded for a client, from probe()', () => {
  it('the service-port trap: both endpoints denied on target port 80, the trap sentence in the chosen language', () => {
    const a = probeCluster(WEB_IN_8080);
    const v = describeService(a, 'prod/web-svc', 'prod/client', 'en');
    expect(v).toMatchObject({ key: 'prod/web-svc', type: 'ClusterIP', headless: false, client: 'prod/client' });
    const port = v?.ports[0];
    expect(port).toMatchObject({ label: '8080/TCP', host: 'web-svc', outcome: 'timeout', reason: 'policy', viaClusterIP: false });
    expect(verdicts(v)).toEqual([['prod/web-a', 80, false], ['prod/web-b', 80, false]]);
    // Exactly the engine's sentence for the engine's trap: nothing re-derived here.
    const engine = probe(a, { from: 'prod/client', host: 'web-svc', port: 8080, protocol: 'TCP' });
    expect(engine.serviceTrap).toBeDefined();
    expect(port?.trap).toBe(formatServiceTrap(engine.serviceTrap!, 'en'));
    expect(port?.trap).toContain("'prod/web-in' allows 8080, not 80");
    expect(port?.steps).toContain(port?.trap);
    expect(port?.result).toMatch(/^Result: TIMEOUT/);
    expect(v?.ref?.file).toBe('cluster.yaml');
    const ko = describeService(a, 'prod/web-svc', 'prod/client', 'ko')?.ports[0];
    expect(ko?.trap).toBe(formatServiceTrap(engine.serviceTrap!, 'ko'));
    expect(ko?.steps).toContain('결과: 시간 초과');
  });

  it('the fix (allow 80): every endpoint allowed, no trap, connected', () => {
    const port = describeService(probeCluster(WEB_IN_80), 'prod/web-svc', 'prod/client', 'en')?.ports[0];
    expect(port?.endpoints.map((e) => e.allowed)).toEqual([true, true]);
    expect(port).toMatchObject({ trap: null, outcome: 'connected', reason: 'ok' });
  });

  it('one endpoint denied, the other allowed: each endpoint has its own verdict', () => {
    const v = describeService(probeCluster(ONLY_WEB_A), 'prod/web-svc', 'prod/client', 'en');
    expect(verdicts(v)).toEqual([['prod/web-a', 80, true], ['prod/web-b', 80, false]]);
  });

  it('a named targetPort is resolved per endpoint', () => {
    const v = describeService(probeCluster(WEB_IN_80), 'prod/web', 'prod/client', 'en');
    expect(v?.ports[0]?.port.targetPort).toBe('http');
    expect(verdicts(v)).toEqual([['prod/web-a', 80, true], ['prod/web-b', 80, true]]);
  });

  it('without a client (or one that is gone): endpoints listed, nothing judged', () => {
    const a = probeCluster(WEB_IN_8080);
    for (const client of [null, 'prod/deleted']) {
      const v = describeService(a, 'prod/web-svc', client, 'en');
      expect(v?.client).toBeNull();
      expect(v?.ports[0]).toMatchObject({ host: null, outcome: null, trap: null, steps: null, result: null });
      expect(verdicts(v)).toEqual([['prod/web-a', 80, null], ['prod/web-b', 80, null]]);
    }
  });

  it('DNS blocked by the client’s egress: the name fails at lookup, the verdicts are for the ClusterIP', () => {
    const port = describeService(probeCluster(DENY_EGRESS), 'prod/web-svc', 'prod/client', 'en')?.ports[0];
    expect(port).toMatchObject({ outcome: 'dns-timeout', reason: 'dns-policy', viaClusterIP: true, trap: null });
    expect(port?.endpoints.map((e) => e.allowed)).toEqual([false, false]);
  });

  it('a pod that is not ready is listed with its reason and not judged', () => {
    const v = describeService(probeCluster(WEB_IN_80, NOT_READY), 'prod/web-svc', 'prod/client', 'en');
    expect(v?.ports[0]?.endpoints.at(-1)).toMatchObject({ id: 'prod/web-c', ready: false, reason: 'InvalidImageName', allowed: null });
  });

  it('from another namespace the client types svc.ns', () => {
    const v = describeService(probeCluster(WEB_IN_80, ...OTHER_NS), 'prod/web-svc', 'dev/probe', 'en');
    expect(v?.ports[0]).toMatchObject({ host: 'web-svc.prod' });
    // web-in admits only prod's client: dev/probe is denied on 80.
    expect(v?.ports[0]?.endpoints.map((e) => e.allowed)).toEqual([false, false]);
  });

  it('headless: no DNAT, each ready address judged on its target port', () => {
    expect(verdicts(describeService(probeCluster(WEB_IN_8080), 'prod/web-headless', 'prod/client', 'en'))).toEqual([['prod/web-a', 80, false]]);
    const v = describeService(probeCluster(WEB_IN_80), 'prod/web-headless', 'prod/client', 'en');
    expect(v).toMatchObject({ headless: true, clusterIP: 'None' });
    expect(v?.ports[0]).toMatchObject({ trap: null, viaClusterIP: false });
    expect(verdicts(v)).toEqual([['prod/web-a', 80, true]]);
  });

  it('no ready endpoint: refused at once', () => {
    const port = describeService(probeCluster(), 'prod/idle', 'prod/client', 'en')?.ports[0];
    expect(port).toMatchObject({ endpoints: [], outcome: 'refused', reason: 'no-endpoints' });
  });

  it('ExternalName: no ports to expand, the lookup says where the name points', () => {
    const v = describeService(probeCluster(), 'prod/ext', 'prod/client', 'en');
    expect(v).toMatchObject({ type: 'ExternalName', externalName: 'api.example.com', ports: [] });
    expect(v?.externalSteps).toContain('api.example.com');
  });

  it('a CNI that enforces nothing: everything allowed, no trap', () => {
    const port = describeService(probeCluster(WEB_IN_8080, FLANNEL), 'prod/web-svc', 'prod/client', 'en')?.ports[0];
    expect(port?.endpoints.map((e) => e.allowed)).toEqual([true, true]);
    expect(port?.trap).toBeNull();
  });

  it('an unknown Service is null', () => {
    expect(describeService(probeCluster(), 'prod/nope', 'prod/client', 'en')).toBeNull();
  });

  it('serviceClients lists the scenario’s pods, not the system ones', () => {
    const clients = serviceClients(probeCluster());
    expect(clients).toContain('prod/client');
    expect(clients.some((k) => k.startsWith('kube-system/'))).toBe(false);
  });
});

describe('store: Services in the ui slice', () => {
  it('off by default; the pod selected before a Service becomes its client; turning Services off drops a Service selection', async () => {
    const { createLabStore } = await import('./store.js');
    const store = createLabStore({ files: [] });
    expect(store.getState()).toMatchObject({ showServices: false, serviceClient: null });
    store.getState().setShowServices(true);
    store.getState().select({ kind: 'pod', id: 'prod/client' });
    store.getState().select({ kind: 'service', id: 'prod/web-svc' });
    expect(store.getState()).toMatchObject({ serviceClient: 'prod/client', sideTab: 'explain' });
    // Another selection in between keeps the client; a picked one replaces it.
    store.getState().select({ kind: 'namespace', name: 'prod' });
    store.getState().select({ kind: 'service', id: 'prod/web-svc' });
    expect(store.getState().serviceClient).toBe('prod/client');
    store.getState().setServiceClient('prod/tool');
    expect(store.getState().serviceClient).toBe('prod/tool');
    store.getState().setShowServices(false);
    expect(store.getState()).toMatchObject({ showServices: false, selection: null });
  });
});
