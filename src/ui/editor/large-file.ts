import type { editor as MonacoEditor } from 'monaco-editor/editor';
import type { Monaco } from './monaco.js';

/**
 * Big pastes (issue 12): on a model of hundreds of KB Monaco's own helpers run on the page in tasks
 * of 0.2–1.4 s (profiled on e2e/hostile-paste.spec.ts' 2,000 pods, 363 KB, and 400 policies, 188 KB):
 * the folding ranges monaco-yaml's worker sends back, applied as thousands of decorations; the
 * bracket-pair tree built to colour brackets; the document symbols sticky scroll asks for; the YAML
 * worker's answers (symbols, folding, schema diagnostics) deserialised on the page; word
 * highlights. Over these sizes a model is "large": those helpers are off for it, and the editor
 * says so. The text, the engine's markers, syntax colours, undo and find are unchanged.
 *
 * 100,000 characters or 3,000 lines: the 400 policies (188 KB, 842 long lines) must be caught; the
 * lab's lessons are a few KB a file and `npm run bench:ui`'s 500-pod files about 34 KB each.
 * A model goes back to normal under three quarters of either, so an edit at the edge does not
 * switch the editor back and forth.
 */
export const LARGE_CHARS = 100_000;
export const LARGE_LINES = 3_000;

/** Large now? `wasLarge` adds the hysteresis. */
export function isLarge(chars: number, lines: number, wasLarge: boolean): boolean {
  const f = wasLarge ? 0.75 : 1;
  return chars > LARGE_CHARS * f || lines > LARGE_LINES * f;
}

/** Lines in `text` as Monaco counts them (one more than its line feeds). */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A large model's language: the YAML colours and brackets without monaco-yaml, which registers
 * its providers (schema validation, completion, hover, symbols, folding, links) for `yaml` only.
 */
export const LARGE_YAML = 'kslab-yaml-large';

interface YamlDefinition {
  readonly conf: Parameters<Monaco['languages']['setLanguageConfiguration']>[1];
  readonly language: Parameters<Monaco['languages']['setMonarchTokensProvider']>[1];
}

let registered = false;

/** Registers LARGE_YAML once, with Monaco's own YAML grammar and language configuration. */
export function registerLargeYaml(monaco: Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: LARGE_YAML });
  // The module `monaco-editor/languages/definitions/yaml/register` loads for `yaml` (no types).
  // @ts-expect-error a plain ES module without a declaration file
  const definition = import('monaco-editor/languages/definitions/yaml/yaml') as Promise<YamlDefinition>;
  monaco.languages.setMonarchTokensProvider(LARGE_YAML, definition.then((d) => d.language));
  void definition.then((d) => monaco.languages.setLanguageConfiguration(LARGE_YAML, d.conf));
}

type Options = MonacoEditor.IEditorOptions & MonacoEditor.IGlobalEditorOptions;

/**
 * The editor's helpers that cost on a big model, as they are for a normal one (the lab's choices and
 * Monaco's defaults) and as they are for a large one. Both name the same keys, so switching between
 * them restores every one.
 */
export const NORMAL_FILE_OPTIONS: Options = {
  folding: true,
  bracketPairColorization: { enabled: true },
  matchBrackets: 'always',
  guides: { highlightActiveBracketPair: true, indentation: true },
  // The enclosing keys come from the folding ranges monaco-yaml already sends, not from its
  // document symbols: Monaco's outline model built from those took 20-70 ms of the page's time
  // after each edit of a 1,300-line file (its ids are found by a search among same-named siblings:
  // every document has a metadata, a labels, a spec), issue 11. YAML folds where it nests, so the
  // lines shown are the same keys.
  stickyScroll: { enabled: true, defaultModel: 'foldingProviderModel' },
  occurrencesHighlight: 'singleFile',
  selectionHighlight: true,
  wordBasedSuggestions: 'matchingDocuments',
  quickSuggestions: { other: true, comments: false, strings: true },
  links: true,
  colorDecorators: true,
  renderWhitespace: 'boundary',
  wordWrap: 'on',
};

export const LARGE_FILE_OPTIONS: Options = {
  folding: false,
  bracketPairColorization: { enabled: false },
  matchBrackets: 'never',
  guides: { highlightActiveBracketPair: false, indentation: false },
  stickyScroll: { enabled: false },
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  wordBasedSuggestions: 'off',
  quickSuggestions: false,
  links: false,
  colorDecorators: false,
  renderWhitespace: 'none',
  // Wrapping a pasted 70,000-pod file computed the breaks of its 840,000 lines inside the paste:
  // ~1.3 s of a 3 s task (issue 12). A manifest's lines are short; a large tab scrolls sideways.
  wordWrap: 'off',
};
