import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';
import { sample } from './scenario.js';

test('a typo in a field shows a marker and a problem that jumps to its line', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.waitForEditor();

  // "+" opens a tab and puts the caret in the editor; F2 on the tab renames it.
  await page.getByRole('button', { name: 'New file' }).click();
  await expect(page.locator('.monaco-editor.focused')).toBeVisible();
  await lab.tab('untitled.yaml').focus();
  await page.keyboard.press('F2');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('typo.yaml');
  await page.keyboard.press('Enter');
  await expect(lab.tab('typo.yaml')).toHaveAttribute('aria-selected', 'true');
  // One-line flow YAML: block YAML typed into Monaco is re-indented (toolchain.md).
  await lab.typeInEditor('{apiVersion: v1, kind: Pod, metadata: {name: typo}, spec: {hostNetwrk: true, containers: [{name: c, image: nginx}]}}');

  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  // Both checkers saw it: the engine (`kslab`) and monaco-yaml's schema worker (`yaml`).
  await expect.poll(async () => (await page.evaluate(() => window.__lab?.editorMarkers() ?? [])).map((m) => m.owner), { timeout: 20_000 })
    .toEqual(expect.arrayContaining(['kslab', 'yaml']));
  const problem = lab.problems().getByRole('button', { name: /hostNetwrk/ }).first();
  await expect(problem).toBeVisible();
  await lab.screenshot('journey-typo');
  await problem.click();
  await expect.poll(() => lab.editorSelection().then((s) => s?.text ?? '')).toContain('hostNetwrk');
});

test('tabs: rename, reorder and close with the keyboard; closing is undoable', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.waitForEditor();

  await lab.tab('pods.yaml').focus();
  await page.keyboard.press('F2');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('workloads.yaml');
  await page.keyboard.press('Enter');
  await expect(lab.tab('workloads.yaml')).toBeVisible();

  await lab.tab('workloads.yaml').focus();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  expect((await lab.files()).map((f) => f.name).slice(0, 2)).toEqual(['netpol.yaml', 'workloads.yaml']);

  await lab.tab('workloads.yaml').focus();
  await page.keyboard.press('Delete');
  await expect(lab.tab('workloads.yaml')).toHaveCount(0);
  expect((await lab.analysis()).pods.length).toBe(0);
  await page.getByRole('button', { name: /Reopen workloads\.yaml/ }).click();
  await expect(lab.tab('workloads.yaml')).toBeVisible();
  expect((await lab.files()).map((f) => f.name)).toContain('workloads.yaml');
});

test('a syntax error keeps the last good graph and says so', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.waitForEditor();
  await lab.setFile('pods.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [broken\n');
  await expect(page.getByTestId('banner-stale')).toBeVisible();
  await expect(page.getByTestId('banner-stale')).toContainText('pods.yaml');
  await expect(page.locator('.summary')).toContainText('4 pods');
});

// monaco-yaml's worker reports yaml-language-server's own caught completion failures with
// console.error; typing a half-finished flow mapping used to trigger one (src/ui/editor/yaml-telemetry.ts).
// The fixture fails the test on any console error.
test('typing a flow mapping into a block document logs no console error', async ({ lab, page }) => {
  const lesson = new LessonPage(lab);
  await lesson.start('security-contexts');
  await lesson.openFile('ubuntu-sleeper.yaml');
  await lesson.cursorAtEnd('ubuntu-sleeper.yaml', 'command: ["sleep", "4800"]');
  await page.keyboard.press('Home');
  await page.keyboard.type('securityContext: {capabilities: {add: [SYS_TIME, NET_ADMIN]');
  await page.waitForTimeout(1500);
  await expect.poll(() => lesson.fileText('ubuntu-sleeper.yaml')).toContain('securityContext: {capabilities: {add: [SYS_TIME, NET_ADMIN]');
});

test('the typing rehearsal after the first screen leaves one editor, the files as they were and the undo history empty', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  const before = await lab.files();
  // MonacoHost walks Monaco's typing path on a throwaway editor once the first frame is painted (rehearse-typing.ts).
  await page.waitForFunction(() => performance.getEntriesByName('kslab:typing-rehearsed').length === 1);
  await expect(page.locator('.monaco-editor')).toHaveCount(1);
  await expect(page.locator('body > div[style*="-10000px"]')).toHaveCount(0);
  expect(await lab.files()).toEqual(before);
  // Nothing to undo: the student's model never took the rehearsal's keys.
  await page.locator('.monaco-editor textarea').focus();
  await page.keyboard.press('ControlOrMeta+z');
  expect(await lab.files()).toEqual(before);
});

test('the shell and the terminal load after the editor is up, and the terminal then opens on them', async ({ lab, page }) => {
  // issue 11: they are chunks of their own (ui/layout/shell.ts), asked for once the first screen is up.
  await page.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
  await lab.openFresh();
  await lab.waitForEditor();
  const loaded = () => page.evaluate(() => {
    const created = performance.getEntriesByName('kslab:editor-created')[0]?.startTime ?? null;
    const chunks = performance.getEntriesByType('resource').filter((e) => /\/(lab-shell|TerminalPane)[.-]/.test(e.name)).map((e) => e.startTime);
    return { created, chunks };
  });
  // Their scripts (and TerminalPane's stylesheet, in a build); in dev, modules of those names.
  await expect.poll(async () => (await loaded()).chunks.length).toBeGreaterThanOrEqual(2);
  const { created, chunks } = await loaded();
  expect(created).not.toBeNull();
  for (const start of chunks) expect(start).toBeGreaterThan(created!);
  await page.keyboard.press('Alt+t');
  await expect(page.getByTestId('terminal-starting')).toHaveCount(0);
  await expect(page.locator('.xterm')).toBeVisible();
});

test('the interface font subsets its texts draw are asked for after the first screen, not in the middle of an edit', async ({ lab, page }) => {
  // issue 11 (ui/common/fonts.ts preloadGlyphs): "→" is in Noto Sans KR's subset 110, which the first
  // screen does not draw; fetched when an edit first showed a changed flow, its arrival laid out the
  // whole page again (43 ms of a 120 ms edit at 50 pods). fonts.check is true only when every face
  // that holds the text has loaded.
  await lab.openFresh();
  await lab.waitForEditor();
  const ready = (text: string) => page.evaluate((t) => document.fonts.check('16px "Noto Sans KR Variable"', t), text);
  await expect.poll(() => ready('→')).toBe(true);
  expect(await ready('…“”—')).toBe(true);
  // The Korean texts' subsets follow the language.
  expect(await ready('클러스터')).toBe(false);
  await page.getByTestId('lang-ko').click();
  await expect.poll(() => ready('클러스터')).toBe(true);
});
