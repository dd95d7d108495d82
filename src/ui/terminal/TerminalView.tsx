import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { screenFor, visible, type Shell, type ShellResult } from '../../shell/index.js';
import * as ed from './line-editor.js';
import { whenMonoFontReady } from '../common/fonts.js';

export interface TerminalViewProps {
  readonly shell: Shell;
  /** Records a command typed here; it must append exactly one transcript entry. */
  onResult(result: ShellResult, command: string, prompt: string): void;
  /**
   * Every command run in this lab, here or elsewhere (a lesson's "Run" button), oldest first.
   * The terminal prints the ones it did not run itself, and replays them all when it is mounted
   * again (the drawer was closed), so the screen and the transcript never disagree.
   */
  readonly transcript?: readonly { readonly input: string; readonly output: string; readonly prompt?: string }[];
}

/** Output as xterm wants it: CRLF line ends, and a final newline before the next prompt. */
function crlf(output: string): string {
  if (output === '') return '';
  const text = output.replace(/\r?\n/g, '\r\n');
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/**
 * A command as the screen showed it: its prompt, and PS2 before each continuation line. Both are
 * shown through the boundary (a lesson's Run button or a replay writes them, not the keyboard).
 */
function echoed(prompt: string, input: string): string {
  return `${visible(prompt)}${input.split(/\r?\n/).map(visible).join('\r\n> ')}`;
}

/*
 * The terminal boundary (escape.ts): nothing reaches xterm raw but the terminal's own line editing
 * and the tools' own colours. Command output is written as the shell's `screen` (control characters
 * from data shown as `^[`, `^M`…); a replayed entry through `screenFor`; prompts, echoed input and
 * completion candidates through `visible`.
 */

/** The entries worth replaying: those after the last `clear`. */
function sinceClear(entries: readonly { readonly input: string }[]): number {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?.input.trim() === 'clear') return i + 1;
  return 0;
}

/** Reads the theme from CSS variables so the terminal follows the app's light/dark theme. */
function theme(el: HTMLElement) {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--terminal-bg', '#1e1e1e'),
    foreground: v('--terminal-fg', '#e6e6e6'),
    cursor: v('--terminal-cursor', '#e6e6e6'),
    selectionBackground: v('--terminal-selection', '#264f78'),
  };
}

/**
 * The lab's terminal: an xterm.js widget created once (architecture practice 7) around the
 * simulated shell. Line editing, ↑/↓ history, Tab completion, Ctrl+C, Ctrl+L; output is text only.
 */
export function TerminalView({ shell, onResult, transcript = [] }: TerminalViewProps) {
  const { t } = useTranslation('terminal');
  const host = useRef<HTMLDivElement>(null);
  const shellRef = useRef(shell);
  const onResultRef = useRef(onResult);
  const transcriptRef = useRef(transcript);
  /** How many transcript entries are on screen (typed here, printed or replayed). */
  const shown = useRef(0);
  /** Prints the transcript entries not on screen yet; set while the terminal exists. */
  const catchUp = useRef<(() => void) | null>(null);
  shellRef.current = shell;
  onResultRef.current = onResult;
  transcriptRef.current = transcript;
  const editingNote = t('editing', { file: '%FILE%' });

  // xterm's own words for screen readers (its input's name, the too-much-output notice), in the
  // lab's language: set before the terminal opens, and again when the language changes.
  useEffect(() => {
    Terminal.strings.promptLabel = t('promptLabel');
    Terminal.strings.tooMuchOutput = t('tooMuchOutput');
  }, [t]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    // xterm measures glyphs on a canvas, where CSS variables mean nothing: pass the font itself.
    const mono = getComputedStyle(el).getPropertyValue('--font-mono').trim() || 'monospace';
    const term = new Terminal({
      screenReaderMode: true, cursorBlink: !matchMedia('(prefers-reduced-motion: reduce)').matches, convertEol: false, fontFamily: mono, fontSize: 13, lineHeight: 1.2, theme: theme(el),
      // No links in the lab's terminal: OSC 8 hyperlinks are swallowed below, and were one to get
      // through, activating it does nothing (xterm's default would offer to open it).
      linkHandler: { activate: () => {}, allowNonHttpProtocols: false },
    });
    // OSC 8 (hyperlinks): handled, i.e. dropped, so no text in the terminal is ever a link.
    const noLinks = term.parser.registerOscHandler(8, () => true);
    // Shift+Tab is the keyboard's way out of the terminal (Tab completes): xterm leaves it to the browser.
    term.attachCustomKeyEventHandler((e) => !(e.key === 'Tab' && e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey));
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    try {
      fit.fit();
    } catch {
      // Not laid out yet (hidden panel): the resize observer fits later.
    }
    // xterm measured its cell with whatever font was there first: once the bundled one is in, again.
    const cancelFont = whenMonoFontReady(() => {
      term.options.fontFamily = mono;
      try { fit.fit(); } catch { /* detached */ }
    });
    let st = ed.fresh(shellRef.current.runtime.history.length);
    let lastTab = '';
    /** The prompt in front of the line being typed (PS1 of the current shell, or PS2). */
    const prompt = () => visible(shellRef.current.prompt);
    /** PS1 shown when the command now being typed began (a multi-line command keeps its first prompt). */
    let firstPrompt = prompt();
    const history = transcriptRef.current;
    for (const entry of history.slice(sinceClear(history))) term.write(`${echoed(entry.prompt ?? firstPrompt, entry.input)}\r\n${crlf(screenFor(entry.output))}`);
    shown.current = history.length;
    term.write(prompt());

    catchUp.current = () => {
      const all = transcriptRef.current;
      // Reset or another lesson emptied the transcript: start a clean screen.
      if (all.length < shown.current) {
        term.reset();
        shown.current = all.length;
        firstPrompt = prompt();
        term.write(`${prompt()}${st.text}`);
        return;
      }
      if (all.length === shown.current) return;
      // Erase the line being typed, print what ran elsewhere as if typed, then restore the line.
      term.write('\x1b[2K\r');
      for (const entry of all.slice(shown.current)) term.write(`${echoed(entry.prompt ?? prompt(), entry.input)}\r\n${crlf(screenFor(entry.output))}`);
      shown.current = all.length;
      term.write(`${prompt()}${st.text}`);
      const back = st.text.length - st.cursor;
      if (back > 0) term.write(`\x1b[${back}D`);
    };

    const set = (next: ed.LineState) => {
      term.write(ed.redraw(st, next));
      st = next;
    };
    const newPrompt = () => {
      st = ed.fresh(shellRef.current.runtime.history.length);
      term.write(prompt());
    };
    const finish = (result: ShellResult, command: string) => {
      if (result.clear) term.clear();
      // The editor has a YAML syntax error: the answer is the graph's last good version; say so first.
      if (result.stale?.length) {
        const files = result.stale.map((b) => t('staleAt', { file: b.file, line: b.line })).join(', ');
        term.write(`\x1b[2m${visible(t('stale', { files }))}\x1b[0m\r\n`);
      }
      term.write(crlf(result.screen ?? visible(result.output)));
      // `vi FILE`: the editor takes over; say so where the student is looking.
      if (result.edit) term.write(`\x1b[2m${editingNote.replace('%FILE%', visible(result.edit))}\x1b[0m\r\n`);
      // This command's transcript entry is on screen already.
      shown.current += 1;
      onResultRef.current(result, command, firstPrompt);
      firstPrompt = prompt();
      newPrompt();
    };
    const submit = () => {
      const line = st.text;
      term.write('\r\n');
      const result = shellRef.current.run(line);
      // An open quote, a here-document, a trailing `|`: the shell reads on (PS2).
      if (result.continuation) return newPrompt();
      finish(result, result.command ?? line);
    };
    const complete = () => {
      const before = st.text.slice(0, st.cursor);
      const { candidates, from } = shellRef.current.complete(before);
      if (candidates.length === 0) return;
      const word = before.slice(from);
      const prefix = candidates.length === 1 ? `${candidates[0]} ` : ed.commonPrefix(candidates);
      if (prefix.length > word.length) {
        set(ed.insert(st, prefix.slice(word.length)));
        lastTab = '';
        return;
      }
      // Second Tab with nothing to add: list the candidates under the line, like bash.
      if (lastTab === before) {
        term.write(`\r\n${ed.columns(candidates.map(visible), term.cols)}\r\n${prompt()}${st.text}`);
        const back = st.text.length - st.cursor;
        if (back > 0) term.write(`\x1b[${back}D`);
      }
      lastTab = before;
    };

    const sub = term.onData((data) => {
      const history = shellRef.current.runtime.history;
      switch (data) {
        case '\r': return submit();
        case '\x7f': case '\b': return set(ed.backspace(st));
        case '\t': return complete();
        case '\x03': // Ctrl+C
          term.write('^C\r\n');
          shellRef.current.interrupt();
          firstPrompt = prompt();
          return newPrompt();
        case '\x04': { // Ctrl+D on an empty line: end of input (leaves a shell inside a container)
          if (st.text !== '') return;
          const result = shellRef.current.eof();
          if (!result) return;
          term.write('\r\n');
          return finish(result, '');
        }
        case '\x0c': { // Ctrl+L
          term.clear();
          term.write(`\x1b[2K\r${prompt()}${st.text}`);
          return;
        }
        case '\x1b[A': return set(ed.historyStep(st, history, -1));
        case '\x1b[B': return set(ed.historyStep(st, history, 1));
        case '\x1b[C': return set(ed.move(st, st.cursor + 1));
        case '\x1b[D': return set(ed.move(st, st.cursor - 1));
        case '\x1b[H': case '\x01': return set(ed.move(st, 0));
        case '\x1b[F': case '\x05': return set(ed.move(st, st.text.length));
        case '\x1b[3~': return set(ed.del(st));
        case '\x15': return set({ ...st, text: st.text.slice(st.cursor), cursor: 0 }); // Ctrl+U
        default:
          if (data.startsWith('\x1b')) return;
          // Pasted text may hold several lines: run each.
          if (data.includes('\r') || data.includes('\n')) {
            const parts = data.split(/\r\n|\r|\n/);
            parts.forEach((part, i) => {
              set(ed.insert(st, part));
              if (i < parts.length - 1) submit();
            });
            return;
          }
          set(ed.insert(st, data));
      }
    });
    const ro = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        // ignore: element detached
      }
    });
    ro.observe(el);
    return () => {
      catchUp.current = null;
      cancelFont();
      noLinks.dispose();
      ro.disconnect();
      sub.dispose();
      term.dispose();
    };
  }, [editingNote]);

  useEffect(() => { catchUp.current?.(); }, [transcript]);

  return <div ref={host} className="terminal-view" role="region" aria-label={t('label')} title={t('hint')} style={{ width: '100%', height: '100%' }} />;
}
