/**
 * How `read` cuts a line into its variables (XCU `read`, bash's read.def): IFS whitespace around
 * fields is dropped, a non-blank IFS character ends exactly one field, and the last variable gets
 * the rest of the line with its separators; a rest that is one field and its closing delimiter
 * loses the delimiter (`IFS=: read a b <<< x:y:` gives b=y). Without -r a backslash quotes the
 * next character (it never splits) and is removed.
 */
export interface ReadChar {
  readonly c: string;
  readonly esc: boolean;
}

export function unbackslash(text: string): ReadChar[] {
  const out: ReadChar[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      if (i + 1 < text.length) out.push({ c: text[i + 1] as string, esc: true });
      i++;
    } else out.push({ c, esc: false });
  }
  return out;
}

export function readFields(text: string, raw: boolean, ifs: string, count: number): string[] {
  const chars = raw ? [...text].map((c) => ({ c, esc: false })) : unbackslash(text);
  const white = (i: number) => { const ch = chars[i]; return ch !== undefined && !ch.esc && ifs.includes(ch.c) && ' \t\n'.includes(ch.c); };
  const delim = (i: number) => { const ch = chars[i]; return ch !== undefined && !ch.esc && ifs.includes(ch.c); };
  const join = (a: number, b: number) => chars.slice(a, b).map((x) => x.c).join('');
  /** From the start of a delimiter to the start of the next field. */
  const skipDelim = (i: number) => {
    while (white(i)) i++;
    if (delim(i)) i++;
    while (white(i)) i++;
    return i;
  };
  let i = 0;
  while (white(i)) i++;
  const values: string[] = [];
  for (let k = 0; k < count - 1; k++) {
    const start = i;
    while (i < chars.length && !delim(i)) i++;
    values.push(join(start, i));
    i = skipDelim(i);
  }
  let j = i;
  while (j < chars.length && !delim(j)) j++;
  if (skipDelim(j) >= chars.length) values.push(join(i, j));
  else {
    let end = chars.length;
    while (end > i && white(end - 1)) end--;
    values.push(join(i, end));
  }
  return values;
}
