import tseslint from 'typescript-eslint';

/** Layering (architecture.md): arrows are the only allowed imports. */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      ...forbid(
        [['react', 'react-*', 'react/**', 'monaco-editor', 'monaco-editor/**', 'monaco-yaml', 'cytoscape', 'cytoscape-*', 'zustand', 'zustand/**', '@xterm/*', 'i18next', 'node:*', 'fs', 'path', '**/shell/**', '**/course/**', '**/cli/**', '**/state/**', '**/ui/**', '**/app/**']],
        'src/engine is the pure core: it imports only yaml and small pure libraries (architecture.md).',
      ),
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/shell/**/*.ts'],
    rules: forbid([['react', 'react-*', 'monaco-editor', 'cytoscape', 'zustand', 'node:*', '**/course/**', '**/cli/**', '**/state/**', '**/ui/**', '**/app/**']], 'src/shell depends only on the engine.'),
  },
  {
    files: ['src/course/**/*.ts'],
    rules: forbid([['react', 'react-*', 'monaco-editor', 'cytoscape', 'zustand', 'node:*', '**/cli/**', '**/state/**', '**/ui/**', '**/app/**']], 'src/course depends only on engine and shell.'),
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: forbid([['react', 'react-*', 'monaco-editor', 'monaco-editor/**', 'cytoscape', 'cytoscape-*', 'zustand', 'zustand/**', 'node:*', '**/shell/**', '**/course/**', '**/cli/**', '**/state/**', '**/ui/**', '**/app/**']], 'src/worker runs the engine for the page: it imports only the engine.'),
  },
  {
    files: ['src/state/**/*.ts'],
    rules: forbid([['react-dom', 'monaco-editor', 'cytoscape', 'node:*', '**/cli/**', '**/ui/**', '**/app/**']], 'src/state depends on engine, shell and course.'),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: forbid([['node:*', '**/cli/**', '**/app/**', '**/engine/*/**', '!**/engine/model/**', '!**/engine/format/**']], 'src/ui renders state; it uses engine types and the formatter only.'),
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
