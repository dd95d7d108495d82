import { describe, expect, it } from 'vitest';
import { checkFileName, firstBadName, importNameProblem, visibleName } from './files.js';
import { isQuotaError, loadPrefs, loadWork, PREFS_KEY, savePrefs, saveWork, saveWorkResult, tooBigToSave, UNSAVABLE_CHARS, WORK_KEY, type KeyValue, type SavedWork } from './persist.js';
import { createLabStore } from './store.js';

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

const memory = (): KeyValue & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};

describe('saved progress keyed by prototype names (issue 18)', () => {
  it.each(PROTO_KEYS)('a saved lesson id %j is a key like any other and pollutes nothing', (key) => {
    const kv = memory();
    // Written by hand: JSON.stringify of an object literal could not make an own `__proto__`.
    kv.map.set(WORK_KEY, `{"files":[{"name":"a.yaml","text":"x"}],"active":"a.yaml","lessonId":null,"step":0,` +
      `"progress":{${JSON.stringify(key)}:["s1"],"real":["s2"]},"lessonWork":{${JSON.stringify(key)}:[{"name":"b.yaml","text":"y"}]}}`);
    const work = loadWork(kv);
    expect(work).not.toBeNull();
    expect(Object.keys(work?.progress ?? {})).toEqual([key, 'real']);
    expect(work?.progress?.[key]).toEqual(['s1']);
    expect(work?.lessonWork?.[key]).toEqual([{ name: 'b.yaml', text: 'y' }]);
    expect(Object.getPrototypeOf(work?.progress)).toBeNull();
    expect(({} as Record<string, unknown>).s1).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'real')).toBe(false);
    // And it saves back as it came.
    const again = memory();
    expect(saveWork(again, work!)).toBe(true);
    expect(loadWork(again)?.progress?.[key]).toEqual(['s1']);
  });
  it.each(PROTO_KEYS)('completing a step of a lesson named %j starts from nothing, not an inherited value', (key) => {
    const store = createLabStore({ files: [] });
    store.getState().completeStep(key, 'step-1');
    store.getState().completeStep(key, 'step-2');
    store.getState().completeStep(key, 'step-1');
    expect(store.getState().progress[key]).toEqual(['step-1', 'step-2']);
    expect(Object.keys(store.getState().progress)).toEqual([key]);
  });
  it('progress that is a list or a string is ignored, not iterated', () => {
    const kv = memory();
    kv.map.set(WORK_KEY, '{"files":[{"name":"a.yaml","text":"x"}],"progress":["x"],"lessonWork":"abc"}');
    expect(loadWork(kv)).toMatchObject({ progress: {}, lessonWork: {} });
  });
});

describe('file names from a link or zip', () => {
  it.each(PROTO_KEYS)('%j is a fine file name, and unique among others', (name) => {
    expect(importNameProblem(name, new Set())).toBeNull();
    expect(firstBadName([name, 'x.yaml', name])).toEqual({ name, problem: 'duplicate' });
    expect(checkFileName([], name)).toBeNull();
  });
  it('hidden characters are shown as \\u{…}, long names are cut', () => {
    expect(visibleName('evil\u202Elmy.yaml')).toBe('evil\\u{202E}lmy.yaml');
    expect(visibleName('a\u001b[2Jb')).toBe('a\\u{1B}[2Jb');
    expect(visibleName('x'.repeat(200))).toBe(`${'x'.repeat(80)}…`);
  });
  it('renaming a tab refuses what importing refuses', () => {
    for (const name of ['a\u202E.yaml', '../x.yaml', 'a\nb.yaml', 'x'.repeat(101)]) expect(checkFileName([], name)).toBe('invalid');
  });
});

describe('a save the browser refuses (issue 12)', () => {
  const work: SavedWork = { files: [{ name: 'big.yaml', text: 'kind: Pod\n'.repeat(1000) }, { name: 'b.yaml', text: 'x' }], active: 'b.yaml', lessonId: null, step: 0 };
  /** localStorage that refuses writes with `error` while `refuse` is set, as Chromium does past its quota. */
  const refusing = (error: unknown) => {
    const map = new Map<string, string>();
    const kv = { map, refuse: true, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => { if (kv.refuse) throw error; map.set(k, v); } };
    return kv;
  };

  it('a QuotaExceededError is "full", with the size it tried to save; the work is untouched and saves once there is room', () => {
    const kv = refusing(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const before = JSON.stringify(work);
    expect(saveWorkResult(kv, work)).toEqual({ ok: false, problem: 'full', chars: before.length });
    expect(JSON.stringify(work)).toBe(before);
    expect(kv.map.size).toBe(0);
    expect(saveWork(kv, work)).toBe(false);
    kv.refuse = false;
    expect(saveWorkResult(kv, work)).toEqual({ ok: true });
    expect(loadWork(kv)).toMatchObject({ files: work.files, active: 'b.yaml' });
  });
  it('work longer than UNSAVABLE_CHARS (10 MiB: more than any browser keeps) is "full" without being tried', () => {
    const at = (chars: number): SavedWork => ({ ...work, files: [{ name: 'big.yaml', text: 'x'.repeat(chars - 'big.yaml'.length) }] });
    expect(UNSAVABLE_CHARS).toBe(10_485_760);
    expect(tooBigToSave(at(UNSAVABLE_CHARS))).toBeNull();
    expect(tooBigToSave(at(UNSAVABLE_CHARS + 1))).toEqual({ ok: false, problem: 'full', chars: UNSAVABLE_CHARS + 1 });
    // Every file counts, names too.
    expect(tooBigToSave({ ...work, files: [at(UNSAVABLE_CHARS).files[0]!, { name: 'b', text: '' }] })).toMatchObject({ chars: UNSAVABLE_CHARS + 1 });
  });
  it('other refusals (storage disabled: SecurityError) are "blocked"', () => {
    const kv = refusing(new DOMException('The operation is insecure.', 'SecurityError'));
    expect(saveWorkResult(kv, work)).toMatchObject({ ok: false, problem: 'blocked' });
    expect(saveWorkResult(refusing('a string thrown'), work)).toMatchObject({ ok: false, problem: 'blocked' });
  });
  it.each([
    ['QuotaExceededError by name', new DOMException('', 'QuotaExceededError'), true],
    ['legacy WebKit code 22', { name: 'Error', code: 22 }, true],
    ['legacy Firefox NS_ERROR_DOM_QUOTA_REACHED', { name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 }, true],
    ['SecurityError', new DOMException('', 'SecurityError'), false],
    ['a TypeError', new TypeError('x'), false],
    ['null', null, false],
  ])('isQuotaError: %s', (_name, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('the welcome, dismissed once (issue 10)', () => {
  it('is remembered with the other preferences, and only a real true counts', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => { store.set(k, v); } };
    expect(loadPrefs(storage).welcomed).toBeUndefined();
    savePrefs(storage, { lang: 'ko', welcomed: true });
    expect(loadPrefs(storage)).toEqual({ lang: 'ko', welcomed: true });
    store.set(PREFS_KEY, JSON.stringify({ welcomed: 'yes' }));
    expect(loadPrefs(storage).welcomed).toBeUndefined();
  });
});
