import type { OutputChunk } from './types.js';

/**
 * The one output sanitiser. Each tool escapes what the real tool escapes, no more (so the lab
 * stays faithful), and the lab's terminal boundary then makes every control character that is
 * still raw visible (so a shared scenario can never forge terminal lines):
 *
 * | path                              | real tool                                   | here                       |
 * |-----------------------------------|---------------------------------------------|----------------------------|
 * | kubectl describe                  | printers.WriteEscaped: ESC → `^[`, CR → `\r` | {@link escapeTerminal}      |
 * | kubectl get (table cells)         | printTable: cut at \f \n \r + `...`, WriteEscaped | {@link tableCell}      |
 * | custom-columns, `kubectl events`  | printers.EscapeTerminal                      | {@link escapeTerminal}      |
 * | -o yaml / -o json                 | yaml.v2 / encoding/json quote control chars  | goyaml / goJsonIndent      |
 * | -o jsonpath, exec env, docker build, logs, cat | raw                             | raw, then {@link visible}  |
 * | ps                                | procps escape_str (esc_ctl): `?`             | {@link procpsEscape}        |
 *
 * Sources: kubernetes/cli-runtime v0.30 pkg/printers/terminal.go (`terminalEscaper =
 * strings.NewReplacer("\x1b", "^[", "\r", "\\r")`, issue kubernetes#101695, CVE-2021-25743),
 * tableprinter.go printTable; kubernetes/kubectl v0.30 pkg/describe/describe.go (prefixWriter
 * Write/WriteLine call WriteEscaped), pkg/cmd/get/customcolumn.go, pkg/cmd/events/event_printer.go;
 * procps-ng library/escape.c (esc_ctl).
 */

/** kubectl's terminalEscaper: ESC → `^[`, CR → `\r` (two characters); nothing else changes. */
export function escapeTerminal(s: string): string {
  return /[\x1b\r]/.test(s) ? s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r') : s;
}

/**
 * A string cell of kubectl's table printer (cli-runtime printTable): cut at the first `\f`, `\n`
 * or `\r` with `...` appended (tabwriter would break the row there), then escaped.
 */
export function tableCell(s: string): string {
  const i = s.search(/[\f\n\r]/);
  return escapeTerminal(i < 0 ? s : `${s.slice(0, i)}...`);
}

/**
 * procps-ng escape_str in a UTF-8 locale (library/escape.c esc_ctl): every byte below 0x20, DEL
 * and the C1 controls U+0080–U+009F become `?`. A C1 character is two UTF-8 bytes and esc_ctl
 * replaces its lead byte, then finds a lone continuation byte (invalid UTF-8): `??`.
 */
export function procpsEscape(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]|[\u0080-\u009f]/g, (c) => (c.charCodeAt(0) >= 0x80 ? '??' : '?'));
}

/** `cat -v`'s notation: `^[` for ESC, `^?` for DEL, `M-^[` for the C1 CSI. */
function caret(code: number): string {
  if (code >= 0x80) return `M-${caret(code - 0x80)}`;
  if (code === 0x7f) return '^?';
  return `^${String.fromCharCode(code + 0x40)}`;
}

/** Control characters the boundary rewrites: C0 except tab and newline, DEL, C1. CR is decided apart. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/;

/**
 * The lab's terminal boundary: text from data shown as it is written, never interpreted. Newline
 * and tab stay; CR stays only before LF (CRLF line ends, as HTTP servers send them); every other
 * control character is shown in `cat -v` notation (`^[[2J`, `^M`, `^G`, `M-^[`), so no escape
 * sequence (cursor moves, clear screen, OSC 8 links, title changes) reaches xterm.
 */
export function visible(s: string): string {
  if (!CONTROL.test(s) && !s.includes('\r')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const code = c.charCodeAt(0);
    if (c === '\r') out += s[i + 1] === '\n' ? c : '^M';
    else if (code === 0x09 || code === 0x0a || !(code < 0x20 || (code >= 0x7f && code <= 0x9f))) out += c;
    else out += caret(code);
  }
  return out;
}

/** The sequences a tool may style its own output with: SGR colours/attributes and erase-in-line. */
const OWN_SEQUENCE = /^\x1b\[(?:[0-9;]*m|[0-2]?K)/;

/**
 * Text a tool wrote with its own styling (ls and grep colours, a progress line's CR): the tool has
 * passed its data through {@link visible} first, so the only raw controls left are its own. SGR
 * and erase-in-line sequences and CR stay; anything else is made visible as in {@link visible}.
 */
export function visibleStyled(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\x1b') {
      const m = OWN_SEQUENCE.exec(s.slice(i, i + 32));
      if (m) {
        out += m[0];
        i += m[0].length;
        continue;
      }
    }
    out += c === '\r' ? c : visible(c);
    i += 1;
  }
  return out;
}

/** What the terminal shows for a command's output: styled chunks keep their own colours. */
export function screenText(chunks: readonly OutputChunk[]): string {
  return chunks.map((c) => (c.styled ? visibleStyled(c.text) : visible(c.text))).join('');
}

/**
 * Output texts whose screen form kept a tool's colours, so the terminal shows a replayed command
 * (the drawer reopened, a lesson's Run button) as it showed it live. Bounded: the oldest go first.
 * A replayed text not found here is shown through {@link visible}, which is always safe.
 */
const screens = new Map<string, string>();
const SCREENS_KEPT = 200;

export function rememberScreen(output: string, screen: string): void {
  if (screen === visible(output)) return;
  screens.delete(output);
  screens.set(output, screen);
  if (screens.size > SCREENS_KEPT) screens.delete(screens.keys().next().value as string);
}

/** The screen form of a recorded output: the remembered styled one, else {@link visible}. */
export function screenFor(output: string): string {
  return screens.get(output) ?? visible(output);
}
