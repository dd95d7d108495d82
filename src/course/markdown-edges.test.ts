// Markdown-lite's edges (markdown.ts): what each block and inline form becomes exactly, so the
// lesson panel renders the text the authors wrote.
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdownLite } from './markdown.js';
import { applySolutionFiles, editsFiles } from './patch.js';

describe('parseInline: edges', () => {
  it.each<[string, unknown[]]>([
    ['', []],
    ['plain', [{ kind: 'text', text: 'plain' }]],
    ['`a`', [{ kind: 'code', text: 'a' }]],
    ['``', [{ kind: 'text', text: '``' }]],
    ['**b**', [{ kind: 'strong', text: 'b' }]],
    ['*e*', [{ kind: 'em', text: 'e' }]],
    ['* not emphasis*', [{ kind: 'text', text: '* not emphasis*' }]],
    ['a*b*c', [{ kind: 'text', text: 'a' }, { kind: 'em', text: 'b' }, { kind: 'text', text: 'c' }]],
    ['`**x**`', [{ kind: 'code', text: '**x**' }]],
    ['x `y`', [{ kind: 'text', text: 'x ' }, { kind: 'code', text: 'y' }]],
  ])('%j', (text, inline) => expect(parseInline(text)).toEqual(inline));
});

describe('parseMarkdownLite: edges', () => {
  it('headings of levels 1 to 3; four hashes are text', () => {
    expect(parseMarkdownLite('# a\n## b\n### c\n#### d\n#e')).toEqual([
      { kind: 'heading', level: 1, inline: [{ kind: 'text', text: 'a' }] },
      { kind: 'heading', level: 2, inline: [{ kind: 'text', text: 'b' }] },
      { kind: 'heading', level: 3, inline: [{ kind: 'text', text: 'c' }] },
      { kind: 'paragraph', inline: [{ kind: 'text', text: '#### d #e' }] },
    ]);
  });

  it('a heading, a note and a list end the paragraph before them', () => {
    expect(parseMarkdownLite('p\n# h\nq\n> n\nr\n- i')).toEqual([
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'p' }] },
      { kind: 'heading', level: 1, inline: [{ kind: 'text', text: 'h' }] },
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'q' }] },
      { kind: 'note', inline: [{ kind: 'text', text: 'n' }] },
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'r' }] },
      { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'text', text: 'i' }]] },
    ]);
  });

  it('a fence ends the paragraph; its language; CRLF line ends; a fence with spaces after it closes', () => {
    expect(parseMarkdownLite('p\r\n```sh  \r\nls\r\n\r\n  x\r\n```  \r\nq')).toEqual([
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'p' }] },
      { kind: 'code', lang: 'sh', text: 'ls\n\n  x' },
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'q' }] },
    ]);
  });

  it('lists: * items, indented items, an ordered list after an unordered one starts anew, its number kept', () => {
    expect(parseMarkdownLite('* a\n  - b\n7. c\n8. d\n- e')).toEqual([
      { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]] },
      { kind: 'list', ordered: true, start: 7, items: [[{ kind: 'text', text: 'c' }], [{ kind: 'text', text: 'd' }]] },
      { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'text', text: 'e' }]] },
    ]);
  });

  it('paragraph lines are trimmed and joined; ">" without a space is text; blank lines only', () => {
    expect(parseMarkdownLite('  a  \n>b\n-x')).toEqual([{ kind: 'paragraph', inline: [{ kind: 'text', text: 'a >b -x' }] }]);
    expect(parseMarkdownLite('\n \n')).toEqual([]);
  });
});

describe('applySolutionFiles and editsFiles', () => {
  it('replaces the first occurrence only, after whole files; a missing text is a problem', () => {
    const files = [{ name: 'a.yaml', text: 'x x' }];
    expect(applySolutionFiles(files, { files: [{ name: 'b.yaml', text: 'y' }], patch: [{ file: 'a.yaml', find: 'x', replace: 'z' }, { file: 'b.yaml', find: 'y', replace: '' }], commands: [] }))
      .toEqual({ files: [{ name: 'a.yaml', text: 'z x' }, { name: 'b.yaml', text: '' }], problems: [] });
    expect(applySolutionFiles(files, { files: [], patch: [{ file: 'a.yaml', find: 'q"', replace: '' }], commands: [] }))
      .toEqual({ files, problems: ['patch: a.yaml does not contain "q\\""'] });
    expect(applySolutionFiles(files, { files: [], patch: [{ file: 'c.yaml', find: 'x', replace: '' }], commands: [] }).problems).toEqual(['patch: no file c.yaml']);
  });

  it.each<[string, object, boolean]>([
    ['nothing', { files: [], patch: [], commands: ['ls'] }, false],
    ['a file', { files: [{ name: 'a', text: '' }], patch: [], commands: [] }, true],
    ['a patch', { files: [], patch: [{ file: 'a', find: 'x', replace: 'y' }], commands: [] }, true],
  ])('editsFiles: %s', (_label, solution, edits) => {
    expect(editsFiles(solution as Parameters<typeof editsFiles>[0])).toBe(edits);
  });
});
