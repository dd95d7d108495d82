import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built lab's Content-Security-Policy (issue 12): scripts and workers from the lab's own
 * origin (and blob:), no inline script, no eval, nothing remote; inline styles because Monaco and
 * Cytoscape set style attributes; fonts and images may be data: URLs (inlined assets, the icon).
 * Directives a <meta> policy ignores (frame-ancestors, report-uri, sandbox) are left out.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy as a <meta> tag, first in <head>, in the build only: it then holds for `vite
 * preview` and any static host. The dev server (`npm start`) injects inline scripts for React
 * refresh, which this policy forbids, so it runs without one.
 */
function cspMeta(): Plugin {
  return {
    name: 'kslab-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/**
 * app/early.ts as a script of its own, `async`, in <head>: it starts the analysis worker while the
 * main bundle (1.65 MB since the shell became a chunk of its own) is still fetched and parsed (state/worker-start.ts). A module script in
 * index.html would be bundled into the main entry and wait for it; so it is a second Rollup input,
 * and its tag is added here (the source file in the dev server, its chunk in the build).
 */
const EARLY = fileURLToPath(new URL('./src/app/early.ts', import.meta.url));

function earlyScript(): Plugin {
  let base = '/';
  return {
    name: 'kslab-early-script',
    configResolved: (config) => { base = config.base; },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const tag = (src: string) => [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src }, injectTo: 'head' as const }];
        if (!ctx.bundle) return tag(`${base}src/app/early.ts`);
        const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === EARLY);
        return chunk ? tag(`${base}${chunk.fileName}`) : [];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), cspMeta(), earlyScript()],
  resolve: {
    // monaco >= 0.56 has an exports map; monaco-yaml still imports esm/vs/... paths (toolchain.md).
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/, replacement: 'monaco-editor/$1' }],
  },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  // KSLAB_DIST: build (and preview) elsewhere than dist/, so a build never swaps files under a running test.
  build: {
    target: 'es2022', chunkSizeWarningLimit: 8000, outDir: process.env.KSLAB_DIST ?? 'dist', emptyOutDir: true,
    rollupOptions: { input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), early: EARLY } },
  },
  worker: { format: 'es' },
});
