import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdownLite } from './markdown.js';

describe('markdown-lite', () => {
  it('splits inline code, bold and emphasis', () => {
    expect(parseInline('run `ps aux` as **root**, *not* 1000')).toEqual([
      { kind: 'text', text: 'run ' }, { kind: 'code', text: 'ps aux' }, { kind: 'text', text: ' as ' },
      { kind: 'strong', text: 'root' }, { kind: 'text', text: ', ' }, { kind: 'em', text: 'not' }, { kind: 'text', text: ' 1000' },
    ]);
  });

  it('parses blocks', () => {
    const blocks = parseMarkdownLite('# Title\n\nline one\nline two\n\n- a\n- b\n1. x\n\n```yaml\nkey: <b>\n  nested: 1\n```\n> note');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'code', 'note']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', inline: [{ kind: 'text', text: 'line one line two' }] });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'a' }], [{ text: 'b' }]] });
    expect(blocks[4]).toEqual({ kind: 'code', lang: 'yaml', text: 'key: <b>\n  nested: 1' });
  });

  it('keeps the numbering of an ordered list resumed after code', () => {
    const blocks = parseMarkdownLite('1. a\n2. b\n\n```\nx\n```\n\n3. c');
    expect(blocks).toMatchObject([{ kind: 'list', start: 1 }, { kind: 'code' }, { kind: 'list', start: 3, items: [[{ text: 'c' }]] }]);
  });

  it('keeps an unterminated fence as code', () => {
    expect(parseMarkdownLite('```\nabc')).toEqual([{ kind: 'code', lang: '', text: 'abc' }]);
  });
});
