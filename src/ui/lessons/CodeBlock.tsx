import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Which file a block can be put in (by its language and text), and how to put it there. */
export interface SnippetTarget {
  target(lang: string, text: string): string | null;
  apply(file: string, text: string): void;
}

/**
 * A lesson's code block: kept on its lines (scrolls sideways rather than wrapping a key onto a
 * second line), with a Copy button, and "Put in db-policy.yaml" when the step writes that file.
 */
export function CodeBlock({ text, lang, snippet }: { text: string; lang: string; snippet: SnippetTarget | undefined }) {
  const { t } = useTranslation('lessons');
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!said) return undefined;
    const timer = setTimeout(() => setSaid(''), 2500);
    return () => clearTimeout(timer);
  }, [said]);
  const file = snippet?.target(lang, text) ?? null;
  const copy = () => {
    if (!navigator.clipboard) { setSaid(t('copyFailed')); return; }
    navigator.clipboard.writeText(text).then(() => setSaid(t('codeCopied')), () => setSaid(t('copyFailed')));
  };
  return (
    <div className="lesson-code-block">
      <pre className="lesson-code" data-lang={lang || undefined} tabIndex={0}><code>{text}</code></pre>
      <div className="lesson-code-actions">
        <button type="button" className="btn btn-ghost btn-small" aria-label={t('copyCodeLabel')} data-testid="copy-code" onClick={copy}>{t('copyCode')}</button>
        {file && snippet && (
          <button type="button" className="btn btn-ghost btn-small" aria-label={t('applySnippetLabel', { file })} data-testid="apply-snippet"
            onClick={() => { snippet.apply(file, text); setSaid(t('snippetApplied', { file })); }}>
            {t('applySnippet', { file })}
          </button>
        )}
        <span className="lesson-code-said" role="status">{said}</span>
      </div>
    </div>
  );
}
