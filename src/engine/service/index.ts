import type { Cluster, EndpointsObject, PodReport, Service, ServicePort, ServicePortReport, ServiceReport } from '../model/index.js';
import { KUBERNETES_ENDPOINTS, SYSTEM_SERVICES } from '../cluster/system.js';
import { manualAddresses, manualBackends, selectedAddresses, selectedBackends } from './endpoints.js';

export { podIsReady, resolveTargetPort } from './endpoints.js';

/**
 * Every Service of the cluster with its endpoints: the scenario's Services plus the implicit
 * `default/kubernetes` and `kube-system/kube-dns` (unless the scenario declares its own of that
 * name). Endpoints as the endpoints/endpointslice controllers compute them: for a selector, the
 * matching pods of the Service's namespace (ready or not, named targetPorts resolved per pod); without
 * one, the Endpoints/EndpointSlices written for it. ExternalName Services have none.
 */
export function buildServices(cluster: Cluster, pods: readonly PodReport[]): ServiceReport[] {
  const declared = new Set(cluster.services.map((s) => key(s)));
  const all = [...SYSTEM_SERVICES.filter((s) => !declared.has(key(s))).map((s) => ({ svc: s, system: true })),
    ...cluster.services.map((s) => ({ svc: s, system: false }))]
    .sort((a, b) => cmp(key(a.svc), key(b.svc)));
  const podsByNs = new Map<string, PodReport[]>();
  for (const p of pods) {
    const list = podsByNs.get(p.pod.namespace) ?? [];
    list.push(p);
    podsByNs.set(p.pod.namespace, list);
  }
  return all.map(({ svc, system }) => report(svc, system, cluster, podsByNs.get(svc.namespace) ?? []));
}

function report(svc: Service, system: boolean, cluster: Cluster, podsOfNs: readonly PodReport[]): ServiceReport {
  const ports: ServicePortReport[] = svc.ports.map(portReport);
  const base = {
    key: key(svc), namespace: svc.namespace, name: svc.name, type: svc.type, clusterIP: svc.clusterIP,
    headless: svc.clusterIP === 'None', ...(svc.externalName !== undefined ? { externalName: svc.externalName } : {}),
    selector: svc.hasSelector ? svc.selector : null, labels: svc.labels, ports, system, ...(svc.ref ? { ref: svc.ref } : {}),
  };
  if (svc.type === 'ExternalName') return { ...base, endpoints: [], backends: [] };
  const slices = cluster.endpointSlices.filter((s) => s.namespace === svc.namespace && s.serviceName === svc.name);
  // The EndpointSliceMirroring controller mirrors only Endpoints of Services without a selector;
  // with a selector the endpoints controller owns (and overwrites) an Endpoints of that name.
  const endpoints: EndpointsObject[] = svc.hasSelector ? []
    : key(svc) === 'default/kubernetes' && system ? [KUBERNETES_ENDPOINTS]
      : cluster.endpoints.filter((e) => e.namespace === svc.namespace && e.name === svc.name);
  const selected = svc.hasSelector ? selectedBackends(svc, podsOfNs) : [];
  const perPort = svc.ports.map((p) => ({
    port: portReport(p),
    addresses: [...selectedAddresses(selected, p), ...manualAddresses(p, endpoints, slices)],
  }));
  const backends = [...selected.map((s) => s.backend), ...manualBackends(endpoints, slices)];
  return { ...base, endpoints: perPort, backends };
}

function portReport(p: ServicePort): ServicePortReport {
  return {
    ...(p.name !== undefined ? { name: p.name } : {}), port: p.port, protocol: p.protocol, targetPort: p.targetPort,
    ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
  };
}

const key = (s: { namespace: string; name: string }) => `${s.namespace}/${s.name}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
