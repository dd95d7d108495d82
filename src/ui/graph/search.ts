/**
 * The graph's search box (issue 10): find a pod or external host by name, `namespace/name`, IP or
 * label (`app=web`, or a label's key or value). Pure; best matches first: the exact name, then
 * names that start with the query, then names that contain it, then labels. Case does not matter.
 */
export interface Searchable {
  /** Endpoint id: `namespace/name` of a pod, the IP of an external host. */
  readonly id: string;
  readonly kind: 'pod' | 'external';
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

export function searchEndpoints(query: string, items: readonly Searchable[]): Searchable[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const rank = (e: Searchable): number => {
    const name = e.name.toLowerCase();
    const id = e.id.toLowerCase();
    if (name === q || id === q) return 0;
    if (name.startsWith(q)) return 1;
    if (name.includes(q) || id.includes(q)) return 2;
    for (const [k, v] of Object.entries(e.labels)) {
      const kv = `${k}=${v}`.toLowerCase();
      if (kv === q || v.toLowerCase() === q) return 3;
      if (kv.includes(q)) return 4;
    }
    return -1;
  };
  return items
    .map((e, i) => ({ e, i, r: rank(e) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}

/** The match after `current` (Enter again steps through the matches), or the first. */
export function nextMatch(matches: readonly Searchable[], current: string | null): Searchable | null {
  if (matches.length === 0) return null;
  const at = current === null ? -1 : matches.findIndex((m) => m.id === current);
  return matches[(at + 1) % matches.length] ?? null;
}
