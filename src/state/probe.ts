import { formatProbe, probe, type Analysis } from '../engine/index.js';
import type { ProbeRecord } from '../shell/index.js';

/**
 * A probe the terminal ran, explained again on the current cluster: its steps (lookup, the
 * Service's translation, the service-port trap, the result) in one language, without the flow's
 * rule-by-rule explanation (the explanation panel draws that from the same data).
 */
export function describeProbe(analysis: Analysis, record: ProbeRecord, locale: 'en' | 'ko'): string {
  const result = probe(analysis, { from: record.from, ...record.request });
  const text = formatProbe({ ...result, explanation: null }, locale);
  return text.split('\n').filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== '')).join('\n');
}
