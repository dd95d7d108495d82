import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clientExists, useActions, useDerivedAnalysis, useExplained, useLab, useLabContext } from '../../state/index.js';
import { portsToCheck } from '../graph/flows.js';
import { Recomputing } from '../status/Recomputing.js';
import { Placeholder } from '../common/Placeholder.js';
import { ExplainPanel } from '../explain/ExplainPanel.js';
import { ProbeSummary } from '../explain/ProbeSummary.js';
import { ServicePanel } from '../explain/ServicePanel.js';
import { describeService, serviceClients } from '../../state/service-view.js';
import { GraphView } from '../graph/GraphView.js';
import { PortPicker } from '../graph/PortPicker.js';
import { PodInspector } from '../inspector/PodInspector.js';
import { LessonList } from '../lessons/LessonList.js';
import { LessonPanel } from '../lessons/LessonPanel.js';
import { ConnectivityMatrix } from '../matrix/ConnectivityMatrix.js';
import { loadTerminalPane, useRunCommand } from './shell.js';
import { shareUrl } from './share-url.js';
import { useToast } from './toast.js';

/**
 * Where the other features' panels mount, wired to the store in this one place. Features that
 * have not landed yet (inspector, terminal, lessons) are clearly marked placeholders.
 * All views show `display`: the last analysis that parsed (see state/analysis.ts).
 */
export function GraphSlot() {
  const { store } = useLabContext();
  const { display, pending = false } = useDerivedAnalysis();
  const port = useLab((s) => s.portFilter);
  const showDenied = useLab((s) => s.showDenied);
  const showServices = useLab((s) => s.showServices);
  const selection = useLab((s) => s.selection);
  return (
    <GraphView analysis={display} port={port} showDenied={showDenied} showServices={showServices} selection={selection}
      onSelect={(sel) => store.getState().select(sel)} recomputing={pending} />
  );
}

export function MatrixSlot() {
  const { store } = useLabContext();
  const { display, pending = false } = useDerivedAnalysis();
  const port = useLab((s) => s.portFilter);
  const selection = useLab((s) => s.selection);
  const selected = selection?.kind === 'edge' ? { from: selection.from, to: selection.to } : undefined;
  return (
    <ConnectivityMatrix analysis={display} port={port} {...(selected ? { selected } : {})} recomputing={pending}
      onSelectPair={(from, to) => store.getState().select({ kind: 'edge', from, to })}
      onSelectPod={(key) => store.getState().select({ kind: 'pod', id: key })} />
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
  const lastProbe = useLab((s) => s.lastProbe);
  // Explanations come from the worker on demand; until they do, the last one for this question stays.
  const edge = selection?.kind === 'edge' ? selection : null;
  const explained = useExplained(display, edge?.from ?? '', edge?.to ?? '', edge ? portsToCheck(display.network, edge.to, port).ports : []);
  if (selection?.kind === 'service') return <ServiceSlot serviceKey={selection.id} />;
  if (selection?.kind !== 'edge') return <Placeholder slot="explain" text={t('side.explainEmpty')} />;
  // The connection the terminal probed, on the port it reached: say what the probe did first.
  const probed = lastProbe && lastProbe.from === selection.from && lastProbe.to === selection.to && port !== 'any' && port.port === lastProbe.port && port.protocol === lastProbe.protocol;
  // A `kubectl run --rm` client is gone: its probe's own account is all there is to show.
  if (probed && !clientExists(display, lastProbe)) return <ProbeSummary analysis={display} record={lastProbe} />;
  return (
    <>
      {probed && <ProbeSummary analysis={display} record={lastProbe} />}
      <Recomputing active={explained.pending} kind="explaining" testId="explain-pending" />
      {explained.analysis && (
        <ExplainPanel analysis={explained.analysis} from={selection.from} to={selection.to} port={port} onReveal={(ref) => actions.revealRef(ref)} />
      )}
    </>
  );
}

/** A selected Service, expanded for the client pod (the one selected before it, or picked here). */
function ServiceSlot({ serviceKey }: { serviceKey: string }) {
  const { store } = useLabContext();
  const actions = useActions();
  const { display } = useDerivedAnalysis();
  const client = useLab((s) => s.serviceClient);
  const lang = useLab((s) => s.lang);
  // Probes run here, in the state helper, once per analysis/client/language (not per render).
  const view = useMemo(() => describeService(display, serviceKey, client, lang), [display, serviceKey, client, lang]);
  const clients = useMemo(() => serviceClients(display), [display]);
  return (
    <ServicePanel serviceKey={serviceKey} view={view} clients={clients}
      onClient={(pod) => store.getState().setServiceClient(pod)}
      onExplainEndpoint={(from, to, port) => {
        // The connection after DNAT, on the target port: the rule-by-rule panel explains it.
        const s = store.getState();
        s.setPortFilter(port);
        s.select({ kind: 'edge', from, to });
      }}
      onReveal={(ref) => actions.revealRef(ref)} />
  );
}

export function InspectorSlot() {
  const { t } = useTranslation('layout');
  const actions = useActions();
  const { display } = useDerivedAnalysis();
  const selection = useLab((s) => s.selection);
  if (selection?.kind !== 'pod') return <Placeholder slot="inspector" text={t('side.inspectorEmpty')} />;
  return <PodInspector analysis={display} podKey={selection.id} onReveal={(ref) => actions.revealRef(ref)} />;
}

const TerminalPane = lazy(loadTerminalPane);

/** The terminal, once its chunk is in (shell.ts); until then a line says it is starting. */
export function TerminalSlot() {
  const { t } = useTranslation('layout');
  const { t: tt } = useTranslation('terminal');
  // The same region as the terminal's own (TerminalView): it is there, starting, from the first frame.
  const starting = (
    <div className="terminal-stack">
      <div className="terminal-main terminal-view" role="region" aria-label={tt('label')}>
        <p className="terminal-starting" role="status" data-testid="terminal-starting">{t('terminal.starting')}</p>
      </div>
    </div>
  );
  return (
    <Suspense fallback={starting}>
      <TerminalPane />
    </Suspense>
  );
}

export function LessonSlot() {
  const { t } = useTranslation('layout');
  const { t: tl } = useTranslation('lessons');
  const toast = useToast();
  const { store, lessons } = useLabContext();
  const actions = useActions();
  const { current, initial, checked } = useDerivedAnalysis();
  const lang = useLab((s) => s.lang);
  const lessonId = useLab((s) => s.lessonId);
  const transcript = useLab((s) => s.transcript);
  const progress = useLab((s) => s.progress);
  const step = useLab((s) => s.step);
  const [listing, setListing] = useState(false);
  const run = useRunCommand();
  const lesson = lessons.find((l) => l.id === lessonId);
  const top = useRef<HTMLDivElement>(null);
  // Another lesson, or the list: start reading at the top, not where the last page was scrolled.
  useLayoutEffect(() => { top.current?.closest('.lesson-pane')?.scrollTo({ top: 0 }); }, [lessonId, listing]);
  // A lesson opened, or the list shown, by the student: focus goes to its heading (not the page
  // body), so a keyboard or screen reader user reads on from there. Kept until the heading exists
  // (the first analysis may still be running when a lesson opens).
  const focusHeading = useRef(false);
  useEffect(() => {
    if (!focusHeading.current) return;
    const heading = top.current?.querySelector<HTMLElement>('h2');
    if (!heading) return;
    focusHeading.current = false;
    heading.focus();
  });
  const onStepComplete = useCallback((stepId: string) => {
    if (lessonId) store.getState().completeStep(lessonId, stepId);
  }, [store, lessonId]);
  if (lessons.length === 0) return <Placeholder slot="lesson" text={t('slots.lessonEmpty')} />;
  // A large scenario's first analysis is still in the worker: checks wait for it (an empty
  // cluster would pass "no errors" and "no such policy" steps, and completion is sticky).
  if (initial) return <Recomputing active kind="analysing" testId="lesson-analysing" />;
  if (!lesson || listing) {
    return (
      <div ref={top}>
        <LessonList lessons={lessons} progress={progress} activeId={lessonId} lang={lang}
          onOpen={(id) => { focusHeading.current = true; actions.openLesson(id); setListing(false); }} />
      </div>
    );
  }
  return (
    <div ref={top}>
      <LessonPanel
        lesson={lesson}
        lang={lang}
        // Checks look at what the student has now, syntax errors included (not the last good graph),
        // once typing pauses (`checked`: the analysis runs on every keystroke, in a worker).
        analysis={checked ?? current}
        // The files that analysis was made of, not the store's: a keystroke then re-renders and
        // re-checks nothing until the checks' analysis changes (issue 11: ~10-20 ms a key at 50 pods).
        files={(checked ?? current).sources}
        currentFiles={() => store.getState().files}
        transcript={transcript}
        completed={progress[lesson.id] ?? []}
        onStepComplete={onStepComplete}
        onReset={() => store.getState().openDialog({ kind: 'reset' })}
        onCopyStepLink={() => {
          const url = shareUrl(store.getState());
          navigator.clipboard.writeText(url).then(() => toast(tl('stepLinkCopied')), () => toast(tl('stepLinkFailed', { url })));
        }}
        onBack={() => { focusHeading.current = true; setListing(true); }}
        onApplySolution={(next) => store.getState().syncFiles(next)}
        onRunCommand={(command) => { store.getState().setTerminalOpen(true); run(command); }}
        onApplySnippet={(file, text) => {
          const s = store.getState();
          s.setFileByName(file, text);
          const tab = store.getState().files.find((f) => f.name === file);
          if (tab) store.getState().setActive(tab.id);
        }}
        // One step for the panel and presentation mode's counter (the store's `step`).
        step={step}
        onStepChange={(i) => store.getState().setStep(i)}
      />
    </div>
  );
}
