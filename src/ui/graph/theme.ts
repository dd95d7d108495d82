/**
 * Cytoscape draws on a canvas and cannot read CSS variables, so the adapter reads them once
 * from the graph's container (graph.css sets defaults; the app shell may override them to theme).
 */
export interface GraphTheme {
  readonly text: string;
  readonly surface: string;
  readonly border: string;
  readonly muted: string;
  readonly accent: string;
  readonly allowed: string;
  readonly partial: string;
  readonly denied: string;
  readonly running: string;
  readonly error: string;
  readonly nsFill: string;
  readonly external: string;
  readonly isolated: string;
  /** Service nodes' border and their edges to endpoints. */
  readonly service: string;
  readonly serviceBg: string;
  readonly font: string;
}

export const DEFAULT_THEME: GraphTheme = {
  text: '#1f2328', surface: '#ffffff', border: '#8c959f', muted: '#8c959f', accent: '#0969da',
  allowed: '#1a7f37', partial: '#9a6700', denied: '#cf222e', running: '#dafbe1', error: '#ffebe9',
  nsFill: '#f6f8fa', external: '#fff8c5', isolated: '#8250df', service: '#0e7490', serviceBg: '#e0f2fe',
  font: 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif',
};

const VARS: Record<keyof GraphTheme, string> = {
  text: '--ksl-text', surface: '--ksl-surface', border: '--ksl-border', muted: '--ksl-muted', accent: '--ksl-accent',
  allowed: '--ksl-allowed', partial: '--ksl-partial', denied: '--ksl-denied', running: '--ksl-running-bg',
  error: '--ksl-error-bg', nsFill: '--ksl-ns-bg', external: '--ksl-external-bg', isolated: '--ksl-isolated',
  service: '--ksl-service', serviceBg: '--ksl-service-bg', font: '--ksl-font',
};

/** `read(name)` returns a CSS variable's value ('' when unset); unset ones keep the default. */
export function themeFrom(read: (name: string) => string): GraphTheme {
  const out: Record<string, string> = { ...DEFAULT_THEME };
  for (const [key, name] of Object.entries(VARS)) {
    const v = read(name).trim();
    if (v !== '') out[key] = v;
  }
  return out as unknown as GraphTheme;
}
