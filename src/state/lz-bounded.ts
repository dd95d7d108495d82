/**
 * lz-string's decompressFromEncodedURIComponent (lz-string 1.5.0, MIT, pieroxy: `_decompress`
 * with the URI-safe alphabet and 6 bits per character), with a bound: it stops and answers
 * 'tooLarge' as soon as the output passes `maxChars`, instead of building the whole string (a
 * few KB of link can stand for hundreds of MB of text). null where lz-string answers null or "".
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export function inflateLzUri(input: string, maxChars: number): string | null | 'tooLarge' {
  if (input === '') return null;
  const text = input.replace(/ /g, '+');
  const values = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const v = VALUE.get(text.charAt(i));
    if (v === undefined) return null; // not a character lz-string writes: not our link
    values[i] = v;
  }
  const length = text.length;
  const resetValue = 32;
  let val = values[0] ?? 0;
  let position = resetValue;
  let index = 1;
  const read = (count: number): number => {
    let bits = 0;
    const max = 2 ** count;
    for (let power = 1; power < max; power *= 2) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = values[index++] ?? 0;
      }
      if (resb > 0) bits += power;
    }
    return bits;
  };
  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  const first = read(2);
  let c: string;
  if (first === 0) c = String.fromCharCode(read(8));
  else if (first === 1) c = String.fromCharCode(read(16));
  else return null;
  dictionary[3] = c;
  let w = c;
  const result: string[] = [c];
  let size = c.length;
  for (;;) {
    if (index > length) return null;
    let code = read(numBits);
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(read(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      enlargeIn--;
    } else if (code === 2) {
      return result.join('');
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (code > 2 && code < dictionary.length) entry = dictionary[code] ?? '';
    else if (code === dictionary.length) entry = w + w.charAt(0);
    else return null;
    size += entry.length;
    if (size > maxChars) return 'tooLarge';
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
