/**
 * The one imperative Cytoscape instance behind GraphView (architecture.md practice 7): created
 * once, updated by diffing element definitions by id, destroyed on unmount. Never rebuilt on a
 * render. Layout: the first time (or when every old node is gone) a packed layout sized to the
 * canvas (pack.ts); afterwards existing nodes keep their positions and only new ones are placed
 * (layout.ts), where they were before if they come back (positions remembered by node id).
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import { dirtyStyleOncePerApply } from './cy-style-dirty.js';
import { graphStyle } from './graphStyle.js';
import { placeNewNodes, type LeafNode, type Position } from './layout.js';
import { nsLabelSize, NS_PAD, POD_FONT, READABLE_PX } from './metrics.js';
import { packLayout, type PackLabel, type PackNode } from './pack.js';
import { elementIdOf, selectionOf, type SelectableData, type Selection } from './selection.js';
import type { GraphTheme } from './theme.js';
import type { GraphSnapshot } from './handle.js';

/** Past this many new nodes in one update, a full layout is cheaper than placing each. */
const INCREMENTAL_MAX = 60;
/** Fitting never zooms in past this: one pod must not fill the screen with huge text. */
const MAX_FIT_ZOOM = 1.6;
const FIT_PADDING = 14;
/** A graph this small is never fitted smaller than readable (the student pans instead). */
const READABLE_FIT_MAX = 60;
/** The zoom at which a pod's name is READABLE_PX tall on screen. */
export const READABLE_ZOOM = READABLE_PX / POD_FONT;
/** A headless graph (tests) lays out for a 16:9 canvas. */
const HEADLESS_VIEW = { width: 960, height: 540 };
const PULSE_MS = 350;
/** More changed edges than this do not pulse (see GraphAdapter.pulse). */
export const PULSE_MAX = 12;

/**
 * The pulse of `changed` edges whose verdict changed with the last edit: wide, narrow, wide,
 * narrow, PULSE_MS apart; none for reduced motion, none for no edge, none past PULSE_MAX.
 */
export function pulseSteps(changed: number, motion: boolean): boolean[] {
  return motion && changed > 0 && changed <= PULSE_MAX ? [true, false, true, false] : [];
}

export interface AdapterOptions {
  /** Omit for a headless instance (tests). */
  readonly container?: HTMLElement;
  readonly theme: GraphTheme;
  /** Positions from an earlier instance (the view was unmounted, e.g. a tab switch): reused by id. */
  readonly positions?: Readonly<Record<string, Position>>;
  onSelect(sel: Selection | null): void;
  /** A folded edge was tapped (teach.ts): its fold key. */
  onExpandFold?(key: string): void;
  /** Whether to animate changed edges (false under prefers-reduced-motion). */
  readonly motion?: boolean;
}

export type LayoutRun = 'full' | 'incremental' | 'none';

/** The nodes of a definition list that are no one's parent (pods, hosts, Services, summaries), in order, with their sizes. */
function leafNodes(elements: readonly ElementDefinition[]): (LeafNode & PackNode)[] {
  const parents = new Set(elements.map((d) => d.data.parent).filter((p): p is string => typeof p === 'string'));
  return elements
    .filter((d) => d.group === 'nodes' && !parents.has(d.data.id ?? ''))
    .map((d) => ({ id: d.data.id ?? '', ...(typeof d.data.parent === 'string' ? { parent: d.data.parent } : {}), ...sizeOf(d.data) }));
}

/** A leaf's box: its own size, or (an empty namespace) its label and padding. */
function sizeOf(data: Record<string, unknown>): { w: number; h: number } {
  if (typeof data.w === 'number' && typeof data.h === 'number') return { w: data.w, h: data.h };
  const room = nsLabelSize(String(data.label ?? ''));
  return { w: Math.max(60, room.w), h: room.h + 2 * NS_PAD + 20 };
}

function labelsOf(elements: readonly ElementDefinition[]): Map<string, PackLabel> {
  const out = new Map<string, PackLabel>();
  for (const d of elements) {
    if (d.group === 'nodes' && typeof d.data.lw === 'number' && typeof d.data.lh === 'number') out.set(String(d.data.id), { w: d.data.lw, h: d.data.lh });
  }
  return out;
}

/** Data keys Cytoscape does not let `data()` change after creation. */
const IMMUTABLE = new Set(['id', 'parent', 'source', 'target']);

const signatureOf = (def: ElementDefinition) => `${JSON.stringify(def.data)}|${typeof def.classes === 'string' ? def.classes : JSON.stringify(def.classes ?? '')}`;

export class GraphAdapter {
  private readonly cy: Core;
  private readonly onSelect: (sel: Selection | null) => void;
  private readonly interactive: boolean;
  private readonly motion: boolean;
  /** Where each leaf was last drawn, by id, removed ones included (they come back to their place). */
  private readonly memory = new Map<string, Position>();
  /** A flow edge id → the drawn edge standing for it (merged both ways, or folded). */
  private alias = new Map<string, string>();
  private focusIds: ReadonlySet<string> | null = null;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private remembered: ReadonlyMap<string, Position>;
  /** Each element's definition when it was last applied (see update). */
  private signatures = new Map<string, string>();
  /** The viewport our last fit left; while it is unchanged the student has not panned or zoomed. */
  private fitted: { zoom: number; x: number; y: number } | null = null;

  constructor(opts: AdapterOptions) {
    this.onSelect = opts.onSelect;
    this.interactive = opts.container !== undefined;
    this.motion = opts.motion ?? false;
    this.remembered = new Map(Object.entries(opts.positions ?? {}));
    this.cy = cytoscape({
      ...(opts.container ? { container: opts.container } : { headless: true, styleEnabled: true }),
      style: graphStyle(opts.theme),
      minZoom: 0.2, maxZoom: 3,
      boxSelectionEnabled: false, autoungrabify: false,
    });
    dirtyStyleOncePerApply(this.cy);
    this.cy.on('tap', (e: EventObject) => {
      if (e.target === this.cy) { this.onSelect(null); return; }
      const data = e.target.data() as SelectableData & { key?: string };
      if ((data.kind as string) === 'fold') { if (data.key) opts.onExpandFold?.(data.key); return; }
      this.onSelect(selectionOf(data));
    });
  }

  /**
   * Apply a new element list; returns which layout ran (for tests). Only what changed is touched:
   * an element whose definition is the same as last time is left alone, so Cytoscape restyles and
   * redraws (and its caches invalidate) for the edit, not for the whole graph.
   */
  update(elements: readonly ElementDefinition[], selection: Selection | null): LayoutRun {
    const cy = this.cy;
    const nextIds = new Set(elements.map((e) => e.data.id).filter((id): id is string => id !== undefined));
    // Endpoints, not childless nodes: a namespace whose pods all went is childless too, and
    // counting it would place a whole new scenario "incrementally" around an empty box.
    const endpoints = () => cy.nodes().filter((n) => n.data('kind') !== 'namespace').length;
    const hadLeaves = endpoints() > 0;
    const fresh: ElementDefinition[] = [];
    /** Added or changed by this update. */
    const touched: ElementDefinition[] = [];
    /** Nodes whose box changed size (a label gained a line): they may now touch a neighbour. */
    const resized: string[] = [];
    const signatures = new Map<string, string>();
    cy.batch(() => {
      // Removing a namespace removes its pods, and a node its edges: none of those is in `elements`.
      for (const id of this.signatures.keys()) {
        if (nextIds.has(id)) continue;
        const el = cy.getElementById(id);
        if (el.nonempty() && el.isNode()) el.descendants().union(el).forEach((n) => { if (n.isChildless()) this.memory.set(n.id(), { ...n.position() }); });
        el.remove();
      }
      for (const def of elements) {
        const id = def.data.id;
        if (id === undefined) continue;
        const sig = signatureOf(def);
        signatures.set(id, sig);
        const before = this.signatures.get(id);
        if (before === sig) continue;
        touched.push(def);
        const el = before === undefined ? null : cy.getElementById(id);
        if (!el || el.empty()) { fresh.push(def); continue; }
        const data: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(def.data)) if (!IMMUTABLE.has(k)) data[k] = v;
        if (el.isNode() && (el.data('w') !== def.data.w || el.data('h') !== def.data.h)) resized.push(id);
        el.data(data);
        el.classes(def.classes ?? '');
      }
    });
    this.signatures = signatures;
    const freshNodes = fresh.filter((d) => d.group === 'nodes');
    const stillHaveLeaves = endpoints() > 0;
    // Remembered positions count only for the first update of this instance.
    const remembered = this.remembered;
    this.remembered = new Map();
    const reuse = !hadLeaves && freshNodes.some((d) => remembered.has(d.data.id ?? ''));
    let run: LayoutRun = 'none';
    // Many new nodes at once (a namespace expanded past the graph's bound, a pasted cluster) are
    // laid out afresh: placing each next to the others costs new × drawn × rings.
    const incremental = freshNodes.length <= INCREMENTAL_MAX && ((hadLeaves && stillHaveLeaves) || reuse);
    if (freshNodes.length > 0 && incremental) {
      const known = new Map<string, Position>(reuse ? [...remembered].filter(([id]) => nextIds.has(id)) : []);
      cy.nodes().filter((n) => n.isChildless()).forEach((n) => { known.set(n.id(), { ...n.position() }); });
      // An expanded namespace's pods gather where its box was drawn.
      const anchors = new Map<string, Position>();
      cy.nodes().forEach((n) => { if (n.data('kind') === 'namespace') anchors.set(n.id(), { ...n.position() }); });
      const placed = placeNewNodes(leafNodes(elements), known, this.memory, anchors, new Map(), labelsOf(elements));
      for (const [id, p] of known) if (!placed.has(id)) placed.set(id, p);
      cy.add(fresh.map((d) => (placed.has(d.data.id ?? '') ? { ...d, position: { ...placed.get(d.data.id ?? '')! } } : d)));
      if (this.interactive && (reuse || this.offScreen(freshNodes.map((d) => d.data.id ?? '')))) this.fit();
      run = 'incremental';
    } else if (freshNodes.length > 0) {
      // Laid out afresh: packed positions from the definitions, given as the nodes are added (one
      // pass over Cytoscape instead of add, then move every node).
      const placed = packLayout(leafNodes(elements), labelsOf(elements), this.view());
      const freshIds = new Set(fresh.map((d) => d.data.id));
      cy.batch(() => {
        cy.add(fresh.map((d) => (placed.has(d.data.id ?? '') ? { ...d, position: { ...placed.get(d.data.id ?? '')! } } : d)));
        cy.nodes().forEach((n) => { const p = placed.get(n.id()); if (p && !freshIds.has(n.id())) n.position({ ...p }); });
      });
      if (this.interactive) this.fit();
      run = 'full';
    } else if (fresh.length > 0) {
      cy.batch(() => { cy.add(fresh); });
    }
    if (resized.length > 0 && run !== 'full') this.unclutter(resized, elements);
    this.alias = new Map();
    for (const def of elements) {
      const members = def.data.members as unknown;
      if (Array.isArray(members)) for (const m of members) if (m !== def.data.id) this.alias.set(String(m), String(def.data.id));
    }
    if (this.focusIds) this.applyFocus();
    this.pulse(touched);
    this.select(selection);
    return run;
  }

  /**
   * A node that grew (its label gained a line, "isolated: ingress") and now touches another moves
   * to the nearest free place by its namespace; nothing else moves.
   */
  private unclutter(ids: readonly string[], elements: readonly ElementDefinition[]): void {
    const cy = this.cy;
    const leaves = leafNodes(elements);
    const rect = (n: { w: number; h: number }, p: Position) => ({ x1: p.x - n.w / 2, x2: p.x + n.w / 2, y1: p.y - n.h / 2, y2: p.y + n.h / 2 });
    const known = new Map<string, Position>();
    cy.nodes().filter((n) => n.isChildless()).forEach((n) => { known.set(n.id(), { ...n.position() }); });
    const moving = ids.filter((id) => {
      const me = leaves.find((l) => l.id === id);
      const at = known.get(id);
      if (!me || !at) return false;
      const a = rect(me, at);
      return leaves.some((o) => {
        const p = o.id === id ? undefined : known.get(o.id);
        if (!p) return false;
        const b = rect(o, p);
        return a.x1 < b.x2 + 8 && b.x1 < a.x2 + 8 && a.y1 < b.y2 + 8 && b.y1 < a.y2 + 8;
      });
    });
    if (moving.length === 0) return;
    const stood = new Map(moving.map((id) => [id, known.get(id)!]));
    for (const id of moving) known.delete(id);
    const placed = placeNewNodes(leaves, known, new Map(), new Map(), stood, labelsOf(elements));
    const view = this.fitted, pan = cy.pan();
    const untouched = view !== null && view.zoom === cy.zoom() && view.x === pan.x && view.y === pan.y;
    cy.batch(() => { for (const id of moving) { const p = placed.get(id); if (p) cy.getElementById(id).position({ ...p }); } });
    if (this.interactive && untouched && this.offScreen(moving)) this.fit();
  }

  /** The canvas the layout packs for (a headless or not yet sized one: 16:9). */
  private view() {
    const w = this.interactive ? this.cy.width() : 0, h = this.interactive ? this.cy.height() : 0;
    const size = w >= 120 && h >= 80 ? { width: w, height: h } : HEADLESS_VIEW;
    return { ...size, padding: FIT_PADDING, maxZoom: MAX_FIT_ZOOM };
  }

  /** The element drawn for a selection: itself, or the merged or folded edge standing for it. */
  private drawnOf(selection: Selection) {
    const id = elementIdOf(selection);
    const el = this.cy.getElementById(id);
    if (el.nonempty()) return el;
    const alias = this.alias.get(id);
    return alias ? this.cy.getElementById(alias) : el;
  }

  select(selection: Selection | null): void {
    this.cy.elements('.sel').removeClass('sel');
    if (selection) this.drawnOf(selection).addClass('sel');
  }

  /**
   * Focus mode: only these elements are drawn (focus.ts's neighbourhood); null draws everything.
   * The view fits what stays.
   */
  setFocus(ids: ReadonlySet<string> | null): void {
    const changed = (ids === null) !== (this.focusIds === null) || (ids !== null && this.focusIds !== null && (ids.size !== this.focusIds.size || [...ids].some((i) => !this.focusIds!.has(i))));
    this.focusIds = ids;
    this.applyFocus();
    if (changed && this.interactive) this.fit();
  }

  private applyFocus(): void {
    const ids = this.focusIds;
    this.cy.batch(() => {
      this.cy.elements('.off-focus').removeClass('off-focus');
      if (ids) this.cy.elements().forEach((el) => { if (!ids.has(el.id())) el.addClass('off-focus'); });
    });
  }

  /** Centres the view on an element (the search box), zooming in to readable if needed. */
  centerOn(selection: Selection): boolean {
    const el = this.drawnOf(selection);
    if (el.empty()) return false;
    const cy = this.cy;
    if (cy.zoom() < READABLE_ZOOM) cy.zoom(Math.min(cy.maxZoom(), READABLE_ZOOM));
    cy.center(el);
    return true;
  }

  /**
   * A brief pulse on edges whose verdict changed with the last edit: their width steps up and down
   * twice (skipped for reduced motion). Steps, not a transition: a transition restyles the edges at
   * every frame for its whole length, 50-160 ms a frame with 59 changed edges at 50 pods, so typing
   * went on behind a second of frames (issue 11); a step restyles them once. Past PULSE_MAX edges
   * nothing pulses: so many wide, labelled edges already stand out, and each step would cost more.
   */
  private pulse(defs: readonly ElementDefinition[]): void {
    if (!this.interactive) return;
    const edges = this.cy.collection();
    for (const d of defs) if (String(d.classes ?? '').split(' ').includes('changed')) edges.merge(this.cy.getElementById(d.data.id ?? ''));
    pulseSteps(edges.length, this.motion).forEach((on, i) => {
      this.timers.push(setTimeout(() => {
        if (this.cy.destroyed()) return;
        if (on) edges.addClass('pulse'); else edges.removeClass('pulse');
      }, (i + 1) * PULSE_MS));
    });
  }

  /** A fresh layout of everything ("Tidy layout"); the same input always gives the same picture. */
  layout(): void {
    const cy = this.cy;
    if (cy.nodes().empty()) return;
    const nodes: PackNode[] = cy.nodes().filter((n) => n.isChildless()).map((n) => {
      const parent = n.data('parent') as unknown;
      return { id: n.id(), ...(typeof parent === 'string' ? { parent } : {}), ...sizeOf(n.data() as Record<string, unknown>) };
    });
    const labels = new Map<string, PackLabel>();
    cy.nodes().forEach((n) => { const lw = n.data('lw') as unknown, lh = n.data('lh') as unknown; if (typeof lw === 'number' && typeof lh === 'number') labels.set(n.id(), { w: lw, h: lh }); });
    const positions = packLayout(nodes, labels, this.view());
    cy.batch(() => cy.nodes().forEach((n) => { const p = positions.get(n.id()); if (p) n.position({ ...p }); }));
    if (this.interactive) this.fit();
  }

  /** The keyboard's + and − (issue 14): zoom by `factor` about the middle of the view. */
  zoomBy(factor: number): void {
    const cy = this.cy;
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  zoom(): number {
    return this.cy.zoom();
  }

  /**
   * Everything drawn in view, zoomed in no further than MAX_FIT_ZOOM. `readable` (every fit but
   * the student's own Fit button or 0 key): a small graph is never fitted below READABLE_ZOOM, so
   * pod names stay legible (issue 10); it is centred and the student pans to the rest.
   */
  fit(readable = true): void {
    const cy = this.cy;
    const shown = cy.elements().not('.off-focus');
    if (shown.empty()) return;
    cy.fit(shown, FIT_PADDING);
    const small = cy.nodes().filter((n) => n.isChildless()).length <= READABLE_FIT_MAX;
    const floor = readable && small ? READABLE_ZOOM : 0;
    if (cy.zoom() > MAX_FIT_ZOOM || cy.zoom() < floor) {
      cy.zoom(Math.min(cy.maxZoom(), cy.zoom() > MAX_FIT_ZOOM ? MAX_FIT_ZOOM : floor));
      cy.center(shown);
    }
    const pan = cy.pan();
    this.fitted = { zoom: cy.zoom(), x: pan.x, y: pan.y };
  }

  /**
   * The container changed size (panel resized, presentation mode, terminal drawer). A graph the
   * student has not panned or zoomed since the last fit is fitted again, so it never sits in a
   * corner of a bigger canvas or runs off a smaller one.
   */
  /** Draws the labels again (a web font's glyphs arrived after the canvas drew a fallback's boxes). */
  redrawText(): void { this.cy.style().update(); }

  resize(): void {
    const cy = this.cy;
    cy.resize();
    const f = this.fitted;
    const pan = cy.pan();
    if (f && f.zoom === cy.zoom() && f.x === pan.x && f.y === pan.y) this.fit();
  }

  /** True if any of these nodes is drawn (partly) outside the visible canvas. */
  private offScreen(ids: readonly string[]): boolean {
    const ext = this.cy.extent();
    return ids.some((id) => {
      const n = this.cy.getElementById(id);
      if (n.empty()) return false;
      const b = n.boundingBox();
      return b.x1 < ext.x1 || b.y1 < ext.y1 || b.x2 > ext.x2 || b.y2 > ext.y2;
    });
  }

  setTheme(theme: GraphTheme): void { this.cy.style(graphStyle(theme)); }

  /** Leaf-node positions by id (tests, and the test API on window). */
  positions(): Record<string, Position> {
    const out: Record<string, Position> = {};
    this.cy.nodes().filter((n) => n.isChildless()).forEach((n) => { out[n.id()] = { ...n.position() }; });
    return out;
  }

  /**
   * Where an element is drawn, in pixels from the canvas's top-left corner (the test API clicks
   * there: the graph is a canvas, so a journey has no DOM node to click). null if not drawn.
   */
  renderedPoint(selection: Selection): Position | null {
    const el = this.drawnOf(selection);
    if (el.empty()) return null;
    const p = el.isEdge() ? (el as cytoscape.EdgeSingular).renderedMidpoint() : (el as cytoscape.NodeSingular).renderedPosition();
    return { x: p.x, y: p.y };
  }

  /** What is drawn, measured on screen (the test API; a journey asserts legibility from it). */
  snapshot(): GraphSnapshot {
    const cy = this.cy;
    const zoom = cy.zoom();
    const px = (v: unknown) => Number.parseFloat(String(v));
    return {
      zoom, width: cy.width(), height: cy.height(),
      nodes: cy.nodes().map((n) => {
        const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
        const fontPx = px(n.style('font-size')) * zoom;
        return {
          id: n.id(), kind: String(n.data('kind')), box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
          fontPx, labelShown: fontPx >= px(n.style('min-zoomed-font-size')), hidden: !n.visible(), classes: n.classes(),
        };
      }),
      edges: cy.edges().map((e) => ({
        id: e.id(), source: e.source().id(), target: e.target().id(), label: String(e.data('label') ?? ''),
        classes: e.classes(), hidden: !e.visible(),
      })),
    };
  }

  destroy(): void {
    for (const t of this.timers) clearTimeout(t);
    this.cy.destroy();
  }
}
