import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../engine/model/index.js';
import { useDerivedAnalysis, useLab, useLabContext } from '../../state/index.js';

const ICON: Record<Diagnostic['severity'], string> = { error: '⨯', warning: '⚠', info: 'ℹ' };

/** The engine's diagnostics as a list; choosing one selects its range in the editor. */
export function ProblemsList() {
  const { t } = useTranslation('editor');
  const { store } = useLabContext();
  const files = useLab((s) => s.files);
  const { current } = useDerivedAnalysis();
  const [open, setOpen] = useState(true);
  const diagnostics = current.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;

  const go = (d: Diagnostic) => {
    const file = files.find((f) => f.name === d.file);
    if (!file) return;
    store.getState().requestReveal({ fileId: file.id, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn });
  };

  return (
    <section className={`problems${open ? '' : ' problems-closed'}`} aria-label={t('problems')} data-testid="problems">
      <button type="button" className="problems-header" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="problems-caret" aria-hidden="true">{open ? '▾' : '▸'}</span>
        <span>{t('problems')}</span>
        <span className="problems-counts">
          {errors > 0 && <span className="count count-error">{ICON.error} {errors}</span>}
          {warnings > 0 && <span className="count count-warning">{ICON.warning} {warnings}</span>}
          <span className="visually-hidden">{t('problemsCount', { count: diagnostics.length })}</span>
        </span>
      </button>
      {open && (
        diagnostics.length === 0
          ? <p className="problems-empty">{t('noProblems')}</p>
          : (
            <ul className="problems-list">
              {diagnostics.map((d, i) => (
                <li key={`${d.file}:${d.line}:${d.column}:${d.code}:${i}`}>
                  <button type="button" className={`problem problem-${d.severity}`} onClick={() => go(d)} disabled={!files.some((f) => f.name === d.file)}>
                    <span className="problem-icon" aria-hidden="true">{ICON[d.severity]}</span>
                    <span className="visually-hidden">{t(`severity.${d.severity}`)}: </span>
                    <span className="problem-message">{d.message}</span>
                    <span className="problem-at">{d.file ? t('at', { file: d.file, line: d.line, column: d.column }) : t('scenarioWide')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
      )}
    </section>
  );
}
