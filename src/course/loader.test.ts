import { describe, expect, it } from 'vitest';
import { loadLesson, loadLessons, memoryFs } from './loader.js';

const lessonJson = (over: Record<string, unknown> = {}) => JSON.stringify({
  id: 'demo', order: 1, title: { ko: '데모', en: 'Demo' }, summary: { ko: '요약', en: 'Summary' },
  steps: [{
    id: 'one', title: { ko: '하나', en: 'One' }, body: 'steps/one', check: { pod: 'default/web', status: 'Running' },
    hint: { ko: '힌트', en: 'Hint' }, solution: { files: { 'pod.yaml': '@solution/pod.yaml' }, commands: ['kubectl get pods'] },
  }],
  ...over,
});

const files = (json: string) => ({
  'lessons/demo/lesson.json': json,
  'lessons/demo/steps/one.ko.md': '본문',
  'lessons/demo/steps/one.en.md': 'Body',
  'lessons/demo/start/pod.yaml': 'a: 1\n',
  'lessons/demo/solution/pod.yaml': 'a: 2\n',
});

describe('loadLesson', () => {
  it('loads a well-formed lesson', () => {
    const { lesson, problems } = loadLesson('lessons/demo', memoryFs(files(lessonJson())));
    expect(problems).toEqual([]);
    expect(lesson?.steps[0]?.body).toEqual({ ko: '본문', en: 'Body' });
    expect(lesson?.steps[0]?.solution.files).toEqual([{ name: 'pod.yaml', text: 'a: 2\n' }]);
    expect(lesson?.startFiles).toEqual([{ name: 'pod.yaml', text: 'a: 1\n' }]);
  });

  it('reads the lesson\'s layout (a terminal lesson opens the terminal)', () => {
    expect(loadLesson('lessons/demo', memoryFs(files(lessonJson({ layout: { terminal: true } })))).lesson?.layout).toEqual({ terminal: true });
    expect(loadLesson('lessons/demo', memoryFs(files(lessonJson()))).lesson?.layout).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['id differs from folder', { id: 'other' }, 'differs from its folder'],
    ['no steps', { steps: [] }, 'non-empty list'],
    ['missing english title', { title: { ko: '데모' } }, 'title'],
    ['bad check', { steps: [{ id: 'one', title: { ko: 'a', en: 'a' }, body: { ko: 'a', en: 'a' }, hint: { ko: 'a', en: 'a' }, check: { pods: 'x' }, solution: {} }] }, 'unknown check'],
    ['missing body file', { steps: [{ id: 'one', title: { ko: 'a', en: 'a' }, body: 'steps/two', hint: { ko: 'a', en: 'a' }, check: { answer: ['x'] }, solution: {} }] }, 'missing lessons/demo/steps/two.ko.md'],
    ['duplicate step id', { steps: [1, 2].map(() => ({ id: 'one', title: { ko: 'a', en: 'a' }, body: { ko: 'a', en: 'a' }, hint: { ko: 'a', en: 'a' }, check: { answer: ['x'] }, solution: {} })) }, 'duplicate step id'],
    ['a layout with an unknown key', { layout: { graph: false } }, '"layout" must be {"terminal": true|false}'],
    ['a layout that is not a boolean', { layout: { terminal: 'yes' } }, '"layout" must be {"terminal": true|false}'],
    ['bad patch', { steps: [{ id: 'one', title: { ko: 'a', en: 'a' }, body: { ko: 'a', en: 'a' }, hint: { ko: 'a', en: 'a' }, check: { answer: ['x'] }, solution: { patch: [{ file: 'x' }] } }] }, 'patch[0]'],
  ])('reports %s', (_name, over, message) => {
    const { problems } = loadLesson('lessons/demo', memoryFs(files(lessonJson(over))));
    expect(problems.join('\n')).toContain(message);
  });

  it('reports invalid JSON without throwing', () => {
    const { lesson, problems } = loadLesson('lessons/demo', memoryFs(files('{')));
    expect(lesson).toBeNull();
    expect(problems).toHaveLength(1);
  });

  it('lists lessons by order', () => {
    const fs = memoryFs({
      ...files(lessonJson({ order: 2 })),
      'lessons/b/lesson.json': lessonJson({ id: 'b', order: 1, steps: [{ id: 'x', title: { ko: 'a', en: 'a' }, body: { ko: 'a', en: 'a' }, hint: { ko: 'a', en: 'a' }, check: { answer: ['x'] }, solution: {} }] }),
      'lessons/README.md': '#',
    });
    expect(loadLessons('lessons', fs).lessons.map((l) => l.id)).toEqual(['b', 'demo']);
  });
});
