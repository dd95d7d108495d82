/**
 * Splits a command line the way bash does for simple commands: blanks separate words, single
 * quotes keep everything literally, double quotes keep blanks and honour \" \\ \$ \`, a backslash
 * outside quotes escapes the next character. No expansion, pipes or redirections (the lab's
 * commands never need them).
 */
export type Tokenized = { ok: true; words: string[] } | { ok: false; error: string };

export function tokenize(line: string): Tokenized {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      // bash's own wording for an unterminated quote in a -c string.
      if (end < 0) return { ok: false, error: "bash: unexpected EOF while looking for matching `''" };
      cur += line.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      let j = i + 1;
      let closed = false;
      while (j < line.length) {
        const c = line[j] as string;
        if (c === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1] as string)) {
          cur += line[j + 1];
          j += 2;
        } else if (c === '"') {
          closed = true;
          break;
        } else {
          cur += c;
          j++;
        }
      }
      if (!closed) return { ok: false, error: 'bash: unexpected EOF while looking for matching `"\'' };
      i = j + 1;
    } else if (ch === '\\') {
      if (i + 1 < line.length) cur += line[i + 1];
      i += 2;
    } else {
      cur += ch;
      i++;
    }
  }
  if (inWord) words.push(cur);
  return { ok: true, words };
}

/** Quotes a word for display when it needs it (history, docker ps COMMAND). */
export function quoteWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
