import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // monaco >= 0.56 has an exports map; monaco-yaml still imports esm/vs/... paths (toolchain.md).
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/, replacement: 'monaco-editor/$1' }],
  },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  // KSLAB_DIST: build (and preview) elsewhere than dist/, so a build never swaps files under a running test.
  build: { target: 'es2022', chunkSizeWarningLimit: 8000, outDir: process.env.KSLAB_DIST ?? 'dist', emptyOutDir: true },
  worker: { format: 'es' },
});
