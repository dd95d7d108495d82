/**
 * The one imperative Cytoscape instance behind GraphView (architecture.md practice 7): created
 * once, updated by diffing element definitions by id, destroyed on unmount. Never rebuilt on a
 * render. Layout: the first time (or when every old node is gone) a seeded fcose run; afterwards
 * existing nodes keep their positions and only new ones are placed (layout.ts).
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { graphStyle } from './graphStyle.js';
import { GRID_LAYOUT_FROM, gridPositions, placeNewNodes, withSeededRandom, type LeafNode, type Position } from './layout.js';
import { elementIdOf, selectionOf, type SelectableData, type Selection } from './selection.js';
import type { GraphTheme } from './theme.js';

let registered = false;
function register(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

const LAYOUT_SEED = 20240601;
/** Past this many new nodes in one update, a full layout (grid past GRID_LAYOUT_FROM) is cheaper than placing each. */
const INCREMENTAL_MAX = 60;
/** Fitting never zooms in past this: one pod must not fill the screen with 40px text. */
const MAX_FIT_ZOOM = 1.4;
const FIT_PADDING = 30;

export interface AdapterOptions {
  /** Omit for a headless instance (tests). */
  readonly container?: HTMLElement;
  readonly theme: GraphTheme;
  /** Positions from an earlier instance (the view was unmounted, e.g. a tab switch): reused by id. */
  readonly positions?: Readonly<Record<string, Position>>;
  onSelect(sel: Selection | null): void;
}

export type LayoutRun = 'full' | 'incremental' | 'none';

/** The nodes of a definition list that are no one's parent (pods, hosts, Services, summaries), in order. */
function leafNodes(elements: readonly ElementDefinition[]): LeafNode[] {
  const parents = new Set(elements.map((d) => d.data.parent).filter((p): p is string => typeof p === 'string'));
  return elements
    .filter((d) => d.group === 'nodes' && !parents.has(d.data.id ?? ''))
    .map((d) => ({ id: d.data.id ?? '', ...(typeof d.data.parent === 'string' ? { parent: d.data.parent } : {}) }));
}

/** Data keys Cytoscape does not let `data()` change after creation. */
const IMMUTABLE = new Set(['id', 'parent', 'source', 'target']);

const signatureOf = (def: ElementDefinition) => `${JSON.stringify(def.data)}|${typeof def.classes === 'string' ? def.classes : JSON.stringify(def.classes ?? '')}`;

export class GraphAdapter {
  private readonly cy: Core;
  private readonly onSelect: (sel: Selection | null) => void;
  private readonly interactive: boolean;
  private remembered: ReadonlyMap<string, Position>;
  /** Each element's definition when it was last applied (see update). */
  private signatures = new Map<string, string>();
  /** The viewport our last fit left; while it is unchanged the student has not panned or zoomed. */
  private fitted: { zoom: number; x: number; y: number } | null = null;

  constructor(opts: AdapterOptions) {
    register();
    this.onSelect = opts.onSelect;
    this.interactive = opts.container !== undefined;
    this.remembered = new Map(Object.entries(opts.positions ?? {}));
    this.cy = cytoscape({
      ...(opts.container ? { container: opts.container } : { headless: true, styleEnabled: true }),
      style: graphStyle(opts.theme),
      minZoom: 0.2, maxZoom: 3,
      boxSelectionEnabled: false, autoungrabify: false,
    });
    this.cy.on('tap', (e: EventObject) => {
      if (e.target === this.cy) { this.onSelect(null); return; }
      const data = e.target.data() as SelectableData;
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
    const signatures = new Map<string, string>();
    cy.batch(() => {
      // Removing a namespace removes its pods, and a node its edges: none of those is in `elements`.
      for (const id of this.signatures.keys()) if (!nextIds.has(id)) cy.getElementById(id).remove();
      for (const def of elements) {
        const id = def.data.id;
        if (id === undefined) continue;
        const sig = signatureOf(def);
        signatures.set(id, sig);
        const before = this.signatures.get(id);
        if (before === sig) continue;
        const el = before === undefined ? null : cy.getElementById(id);
        if (!el || el.empty()) { fresh.push(def); continue; }
        const data: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(def.data)) if (!IMMUTABLE.has(k)) data[k] = v;
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
      // A set of parents, not a scan per node: 500 pods must not cost 500² here.
      const parents = new Set(elements.map((d) => d.data.parent).filter((p): p is string => typeof p === 'string'));
      const leaves: LeafNode[] = elements
        .filter((d) => d.group === 'nodes' && !parents.has(d.data.id ?? ''))
        .map((d) => ({ id: d.data.id ?? '', ...(typeof d.data.parent === 'string' ? { parent: d.data.parent } : {}) }));
      const placed = placeNewNodes(leaves, known);
      for (const [id, p] of known) if (!placed.has(id)) placed.set(id, p);
      cy.add(fresh.map((d) => (placed.has(d.data.id ?? '') ? { ...d, position: placed.get(d.data.id ?? '') } : d)));
      if (this.interactive && (reuse || this.offScreen(freshNodes.map((d) => d.data.id ?? '')))) this.fit();
      run = 'incremental';
    } else if (freshNodes.length > 0 && this.leafCount(elements) >= GRID_LAYOUT_FROM) {
      // A large graph laid out afresh: grid positions from the definitions, given as the nodes
      // are added (one pass over Cytoscape instead of add, then move every node).
      const placed = gridPositions(leafNodes(elements));
      const freshIds = new Set(fresh.map((d) => d.data.id));
      cy.batch(() => {
        cy.add(fresh.map((d) => (placed.has(d.data.id ?? '') ? { ...d, position: { ...placed.get(d.data.id ?? '')! } } : d)));
        cy.nodes().forEach((n) => { const p = placed.get(n.id()); if (p && !freshIds.has(n.id())) n.position({ ...p }); });
      });
      if (this.interactive) this.fit();
      run = 'full';
    } else {
      cy.add(fresh);
      if (freshNodes.length > 0) { this.layout(); run = 'full'; }
    }
    this.select(selection);
    return run;
  }

  private leafCount(elements: readonly ElementDefinition[]): number {
    return leafNodes(elements).length;
  }

  select(selection: Selection | null): void {
    this.cy.elements('.sel').removeClass('sel');
    if (selection) this.cy.getElementById(elementIdOf(selection)).addClass('sel');
  }

  /** A fresh, seeded layout of everything ("tidy up"); the same input always gives the same picture. */
  layout(): void {
    const cy = this.cy;
    if (cy.nodes().empty()) return;
    const leaves = cy.nodes().filter((n) => n.isChildless());
    if (leaves.length >= GRID_LAYOUT_FROM) {
      // A large graph: namespaces as grids (milliseconds), not a force layout (seconds on the main thread).
      const positions = gridPositions(leaves.map((n) => {
        const parent = n.data('parent') as unknown;
        return typeof parent === 'string' ? { id: n.id(), parent } : { id: n.id() };
      }));
      cy.batch(() => leaves.forEach((n) => { const p = positions.get(n.id()); if (p) n.position({ ...p }); }));
      if (this.interactive) this.fit();
      return;
    }
    // Nodes only: edges change with every policy edit and, near-complete as they often are,
    // would pull everything into one tangle; namespaces tiled with their pods read better.
    withSeededRandom(LAYOUT_SEED, () => {
      cy.nodes().layout({
        name: 'fcose', quality: 'default', randomize: true, animate: false, fit: false, padding: FIT_PADDING,
        nodeDimensionsIncludeLabels: true, nodeSeparation: 60, nodeRepulsion: 4500,
        tile: true, tilingPaddingVertical: 24, tilingPaddingHorizontal: 24, packComponents: false,
      } as cytoscape.LayoutOptions).run();
    });
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

  /** Everything in view, zoomed in no further than MAX_FIT_ZOOM. */
  fit(): void {
    const cy = this.cy;
    if (cy.elements().empty()) return;
    cy.fit(undefined, FIT_PADDING);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    const pan = cy.pan();
    this.fitted = { zoom: cy.zoom(), x: pan.x, y: pan.y };
  }

  /**
   * The container changed size (panel resized, presentation mode, terminal drawer). A graph the
   * student has not panned or zoomed since the last fit is fitted again, so it never sits in a
   * corner of a bigger canvas or runs off a smaller one.
   */
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
    const el = this.cy.getElementById(elementIdOf(selection));
    if (el.empty()) return null;
    const p = el.isEdge() ? (el as cytoscape.EdgeSingular).renderedMidpoint() : (el as cytoscape.NodeSingular).renderedPosition();
    return { x: p.x, y: p.y };
  }

  destroy(): void { this.cy.destroy(); }
}
