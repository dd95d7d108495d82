import { expect, type Locator, type Page } from '@playwright/test';
import type { AnalysisSummary } from '../../src/app/testApi.js';

/** The lab as a student sees it; journeys talk to this, not to selectors. */
export class LabPage {
  constructor(readonly page: Page) {}

  async open(path = '/') {
    await this.page.goto(path);
    await this.page.waitForFunction(() => window.__lab !== undefined);
  }

  /** A fresh start: no saved work from an earlier test. */
  async openFresh() {
    await this.page.goto('/');
    await this.page.evaluate(() => localStorage.clear());
    await this.open('/');
  }

  async waitForEditor() {
    await expect(this.page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  }

  /** Replaces every tab with `files` (each journey starts from its own scenario). */
  loadScenario(files: { name: string; text: string }[]) {
    return this.page.evaluate((f) => window.__lab?.loadScenario(f), files);
  }

  select(selection: { kind: 'pod' | 'external'; id: string } | { kind: 'edge'; from: string; to: string } | null) {
    return this.page.evaluate((s) => window.__lab?.select(s), selection);
  }

  /** Clicks where the graph draws a pod (the graph is a canvas: the test API says where). */
  async clickInGraph(selection: { kind: 'pod' | 'external'; id: string } | { kind: 'edge'; from: string; to: string }) {
    await expect(this.page.getByTestId('graph-canvas')).toBeVisible();
    let point: { x: number; y: number } | null = null;
    await expect.poll(async () => {
      point = await this.page.evaluate((s) => window.__lab?.graphPoint(s) ?? null, selection);
      return point;
    }).not.toBeNull();
    const { x, y } = point as unknown as { x: number; y: number };
    await this.page.mouse.click(x, y);
  }

  /** The pod inspector in the side panel (PodInspector). */
  inspector(): Locator {
    return this.page.getByTestId('pod-inspector');
  }

  setFile(name: string, text: string) {
    return this.page.evaluate(([n, t]) => window.__lab?.setFile(n, t), [name, text] as const);
  }

  files() {
    return this.page.evaluate(() => window.__lab?.getFiles() ?? []);
  }

  analysis(): Promise<AnalysisSummary> {
    return this.page.evaluate(() => {
      const api = window.__lab;
      if (!api) throw new Error('no test API');
      return api.analysis();
    });
  }

  editorSelection() {
    return this.page.evaluate(() => window.__lab?.editorSelection() ?? null);
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  problems(): Locator {
    return this.page.getByTestId('problems');
  }

  async chooseCni(cni: string) {
    await this.page.getByTestId('cni-picker').selectOption(cni);
  }

  notEnforcedBanner(): Locator {
    return this.page.getByTestId('banner-not-enforced');
  }

  async showMatrix() {
    await this.page.getByTestId('view-matrix').click();
  }

  /** The matrix cell for from → to (ConnectivityMatrix: data-testid `cell-<from>-><to>`, data-status). */
  matrixCell(from: string, to: string): Locator {
    return this.page.getByTestId(`cell-${from}->${to}`);
  }

  sidePanel(): Locator {
    return this.page.locator('#side-panel');
  }

  async typeInEditor(text: string) {
    // Monaco 0.57 may take input through EditContext rather than a textarea: click the text.
    await this.page.locator('.monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('ControlOrMeta+Home');
    await this.page.keyboard.type(text);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `/tmp/${name}.png` });
  }
}
