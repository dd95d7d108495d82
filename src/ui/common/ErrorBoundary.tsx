import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabContext } from '../../state/index.js';
import { exportWork } from './export-work.js';
import { CrashSwitch, disarmPanel } from './panel-crash.js';
import './error-boundary.css';

/** The panels that fail on their own: each is wrapped where it is mounted (layout, editor pane). */
export type PanelName = 'editor' | 'problems' | 'admission' | 'rbac' | 'graph' | 'matrix' | 'explain' | 'inspector' | 'terminal' | 'lesson';

interface Labels {
  readonly title: string;
  readonly body: string;
  readonly retry: string;
  readonly exportWork: string;
  readonly details: string;
}

interface BoundaryProps {
  readonly panel: PanelName;
  readonly labels: Labels;
  readonly onExport: () => void;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly error: Error | null;
  /** Bumped by "try again": the panel mounts afresh (new state, new effects). */
  readonly attempt: number;
}

/**
 * One panel's error boundary (issue 12). A render or effect that throws inside the panel shows a
 * message in its place, with "Try again" (the panel mounts afresh) and "Export my work" (every tab
 * as a zip); the other panels keep working. The files live in the store, outside every panel, so a
 * failure never loses them.
 */
class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, attempt: 0 };
  private fallback: HTMLDivElement | null = null;

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    disarmPanel(this.props.panel);
    // Focus was inside the panel that is gone: keep the keyboard here, on the message.
    if (!document.activeElement || document.activeElement === document.body) this.fallback?.focus();
  }

  private retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    const { panel, labels, onExport, children } = this.props;
    const { error, attempt } = this.state;
    if (error) {
      return (
        <div className="panel-error" role="alert" tabIndex={-1} data-testid={`panel-error-${panel}`} ref={(el) => { this.fallback = el; }}>
          <p className="panel-error-title">{labels.title}</p>
          <p>{labels.body}</p>
          <div className="panel-error-actions">
            <button type="button" className="btn btn-small btn-primary" data-testid="panel-retry" onClick={this.retry}>{labels.retry}</button>
            <button type="button" className="btn btn-small" data-testid="panel-export" onClick={onExport}>{labels.exportWork}</button>
          </div>
          <details>
            <summary>{labels.details}</summary>
            {/* The error's own words, as text: it may quote the student's YAML. */}
            <pre className="panel-error-message">{error.message}</pre>
          </details>
        </div>
      );
    }
    return (
      <Fragment key={attempt}>
        <CrashSwitch panel={panel} />
        {children}
      </Fragment>
    );
  }
}

/** Wraps one panel: its boundary, in the current language, exporting the store's files. */
export function PanelBoundary({ panel, children }: { panel: PanelName; children: ReactNode }) {
  const { t } = useTranslation('common');
  const { store } = useLabContext();
  const labels: Labels = {
    title: t('panelError.title', { panel: t(`panelError.names.${panel}`) }),
    body: t('panelError.body'),
    retry: t('panelError.retry'),
    exportWork: t('panelError.export'),
    details: t('panelError.details'),
  };
  return <Boundary panel={panel} labels={labels} onExport={() => exportWork(store.getState().files)}>{children}</Boundary>;
}
