import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../engine/model/index.js';
import type { ProbeRecord } from '../../shell/index.js';
import { describeProbe } from '../../state/index.js';

/**
 * Above the explanation of a connection the terminal probed: the probe step by step as the engine
 * judged it, in the student's language; the rule-by-rule explanation follows below it. Text only.
 */
export function ProbeSummary({ analysis, record }: { analysis: Analysis; record: ProbeRecord }) {
  const { t, i18n } = useTranslation('explain');
  const text = describeProbe(analysis, record, i18n.language === 'ko' ? 'ko' : 'en');
  return (
    <section className="probe-summary" aria-label={t('probeTitle', { tool: record.tool })} data-testid="probe-summary">
      <h3>{t('probeTitle', { tool: record.tool })}</h3>
      <pre>{text}</pre>
    </section>
  );
}
