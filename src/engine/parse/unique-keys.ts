import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/**
 * The parser runs with `uniqueKeys: false` and duplicate keys are found here instead: the `yaml`
 * package compares each new key with every earlier key of its map, so one map of 50,000 keys took
 * minutes (issue 12). Same rule (two scalar keys with the same value), same words and place (the
 * key), in one pass with a set per map.
 */
export interface DuplicateKey {
  readonly pos: readonly [number, number];
  readonly message: string;
}

const found = new WeakMap<Document.Parsed, readonly DuplicateKey[]>();

/** Duplicate keys of every map of `doc`, in document order; iterative (no recursion on deep input). */
export function duplicateKeys(doc: Document.Parsed): readonly DuplicateKey[] {
  const known = found.get(doc);
  if (known) return known;
  const out: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node) || !node) continue;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (isScalar(key)) {
          if (seen.has(key.value)) {
            const start = key.range?.[0] ?? 0;
            out.push({ pos: [start, start + 1], message: 'Map keys must be unique' });
          } else seen.add(key.value);
        } else if (key) stack.push(key);
        if (pair.value) stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  out.sort((a, b) => a.pos[0] - b.pos[0]);
  found.set(doc, out);
  return out;
}
