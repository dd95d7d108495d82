import { useTranslation } from 'react-i18next';
import type { ProbeRecord } from '../../shell/index.js';

export interface ProbeBarProps {
  readonly probe: ProbeRecord;
  /** Opens the explanation of the probed connection (graph selection + explanation panel). */
  onExplain(probe: ProbeRecord): void;
}

/**
 * Under the terminal: the last connection a tool tried, as the engine judged it, and the way to
 * its explanation. Text, not colour alone, says allowed or blocked.
 */
export function ProbeBar({ probe, onExplain }: ProbeBarProps) {
  const { t } = useTranslation('terminal');
  const target = `${probe.to}:${probe.port}/${probe.protocol}`;
  const via = probe.service ? t('probe.via', { service: `${probe.service.key}:${probe.service.port}` }) : '';
  const verdict = probe.allowed ? t('probe.allowed') : t('probe.blocked');
  return (
    <div className={`probe-bar ${probe.allowed ? 'probe-allowed' : 'probe-blocked'}`} data-testid="probe-bar" role="status" aria-live="polite">
      <span className="probe-verdict">{probe.allowed ? '✓' : '✕'} {verdict}</span>
      <span className="probe-flow">{t(probe.dns ? 'probe.dnsFlow' : 'probe.flow', { tool: probe.tool, from: probe.from, to: target })}{via}</span>
      <button type="button" className="btn btn-link probe-why" onClick={() => onExplain(probe)}>
        {t('probe.why')}
      </button>
    </div>
  );
}
