import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Hangul for machines without a Korean font (projectors, fresh Linux): Noto Sans KR, bundled and
// split by unicode-range, so only the subsets a page shows are loaded, from the lab itself.
import '@fontsource-variable/noto-sans-kr';
import '../ui/layout/app.css';
import { App } from './App.js';
import { boot } from './boot.js';
import { installTestApi } from './testApi.js';

const booted = boot();
// Test-only: automation (Playwright) sets navigator.webdriver; students never get window.__lab.
if (navigator.webdriver) installTestApi(booted.lab);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App booted={booted} />
  </StrictMode>,
);
