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
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { scenarioEndpoints, scenarioPods } from '../common/scope.js';
import { useTranslation } from 'react-i18next';
import type { Analysis, PortProto } from '../../engine/model/index.js';
import { flowsCover, useFlowInterest } from '../../state/index.js';
import { markShown, measureSince } from '../../state/perf.js';
import { Recomputing } from '../status/Recomputing.js';
import { graphKey } from '../common/graph-keys.js';
import { GRAPH_POD_LIMIT, planGraph } from './bound.js';
import { GraphAdapter } from './cyAdapter.js';
import { summarizeGraph } from './summary.js';
import type { Position } from './layout.js';
import { isLargeGraph, scenarioServices, toElements, type GraphWords } from './elements.js';
import { isReportedPair, portLabel } from './flows.js';
import { setGraphHandle } from './handle.js';
import { focusOf, type Selection } from './selection.js';
import { themeFrom } from './theme.js';
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

export function GraphView({ analysis, port, showDenied, showServices = false, selection, onSelect, recomputing = false }: GraphViewProps) {
  const { t } = useTranslation('graph');
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
  const plan = useMemo(() => planGraph(scenarioPods(analysis), expanded), [analysis, expanded]);
  const large = isLargeGraph(analysis);
  // Only a large graph depends on the selection (it draws the focused endpoints' edges); the key
  // keeps small graphs from recomputing on every click.
  const wanted = large ? focusOf(selection) : [];
  useFlowInterest('graph', { focus: wanted, ports: port === 'any' ? [] : [port] });
  // Until the result holds the focused endpoints' verdicts, their edges wait (the note says so).
  const ready = flowsCover(analysis, { focus: wanted, port });
  const focus = ready ? wanted : [];
  const focusKey = focus.join('\n');
  const elements = useMemo(() => {
    const start = performance.now();
    // A port the result has no verdicts for yet draws no connection until it has (a moment).
    const out = toElements(analysis, { port, showDenied, showServices, words, plan, focus: focusKey === '' ? [] : focusKey.split('\n'), ...(ready ? {} : { allEdgesLimit: -1 }) });
    measureSince('graph-elements', start);
    return out;
  }, [analysis, port, showDenied, showServices, words, focusKey, ready, plan]);
  const summary = useMemo(() => summarizeGraph(elements), [elements]);

  useEffect(() => {
    const box = canvasRef.current;
    if (!box) return;
    const style = getComputedStyle(box);
    const adapter = new GraphAdapter({
      container: box,
      theme: themeFrom((name) => style.getPropertyValue(name)),
      positions: lastPositions,
      onSelect: (sel) => onSelectRef.current(sel),
    });
    adapterRef.current = adapter;
    setGraphHandle({
      pointOf: (sel) => {
        const p = adapter.renderedPoint(sel);
        if (!p) return null;
        const rect = box.getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
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

  useEffect(() => {
    const start = performance.now();
    adapterRef.current?.update(elements, selectionRef.current);
    measureSince('graph-update', start);
    markShown('graph', analysis);
    // The mark says which analysis the drawn elements came from (bench:ui times keystroke → graph).
  }, [elements]);
  useEffect(() => { adapterRef.current?.select(selection); }, [selection]);

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
      else adapterRef.current?.fit();
      return;
    }
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
        <p className="ksl-graph__hint" title={port === 'any' ? t('anyPortDefinition') : undefined}>
          {port === 'any' ? t('anyPortHint') : t('portHint', { port: portLabel(port) })}
        </p>
        <span className="ksl-graph__actions">
          <button type="button" onClick={() => adapterRef.current?.layout()}>{t('tidy')}</button>
          <button type="button" onClick={() => adapterRef.current?.fit()}>{t('fit')}</button>
        </span>
      </div>
      {large && (
        <p className="ksl-graph__warning" role="note">{t('largeGraph', { count: scenarioEndpoints(analysis).length })}</p>
      )}
      {plan.drawn && (
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
        <GraphLegend services={showServices} />
      </div>
      <p className="ksl-sr-only" aria-live="polite">{describeSelection(selection, t)}</p>
      {/* The graph in words beside the canvas (read on demand, not announced on every edit). */}
      <div className="ksl-sr-only" data-testid="graph-summary">
        <p>{t('summary', { pods: summary.pods, namespaces: summary.namespaces, externals: summary.externals, allowed: summary.allowed, partial: summary.partial, denied: summary.denied })}</p>
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

export function GraphLegend({ services = false }: { services?: boolean }) {
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
