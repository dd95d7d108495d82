import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lesson, Step } from '../../course/model.js';
import { courseAnalysis } from '../../testing/course.js';
import { createI18n } from '../i18n/index.js';
import { LessonList } from './LessonList.js';
import { LessonPanel } from './LessonPanel.js';
import { strings } from './strings.js';

const L = (en: string, ko = `${en} (ko)`) => ({ en, ko });
const step = (id: string, check: Step['check'], body = L(id)): Step => ({
  id, title: L(`Title ${id}`), body, hint: L(`Hint ${id}`), check,
  solution: { files: [], patch: [{ file: 'a.yaml', find: 'image: nginx', replace: 'image: redis' }], commands: ['kubectl get pods'], answer: 'yes' },
});
const lesson: Lesson = {
  id: 'demo', order: 1, title: L('Demo lesson', '데모 레슨'), summary: L('Summary'), startFiles: [], solutionFiles: [],
  steps: [
    step('ask', { kind: 'answer', accept: ['yes'] }, L('Run `ps aux` and read this:\n\n```yaml\nkey: <script>alert(1)</script>\n```')),
    step('state', { kind: 'pod', pod: 'default/web', status: 'Running' }),
  ],
};
const analysis = courseAnalysis({ pods: [{ key: 'default/web' }] });

function render(lang: 'en' | 'ko', completed: string[], step?: number) {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <LessonPanel lesson={lesson} lang={lang} analysis={analysis} files={[]} transcript={[]} completed={completed}
        onStepComplete={() => {}} onReset={() => {}} onBack={() => {}} {...(step === undefined ? {} : { step })} />
    </I18nextProvider>,
  );
}

describe('LessonPanel', () => {
  it('shows the current step, its text as text, and an answer box for a question', () => {
    const html = render('en', []);
    expect(html).toContain('Demo lesson');
    expect(html).toContain('<code>ps aux</code>');
    // Lesson text is never HTML: the YAML's tags arrive escaped.
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Your answer');
    expect(html).toContain('data-step="ask" data-status="todo"');
    // Hint and solution stay hidden until asked for.
    expect(html).not.toContain('Hint ask');
    expect(html).not.toContain('image: redis');
  });

  it('opens on the first step not completed, in the chosen language', () => {
    const html = render('ko', ['ask']);
    expect(html).toContain('데모 레슨');
    expect(html).toContain('state (ko)');
    expect(html).toContain('data-step="state" data-status="done"');
    expect(html).not.toContain('답 확인');
  });
});

describe('LessonPanel answer choices', () => {
  const yesNo: Step['check'] = {
    kind: 'answer', accept: ['yes', '예'], expects: L('yes or no', '예 또는 아니요'), choices: [L('Yes', '예'), L('No', '아니요')],
  };
  const chooser: Lesson = { ...lesson, steps: [step('ask', yesNo), lesson.steps[1]!] };
  const renderChooser = (lang: 'en' | 'ko') => renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <LessonPanel lesson={chooser} lang={lang} analysis={analysis} files={[]} transcript={[]} completed={[]}
        onStepComplete={() => {}} onReset={() => {}} />
    </I18nextProvider>,
  );
  it.each([['en', 'Or choose:', 'Yes', 'No'], ['ko', '또는 선택하세요:', '예', '아니요']] as const)('%s: a named group of buttons, none pressed yet', (lang, label, yes, no) => {
    const html = renderChooser(lang);
    expect(html).toMatch(new RegExp(`role="group" aria-labelledby="choices-ask"><span id="choices-ask"[^>]*>${label}</span>`));
    expect(html).toContain(`aria-pressed="false">${yes}</button>`);
    expect(html).toContain(`aria-pressed="false">${no}</button>`);
  });
  it('a step without choices has no buttons', () => {
    expect(render('en', [])).not.toContain('role="group"');
  });
});

describe('LessonPanel with a controlled step', () => {
  it.each([
    [[], 0, 'ask'], [[], 1, 'state'], [['ask'], 0, 'ask'],
    // Out of range (a saved step from a longer lesson): the last step.
    [[], 9, 'state'],
  ])('completed %j, step %i → shows %s', (completed, step, id) => {
    const html = render('en', completed, step);
    expect(html).toContain(`aria-current="step" data-step="${id}"`);
    expect(html).toContain(`<article class="lesson-step" data-step="${id}"`);
  });
});

describe('LessonList', () => {
  it('shows each lesson with its progress', () => {
    const other: Lesson = { ...lesson, id: 'other', title: L('Other lesson') };
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={createI18n('en')}>
        <LessonList lessons={[lesson, other]} progress={{ demo: ['ask', 'state'], other: ['ask'] }} activeId="other" lang="en" onOpen={() => {}} />
      </I18nextProvider>,
    );
    expect(html).toContain('✓ Completed');
    expect(html).toContain('1 of 2 steps');
    expect(html).toContain('aria-current="true"');
  });
});

describe('strings', () => {
  it('has the same keys in Korean and English', () => {
    expect(Object.keys(strings.ko).sort()).toEqual(Object.keys(strings.en).sort());
  });
});
