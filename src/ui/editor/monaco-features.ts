/**
 * The editor features the lab uses (issue 11's first screen), instead of
 * `monaco-editor/features/register.all`: every feature there is evaluated at load and most add a
 * contribution built with each editor. Left out: the diff editor, inline completions, code lens,
 * inlay hints, colour picker, parameter hints, rename, references and go to definition, linked
 * editing, semantic tokens, section headers, the GPU renderer, font zoom, transpose, in-place
 * replace, the token inspector, high contrast toggle and the iPad keyboard — no YAML provider here
 * offers them (monaco-yaml's code lens is off) or the lab has its own (font size, Present).
 * Kept: what a student editing YAML reaches for (find, completion, hover, quick fix, folding, format,
 * comment, line operations, multi-cursor, Ctrl+M, F8, Ctrl+G, F1) and what shows hidden or odd
 * characters in pasted text (unicode highlighter, unusual line terminators).
 */
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/dnd/register';
import 'monaco-editor/features/documentSymbols/register';
import 'monaco-editor/features/dropOrPasteInto/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/links/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/quickCommand/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/stickyScroll/register';
// The suggest widget's controller: register.all reaches it only through inline completions.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/unicodeHighlighter/register';
import 'monaco-editor/features/unusualLineTerminators/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/wordPartOperations/register';
