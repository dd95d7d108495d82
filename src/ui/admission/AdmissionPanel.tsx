import { useTranslation } from 'react-i18next';
import { useActions, useDerivedAnalysis, useLabContext } from '../../state/index.js';
import { makeRestrictedDocument } from '../../state/restricted-fix.js';
import { refusedPodFixes, refusedShown, shownNamespaces } from './model.js';
import './admission.css';

/**
 * Pod Security Admission in words: each namespace's enforce/warn/audit levels, and for every pod the
 * enforce level refused (absent from the graph), the fields each violated check names, each a button
 * that selects the field's YAML. Shown only when a namespace sets a level or a pod was refused.
 */
export function AdmissionPanel() {
  const { t } = useTranslation('admission');
  const actions = useActions();
  const { store } = useLabContext();
  const { current } = useDerivedAnalysis();
  const report = current.admission;
  const namespaces = shownNamespaces(report);
  const refused = refusedPodFixes(report);
  const { shown, more } = refusedShown(refused);
  const set = namespaces.filter((n) => n.exempt || n.enforce !== 'privileged:latest' || n.warn !== 'privileged:latest' || n.audit !== 'privileged:latest');
  if (set.length === 0 && refused.length === 0) return null;
  // The editor's quick fix, as a button: one undoable edit of the pod's document (the editor pushes it).
  const fix = (ref: { file: string; doc: number }) => {
    const file = store.getState().files.find((f) => f.name === ref.file);
    const fixed = file ? makeRestrictedDocument(file.text, ref.doc) : null;
    if (file && fixed !== null) store.getState().setText(file.id, fixed);
  };
  return (
    <section className="psa" aria-labelledby="psa-heading" data-testid="psa-panel">
      <h3 id="psa-heading" className="psa-title">{t('title')}</h3>
      <h4 className="psa-sub">{t('namespaces')}</h4>
      <ul className="psa-list">
        {namespaces.map((n) => (
          <li key={n.name} data-testid={`psa-ns-${n.name}`}>
            <span className="psa-ns">{n.name}</span>{' '}
            <span className="psa-levels">{n.exempt ? t('exempt') : t('levels', { enforce: n.enforce, warn: n.warn, audit: n.audit })}</span>
          </li>
        ))}
      </ul>
      {refused.length > 0 && <h4 className="psa-sub">{t('refused')}</h4>}
      {shown.map((p) => (
        <div key={p.key} className="psa-pod" data-testid={`psa-refused-${p.key}`}>
          <p className="psa-pod-head">
            {t('refusedPod', { pod: p.key, level: p.level })}{' '}
            <button type="button" className="psa-link" onClick={() => actions.revealRef(p.ref)}>{t('showPod')}</button>{' '}
            <button type="button" className="psa-link" onClick={() => fix(p.ref)}>{t('fix')}</button>
          </p>
          <p className="psa-sub-inline">{t('change')}</p>
          <ul className="psa-list">
            {p.checks.map((c) => (
              <li key={c.check}>
                <span className="psa-reason">{c.detail ? `${c.reason} (${c.detail})` : c.reason}</span>
                {c.fields.length > 0 && (
                  <span className="psa-fields">
                    {c.fields.map((f) => (
                      <button key={f.path} type="button" className="psa-field" aria-label={t('reveal', { field: f.path })}
                        onClick={() => actions.revealRef(f.ref)}>{f.path}</button>
                    ))}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {more > 0 && <p className="psa-more">{t('more', { count: more })}</p>}
    </section>
  );
}
