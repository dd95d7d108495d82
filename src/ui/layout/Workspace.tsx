import { useTranslation } from 'react-i18next';
import { scenarioPods } from '../common/scope.js';
import { flowsCover, useDerivedAnalysis, useLab, useLabContext, type MainView, type SideTab } from '../../state/index.js';
import { verdictSentence } from '../explain/announce.js';
import { PanelBoundary } from '../common/ErrorBoundary.js';
import { ExplainSlot, GraphSlot, InspectorSlot, MatrixSlot, PortPickerSlot } from './slots.js';

const VIEWS: readonly MainView[] = ['graph', 'matrix'];
const SIDE_TABS: readonly SideTab[] = ['explain', 'inspector'];

/** The right-hand side: graph or matrix, its filters, and the explanation/inspector panel. */
export function Workspace() {
  const { t } = useTranslation('layout');
  const { store } = useLabContext();
  const view = useLab((s) => s.mainView);
  const sideTab = useLab((s) => s.sideTab);
  const showDenied = useLab((s) => s.showDenied);
  const showServices = useLab((s) => s.showServices);
  const presentation = useLab((s) => s.presentation);
  const { display } = useDerivedAnalysis();
  const { t: te } = useTranslation('explain');
  const selection = useLab((s) => s.selection);
  const port = useLab((s) => s.portFilter);
  // One live region for the selected connection's verdict, always in the page (see explain/announce.ts).
  const verdict = selection?.kind === 'edge' && flowsCover(display, { pairs: [[selection.from, selection.to]], port })
    ? verdictSentence(display.network, selection.from, selection.to, port, te as unknown as (k: string, p?: Record<string, string>) => string) : '';
  return (
    <div className="workspace">
      <section className="view-pane" aria-labelledby="view-heading" id="view">
        <h2 id="view-heading" className="visually-hidden">{t('views.heading')}</h2>
        <div className="pane-toolbar">
          <div role="tablist" aria-label={t('views.label')} className="view-tabs">
            {VIEWS.map((v) => (
              <button key={v} type="button" role="tab" id={`view-tab-${v}`} aria-selected={view === v} aria-controls="view-panel"
                tabIndex={view === v ? 0 : -1} data-testid={`view-${v}`}
                onClick={() => store.getState().setMainView(v)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
                    e.preventDefault();
                    const next = v === 'graph' ? 'matrix' : 'graph';
                    store.getState().setMainView(next);
                    requestAnimationFrame(() => document.getElementById(`view-tab-${next}`)?.focus());
                  }
                }}>
                {t(`views.${v}`)}
              </button>
            ))}
          </div>
          <PortPickerSlot />
          <label className="toggle">
            <input type="checkbox" checked={showDenied} data-testid="show-denied"
              onChange={(e) => store.getState().setShowDenied(e.target.checked)} />
            <span>{t('views.showDenied')}</span>
          </label>
          {/* Services are drawn in the graph only; the matrix stays endpoints (pods and hosts). */}
          {view === 'graph' && (
            <label className="toggle" title={t('views.showServicesTitle')}>
              <input type="checkbox" checked={showServices} data-testid="show-services"
                onChange={(e) => store.getState().setShowServices(e.target.checked)} />
              <span>{t('views.showServices')}</span>
            </label>
          )}
          <span className="summary" aria-live="polite">
            {t('summary.pods', { count: scenarioPods(display).length })} · {t('summary.policies', { count: display.policies.length })}
          </span>
        </div>
        <div role="tabpanel" id="view-panel" aria-labelledby={`view-tab-${view}`} className="view-panel" tabIndex={-1}>
          <PanelBoundary key={view} panel={view}>{view === 'graph' ? <GraphSlot /> : <MatrixSlot />}</PanelBoundary>
        </div>
      </section>
      {!presentation && (
        <aside className="side-pane" aria-labelledby="side-heading" id="side">
          <h2 id="side-heading" className="visually-hidden">{t('side.label')}</h2>
          <div role="tablist" aria-label={t('side.label')} className="side-tabs">
            {SIDE_TABS.map((tab) => (
              <button key={tab} type="button" role="tab" id={`side-tab-${tab}`} aria-selected={sideTab === tab} aria-controls="side-panel"
                tabIndex={sideTab === tab ? 0 : -1} data-testid={`side-${tab}`}
                onClick={() => store.getState().setSideTab(tab)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
                    e.preventDefault();
                    const next = tab === 'explain' ? 'inspector' : 'explain';
                    store.getState().setSideTab(next);
                    requestAnimationFrame(() => document.getElementById(`side-tab-${next}`)?.focus());
                  }
                }}>
                {t(`side.${tab}`)}
              </button>
            ))}
          </div>
          <p className="visually-hidden" role="status" data-testid="verdict-live">{verdict}</p>
          <div role="tabpanel" id="side-panel" aria-labelledby={`side-tab-${sideTab}`} className="side-panel" tabIndex={0}>
            {/* In the Tab order (tabIndex 0, named by its tab): the explanation scrolls, and a keyboard scrolls it from here. */}
            <PanelBoundary key={sideTab} panel={sideTab}>{sideTab === 'explain' ? <ExplainSlot /> : <InspectorSlot />}</PanelBoundary>
          </div>
        </aside>
      )}
    </div>
  );
}
