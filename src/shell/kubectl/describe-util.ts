/**
 * printLabelsMultiline (kubectl describe.go): `Labels:\t<none>`, or the first `k=v` after the
 * title and each further one on its own line behind a tab, sorted by key.
 */
export function labelLines(title: string, labels: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${String(labels[k])}\n`).join('');
}
