/** The Cytoscape style sheet: one place that maps element classes (elements.ts) to looks. */
import type { StylesheetJson } from 'cytoscape';
import type { GraphTheme } from './theme.js';
import { EDGE_FONT, LINE_HEIGHT, MIN_ZOOMED_FONT, NS_FONT, NS_LABEL_GAP, NS_PAD, POD_FONT } from './metrics.js';

export { MIN_ZOOMED_FONT } from './metrics.js';

export function graphStyle(t: GraphTheme): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        // Sizes in model units (metrics.ts): labels scale with zoom, and text that would be drawn
        // smaller than MIN_ZOOMED_FONT on screen is not drawn at all (too small to read; a large
        // graph redraws in a fraction of the time). Lines break only where the label breaks them.
        label: 'data(label)', 'font-family': t.font, 'font-size': POD_FONT, color: t.text, 'line-height': LINE_HEIGHT,
        'text-wrap': 'wrap', 'text-max-width': '1000px', 'text-valign': 'center', 'text-halign': 'center',
        'min-zoomed-font-size': MIN_ZOOMED_FONT,
      },
    },
    {
      selector: 'node.pod',
      style: {
        shape: 'round-rectangle', width: 'data(w)', height: 'data(h)',
        'background-color': t.running, 'border-width': 1, 'border-color': t.border,
      },
    },
    { selector: 'node.pod.status-error, node.pod.status-init-error', style: { 'background-color': t.error, 'border-color': t.denied } },
    // Isolation marker: a thick violet border (ingress), dashed when only egress is isolated.
    { selector: 'node.pod.iso-ingress', style: { 'border-width': 3, 'border-color': t.isolated } },
    { selector: 'node.pod.iso-egress', style: { 'border-width': 3, 'border-color': t.isolated, 'border-style': 'double' } },
    { selector: 'node.pod.iso-egress:childless', style: { 'border-width': 4 } },
    { selector: 'node.pod.host-network', style: { 'background-opacity': 0.6 } },
    {
      selector: 'node.external',
      style: {
        shape: 'cut-rectangle', width: 'data(w)', height: 'data(h)',
        'background-color': t.external, 'border-width': 1, 'border-color': t.border, 'border-style': 'dashed',
      },
    },
    // A Service is not a pod: a hexagon with a thick teal border, and its label starts with `svc`.
    {
      selector: 'node.service',
      style: {
        shape: 'hexagon', width: 'data(w)', height: 'data(h)',
        'background-color': t.serviceBg, 'border-width': 2, 'border-color': t.service,
      },
    },
    {
      selector: 'node.namespace',
      style: {
        shape: 'round-rectangle', 'background-color': t.nsFill, 'background-opacity': 1,
        'border-width': 1, 'border-color': t.border, padding: `${NS_PAD}px`,
        'text-valign': 'top', 'text-halign': 'center', 'font-size': NS_FONT, 'font-weight': 'bold',
        'text-margin-y': -NS_LABEL_GAP, color: t.text,
      },
    },
    // A namespace past the graph's bound (bound.ts): one node with its pod count, not a box of pods.
    {
      selector: 'node.summary',
      style: {
        shape: 'round-rectangle', width: 'data(w)', height: 'data(h)', padding: '0px',
        'text-valign': 'center', 'text-margin-y': 0, 'border-style': 'dashed', 'border-width': 2,
        'background-color': t.nsFill, 'border-color': t.border,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 1,
        label: 'data(label)', 'font-size': EDGE_FONT, 'font-family': t.font, color: t.text,
        'text-background-color': t.surface, 'text-background-opacity': 0.85, 'text-background-padding': '2px',
        'text-rotation': 'autorotate', 'min-zoomed-font-size': MIN_ZOOMED_FONT,
      },
    },
    // Not colour alone (WCAG 1.4.1, issue 14): allowed is solid with an arrowhead, allowed on some
    // ports is dashed with a hollow arrowhead, denied is dotted and ends in a bar (blocked). Each
    // colour is at least 3:1 against the canvas and the namespace fill (1.4.11).
    { selector: 'edge.allowed', style: { 'line-color': t.allowed, 'target-arrow-color': t.allowed, 'line-style': 'solid' } },
    {
      selector: 'edge.partial',
      style: { 'line-color': t.partial, 'target-arrow-color': t.partial, 'line-style': 'dashed', 'line-dash-pattern': [9, 4], 'target-arrow-fill': 'hollow' },
    },
    {
      selector: 'edge.denied',
      style: { 'line-color': t.denied, 'target-arrow-color': t.denied, 'line-style': 'dotted', 'target-arrow-shape': 'tee', width: 2 },
    },
    // Service → endpoint: dotted, the Service's colour, a square end (not a flow's arrowhead).
    {
      selector: 'edge.service-edge',
      style: {
        'line-color': t.service, 'target-arrow-color': t.service, 'target-arrow-shape': 'square', 'arrow-scale': 0.8,
        'line-style': 'dotted', width: 2, color: t.service,
      },
    },
    { selector: 'edge.service-edge.not-ready', style: { 'line-style': 'dashed', opacity: 0.55 } },
    // A → B and B → A drawn as one edge: an arrowhead (or bar) at both ends.
    { selector: 'edge.both', style: { 'source-arrow-shape': 'triangle', 'source-arrow-color': t.allowed } },
    { selector: 'edge.both.partial', style: { 'source-arrow-color': t.partial, 'source-arrow-fill': 'hollow' } },
    { selector: 'edge.both.denied', style: { 'source-arrow-shape': 'tee', 'source-arrow-color': t.denied } },
    // Many connections folded into one (teach.ts): thicker, its label the count; a tap expands it.
    {
      selector: 'edge.fold',
      style: { width: 5, 'line-cap': 'round', 'arrow-scale': 0.8, 'font-weight': 'bold', 'text-background-opacity': 1 },
    },
    { selector: 'edge.fold.loop', style: { 'loop-direction': '0deg', 'loop-sweep': '-50deg', 'control-point-step-size': 60 } },
    // What the lesson's step asks about: wider, drawn on top.
    { selector: 'edge.lesson', style: { width: 4, 'z-index': 5 } },
    // Changed with the last edit: wider still, double-dashed arrowheads aside, and the label says
    // how ("now denied"); never colour alone. The pulse (cyAdapter) is skipped for reduced motion.
    {
      selector: 'edge.changed',
      style: { width: 5, 'z-index': 6, 'font-weight': 'bold', 'text-background-opacity': 1, 'text-border-width': 1, 'text-border-opacity': 1, 'text-border-color': t.text, 'text-border-style': 'solid' },
    },
    { selector: 'edge.changed.pulse', style: { width: 9 } },
    // Focus mode: everything outside the focused pod's neighbourhood is not drawn.
    { selector: '.off-focus', style: { display: 'none' } },
    // A match of the search box.
    { selector: 'node.found', style: { 'border-width': 4, 'border-color': t.accent, 'border-style': 'solid' } },
    {
      selector: '.sel',
      style: { 'overlay-color': t.accent, 'overlay-opacity': 0.18, 'overlay-padding': 6, 'z-index': 10 },
    },
    { selector: 'edge.sel', style: { width: 4, opacity: 1 } },
  ];
}
