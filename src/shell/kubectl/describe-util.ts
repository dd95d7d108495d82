import { LAB_NOW } from '../clock.js';
import { humanDuration } from './cluster.js';
import type { ClusterEvent } from './events.js';

/**
 * printLabelsMultiline (kubectl describe.go): `Labels:\t<none>`, or the first `k=v` after the
 * title and each further one on its own line behind a tab, sorted by key.
 */
export function labelLines(title: string, labels: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${String(labels[k])}\n`).join('');
}

/**
 * DescribeEvents (kubectl describe.go): `Events:\t<none>`, or a table of Type, Reason, Age
 * (`<last> (x<count> over <first>)` for repeated events), From (source component or reporting
 * controller) and Message, oldest first (SortableEvents: by last timestamp).
 */
export function describeEvents(events: readonly ClusterEvent[]): string {
  if (events.length === 0) return 'Events:\t<none>\n';
  let s = 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n';
  for (const e of events) {
    const first = humanDuration(LAB_NOW - e.first);
    const interval = e.count > 1 ? `${humanDuration(LAB_NOW - e.last)} (x${e.count} over ${first})` : first;
    s += `  ${e.type}\t${e.reason}\t${interval}\t${e.component}\t${e.message.trim()}\n`;
  }
  return s;
}
