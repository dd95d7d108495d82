/**
 * Cytoscape (3.35, style/apply.js) marks an element's style cache dirty for every property it
 * applies to it: `checkTriggers` starts with `ele.dirtyStyleCache()`, which in a graph with
 * compound nodes gathers the element, its descendants, its parents and all their edges, each time.
 * A namespace box with 25 pods has some 30 properties: its pods and edges were gathered 30 times.
 * At 50 pods that was half of applying the first styles (83 of 156 ms, CPU profile of the first
 * screen) and again after an edit that adds an edge between two namespaces (all their pods are
 * restyled).
 *
 * The cache only holds values computed from styles, recomputed when null; nothing reads it while
 * one element's properties are applied (the triggers read parsed styles). So within one
 * `apply()`, an element's cache and its relatives' are dirtied at its first property only, then
 * left: the same caches end up dirty as before, gathered once per element.
 */
import type { Core } from 'cytoscape';

interface StyleProto {
  apply(this: StyleProto, eles: unknown): unknown;
}
interface CollectionProto {
  dirtyStyleCache(this: { length: number; [i: number]: unknown }): unknown;
}

/** The elements dirtied in the `apply()` running now (null outside one). */
let dirtied: Set<unknown> | null = null;
const patched = new WeakSet<object>();

/** Patches the style and collection prototypes of `cy`'s Cytoscape once (they are shared by every instance). */
export function dirtyStyleOncePerApply(cy: Core): void {
  const style = Object.getPrototypeOf(cy.style()) as StyleProto;
  const collection = Object.getPrototypeOf(cy.collection()) as CollectionProto;
  if (patched.has(style)) return;
  patched.add(style);
  const apply = style.apply;
  style.apply = function patchedApply(eles) {
    const outer = dirtied;
    dirtied = new Set();
    try {
      return apply.call(this, eles);
    } finally {
      dirtied = outer;
    }
  };
  const dirty = collection.dirtyStyleCache;
  collection.dirtyStyleCache = function patchedDirty() {
    if (dirtied && this.length === 1) {
      const ele = this[0];
      if (dirtied.has(ele)) return this;
      dirtied.add(ele);
    }
    return dirty.call(this);
  };
}
