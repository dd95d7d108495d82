import { useTranslation } from 'react-i18next';
import { useActions, useDerivedAnalysis, useLab, useLabContext } from '../../state/index.js';
import { Placeholder } from '../common/Placeholder.js';
import { ExplainPanel } from '../explain/ExplainPanel.js';
import { GraphView } from '../graph/GraphView.js';
import { PortPicker } from '../graph/PortPicker.js';
import { ConnectivityMatrix } from '../matrix/ConnectivityMatrix.js';

/**
 * Where the other features' panels mount, wired to the store in this one place. Features that
 * have not landed yet (inspector, terminal, lessons) are clearly marked placeholders.
 * All views show `display`: the last analysis that parsed (see state/analysis.ts).
 */
export function GraphSlot() {
  const { store } = useLabContext();
  const { display } = useDerivedAnalysis();
  const port = useLab((s) => s.portFilter);
  const showDenied = useLab((s) => s.showDenied);
  const selection = useLab((s) => s.selection);
  return <GraphView analysis={display} port={port} showDenied={showDenied} selection={selection} onSelect={(sel) => store.getState().select(sel)} />;
}

export function MatrixSlot() {
  const { store } = useLabContext();
  const { display } = useDerivedAnalysis();
  const port = useLab((s) => s.portFilter);
  const selection = useLab((s) => s.selection);
  const selected = selection?.kind === 'edge' ? { from: selection.from, to: selection.to } : undefined;
  return (
    <ConnectivityMatrix analysis={display} port={port} {...(selected ? { selected } : {})}
      onSelectPair={(from, to) => store.getState().select({ kind: 'edge', from, to })} />
  );
}

export function PortPickerSlot() {
  const { store } = useLabContext();
  const { display } = useDerivedAnalysis();
  const port = useLab((s) => s.portFilter);
  return <PortPicker analysis={display} value={port} onChange={(p) => store.getState().setPortFilter(p)} />;
}

export function ExplainSlot() {
  const { t } = useTranslation('layout');
  const actions = useActions();
  const { display } = useDerivedAnalysis();
  const port = useLab((s) => s.portFilter);
  const selection = useLab((s) => s.selection);
  if (selection?.kind !== 'edge') return <Placeholder slot="explain" text={t('side.explainEmpty')} />;
  return <ExplainPanel analysis={display} from={selection.from} to={selection.to} port={port} onReveal={(ref) => actions.revealRef(ref)} />;
}

export function InspectorSlot() {
  const { t } = useTranslation('layout');
  return <Placeholder slot="inspector" text={t('side.inspectorEmpty')} />;
}

export function TerminalSlot() {
  const { t } = useTranslation('layout');
  return <Placeholder slot="terminal" text={t('slots.terminalEmpty')} />;
}

export function LessonSlot() {
  const { t } = useTranslation('layout');
  return <Placeholder slot="lesson" text={t('slots.lessonEmpty')} />;
}
