/**
 * ServicePanel — a selected Service, expanded to its endpoints for one client pod.
 *
 * Props:
 *   serviceKey: string                     the selected Service (`namespace/name`)
 *   view: ServiceView | null               from state/service-view.ts `describeService` (null: it is gone)
 *   clients: readonly string[]             the pods to pick the client from
 *   onClient(pod: string | null)           the student picked another client
 *   onExplainEndpoint(from, to, port)      "Why?" on an endpoint: the rule-by-rule explanation of
 *                                          client → endpoint on its target port
 *   onReveal(ref: SourceRef)               "show in editor" for the Service
 *
 * Renders only: every verdict, the trap sentence and the step-by-step text come from the engine's
 * probe() through the state helper. Names are untrusted and rendered as text.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortProto, SourceRef } from '../../engine/model/index.js';
import type { ServiceEndpointView, ServicePortView, ServiceView } from '../../state/service-view.js';
import { Reveal } from './Reveal.js';
import './explain.css';

export interface ServicePanelProps {
  serviceKey: string;
  view: ServiceView | null;
  clients: readonly string[];
  onClient(pod: string | null): void;
  onExplainEndpoint(from: string, to: string, port: PortProto): void;
  onReveal(ref: SourceRef): void;
}

export function ServicePanel({ serviceKey, view, clients, onClient, onExplainEndpoint, onReveal }: ServicePanelProps) {
  const { t } = useTranslation('explain');
  const pickerId = useId();
  const title = t('serviceTitle', { service: serviceKey });
  if (!view) {
    return (
      <section className="ksl-explain" aria-label={title} data-testid="service-panel">
        <h3 className="ksl-explain__title">{title}</h3>
        <p>{t('serviceGone', { service: serviceKey })}</p>
      </section>
    );
  }
  return (
    <section className="ksl-explain ksl-service" aria-label={title} data-testid="service-panel">
      <h3 className="ksl-explain__title">
        {t('serviceWord')} <Reveal label={view.key} target={view.ref} onReveal={onReveal} />
      </h3>
      <p className="ksl-explain__hint">{about(view, t)}</p>
      <div className="ksl-service__client">
        <label htmlFor={pickerId}>{t('serviceClient')}</label>
        <select id={pickerId} value={view.client ?? ''} data-testid="service-client"
          onChange={(e) => onClient(e.target.value === '' ? null : e.target.value)}>
          <option value="">{t('serviceChooseClient')}</option>
          {clients.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </div>
      {view.client === null && <p className="ksl-explain__hint">{t('serviceNoClient')}</p>}
      {view.ports.map((p) => (
        <PortBlock key={p.label} view={view} port={p} onExplainEndpoint={onExplainEndpoint} />
      ))}
      {view.externalSteps !== null && <pre className="ksl-service__steps">{view.externalSteps}</pre>}
    </section>
  );
}

type T = (key: string, params?: Record<string, string | number>) => string;

function about(view: ServiceView, t: T): string {
  if (view.type === 'ExternalName') return t('serviceExternalName', { name: view.externalName ?? '' });
  if (view.headless) return t('serviceHeadless');
  // `NodePort · ClusterIP 10.96.…`; a plain ClusterIP Service needs no prefix.
  return t('serviceClusterIP', { prefix: view.type === 'ClusterIP' ? '' : `${view.type} · `, ip: view.clusterIP });
}

function PortBlock({ view, port: p, onExplainEndpoint }: { view: ServiceView; port: ServicePortView; onExplainEndpoint: ServicePanelProps['onExplainEndpoint'] }) {
  const { t } = useTranslation('explain');
  const client = view.client;
  return (
    <section className="ksl-service__port" aria-label={t('servicePort', { port: p.label, target: String(p.port.targetPort) })} data-testid={`service-port-${p.label}`}>
      <h4>{t('servicePort', { port: p.label, target: String(p.port.targetPort) })}</h4>
      {p.result !== null && (
        <p className={`ksl-service__result ksl-service__result--${p.outcome === 'connected' ? 'ok' : 'fail'}`} data-testid="service-result">
          {p.result}
        </p>
      )}
      {p.trap !== null && (
        <div className="ksl-explain__note ksl-service__trap" role="note" data-testid="service-trap">
          <strong>{t('serviceTrapTitle')}</strong> {p.trap}
        </div>
      )}
      {p.viaClusterIP && client !== null && (
        <p className="ksl-explain__note" role="note">{t('serviceViaClusterIP', { client, ip: view.clusterIP })}</p>
      )}
      {p.endpoints.length === 0
        ? <p>{t('serviceNoEndpoints')}</p>
        : (
          <ul className="ksl-service__endpoints" aria-label={t('serviceEndpoints')}>
            {p.endpoints.map((e) => (
              <li key={`${e.id} ${e.targetPort}`} data-testid={`service-endpoint-${e.id}`} data-allowed={e.allowed === null ? 'unknown' : String(e.allowed)}>
                <span className="ksl-mention">{e.id}</span> <code>{`${e.ip}:${e.targetPort}`}</code>{' '}
                <EndpointBadge e={e} protocol={p.port.protocol} />
                {client !== null && e.ready && e.explainable && (
                  <button type="button" className="ksl-chip" data-testid={`service-why-${e.id}`}
                    aria-label={t('serviceWhyLabel', { from: client, to: e.id, port: `${e.targetPort}/${p.port.protocol}` })}
                    onClick={() => onExplainEndpoint(client, e.id, { port: e.targetPort, protocol: p.port.protocol })}>
                    {t('serviceWhy')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      {p.steps !== null && client !== null && p.host !== null && (
        <details className="ksl-service__details">
          <summary>{t('serviceSteps', { client, host: `${p.host}:${p.port.port}` })}</summary>
          <pre className="ksl-service__steps">{p.steps}</pre>
        </details>
      )}
    </section>
  );
}

/** The verdict in words, never colour alone. */
function EndpointBadge({ e, protocol }: { e: ServiceEndpointView; protocol: string }) {
  const { t } = useTranslation('explain');
  const port = `${e.targetPort}/${protocol}`;
  if (!e.ready) {
    return <span className="ksl-badge ksl-badge--warn">{e.reason ? t('serviceNotReady', { reason: e.reason }) : t('serviceNotReadyPlain')}</span>;
  }
  if (e.allowed === null) return null;
  return (
    <span className={`ksl-badge ksl-badge--${e.allowed ? 'allowed' : 'denied'}`}>
      {t(e.allowed ? 'serviceAllowed' : 'serviceDenied', { port })}
    </span>
  );
}
