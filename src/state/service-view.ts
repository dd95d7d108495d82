import { formatProbe, formatServiceTrap, probe, type Analysis } from '../engine/index.js';
import type {
  ProbeOutcome, ProbeReason, ProbeResult, ServicePortReport, ServiceReport, ServiceType, SourceRef,
} from '../engine/model/index.js';
import type { Lang } from './store.js';

/**
 * A selected Service, expanded for one client pod, as the explanation panel shows it
 * (architecture.md practice 13: every verdict here comes from the engine's `probe()`, the same
 * function behind `wget`/`nc`/`curl` in the terminal and `kslab explain --to ns/svc`; the panel
 * only renders this data).
 *
 * Per Service port:
 * - the probe by name (`svc` from the same namespace, else `svc.ns`, as a student types it):
 *   lookup, DNAT, the service-port trap and the result, as one text (`formatProbe`);
 * - every endpoint address with its resolved target port and its NetworkPolicy verdict there (the
 *   probe's `candidates`); when the name does not resolve for that client (DNS blocked), the
 *   verdicts come from a probe of the ClusterIP, and `viaClusterIP` says so;
 * - headless Services have no DNAT: each ready address is probed on its target port directly.
 * Cost: one or two probes per Service port, plus one per address of a headless Service.
 */
export interface ServiceEndpointView {
  /** The pod (`namespace/name`), or the address when no pod has it. */
  readonly id: string;
  readonly ip: string;
  /** The target port resolved for this endpoint (a named targetPort differs per pod). */
  readonly targetPort: number;
  readonly ready: boolean;
  /** Why a pod is not ready (its kubectl STATUS), when the engine says. */
  readonly reason?: string;
  /** The NetworkPolicy verdict on the target port; null when not judged (no client, or not ready). */
  readonly allowed: boolean | null;
  /** The client → endpoint connection has a rule-by-rule explanation (a pod or external host). */
  readonly explainable: boolean;
}

export interface ServicePortView {
  readonly port: ServicePortReport;
  /** `8080/TCP` */
  readonly label: string;
  readonly endpoints: readonly ServiceEndpointView[];
  /** What the client typed, e.g. `web-svc`, `web-svc.prod`; null without a client. */
  readonly host: string | null;
  readonly outcome: ProbeOutcome | null;
  readonly reason: ProbeReason | null;
  /** The service-port trap in one sentence, when the engine names it for this client. */
  readonly trap: string | null;
  /** The probe step by step (`formatProbe`, without the rule-by-rule part); null without a client. */
  readonly steps: string | null;
  /** The probe's one result line (the last line of `steps`). */
  readonly result: string | null;
  /** The name did not lead to this Service (lookup failed): the verdicts are for its ClusterIP. */
  readonly viaClusterIP: boolean;
}

export interface ServiceView {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly type: ServiceType;
  readonly clusterIP: string;
  readonly headless: boolean;
  readonly externalName?: string;
  /** Where the Service is written (absent for the implicit ones). */
  readonly ref?: SourceRef;
  /** The client the verdicts are for; null when none is chosen (or it no longer exists). */
  readonly client: string | null;
  readonly ports: readonly ServicePortView[];
  /** ExternalName: the lookup from the client (a CNAME out of the cluster); null otherwise. */
  readonly externalSteps: string | null;
}

/** The pods a student can pick as the client: the scenario's own, in analysis order. */
export function serviceClients(analysis: Analysis): string[] {
  return analysis.pods.filter((p) => p.pod.system !== true).map((p) => p.key);
}

/** null when no such Service exists (any more). */
export function describeService(analysis: Analysis, key: string, client: string | null, locale: Lang): ServiceView | null {
  const svc = analysis.services.find((s) => s.key === key);
  if (!svc) return null;
  const from = client !== null && analysis.pods.some((p) => p.key === client) ? client : null;
  const host = from === null ? null : hostFor(svc, from);
  const ports = svc.type === 'ExternalName' ? [] : svc.endpoints.map(({ port, addresses }) => {
    const listed = addresses.map((a) => ({
      id: a.pod ?? a.ip, ip: a.ip, targetPort: a.port, ready: a.ready,
      ...(a.reason !== undefined ? { reason: a.reason } : {}),
      explainable: analysis.network.endpoint(a.pod ?? a.ip) !== undefined,
    }));
    const base = { port, label: `${port.port}/${port.protocol}` };
    if (from === null || host === null) {
      return {
        ...base, endpoints: listed.map((e) => ({ ...e, allowed: null })),
        host: null, outcome: null, reason: null, trap: null, steps: null, result: null, viaClusterIP: false,
      };
    }
    const byName = probe(analysis, { from, host, port: port.port, protocol: port.protocol });
    const through = byName.service?.key === svc.key;
    const judged = through || svc.headless ? byName : probe(analysis, { from, host: svc.clusterIP, port: port.port, protocol: port.protocol });
    const verdict = (e: (typeof listed)[number]): boolean | null => {
      if (!e.ready) return null;
      if (svc.headless) return allowedAt(probe(analysis, { from, host: e.ip, port: e.targetPort, protocol: port.protocol }));
      const c = judged.candidates.find((x) => x.ip === e.ip && x.port === e.targetPort);
      return c ? c.allowed : null;
    };
    const text = steps(byName, locale);
    return {
      ...base,
      endpoints: listed.map((e) => ({ ...e, allowed: verdict(e) })),
      host,
      outcome: byName.outcome,
      reason: byName.reason,
      trap: judged.serviceTrap ? formatServiceTrap(judged.serviceTrap, locale) : null,
      steps: text,
      result: text.split('\n').at(-1) ?? null,
      viaClusterIP: !through && !svc.headless,
    };
  });
  return {
    key: svc.key, namespace: svc.namespace, name: svc.name, type: svc.type, clusterIP: svc.clusterIP, headless: svc.headless,
    ...(svc.externalName !== undefined ? { externalName: svc.externalName } : {}),
    ...(svc.ref ? { ref: svc.ref } : {}),
    client: from,
    ports,
    externalSteps: svc.type === 'ExternalName' && from !== null && host !== null
      ? steps(probe(analysis, { from, host, port: 80, protocol: 'TCP' }), locale) : null,
  };
}

/** The short name from the same namespace, `svc.ns` from another (both resolve through the search list). */
function hostFor(svc: ServiceReport, client: string): string {
  return client.startsWith(`${svc.namespace}/`) ? svc.name : `${svc.name}.${svc.namespace}`;
}

/** As the probe's candidates count it (service/probe.ts): a policy drop denies; anything else got through. */
const allowedAt = (r: ProbeResult): boolean => r.reason !== 'policy';

/** formatProbe without the rule-by-rule explanation, blank lines collapsed (as describeProbe does). */
function steps(r: ProbeResult, locale: Lang): string {
  const text = formatProbe({ ...r, explanation: null }, locale);
  return text.split('\n').filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== '')).join('\n');
}
