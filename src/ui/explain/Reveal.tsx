/**
 * A mention of something in the YAML (policy, rule, peer, port entry, field) as a button that
 * asks the editor to show it. The label is rendered as text; the field path is shown beside it
 * so the student learns where the thing lives.
 */
import { useTranslation } from 'react-i18next';
import { formatPath, type SourceRef } from '../../engine/model/index.js';
import './explain.css';

export interface RevealProps {
  label: string;
  target: SourceRef | undefined;
  onReveal(ref: SourceRef): void;
  /** Show `spec.ingress[0]` after the label. */
  showPath?: boolean;
}

export function Reveal({ label, target, onReveal, showPath = false }: RevealProps) {
  const { t } = useTranslation('explain');
  if (!target) return <span className="ksl-mention">{label}</span>;
  const path = formatPath(target.path);
  return (
    <button
      type="button"
      className="ksl-reveal"
      onClick={() => onReveal(target)}
      title={`${t('reveal')}: ${target.file}${path ? ` · ${path}` : ''}`}
      // The name holds all the visible text (WCAG 2.5.3 Label in Name), path included when shown.
      aria-label={t('revealWhat', { what: showPath && path !== '' ? `${label} ${path}` : label })}
    >
      {label}
      {showPath && path !== '' && <>{' '}<code className="ksl-reveal__path">{path}</code></>}
    </button>
  );
}
