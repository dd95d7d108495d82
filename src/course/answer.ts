/**
 * Answer boxes accept what a person would type: any case, extra spaces, quotes or backticks
 * around the answer, a final full stop, and for a number a unit word after it
 * (`2`, `2개`, `2 policies`). Everything else must be one of the lesson's accepted forms.
 */
export function normalizeAnswer(text: string): string {
  let s = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  s = s.replace(/[.。!]+$/u, '').trim();
  for (;;) {
    const m = /^(["'`])(.*)\1$/su.exec(s);
    if (!m) break;
    s = (m[2] ?? '').trim();
  }
  return s;
}

export function answerMatches(accept: readonly string[], given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = normalizeAnswer(given);
  if (a === '') return false;
  return accept.some((form) => {
    const f = normalizeAnswer(form);
    if (a === f) return true;
    if (/^-?\d+$/.test(f)) {
      const m = /^(-?\d+)(?:\s*\p{L}+)*$/u.exec(a);
      return m !== null && m[1] === f;
    }
    return false;
  });
}
