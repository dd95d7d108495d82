// The UI's Korean follows the course's term sheet (lessons/terms.ko.json, issue 17) as the lessons
// do: no variant the sheet avoids, one speech level (합니다체: no 해요체 or 반말 endings), and no
// particle glued to an inserted value, whose right form (은/는, 이/가, 을/를, 와/과, 으로/로)
// depends on the value's last syllable ("{{cni}}는" gives "Flannel는"). A neutral form such as
// 은(는) or a particle on a fixed word ("현재 CNI({{cni}})는") is fine.
import { describe, expect, it } from 'vitest';
import explanationSource from '../engine/format/explanation-text.ts?raw';
import probeSource from '../engine/format/probe-text.ts?raw';
import rbacSource from '../engine/format/rbac-text.ts?raw';
import sheetText from '../../lessons/terms.ko.json?raw';

/** `except`: words that hold an avoided variant but are another word (경고를, 'the warning', holds 고를). */
interface Sheet { terms: { concept: string; use: string; avoid: string[]; except?: string[] }[]; endings: string }
const sheet = JSON.parse(sheetText) as Sheet;

type Tree = { [k: string]: string | Tree };
const modules = import.meta.glob<{ strings?: { ko: Tree } }>('./*/strings.ts', { eager: true });
const flat = (t: Tree, prefix: string): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flat(v, `${prefix}${k}.`)));
const texts: [string, string][] = Object.entries(modules).flatMap(([path, m]) =>
  m.strings ? flat(m.strings.ko, `${/\.\/(\w+)\//.exec(path)?.[1] ?? path}:`) : []);

/** A particle whose form depends on the value before it, right after `}}` (a neutral 은(는), 이(가)… is allowed). */
const particleAfterValue = /\}\}(?:으로|[은는이가을를와과로랑라나야](?!\())/u;
/** 반말 questions (해라체/해체): 그럴까? 되나? 있니? 했지? — questions end in -ㅂ니까? here. */
const banmalQuestion = /(?:(?<!니)까|[나냐니지])\?/u;
const endings = new RegExp(sheet.endings, 'u');

export function koProblems(text: string): string[] {
  const out: string[] = [];
  for (const term of sheet.terms) {
    const rest = (term.except ?? []).reduce((s, word) => s.split(word).join(' '), text);
    for (const v of term.avoid) if (rest.includes(v)) out.push(`"${v}" (use ${term.use})`);
  }
  if (endings.test(text)) out.push('해요체 ending');
  if (banmalQuestion.test(text)) out.push('반말 question');
  const p = particleAfterValue.exec(text);
  if (p) out.push(`particle after a value: ${text.slice(Math.max(0, p.index - 10), p.index + 4)}`);
  return out;
}

describe('UI Korean strings follow the term sheet', () => {
  it('reads every feature\'s strings', () => {
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(10);
    expect(texts.length).toBeGreaterThan(400);
    expect(texts.map(([k]) => k)).toContain('layout:banner.notEnforced');
  });

  it('no avoided term, one speech level, no particle that depends on an inserted value', () => {
    expect(texts.flatMap(([where, text]) => koProblems(text).map((p) => `${where}: ${p}`))).toEqual([]);
  });

  // The engine's explanations (shown in the explanation panel and the terminal) build their Korean
  // from functions: their literal text is held to the terms and the speech level. Their particles
  // follow a fixed noun by design (`${id} 파드`), so the `}}` rule does not apply to them.
  it.each([['explanation-text', explanationSource, 'export const ko'], ['probe-text', probeSource, 'export const probeKo'],
    ['rbac-text', rbacSource, 'export const ko']])('engine %s: no avoided term, one speech level', (_name, source, start) => {
    const at = source.indexOf(start);
    expect(at).toBeGreaterThan(0);
    const korean = source.slice(at).split('\n').filter((line) => /[가-힣]/u.test(line));
    expect(korean.length).toBeGreaterThan(10);
    expect(korean.flatMap((line) => koProblems(line.replace(/\$\{[^}]*\}/g, ' ')).map((p) => `${p}: ${line.trim()}`))).toEqual([]);
  });

  it('the check catches what it forbids and lets the right forms through', () => {
    const bad = ['{{cni}}는 정책을 적용하지 않습니다.', '{{to}}로 연결', '{{id}}이 없습니다', '{{name}}을 닫았습니다',
      '편집기로 바로 가기', '라벨에 포트 표시', '파드를 고르면', '경고를 보고 파드를 고를 때', '인증 정보 없이', '케이퍼빌리티', '열었어요.', '확인할 수 있어요.', '바꿀까요?', '왜 그럴까?', '그렇죠.'];
    expect(bad.filter((s) => koProblems(s).length === 0)).toEqual([]);
    const good = ['현재 CNI({{cni}})는 NetworkPolicy를 적용하지 않습니다.', '{{subject}}은(는) 격리되어 있습니다', '{{to}}(으)로',
      '{{name}} 파일은 건너뛰었습니다.', '파드 {{count}}개', '{{from}}에서 {{to}}에 연결할 수 있습니다', '{{name}}의 YAML',
      '처음 상태로 되돌리시겠습니까?', '왜?', '예', '아니요', '확인하세요.', '경고를 표시합니다.'];
    expect(good.filter((s) => koProblems(s).length > 0)).toEqual([]);
  });
});
