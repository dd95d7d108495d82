import { LAB_NOW } from '../clock.js';
import { humanDuration } from './cluster.js';
import type { ClusterEvent } from './events.js';
import { escapeTerminal } from '../escape.js';
import { tabwrite } from '../tabwriter.js';

/**
 * A describer's text as kubectl prints it: every Write of describe.go's prefixWriter goes through
 * printers.WriteEscaped (ESC → `^[`, CR → `\r`; kubernetes#101695, CVE-2021-25743) into a
 * tabwriter with padding 2, so the escaped form is what the columns are measured on.
 */
export function describeText(s: string): string {
  return tabwrite(escapeTerminal(s), { padding: 2 });
}

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

const MAX_ANNOTATION_LEN = 140;
const bytes = (s: string): number => new TextEncoder().encode(s).length;
const shorten = (s: string, max: number): string => {
  const b = new TextEncoder().encode(s);
  return b.length > max ? `${new TextDecoder().decode(b.slice(0, max))}...` : s;
};

/**
 * printAnnotationsMultiline (kubectl describe.go): sorted keys without last-applied-configuration
 * (skipAnnotations); a value longer than maxAnnotationLen (140) with its key, or one spanning
 * lines, goes below `key:` indented two spaces, each line shortened to 138 bytes and `...`.
 */
export function annotationLines(title: string, annotations: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(annotations).filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort();
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((k, i) => {
    const head = i === 0 ? `${title}:\t` : '\t';
    const value = String(annotations[k]).replace(/\n$/, '');
    if (bytes(value) + bytes(k) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      return `${head}${k}:\n${value.split('\n').map((l) => `\t  ${shorten(l, MAX_ANNOTATION_LEN - 2)}\n`).join('')}`;
    }
    return `${head}${k}: ${value}\n`;
  }).join('');
}
