import { encodeShare, type LabState, type Situation } from '../../state/index.js';

/**
 * The link to what this lab shows now: the files and the active tab, and the situation (issue 10) —
 * the lesson and its step, the view, the selected pod or connection, the language — so a class
 * opens on the same step with the same selection.
 */
export function shareUrl(s: LabState): string {
  const selection = s.selection && (s.selection.kind === 'pod' || s.selection.kind === 'external' || s.selection.kind === 'edge') ? s.selection : undefined;
  const situation: Situation = {
    ...(s.lessonId ? { lesson: s.lessonId, step: s.step } : {}),
    view: s.mainView,
    ...(selection ? { selection } : {}),
    lang: s.lang,
  };
  const hash = encodeShare({ files: s.files, active: s.files.find((f) => f.id === s.activeId)?.name ?? null, situation });
  return `${location.origin}${location.pathname}${location.search}${hash}`;
}
