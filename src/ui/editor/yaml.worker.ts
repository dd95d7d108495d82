/**
 * The YAML language worker's entry. Importing monaco-yaml's worker through this local file (not
 * `monaco-yaml/yaml.worker?worker`) lets Vite's dev server hand it the pre-bundled copy from
 * optimizeDeps: the raw file imports `path-browserify`, which is CommonJS, and a module worker
 * fails on it with "module is not defined" (then monaco falls back to the main thread and the
 * editor shows no schema markers). The production build bundles either way.
 */
import './yaml-telemetry.js';
import 'monaco-yaml/yaml.worker.js';
