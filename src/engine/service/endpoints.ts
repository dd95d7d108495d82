import type {
  EndpointAddress, EndpointSliceObject, EndpointsObject, PodReport, Service, ServiceBackend, ServicePort,
} from '../model/index.js';
import { matchesSelector } from '../selectors/index.js';

/**
 * A pod carries Service traffic when it is Ready: every app container running (the lab has no
 * probes, so running is ready) and an address assigned (pkg/controller/endpoint and
 * endpointslice: podutil.IsPodReady; pods without an IP are skipped). A pod stuck in ErrImagePull
 * or CreateContainerConfigError is listed as not ready (notReadyAddresses) and gets no traffic.
 */
export function podIsReady(report: PodReport): boolean {
  return report.pod.ip !== '' && report.containers.length > 0 && report.containers.every((c) => c.state === 'Running');
}

/**
 * The container port a Service port's targetPort names on one pod (k8s.io/kubernetes
 * pkg/api/v1/pod FindPort): a number is used as is; a name is looked up in the pod's containers'
 * ports with that name AND the Service port's protocol; no such port ⇒ the pod is not an endpoint
 * for this Service port (different pods may resolve one name to different numbers).
 */
export function resolveTargetPort(report: PodReport, port: ServicePort): number | null {
  if (typeof port.targetPort === 'number') return port.targetPort;
  for (const c of report.pod.containers) {
    for (const p of c.ports) if (p.name === port.targetPort && p.protocol === port.protocol) return p.containerPort;
  }
  return null;
}

/** Backends of a Service with a selector: the pods of its namespace matching it, with an address. */
export function selectedBackends(svc: Service, podsOfNs: readonly PodReport[]): { report: PodReport; backend: ServiceBackend }[] {
  const out: { report: PodReport; backend: ServiceBackend }[] = [];
  for (const report of podsOfNs) {
    const pod = report.pod;
    if (pod.ip === '' || !matchesSelector({ matchLabels: svc.selector, matchExpressions: [] }, pod.labels)) continue;
    const ready = podIsReady(report);
    // The endpoints controller publishes a hostname only for a pod whose spec.subdomain names this
    // Service (pkg/controller/endpoint: `hostname` when pod.Spec.Subdomain == service.Name).
    const hostname = pod.hostname !== undefined && pod.subdomain === svc.name ? pod.hostname : undefined;
    out.push({
      report,
      backend: {
        pod: report.key, ip: pod.ip, nodeName: pod.nodeName,
        ...(hostname !== undefined ? { hostname } : {}),
        ready, ...(ready ? {} : { reason: report.status }),
      },
    });
  }
  return out;
}

/** The addresses of one Service port from selected pods (named targetPort resolved per pod). */
export function selectedAddresses(selected: readonly { report: PodReport; backend: ServiceBackend }[], port: ServicePort): EndpointAddress[] {
  const out: EndpointAddress[] = [];
  for (const { report, backend } of selected) {
    const target = resolveTargetPort(report, port);
    if (target !== null) out.push({ ...backend, port: target });
  }
  return out;
}

/**
 * Addresses written by hand for one Service port. kube-proxy reads EndpointSlices; for a Service
 * without selector the EndpointSliceMirroring controller copies the v1 Endpoints of the same name
 * into slices (pkg/controller/endpointslicemirroring), so both count. A slice or subset port belongs
 * to the Service port with the same name (both unnamed for a single-port Service) and protocol; the
 * Service's targetPort is ignored (docs "Service": Services without selectors). A slice port
 * without a number means "all ports": the Service port's own number is used.
 */
export function manualAddresses(port: ServicePort, endpoints: readonly EndpointsObject[], slices: readonly EndpointSliceObject[]): EndpointAddress[] {
  const out: EndpointAddress[] = [];
  const same = (name: string | undefined, protocol: string) => (name ?? '') === (port.name ?? '') && protocol === port.protocol;
  for (const e of endpoints) {
    for (const subset of e.subsets) {
      const p = subset.ports.find((x) => same(x.name, x.protocol));
      if (!p) continue;
      for (const [list, ready] of [[subset.addresses, true], [subset.notReadyAddresses, false]] as const) {
        for (const a of list) out.push(manual(a.ip, p.port, ready, a.pod, a.nodeName, a.hostname));
      }
    }
  }
  for (const slice of slices) {
    if (slice.addressType === 'FQDN') continue; // kube-proxy ignores FQDN slices
    const p = slice.ports.find((x) => same(x.name, x.protocol));
    if (!p) continue;
    for (const ep of slice.endpoints) {
      for (const ip of ep.addresses) out.push(manual(ip, p.port ?? port.port, ep.ready, ep.pod, ep.nodeName, ep.hostname));
    }
  }
  return dedupe(out);
}

/** Every hand-written address, whatever the port (headless DNS answers with them). */
export function manualBackends(endpoints: readonly EndpointsObject[], slices: readonly EndpointSliceObject[]): ServiceBackend[] {
  const out: EndpointAddress[] = [];
  for (const e of endpoints) {
    for (const s of e.subsets) {
      for (const a of s.addresses) out.push(manual(a.ip, 0, true, a.pod, a.nodeName, a.hostname));
      for (const a of s.notReadyAddresses) out.push(manual(a.ip, 0, false, a.pod, a.nodeName, a.hostname));
    }
  }
  for (const slice of slices) {
    if (slice.addressType === 'FQDN') continue;
    for (const ep of slice.endpoints) for (const ip of ep.addresses) out.push(manual(ip, 0, ep.ready, ep.pod, ep.nodeName, ep.hostname));
  }
  return dedupe(out).map(({ port: _port, ...b }): ServiceBackend => b);
}

function manual(ip: string, port: number, ready: boolean, pod?: string, nodeName?: string, hostname?: string): EndpointAddress {
  return {
    pod: pod ?? null, ip, port, ready,
    ...(nodeName !== undefined ? { nodeName } : {}), ...(hostname !== undefined ? { hostname } : {}),
  };
}

/** One entry per address and port; a ready entry wins over a not-ready duplicate. */
function dedupe(list: readonly EndpointAddress[]): EndpointAddress[] {
  const seen = new Map<string, EndpointAddress>();
  for (const a of list) {
    const k = `${a.ip}|${a.port}`;
    const prev = seen.get(k);
    if (!prev || (!prev.ready && a.ready)) seen.set(k, a);
  }
  return [...seen.values()];
}
