/**
 * Answer boxes accept what a person would type: any case, extra spaces, quotes or backticks
 * around the answer, a final full stop, and for a number words around it (`2`, `2개`,
 * `2 policies`, `PID 1`, `UID 1001`). Everything else must be one of the lesson's accepted forms;
 * a form `@yes` or `@no` stands for every way of saying it listed below, in both languages.
 */
export function normalizeAnswer(text: string): string {
  let s = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  s = s.replace(/[.。!?]+$/u, '').trim();
  for (;;) {
    const m = /^(["'`])(.*)\1$/su.exec(s);
    if (!m) break;
    s = (m[2] ?? '').trim();
  }
  return s;
}

/**
 * Yes and no, as a student answers "can web reach db?" in Korean (합니다체, 해요체, 반말, the
 * noun forms a UI shows: 허용됨, 차단됨) or English. A yes never contains a negation.
 */
export const ANSWER_SETS: Readonly<Record<string, readonly string[]>> = {
  '@yes': [
    'yes', 'y', 'yes, it can', 'it can', 'can', 'allowed', 'open', 'reachable', 'connects', 'true',
    '예', '네', '응', '어', '맞다', '맞습니다', '맞아요',
    '허용', '허용됨', '허용된다', '허용됩니다', '허용돼요', '허용되어 있다', '허용되어 있습니다', '허용돼 있어요',
    '가능', '가능함', '가능하다', '가능합니다', '가능해요', '접속 가능', '접속 가능합니다', '연결 가능', '연결 가능합니다',
    '된다', '됩니다', '돼요', '됨', '할 수 있다', '할 수 있습니다', '할 수 있어요', '접속할 수 있다', '접속할 수 있습니다',
    '접속할 수 있어요', '연결할 수 있다', '연결할 수 있습니다', '연결된다', '연결됩니다', '열려 있다', '열려 있습니다', '열림',
    '통과', '통과한다', '통과합니다', '닿는다', '닿습니다', '예, 접속할 수 있습니다', '네, 접속할 수 있습니다', '네, 가능합니다',
    '예, 가능합니다', '네, 허용됩니다', '예, 허용됩니다', '네, 됩니다',
  ],
  '@no': [
    'no', 'n', 'no, it cannot', 'it cannot', 'cannot', "can't", 'denied', 'blocked', 'not allowed', 'false',
    '아니오', '아니요', '아니', '아뇨', '아니다', '아닙니다',
    '차단', '차단됨', '차단된다', '차단됩니다', '차단돼요', '차단되어 있다', '차단되어 있습니다',
    '불가', '불가능', '불가능함', '불가능하다', '불가능합니다', '불가능해요', '접속 불가', '접속 불가능', '접속 불가능합니다',
    '안 된다', '안 됩니다', '안 돼요', '안된다', '안됩니다', '안돼요', '안 됨', '안됨', '할 수 없다', '할 수 없습니다', '할 수 없어요',
    '접속할 수 없다', '접속할 수 없습니다', '접속할 수 없어요', '연결할 수 없다', '연결할 수 없습니다', '막힌다', '막힙니다', '막힘',
    '막혀 있다', '막혀 있습니다', '막혀요', '거부', '거부됨', '거부된다', '거부됩니다', '아니요, 막힙니다', '아니요, 차단됩니다',
    '아니요, 접속할 수 없습니다', '아니오, 접속할 수 없습니다', '아니요, 안 됩니다',
  ],
};

/** A lesson's accepted forms with `@yes`/`@no` expanded. */
export function expandAnswerForms(accept: readonly string[]): string[] {
  return accept.flatMap((form) => ANSWER_SETS[form] ?? [form]);
}

/**
 * Words around a number: `PID 1`, `1번`, `UID는 1001`, `2 policies`, `non-root 1000`. A word starts
 * and ends with a letter (a hyphen only inside it), so a minus sign in front of digits always
 * belongs to the number: `-1` and `uid -1` (and `uid-1`) are minus one, never one. Words are
 * separated by spaces (only the one next to the number may touch it), so a long run of letters
 * is read in one way only and the match stays linear.
 */
const WORD = String.raw`\p{L}(?:[\p{L}-]*\p{L})?`;
const NUMBER_IN_WORDS = new RegExp(
  String.raw`^(?:${WORD}\s+)*(?:${WORD}\s*)?(-?\d+)(?:\s*${WORD})?(?:\s+${WORD})*$`, 'u');
/** Words that turn a number into "not this number". */
const NEGATION = /(^|\s)(not|no|never)(\s|$)|아니|아님|않|없/u;

export function answerMatches(accept: readonly string[], given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = normalizeAnswer(given);
  if (a === '') return false;
  return expandAnswerForms(accept).some((form) => {
    const f = normalizeAnswer(form);
    if (a === f) return true;
    if (/^-?\d+$/.test(f)) {
      const m = NUMBER_IN_WORDS.exec(a);
      return m !== null && m[1] === f && !NEGATION.test(a);
    }
    return false;
  });
}
