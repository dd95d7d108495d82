/**
 * ExplainPanel — why one connection is allowed or denied, rule by rule.
 *
 * Props:
 *   analysis: Analysis
 *   from, to: string                  endpoint ids (`namespace/name` or an external host's IP)
 *   port:     PortProto | 'any'       'any': one verdict per port of the destination (graph/flows.ts),
 *                                     one of them expanded (the first denied by default)
 *   onReveal(ref: SourceRef)          "show in editor" for every policy/rule/peer/port mention
 *
 * One overall verdict at the top, then both directions (egress of the source, ingress of the
 * destination), each rendered from the engine's Explanation data. A non-enforcing CNI is said
 * first, since it overrides everything below.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analysis, PortProto, SourceRef } from '../../engine/model/index.js';
import { portLabel } from '../graph/flows.js';
import { DirectionBlock } from './DirectionBlock.js';
import { defaultExpanded, explainFlow, type PortExplanation } from './model.js';
import './explain.css';

export interface ExplainPanelProps {
  analysis: Analysis;
  from: string;
  to: string;
  port: PortProto | 'any';
  onReveal(ref: SourceRef): void;
}

export function ExplainPanel({ analysis, from, to, port, onReveal }: ExplainPanelProps) {
  const { t } = useTranslation('explain');
  const [open, setOpen] = useState<string | null>(null);
  const flow = explainFlow(analysis.network, from, to, port);

  if (flow.kind === 'unknown-endpoint') return <Shell title={t('flowTitle', { from, to })}><p>{t('unknownEndpoint', { id: flow.id })}</p></Shell>;
  if (flow.kind === 'not-reported') return <Shell title={t('flowTitle', { from, to })}><p>{t('notReported')}</p></Shell>;

  const labelOf = (p: PortExplanation) => (flow.probe ? t('anyOtherPort') : portLabel(p.port));
  const where = port === 'any' ? t('onAnyPort') : t('onPort', { port: portLabel(port) });
  const allowed = flow.ports.filter((p) => p.allowed).map(labelOf).join(', ');
  const denied = flow.ports.filter((p) => !p.allowed).map(labelOf).join(', ');
  const verdictKey = flow.status === 'allowed' ? 'verdictAllowed' : flow.status === 'denied' ? 'verdictDenied' : 'verdictPartial';
  const longKey = flow.status === 'allowed' ? 'verdictAllowedLong' : flow.status === 'denied' ? 'verdictDeniedLong' : 'verdictPartialLong';
  const openIndex = Math.max(0, flow.ports.findIndex((p) => portLabel(p.port) === open));
  const shown = flow.ports[open !== null && flow.ports.some((p) => portLabel(p.port) === open) ? openIndex : defaultExpanded(flow.ports)];

  return (
    <Shell title={t('flowTitle', { from, to })}>
      {/* Announced by the frame's live region (layout/Workspace.tsx), which stays in the page. */}
      <div className={`ksl-explain__verdict ksl-explain__verdict--${flow.status}`} data-testid="explain-verdict" data-status={flow.status}>
        <strong>{t(verdictKey)}</strong>
        <span>{t(longKey, { from, to, where, allowed, denied })}</span>
      </div>
      {!analysis.network.enforcing && <p className="ksl-explain__note" role="note">{t('notEnforced', { cni: analysis.cluster.config.cni })}</p>}
      {flow.probe && <p className="ksl-explain__hint">{t('probeNote', { to })}</p>}
      <p className="ksl-explain__hint">{t('bothDirections')}</p>
      {flow.ports.length > 1 && (
        <div className="ksl-explain__ports" role="group" aria-label={t('perPort')}>
          {flow.ports.map((p) => (
            <button
              type="button" key={portLabel(p.port)}
              className={`ksl-chip ksl-chip--${p.allowed ? 'allowed' : 'denied'}`}
              aria-pressed={shown === p}
              onClick={() => setOpen(portLabel(p.port))}
              data-testid={`explain-port-${portLabel(p.port)}`}
            >
              {portLabel(p.port)}: {t(p.allowed ? 'allowed' : 'denied')}
            </button>
          ))}
        </div>
      )}
      {shown && (shown.exp
        ? (
          <div className="ksl-explain__dirs">
            <DirectionBlock analysis={analysis} exp={shown.exp} d={shown.exp.egress} onReveal={onReveal} />
            <DirectionBlock analysis={analysis} exp={shown.exp} d={shown.exp.ingress} onReveal={onReveal} />
          </div>
        )
        : <p>{t('noExplanation')}</p>)}
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('explain');
  return (
    <section className="ksl-explain" aria-label={t('title')} data-testid="explain-panel">
      <h3 className="ksl-explain__title">{title}</h3>
      {children}
    </section>
  );
}
