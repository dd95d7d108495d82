import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The same type on every machine (projectors, fresh Linux without Korean fonts): Noto Sans KR for the
// UI and Hangul, JetBrains Mono for code; bundled, split by unicode-range (ui/common/fonts.ts).
import '@fontsource-variable/noto-sans-kr';
import '@fontsource-variable/jetbrains-mono';
import '../ui/layout/app.css';
import { App } from './App.js';
import { boot } from './boot.js';
import { preloadEditor } from '../ui/editor/MonacoHost.js';
import { installTestApi } from './testApi.js';

// The editor's chunk is the largest thing the first screen waits for: asked for first.
void preloadEditor().catch(() => { /* MonacoHost shows the failure: it waits on the same promise */ });
// …and the editor's font beside it (MonacoHost waits for both before creating the editor).
void document.fonts?.load('13px "JetBrains Mono Variable"', 'M').catch(() => []);
const booted = boot();
// Test-only: automation (Playwright) sets navigator.webdriver; students never get window.__lab.
if (navigator.webdriver) installTestApi(booted.lab);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App booted={booted} />
  </StrictMode>,
);
