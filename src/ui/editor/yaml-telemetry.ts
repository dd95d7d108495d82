/**
 * yaml-language-server catches its own completion failures (e.g. on a half-typed flow mapping such
 * as `{capabilities: {add: [SYS_TIME]`) and reports them as telemetry, which monaco-yaml's worker
 * prints with console.error. Nothing failed for the student — completion just offers nothing for a
 * moment — so the lab prints those as warnings; any other error stays an error.
 * Imported before monaco-yaml's worker so the worker's console is the patched one.
 */
const error = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (args[0] === 'monaco-yaml') console.warn(...args);
  else error(...args);
};
