import { useTranslation } from 'react-i18next';
import { useLab } from '../../state/index.js';
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
    <section className="editor-pane" aria-label={t('region')} id="editor">
      <FileTabs panelId={PANEL_ID} />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={activeId ? `tab-${activeId}` : undefined} className="editor-panel">
        <MonacoHost />
        {!hasFiles && <p className="editor-empty">{t('noFiles')}</p>}
      </div>
      <ProblemsList />
    </section>
  );
}
