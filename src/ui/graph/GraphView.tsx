/**
 * GraphView — the cluster's pods, namespaces and external hosts, with the connections allowed.
 *
 * Props:
 *   analysis:   Analysis               what to draw
 *   port:       PortProto | 'any'      which port the arrows are about ('any': see flows.ts)
 *   showDenied: boolean                also draw denied pairs (dashed, muted)
 *   showServices?: boolean             also draw the scenario's Services with edges to their endpoints
 *   selection:  Selection | null       highlighted element (selection.ts)
 *   onSelect(sel: Selection | null)    a click/tap or arrow key; null on the background or Escape
 *   recomputing?: boolean              a newer analysis is on its way: say so (the graph keeps this one)
 *
 * The verdicts come from the analysis (a worker result on the page, state/analysis-view.ts): the
 * view asks for what it draws (useFlowInterest: the focused endpoints of a large graph, the port
 * chosen) and draws those edges once the result holds them, never running the engine itself.
 *
 * Cytoscape lives in GraphAdapter (created once per mount, updated by diff, destroyed on unmount).
 * Labels are canvas text, so untrusted names never become HTML. The accessible view of the same
 * facts is the ConnectivityMatrix; here the canvas is focusable and arrow keys step through
 * endpoints, announced in a live region.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ElementDefinition } from 'cytoscape';
import { scenarioEndpoints, scenarioPods } from '../common/scope.js';
import { useTranslation } from 'react-i18next';
import type { Analysis, PortProto } from '../../engine/model/index.js';
import { flowsCover, useFlowInterest, useLab, useLabContext } from '../../state/index.js';
import { markShown, measureSince } from '../../state/perf.js';
import { Recomputing } from '../status/Recomputing.js';
import { graphKey } from '../common/graph-keys.js';
import { GRAPH_POD_LIMIT, planGraph } from './bound.js';
import { GraphAdapter } from './cyAdapter.js';
import { summarizeGraph } from './summary.js';
import type { Position } from './layout.js';
import { edgeReuse, flowEdges, graphNodes, isLargeGraph, scenarioServices, type GraphWords } from './elements.js';
import { isReportedPair, portChoiceKey, portLabel } from './flows.js';
import { neighbourhood } from './focus.js';
import { setGraphHandle } from './handle.js';
import { stepFlowKeys } from './relevant.js';
import { nextMatch, searchEndpoints, type Searchable } from './search.js';
import { endpointElementId, focusOf, type Selection } from './selection.js';
import { rehearseDrawing } from './rehearse.js';
import { changedFlows, teachFlows, teachGroups, type FlowChange, type TeachWords } from './teach.js';
import { canvasMeasure, setTextMeasure } from './metrics.js';
import { DEFAULT_THEME, themeFrom } from './theme.js';
import './graph.css';

export interface GraphViewProps {
  analysis: Analysis;
  port: PortProto | 'any';
  showDenied: boolean;
  showServices?: boolean;
  selection: Selection | null;
  onSelect(sel: Selection | null): void;
  recomputing?: boolean;
}

/**
 * Positions of the last unmounted graph: switching to the matrix tab and back must not move
 * anything. One graph per page, so one slot is enough.
 */
let lastPositions: Record<string, Position> = {};

/** Node sizes measured in the lab's own font (metrics.ts), set before the first graph is drawn. */
let measured = false;
function measureInPageFont(): void {
  if (measured || typeof document === 'undefined') return;
  measured = true;
  const family = getComputedStyle(document.documentElement).getPropertyValue('--ksl-font').trim();
  setTextMeasure(canvasMeasure(family !== '' ? family : DEFAULT_THEME.font));
}

/**
 * Characters of the labels whose glyphs were asked of the page's fonts. A canvas never makes the
 * browser fetch a web font: the bundled Noto Sans KR is split by unicode-range, and a Hangul subset
 * no DOM text has used yet would draw as empty boxes on a machine without a Korean font. So the
 * labels' non-ASCII characters are loaded explicitly, then the labels drawn again.
 */
const askedGlyphs = new Set<string>();
function loadLabelGlyphs(labels: readonly string[], redraw: () => void): void {
  if (typeof document === 'undefined' || !document.fonts) return;
  const fresh = new Set<string>();
  for (const label of labels) for (const ch of label) if (ch > '\u007f' && !askedGlyphs.has(ch)) fresh.add(ch);
  if (fresh.size === 0) return;
  for (const ch of fresh) askedGlyphs.add(ch);
  const family = getComputedStyle(document.documentElement).getPropertyValue('--ksl-font').trim() || DEFAULT_THEME.font;
  document.fonts.load(`15px ${family}`, [...fresh].join('')).then((faces) => { if (faces.length > 0) redraw(); }, () => {});
}

/** The drawing's rehearsal (rehearse.ts): how long after the first drawing, and up to how many endpoints. */
const REHEARSAL_DELAY_MS = 250;
const REHEARSAL_ENDPOINTS = 150;

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The namespace a selection belongs to (a pod's, or a selected namespace), for collapse/expand. */
function namespaceOf(sel: Selection | null): string | null {
  if (sel?.kind === 'namespace') return sel.name;
  if (sel?.kind === 'pod' || sel?.kind === 'service') return sel.id.split('/')[0] ?? null;
  return null;
}

export function GraphView({ analysis, port, showDenied, showServices = false, selection, onSelect, recomputing = false }: GraphViewProps) {
  const { t } = useTranslation('graph');
  measureInPageFont();
  const canvasRef = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<GraphAdapter | null>(null);
  const onSelectRef = useRef(onSelect);
  const selectionRef = useRef(selection);
  useEffect(() => { onSelectRef.current = onSelect; selectionRef.current = selection; });

  const words: GraphWords = useMemo(() => ({
    isolated: t('isolated'), ingress: t('ingress'), egress: t('egress'), hostNetwork: t('hostNetwork'), anyOtherPort: t('anyOtherPort'),
    notReady: t('notReady'), headless: t('headless'),
    pods: (count: number) => t('nsPods', { count }), morePods: (count: number) => t('morePods', { count }),
  }), [t]);
  // Past GRAPH_POD_LIMIT pods namespaces are summaries until expanded (bound.ts); the analysis is whole.
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  // Namespaces the student collapsed within the bound (drawn as one node with the pod count).
  const [collapsed, setCollapsed] = useState<readonly string[]>([]);
  const plan = useMemo(() => planGraph(scenarioPods(analysis), expanded, undefined, collapsed), [analysis, expanded, collapsed]);
  const [fold, setFold] = useState(true);
  const [openFolds, setOpenFolds] = useState<ReadonlySet<string>>(new Set());
  const [focusMode, setFocusMode] = useState(false);
  // The pod or host focus mode is on: the selection while it is one (walking its connections by
  // keyboard selects edges, and the focus stays).
  const [focusTarget, setFocusTarget] = useState<Selection | null>(null);
  useEffect(() => {
    if (focusMode && (selection?.kind === 'pod' || selection?.kind === 'external')) setFocusTarget(selection);
  }, [focusMode, selection]);
  const [query, setQuery] = useState('');
  const [announce, setAnnounce] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  // What the lesson's current step asks about: those connections are drawn one by one, thicker.
  const { lessons } = useLabContext();
  const lessonId = useLab((s) => s.lessonId);
  const step = useLab((s) => s.step);
  const relevant = useMemo(() => stepFlowKeys(lessons.find((l) => l.id === lessonId), step), [lessons, lessonId, step]);
  const large = isLargeGraph(analysis);
  // Only a large graph depends on the selection (it draws the focused endpoints' edges); the key
  // keeps small graphs from recomputing on every click.
  const wanted = large ? focusOf(selection) : [];
  useFlowInterest('graph', { focus: wanted, ports: port === 'any' ? [] : [port] });
  // Until the result holds the focused endpoints' verdicts, their edges wait (the note says so).
  const ready = flowsCover(analysis, { focus: wanted, port });
  const focus = ready ? wanted : [];
  const focusKey = focus.join('\n');
  // Every reported pair with its verdict, denied ones included (teachEdges decides what is drawn;
  // the verdicts are compared between edits to show what an edit changed). The flow edges keep
  // their objects, and their list its identity, while the verdicts stay the same (elements.ts
  // EdgeReuse): an edit of a pod's labels then folds nothing again.
  const reuse = useRef(edgeReuse());
  // A port the result has no verdicts for yet draws no connection until it has (a moment).
  const elementOptions = useMemo(
    () => ({ port, showDenied: true, showServices, words, plan, focus: focusKey === '' ? [] : focusKey.split('\n'), ...(ready ? {} : { allEdgesLimit: -1 }) }),
    [port, showServices, words, focusKey, ready, plan],
  );
  const { nodes, flows } = useMemo(() => {
    const start = performance.now();
    const drawnNodes = graphNodes(analysis, elementOptions);
    const out = { nodes: drawnNodes, flows: flowEdges(analysis, elementOptions, drawnNodes, reuse.current) };
    measureSince('graph-elements', start);
    return out;
  }, [analysis, elementOptions]);
  const changed = useChangedFlows(flows, analysis, portChoiceKey(port));
  const teachWords: TeachWords = useMemo(() => ({
    folded: (count, status) => t(status === 'denied' ? 'foldedDenied' : status === 'partial' ? 'foldedPartial' : 'folded', { count }),
    change: (c: FlowChange) => t(c === 'now-allowed' ? 'nowAllowed' : c === 'now-denied' ? 'nowDenied' : 'nowPartial'),
    foldedChange: (count: number, c: FlowChange) => t(c === 'now-allowed' ? 'foldedNowAllowed' : c === 'now-denied' ? 'foldedNowDenied' : 'foldedNowPartial', { count }),
  }), [t]);
  const focusId = focusMode && (focusTarget?.kind === 'pod' || focusTarget?.kind === 'external') ? focusTarget : null;
  const keepKey = [...new Set([...focusOf(selection), ...(focusId ? [focusId.id] : [])])].join('\n');
  const groups = useStableBy(useMemo(() => teachGroups(nodes), [nodes]), (g) => g.key);
  const taught = useMemo(() => {
    const start = performance.now();
    const out = teachFlows(flows, groups, {
      showDenied, fold, relevant, changed, expanded: openFolds, words: teachWords,
      keep: new Set(keepKey === '' ? [] : keepKey.split('\n')),
    });
    measureSince('graph-teach', start);
    return out;
  }, [flows, groups, showDenied, fold, relevant, changed, openFolds, teachWords, keepKey]);
  const elements = useMemo(() => [...nodes, ...taught], [nodes, taught]);
  const summary = useMemo(() => summarizeGraph([...nodes, ...(showDenied ? flows : flows.filter((e) => e.data.status !== 'denied'))]), [nodes, flows, showDenied]);
  const visible = useMemo(
    () => (focusId ? neighbourhood(elements, endpointElementId(focusId.id, focusId.kind as 'pod' | 'external')) : null),
    [elements, focusId?.id, focusId?.kind],
  );

  // The canvas and the drawing are layout effects: an edit's graph is drawn in the commit that
  // renders it, before the browser paints, not in a passive effect a frame or more later (issue 11:
  // at 50 pods the first edit's result → graph went from 111-127 to 57-68 ms). The adapter is made
  // first (effects run in order), so the first drawing finds it.
  useLayoutEffect(() => {
    const box = canvasRef.current;
    if (!box) return;
    const style = getComputedStyle(box);
    const adapter = new GraphAdapter({
      container: box,
      theme: themeFrom((name) => style.getPropertyValue(name)),
      positions: lastPositions,
      onSelect: (sel) => onSelectRef.current(sel),
      onExpandFold: (key) => setOpenFolds((x) => new Set([...x, key])),
      motion: !reducedMotion(),
    });
    adapterRef.current = adapter;
    setGraphHandle({
      pointOf: (sel) => {
        const p = adapter.renderedPoint(sel);
        if (!p) return null;
        const rect = box.getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
      snapshot: () => adapter.snapshot(),
    });
    const resize = new ResizeObserver(() => adapter.resize());
    resize.observe(box);
    return () => {
      resize.disconnect();
      setGraphHandle(null);
      lastPositions = adapter.positions();
      adapter.destroy();
      adapterRef.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const start = performance.now();
    adapterRef.current?.update(elements, selectionRef.current);
    adapterRef.current?.setFocus(visible);
    measureSince('graph-update', start);
    loadLabelGlyphs(elements.map((e) => (typeof e.data.label === 'string' ? e.data.label : '')), () => adapterRef.current?.redrawText());
    markShown('graph', analysis);
    // The mark says which analysis the drawn elements came from (bench:ui times keystroke → graph).
  }, [elements, visible]);
  useEffect(() => { adapterRef.current?.select(selection); }, [selection]);
  // Once, a moment after the first drawing with connections: an edit's drawing code walked on
  // throwaway data (rehearse.ts), so the student's first edit that changes a verdict finds it warm.
  // Only for scenarios the rehearsal costs little for.
  const rehearsed = useRef(false);
  useEffect(() => {
    if (rehearsed.current || flows.length === 0 || scenarioEndpoints(analysis).length > REHEARSAL_ENDPOINTS) return;
    rehearsed.current = true;
    const timer = setTimeout(() => {
      try { rehearseDrawing(analysis, elementOptions, { showDenied, fold, relevant, words: teachWords }); } catch { /* a rehearsal's failure changes nothing drawn */ }
    }, REHEARSAL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [flows]); // once, with the values of that drawing

  // --- search, focus, namespaces -------------------------------------------------------------
  const searchable: Searchable[] = useMemo(() => [
    ...scenarioPods(analysis).map((p) => ({ id: p.key, kind: 'pod' as const, name: p.pod.name, labels: p.pod.labels })),
    ...analysis.cluster.externalHosts.map((h) => ({ id: h.ip, kind: 'external' as const, name: h.name, labels: {} })),
  ], [analysis]);
  const matches = useMemo(() => searchEndpoints(query, searchable), [query, searchable]);
  const nsOf = (id: string) => searchable.find((x) => x.id === id && x.kind === 'pod') ? id.split('/')[0] ?? null : null;
  /** Draws a namespace's pods again (or, past the bound, draws them at all). */
  const openNamespace = (ns: string) => {
    setCollapsed((x) => x.filter((n) => n !== ns));
    if (plan.bounded) setExpanded((x) => [...x.filter((n) => n !== ns), ns]);
  };
  const toggleNamespace = (ns: string) => {
    const shut = plan.bounded ? !plan.expanded.includes(ns) : plan.collapsed.has(ns);
    if (shut) openNamespace(ns);
    else if (plan.bounded) setExpanded((x) => x.filter((n) => n !== ns));
    else setCollapsed((x) => [...x.filter((n) => n !== ns), ns]);
  };
  const findNext = () => {
    const current = selection?.kind === 'pod' || selection?.kind === 'external' ? selection.id : null;
    const m = nextMatch(matches, current);
    if (!m) return;
    const ns = m.kind === 'pod' ? nsOf(m.id) : null;
    if (ns && (plan.collapsed.has(ns) || (plan.bounded && (plan.hidden.get(ns) ?? 0) > 0 && !plan.expanded.includes(ns)))) openNamespace(ns);
    const sel: Selection = { kind: m.kind, id: m.id };
    onSelect(sel);
    // The node may be drawn only after the namespace opens: centre once the graph has it.
    requestAnimationFrame(() => requestAnimationFrame(() => adapterRef.current?.centerOn(sel)));
  };
  const toggleFocus = () => {
    if (!focusMode && !(selection?.kind === 'pod' || selection?.kind === 'external')) { setAnnounce(t('focusNeedsPod')); return; }
    if (!focusMode && selection) setFocusTarget(selection);
    setFocusMode(!focusMode);
    setAnnounce(focusMode ? t('focusOff') : t('focusOn', { id: selection && 'id' in selection ? selection.id : '' }));
  };
  const selectedNs = namespaceOf(selection);
  const nsShut = selectedNs !== null && (plan.bounded ? !plan.expanded.includes(selectedNs) : plan.collapsed.has(selectedNs));
  const canFocus = selection?.kind === 'pod' || selection?.kind === 'external';

  // Arrow keys reach every node a student can select: endpoints, then the Services drawn.
  const order: { id: string; kind: 'pod' | 'external' | 'service' }[] = scenarioEndpoints(analysis).map((e) => ({ id: e.id, kind: e.kind }));
  if (showServices) for (const s of scenarioServices(analysis)) order.push({ id: s.key, kind: 'service' });
  // Enter on a pod walks its connections with the arrows; Enter on one opens its explanation
  // (common/graph-keys.ts). The anchor is the pod whose connections are walked.
  const anchorRef = useRef<string | null>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // + / − zoom about the middle, 0 fits everything in view (as the Fit button).
    const zoom = e.key === '+' || e.key === '=' ? 1.25 : e.key === '-' || e.key === '_' ? 0.8 : null;
    if (zoom !== null || e.key === '0') {
      e.preventDefault();
      if (zoom !== null) adapterRef.current?.zoomBy(zoom);
      else adapterRef.current?.fit(false);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // F: focus on the selected pod; C: collapse or expand its namespace; /: the search box.
    if (e.key === 'f' || e.key === 'F') { e.preventDefault(); toggleFocus(); return; }
    if ((e.key === 'c' || e.key === 'C') && selectedNs !== null) { e.preventDefault(); toggleNamespace(selectedNs); return; }
    if (e.key === '/') { e.preventDefault(); searchRef.current?.focus(); return; }
    const r = graphKey(e.key, selection, anchorRef.current, order, (from, to) => isReportedPair(analysis.network, from, to));
    if (!r) return;
    e.preventDefault();
    anchorRef.current = r.anchor;
    if (r.explain) document.getElementById('side-panel')?.focus();
    else onSelect(r.selection);
  };

  const empty = scenarioPods(analysis).length === 0 && analysis.cluster.externalHosts.length === 0;
  return (
    <section className="ksl-graph" aria-label={t('region')} data-testid="graph-view">
      <div className="ksl-graph__toolbar">
        <span className="ksl-graph__search">
          <label className="ksl-sr-only" htmlFor="ksl-graph-search">{t('searchLabel')}</label>
          <input
            id="ksl-graph-search" ref={searchRef} type="search" value={query} placeholder={t('searchPlaceholder')}
            autoComplete="off" spellCheck={false} aria-describedby="ksl-graph-search-status" data-testid="graph-search"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') { e.preventDefault(); findNext(); }
              else if (e.key === 'Escape') { e.preventDefault(); setQuery(''); canvasRef.current?.focus(); }
            }}
          />
        </span>
        <span className="ksl-graph__actions">
          <button type="button" aria-pressed={focusMode} disabled={!focusMode && !canFocus} title={t('focusTitle')} onClick={toggleFocus} data-testid="graph-focus">{t('focus')}</button>
          <button type="button" aria-pressed={fold} title={t('groupTitle')} data-testid="graph-group"
            onClick={() => { setFold(!fold); setOpenFolds(new Set()); }}>{t('group')}</button>
          {selectedNs !== null && (
            <button type="button" title={t('nsTitle')} data-testid="graph-namespace" onClick={() => toggleNamespace(selectedNs)}>
              {nsShut ? t('expandNs', { ns: selectedNs }) : t('collapseNs', { ns: selectedNs })}
            </button>
          )}
          <button type="button" onClick={() => adapterRef.current?.layout()}>{t('tidy')}</button>
          <button type="button" onClick={() => adapterRef.current?.fit(false)}>{t('fit')}</button>
        </span>
      </div>
      {/* A div, not a p: the selection's live region stays the graph's one live paragraph. */}
      <div id="ksl-graph-search-status" className="ksl-sr-only" aria-live="polite" data-testid="graph-search-status">
        {query.trim() === '' ? '' : matches.length > 0 ? t('searchFound', { count: matches.length }) : t('searchNone', { query })}
      </div>
      {large && (
        <p className="ksl-graph__warning" role="note">{t('largeGraph', { count: scenarioEndpoints(analysis).length })}</p>
      )}
      {plan.bounded && (
        <div className="ksl-graph__bound" role="note" data-testid="graph-bound">
          <span data-testid="graph-bound-count">{t('boundShowing', { shown: plan.shown.toLocaleString(), total: plan.total.toLocaleString(), limit: GRAPH_POD_LIMIT })}</span>
          <label>
            {t('boundExpand')}{' '}
            <select value="" data-testid="graph-expand" onChange={(e) => { const ns = e.target.value; if (ns) setExpanded((x) => [...x.filter((n) => n !== ns), ns]); }}>
              <option value="">{t('boundPick')}</option>
              {[...plan.hidden].map(([ns, count]) => <option key={ns} value={ns}>{t('boundOption', { ns, count })}</option>)}
            </select>
          </label>
          {plan.expanded.length > 0 && <button type="button" onClick={() => setExpanded([])}>{t('boundCollapse')}</button>}
        </div>
      )}
      {!analysis.network.enforcing && (
        <p className="ksl-graph__warning" role="note">{t('notEnforced', { cni: analysis.cluster.config.cni })}</p>
      )}
      <div className="ksl-graph__stage">
        <div
          ref={canvasRef}
          className="ksl-graph__canvas"
          tabIndex={0}
          role="application"
          aria-label={t('graphAria')}
          onKeyDown={onKeyDown}
          data-testid="graph-canvas"
        />
        {empty && <div className="ksl-graph__empty">{t('empty')}</div>}
        {/* Over the canvas, not above it: appearing must not resize the graph (a resize refits and redraws). */}
        <div className="ksl-graph__status"><Recomputing active={recomputing || !ready} /></div>
        {/* Floats over the canvas, closed at first: the graph keeps its height on small screens. */}
        <GraphLegend services={showServices} hint={port === 'any' ? `${t('anyPortHint')} ${t('anyPortDefinition')}` : t('portHint', { port: portLabel(port) })} />
      </div>
      <p className="ksl-sr-only" aria-live="polite">{describeSelection(selection, t)}</p>
      <div className="ksl-sr-only" aria-live="polite" data-testid="graph-announce">{announce}</div>
      {/* The graph in words beside the canvas (read on demand, not announced on every edit). */}
      <div className="ksl-sr-only" data-testid="graph-summary">
        <p>{t('summary', { pods: summary.pods, namespaces: summary.namespaces, externals: summary.externals, allowed: summary.allowed, partial: summary.partial, denied: summary.denied })}</p>
        {changed.size > 0 && <p>{t('summaryChanged', { list: [...changed].map(([k, c]) => `${k.replace('->', ' → ')} (${teachWords.change(c)})`).join(', ') })}</p>}
        {summary.isolated.map((i) => (
          <p key={i.pod}>{i.from.length > 0 ? t('summaryIsolated', { pod: i.pod, from: i.from.join(', ') }) : t('summaryIsolatedNone', { pod: i.pod })}</p>
        ))}
      </div>
    </section>
  );
}

type T = (key: string, params?: Record<string, string>) => string;

export function describeSelection(sel: Selection | null, t: T): string {
  if (!sel) return t('selectedNone');
  switch (sel.kind) {
    case 'pod': return t('selectedPod', { id: sel.id });
    case 'external': return t('selectedExternal', { id: sel.id });
    case 'edge': return t('selectedEdge', { from: sel.from, to: sel.to });
    case 'namespace': return t('selectedNamespace', { name: sel.name });
    case 'service': return t('selectedService', { id: sel.id });
  }
}

export function GraphLegend({ services = false, hint }: { services?: boolean; hint?: string }) {
  const { t } = useTranslation('graph');
  const items: [string, string][] = [
    ['line ksl-swatch--allowed', 'legendAllowed'], ['line ksl-swatch--partial', 'legendPartial'],
    ['line ksl-swatch--denied', 'legendDenied'], ['ksl-swatch--running', 'legendRunning'],
    ['ksl-swatch--error', 'legendError'], ['ksl-swatch--isolated', 'legendIsolated'],
    ['ksl-swatch--external', 'legendExternal'], ['ksl-swatch--namespace', 'legendNamespace'],
  ];
  if (services) items.push(['ksl-swatch--service', 'legendService'], ['line ksl-swatch--service-edge', 'legendServiceEdge']);
  return (
    <details className="ksl-graph__legendbox" data-testid="graph-legend">
      <summary>{t('legend')}</summary>
      {hint && <p className="ksl-graph__hint">{hint}</p>}
      <ul className="ksl-graph__legend" aria-label={t('legend')}>
      {items.map(([cls, key]) => (
        <li key={key}>
          <span className={`ksl-swatch ${cls.startsWith('line ') ? `ksl-swatch--line ${cls.slice(5)}` : cls}`} aria-hidden="true" />
          {t(key)}
        </li>
      ))}
      </ul>
    </details>
  );
}

/**
 * Connections whose verdict changed with the last edit (a new analysis on the same port): kept
 * until the next edit, so a click or a filter does not clear them. A port change starts afresh.
 * Computed once per flow list and analysis (React may call a memo twice: the second call reuses
 * the first). The same flow list (flowEdges hands it back while no verdict changed) has the same
 * verdicts: a new analysis then changed none.
 */
const NO_CHANGE: ReadonlyMap<string, FlowChange> = new Map();
function useChangedFlows(flows: readonly ElementDefinition[], analysis: Analysis, port: string): ReadonlyMap<string, FlowChange> {
  const last = useRef<{ flows: readonly ElementDefinition[]; analysis: Analysis; port: string; changed: ReadonlyMap<string, FlowChange> } | null>(null);
  return useMemo(() => {
    const d = last.current;
    if (d && d.flows === flows && d.analysis === analysis && d.port === port) return d.changed;
    if (d && d.flows === flows && d.port === port) {
      const changed = d.changed.size === 0 ? d.changed : NO_CHANGE;
      last.current = { ...d, analysis, changed };
      return changed;
    }
    const changed = !d || d.port !== port ? NO_CHANGE : d.analysis === analysis ? d.changed : changedFlows(d.flows, flows);
    last.current = { flows, analysis, port, changed };
    return changed;
  }, [flows, analysis, port]);
}

/** `value` while `keyOf(value)` stays the same as the kept one's, so memos reading it keep theirs. */
function useStableBy<T>(value: T, keyOf: (v: T) => string): T {
  const kept = useRef<{ value: T; key: string } | null>(null);
  const key = keyOf(value);
  if (kept.current?.key !== key) kept.current = { value, key };
  return kept.current.value;
}
