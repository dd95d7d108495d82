import { formatProbe, probe, type Analysis } from '../engine/index.js';
import type { ProbeRecord } from '../shell/index.js';

/**
 * A probe the terminal ran, explained again on the current cluster: its steps (lookup, the
 * Service's translation, the service-port trap, the result) in one language, without the flow's
 * rule-by-rule explanation (the explanation panel draws that from the same data).
 */
export function describeProbe(analysis: Analysis, record: ProbeRecord, locale: 'en' | 'ko'): string {
  // A throwaway client (`kubectl run --rm`) is gone: tell the probe as it was judged when it ran.
  if (!clientExists(analysis, record)) return tidy(record.text[locale]);
  const result = probe(analysis, { from: record.from, ...record.request });
  return tidy(formatProbe({ ...result, explanation: null }, locale));
}

/** Whether the probe's client pod is still in the cluster (its flows can be explained live). */
export function clientExists(analysis: Analysis, record: ProbeRecord): boolean {
  return analysis.pods.some((p) => p.key === record.from);
}

function tidy(text: string): string {
  return text.split('\n').filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== '')).join('\n');
}
