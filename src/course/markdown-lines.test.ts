// Markdown-lite line rules (issue 15, survivors of the src/course parse-check/answer/command-match/
// markdown mutation run): a lone CR ends a line, fences and list items only at the start of a line
// and a fence line with nothing after its language, a closing fence of backticks alone, headings and
// items without the spaces after their marker, multi-digit item numbers.
import { describe, expect, it } from 'vitest';
import { parseMarkdownLite } from './markdown.js';

const text = (t: string) => ({ kind: 'text', text: t });
const para = (t: string) => ({ kind: 'paragraph', inline: [text(t)] });

describe('parseMarkdownLite: lines', () => {
  it('a lone CR (old Mac line end) ends a line as LF does', () => {
    expect(parseMarkdownLite('a\rb\r\r# T')).toEqual([para('a b'), { kind: 'heading', level: 1, inline: [text('T')] }]);
  });

  it('``` inside a line is no fence; a fence line with words after the language is a paragraph', () => {
    expect(parseMarkdownLite('see ```')).toEqual([para('see ```')]);
    expect(parseMarkdownLite('```js more words')).toEqual([para('```js more words')]);
  });

  it('inside a block, only backticks alone (and spaces) close it', () => {
    expect(parseMarkdownLite('```\necho ```\n```js\n```')).toEqual([{ kind: 'code', lang: '', text: 'echo ```\n```js' }]);
  });

  it('the spaces after a heading or item marker are not part of the text', () => {
    expect(parseMarkdownLite('##   Title')).toEqual([{ kind: 'heading', level: 2, inline: [text('Title')] }]);
    expect(parseMarkdownLite('-   two words')).toEqual([{ kind: 'list', ordered: false, start: 1, items: [[text('two words')]] }]);
  });

  it('a dash inside a line is no item; an item number may have several digits', () => {
    expect(parseMarkdownLite('see - this')).toEqual([para('see - this')]);
    expect(parseMarkdownLite('10. ten\n11. eleven')).toEqual([{ kind: 'list', ordered: true, start: 10, items: [[text('ten')], [text('eleven')]] }]);
  });

  it('a line separator (U+2028) inside a heading or item line: the line is a paragraph, whole', () => {
    expect(parseMarkdownLite('# a\u2028b')).toEqual([para('# a\u2028b')]);
    expect(parseMarkdownLite('- a\u2028b')).toEqual([para('- a\u2028b')]);
  });
});
