import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLessons, type LessonFs } from '../src/course/index.js';

/**
 * The Korean term sheet (terms.ko.json) holds in every lesson: no variant the sheet avoids, one
 * speech level (no 해요체 endings). Code (fenced blocks and `inline`) is left out: it is what the
 * student types, not Korean.
 */

const root = dirname(fileURLToPath(import.meta.url));
const fs: LessonFs = { readFile: (p) => readFileSync(p, 'utf8'), listDir: (p) => readdirSync(p), exists: (p) => existsSync(p) };
const { lessons } = loadLessons(root, fs);
/** `except`: words that contain an avoided variant but are another word (경고를 "the warning" holds 고를). */
interface Sheet { terms: { concept: string; use: string; avoid: string[]; except?: string[] }[]; endings: string; uiLabels: { labels: string[] } }
const sheet = JSON.parse(readFileSync(join(root, 'terms.ko.json'), 'utf8')) as Sheet;

/** Korean prose of a markdown-lite text: code blocks and inline code removed. */
export function prose(text: string): string {
  let s = text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  for (const label of sheet.uiLabels.labels) s = s.split(label).join(' ');
  return s;
}

const texts = lessons.flatMap((l) => [
  [`${l.id} title`, l.title.ko], [`${l.id} summary`, l.summary.ko],
  ...l.steps.flatMap((s) => [[`${l.id}/${s.id} title`, s.title.ko], [`${l.id}/${s.id} hint`, s.hint.ko], [`${l.id}/${s.id} body`, s.body.ko]]),
] as [string, string][]);

function withoutExceptions(text: string, except: readonly string[] = []): string {
  return except.reduce((s, word) => s.split(word).join(' '), text);
}

describe('Korean term sheet', () => {
  it('covers every lesson text', () => expect(texts.length).toBeGreaterThan(lessons.length * 10));

  it.each(sheet.terms.map((t) => [t.concept, t] as const))('%s: no avoided variant', (_c, term) => {
    const found = texts.flatMap(([where, text]) => term.avoid.filter((v) => withoutExceptions(prose(text), term.except).includes(v)).map((v) => `${where}: "${v}" (use ${term.use})`));
    expect(found).toEqual([]);
  });

  it('one speech level: no 해요체 ending', () => {
    const re = new RegExp(sheet.endings, 'gu');
    const found = texts.flatMap(([where, text]) => [...prose(text).matchAll(re)].map((m) => `${where}: …${prose(text).slice(Math.max(0, m.index - 15), m.index + 3)}`));
    expect(found).toEqual([]);
  });

  it('an exception word is not an avoided variant, and the variant next to it still is', () => {
    const select = sheet.terms.find((t) => t.use === '선택하다');
    const hits = (text: string) => select?.avoid.filter((v) => withoutExceptions(text, select.except).includes(v)) ?? [];
    expect(hits('경고를 보여 주었습니까?')).toEqual([]);
    expect(hits('파드를 고를 때 경고를 봅니다')).toEqual(['고를']);
  });

  it('the sheet itself catches what it forbids', () => {
    const re = new RegExp(sheet.endings, 'u');
    expect(['접속할 수 있나요?', '보여요.', '그렇죠.', '있어요'].filter((s) => !re.test(s))).toEqual([]);
    expect(['확인하세요.', '(예/아니요)', '필요 없습니다.', '있습니까?'].filter((s) => re.test(s))).toEqual([]);
  });
});
