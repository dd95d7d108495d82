import { useTranslation } from 'react-i18next';
import { useLab } from '../../state/index.js';
import { AdmissionPanel } from '../admission/AdmissionPanel.js';
import { RbacPanel } from '../rbac/RbacPanel.js';
import { PanelBoundary } from '../common/ErrorBoundary.js';
import { FileTabs } from './FileTabs.js';
import { MonacoHost } from './MonacoHost.js';
import { ProblemsList } from './ProblemsList.js';

const PANEL_ID = 'editor-tabpanel';

/** Tabs, the editor and the problems list: everything about the YAML itself. */
export function EditorPane() {
  const { t } = useTranslation('editor');
  const activeId = useLab((s) => s.activeId);
  const hasFiles = useLab((s) => s.files.length > 0);
  return (
    <section className="editor-pane" aria-labelledby="editor-heading" id="editor">
      <h2 id="editor-heading" className="visually-hidden">{t('region')}</h2>
      <FileTabs panelId={PANEL_ID} />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={activeId ? `tab-${activeId}` : undefined} className="editor-panel">
        <PanelBoundary panel="editor"><MonacoHost /></PanelBoundary>
        {!hasFiles && <p className="editor-empty">{t('noFiles')}</p>}
      </div>
      {/* Shown while the editor has keyboard focus: the way out of a text box that keeps Tab. */}
      <p className="editor-keys" data-testid="editor-keys">{t('keysHint')}</p>
      <PanelBoundary panel="problems"><ProblemsList /></PanelBoundary>
      <PanelBoundary panel="admission"><AdmissionPanel /></PanelBoundary>
      <PanelBoundary panel="rbac"><RbacPanel /></PanelBoundary>
    </section>
  );
}
