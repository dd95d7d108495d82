import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import type { LabPage } from './LabPage.js';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));

/** A lesson's start files as they are on disk (what "Reset lesson" must bring back), sorted by name. */
export function startFiles(lessonId: string): { name: string; text: string }[] {
  const dir = `${lessonsDir}${lessonId}/start/`;
  return readdirSync(dir).sort().map((name) => ({ name, text: readFileSync(dir + name, 'utf8') }));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The lesson panel, the lesson list, the terminal and the small editor edits a student makes,
 * as a student does them: keyboard into xterm and Monaco, the answer box, the step list.
 */
export class LessonPage {
  readonly page: Page;

  constructor(readonly lab: LabPage) {
    this.page = lab.page;
  }

  // --- lessons -------------------------------------------------------------------------------

  panel(): Locator {
    return this.page.getByTestId('lesson-panel');
  }

  list(): Locator {
    return this.page.getByTestId('lesson-list');
  }

  card(lessonId: string): Locator {
    return this.list().locator(`li[data-lesson="${lessonId}"]`);
  }

  /** A fresh lab (no saved work), then the lesson opened from the lesson list. */
  async start(lessonId: string) {
    // Every test has its own browser context, so localStorage starts empty: one load is enough.
    await this.lab.open();
    await this.lab.waitForEditor();
    await expect(this.panel()).toBeVisible();
    if ((await this.panel().getAttribute('data-lesson')) !== lessonId) {
      await this.backToList();
      await this.card(lessonId).getByRole('button').click();
    }
    await expect(this.panel()).toHaveAttribute('data-lesson', lessonId);
    await expect.poll(() => this.lab.files().then((f) => f.map((x) => x.name).sort()))
      .toEqual(startFiles(lessonId).map((f) => f.name));
  }

  async backToList() {
    await this.panel().getByRole('button', { name: /All lessons/ }).click();
    await expect(this.list()).toBeVisible();
  }

  /** The step's entry in the panel's step list. */
  stepItem(stepId: string): Locator {
    return this.panel().getByRole('list', { name: 'Steps' }).locator(`button[data-step="${stepId}"]`);
  }

  /** The step in view (its text, answer box and status). */
  stepView(stepId: string): Locator {
    return this.panel().locator(`article[data-step="${stepId}"]`);
  }

  async expectViewing(stepId: string) {
    await expect(this.stepView(stepId)).toBeVisible();
  }

  /** Green: the step's status line, the article and the step list's mark all say done. */
  async expectDone(stepId: string) {
    const view = this.stepView(stepId);
    await expect(view).toHaveAttribute('data-status', 'done');
    await expect(view.getByTestId('step-status')).toHaveText(/^✓ /);
    await expect(this.stepItem(stepId).getByLabel('Done', { exact: true })).toBeVisible();
  }

  async expectNotDone(stepId: string) {
    await expect(this.stepItem(stepId).getByLabel('To do', { exact: true })).toBeVisible();
  }

  /** Types into the step's answer box and submits it with Enter. */
  async answer(text: string) {
    const box = this.panel().getByLabel('Your answer');
    await box.click();
    await box.clear();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  async next() {
    await this.panel().getByRole('button', { name: 'Next step' }).click();
  }

  /** The step is done, then the student moves on to `nextStepId`. */
  async doneThenNext(stepId: string, nextStepId: string) {
    await this.expectDone(stepId);
    await this.next();
    await this.expectViewing(nextStepId);
  }

  async expectLessonComplete() {
    await expect(this.panel().getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();
  }

  /**
   * The end of every lesson journey: the lesson says it is complete and the list shows it; then
   * "Reset lesson" from the list card returns to the start files with nothing done, and the list
   * shows the lesson as not started. `afterReset` checks more while the lesson is still open.
   */
  async completeThenReset(lessonId: string, stepIds: readonly string[], afterReset?: () => Promise<void>) {
    await this.expectLessonComplete();
    await this.expectListedComplete(lessonId);
    await this.card(lessonId).getByRole('button').click();
    await this.reset();
    await this.expectAtStart(lessonId, stepIds);
    if (afterReset) await afterReset();
    await this.backToList();
    await this.expectListedNotStarted(lessonId);
  }

  /** "Reset lesson" asks first; the student confirms. */
  async reset() {
    await this.panel().getByRole('button', { name: 'Reset lesson' }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** After a reset: the start files exactly, and no step of the lesson marked done. */
  async expectAtStart(lessonId: string, stepIds: readonly string[]) {
    const start = startFiles(lessonId);
    await expect.poll(async () => (await this.lab.files()).slice().sort((a, b) => a.name.localeCompare(b.name))).toEqual(start);
    await this.expectNothingDoneAfterSettling();
    for (const id of stepIds) await this.expectNotDone(id);
    await expect(this.panel().getByText('Lesson complete')).toHaveCount(0);
    // The panel is back at step 1, waiting.
    await this.expectViewing(stepIds[0]!);
    await expect(this.stepView(stepIds[0]!)).toHaveAttribute('data-status', 'todo');
  }

  /**
   * No step of the panel is done, and none becomes done once the analysis has caught up (it is
   * debounced by 150 ms): a step that completes again after a reset does so within that time, so a
   * retrying assertion could pass before it happens.
   */
  async expectNothingDoneAfterSettling() {
    await this.page.waitForTimeout(500);
    expect(await this.panel().locator('ol.lesson-steps > li.done').count()).toBe(0);
  }

  /** Back to the list: the lesson's card says it is complete. */
  async expectListedComplete(lessonId: string) {
    await this.backToList();
    await expect(this.card(lessonId).getByTestId('lesson-progress')).toHaveText('✓ Completed');
    await expect(this.card(lessonId)).toHaveClass(/complete/);
  }

  async expectListedNotStarted(lessonId: string) {
    await expect(this.card(lessonId).getByTestId('lesson-progress')).toHaveText('Not started');
  }

  // --- terminal --------------------------------------------------------------------------------

  terminal(): Locator {
    return this.page.getByRole('region', { name: 'Lab terminal' });
  }

  /** The visible rows of the terminal. */
  terminalRows(): Locator {
    return this.terminal().locator('.xterm-rows');
  }

  async openTerminal() {
    if (!(await this.terminal().isVisible())) await this.page.getByTestId('terminal-toggle').click();
    await expect(this.terminal().locator('.xterm')).toBeVisible();
  }

  /**
   * Real keyboard input into xterm: focus it, type the line, Enter. Waits for the command to land
   * in the transcript the lesson checks read (the terminal's prompt comes back at the same time).
   */
  async run(command: string, expectOutput?: string | RegExp) {
    await this.openTerminal();
    await this.terminal().locator('.xterm').click();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press('Enter');
    if (expectOutput !== undefined) await expect(this.terminalRows()).toContainText(expectOutput);
  }

  /** Ctrl+L in the terminal: what follows on screen is only the next command and its output. */
  async clearTerminal() {
    await this.openTerminal();
    await this.terminal().locator('.xterm').click();
    await this.page.keyboard.press('Control+L');
    await expect(this.terminalRows()).toHaveText(/^\s*controlplane:~\$\s*$/);
  }

  // --- editor ----------------------------------------------------------------------------------

  /** The rendered editor line whose text, trimmed, is exactly `trimmed` (must be unique). */
  editorLine(trimmed: string): Locator {
    // Monaco renders spaces as U+00A0, which Playwright's regex matching leaves as they are.
    const re = new RegExp(`^\\s*${escapeRegExp(trimmed).replace(/ /g, '\\s')}\\s*$`);
    return this.page.locator('.monaco-editor .view-lines .view-line').filter({ hasText: re });
  }

  async openFile(name: string) {
    await this.lab.tab(name).click();
    await expect(this.lab.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** Puts the cursor at the end of the line `trimmed` of `file`. */
  async cursorAtEnd(file: string, trimmed: string) {
    await this.openFile(file);
    const line = this.editorLine(trimmed);
    await expect(line).toHaveCount(1);
    await line.click();
    await this.page.keyboard.press('End');
  }

  /**
   * Opens a line above the line `trimmed`, at its indentation, and types `text` there. The new line
   * is opened first so that what is being typed never runs into the text after it: half-typed flow
   * YAML followed by more text makes monaco-yaml log a completion error (see the report).
   */
  async insertLineBefore(file: string, trimmed: string, text: string) {
    await this.cursorAtEnd(file, trimmed);
    await this.page.keyboard.press('Home'); // Monaco: the first non-blank character
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('ArrowUp');
    await this.page.keyboard.press('End');
    await this.typeInEditor(text);
    await this.page.keyboard.press('Escape');
  }

  /** Opens a new line after the line `trimmed` (Monaco keeps its indentation) and types `text`. */
  async insertLineAfter(file: string, trimmed: string, text: string) {
    await this.cursorAtEnd(file, trimmed);
    await this.page.keyboard.press('Enter');
    await this.typeInEditor(text);
    await this.page.keyboard.press('Escape');
  }

  /** Deletes `count` characters at the end of the line, then types `text`. */
  async replaceLineEnd(file: string, trimmed: string, count: number, text: string) {
    await this.cursorAtEnd(file, trimmed);
    for (let i = 0; i < count; i++) await this.page.keyboard.press('Backspace');
    await this.typeInEditor(text);
    await this.page.keyboard.press('Escape');
  }

  /** Types `text` on the file's last (empty) line. */
  async appendToFile(file: string, text: string) {
    await this.openFile(file);
    await this.page.locator('.monaco-editor .view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.typeInEditor(text);
    await this.page.keyboard.press('Escape');
  }

  /** Removes the line `trimmed` (Monaco's delete-line, Ctrl+Shift+K). */
  async deleteLine(file: string, trimmed: string) {
    await this.cursorAtEnd(file, trimmed);
    await this.page.keyboard.press('ControlOrMeta+Shift+K');
    await expect(this.editorLine(trimmed)).toHaveCount(0);
  }

  private async typeInEditor(text: string) {
    await this.page.keyboard.type(text);
  }

  async fileText(name: string): Promise<string | undefined> {
    return (await this.lab.files()).find((f) => f.name === name)?.text;
  }

  /** Polls the store until the file holds exactly `text` (the editor writes through a debounce). */
  async expectFile(name: string, text: string) {
    await expect.poll(() => this.fileText(name)).toBe(text);
  }
}
