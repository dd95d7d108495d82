/**
 * The prompt line's state, apart from xterm so it can be tested: text, cursor, history browsing.
 * Every key handler returns the new state and what to write to the terminal to show it.
 */
export interface LineState {
  readonly text: string;
  readonly cursor: number;
  /** Index into history while browsing with ↑/↓; history.length when editing a new line. */
  readonly histIndex: number;
  /** The line being typed before browsing started. */
  readonly draft: string;
}

export const EMPTY: LineState = { text: '', cursor: 0, histIndex: 0, draft: '' };

export function fresh(historyLength: number): LineState {
  return { ...EMPTY, histIndex: historyLength };
}

/**
 * ANSI that turns the shown line `prev` into `next`, writing only what changed: from the first
 * character that differs, the new tail, an erase when the line got shorter, then the cursor put
 * back. A screen reader (xterm's screenReaderMode) hears what is written, so typing "k" at the end
 * of "kube" says "k", not the whole line again; a cursor move writes no text at all.
 */
export function redraw(prev: LineState, next: LineState): string {
  if (prev.text === next.text) return moveCursor(prev.cursor, next.cursor);
  let same = 0;
  const max = Math.min(prev.text.length, next.text.length);
  while (same < max && prev.text[same] === next.text[same]) same++;
  let s = moveCursor(prev.cursor, same) + next.text.slice(same);
  if (next.text.length < prev.text.length) s += '\x1b[K';
  return s + moveCursor(next.text.length, next.cursor);
}

function moveCursor(from: number, to: number): string {
  return to < from ? `\x1b[${from - to}D` : to > from ? `\x1b[${to - from}C` : '';
}

/**
 * What the line may hold: no control characters, so `redraw` writes nothing xterm would interpret.
 * A recalled multi-line command (a here-document) keeps its newlines, as it did when typed.
 */
function clean(chars: string, newlines = false): string {
  return chars.replace(newlines ? /[\x00-\x09\x0b-\x1f\x7f\u0080-\u009f]/g : /[\x00-\x1f\x7f\u0080-\u009f]/g, '');
}

export function insert(st: LineState, chars: string): LineState {
  const text = clean(chars);
  return { ...st, text: st.text.slice(0, st.cursor) + text + st.text.slice(st.cursor), cursor: st.cursor + text.length };
}

export function backspace(st: LineState): LineState {
  if (st.cursor === 0) return st;
  return { ...st, text: st.text.slice(0, st.cursor - 1) + st.text.slice(st.cursor), cursor: st.cursor - 1 };
}

export function del(st: LineState): LineState {
  return { ...st, text: st.text.slice(0, st.cursor) + st.text.slice(st.cursor + 1) };
}

export function move(st: LineState, to: number): LineState {
  return { ...st, cursor: Math.max(0, Math.min(st.text.length, to)) };
}

export function historyStep(st: LineState, history: readonly string[], dir: -1 | 1): LineState {
  const i = st.histIndex + dir;
  if (i < 0 || i > history.length) return st;
  const draft = st.histIndex === history.length ? st.text : st.draft;
  // A recalled line is cleaned as a typed one: history may come from saved state.
  const text = clean(i === history.length ? draft : (history[i] ?? ''), true);
  return { text, cursor: text.length, histIndex: i, draft };
}

/** Longest common prefix of completion candidates (bash inserts it before listing them). */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0] as string;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** bash's candidate listing: columns across the terminal width. */
export function columns(words: readonly string[], width: number): string {
  const w = Math.max(...words.map((x) => x.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / w));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += perRow) rows.push(words.slice(i, i + perRow).map((x) => x.padEnd(w)).join('').trimEnd());
  return rows.join('\r\n');
}
