// The typing rehearsal (issue 11): a throwaway editor takes the keys and is gone in the same call,
// whatever happens; the lab's own editor and files are never touched (it is given nothing of them).
import { describe, expect, it } from 'vitest';
import type { Monaco } from './monaco.js';
import { rehearseTyping } from './rehearse-typing.js';

function fakes(failOn: string | null = null) {
  const log: string[] = [];
  let text = 'metadata:\n  labels:\n    app: web\n';
  const box = { style: { cssText: '' }, attrs: {} as Record<string, string>, setAttribute(k: string, v: string) { this.attrs[k] = v; }, remove: () => log.push('box removed') };
  const doc = { createElement: () => box, body: { append: () => log.push('box added') } } as unknown as Document;
  const model = {
    getLineMaxColumn: (line: number) => (text.split('\n')[line - 1]?.length ?? 0) + 1,
    getValueLength: () => text.length,
    dispose: () => log.push('model disposed'),
  };
  const monaco = {
    editor: {
      createModel: (value: string, language: string) => { log.push(`model ${language}`); text = value; return model; },
      create: (_box: unknown, options: { model: unknown }) => {
        log.push(`editor on ${options.model === model ? 'the throwaway model' : 'another model'}`);
        return {
          setPosition: (p: { lineNumber: number; column: number }) => log.push(`at ${p.lineNumber}:${p.column}`),
          trigger: (_source: string, command: string, args: { text: string }) => {
            if (args.text === failOn) throw new Error('refused');
            log.push(`${command} ${JSON.stringify(args.text)}`);
            text += args.text;
          },
          dispose: () => log.push('editor disposed'),
        };
      },
    },
  } as unknown as Monaco;
  return { log, doc, monaco, box };
}

describe('rehearseTyping', () => {
  it('types a character at a line end, a new line and a character, then disposes all it made', () => {
    const { log, doc, monaco, box } = fakes();
    const tasks: (() => void)[] = [];
    const results: (number | Error)[] = [];
    rehearseTyping(monaco, (r) => results.push(r), doc, (run) => tasks.push(run));
    // Stepped through (`later`): the editor is made first, the keys wait.
    expect(log).toEqual(['box added', 'model yaml', 'editor on the throwaway model']);
    expect(results).toEqual([]);
    tasks.forEach((run) => run());
    expect(results).toEqual(['metadata:\n  labels:\n    app: web\n'.length + 3]);
    expect(log.slice(3)).toEqual(['at 3:13', 'type "x"', 'type "\\n"', 'type "y"', 'editor disposed', 'model disposed', 'box removed']);
    expect(box.attrs['aria-hidden']).toBe('true');
    expect(box.style.cssText).toContain('visibility:hidden');
  });
  it('by default makes, types and disposes in the same task: no one ever sees two editors', () => {
    const { log, doc, monaco } = fakes();
    const results: (number | Error)[] = [];
    rehearseTyping(monaco, (r) => results.push(r), doc);
    expect(results).toHaveLength(1);
    expect(log.at(-1)).toBe('box removed');
  });
  it('disposes the editor, the model and the box when Monaco refuses a key', () => {
    const { log, doc, monaco } = fakes('\n');
    const results: (number | Error)[] = [];
    rehearseTyping(monaco, (r) => results.push(r), doc, (run) => run());
    expect(results).toEqual([new Error('refused')]);
    expect(log.slice(-3)).toEqual(['editor disposed', 'model disposed', 'box removed']);
  });
  it('removes the box and says why when Monaco cannot make the editor', () => {
    const { log, doc, monaco } = fakes();
    (monaco.editor as { create: unknown }).create = () => { throw new Error('no canvas'); };
    const results: (number | Error)[] = [];
    rehearseTyping(monaco, (r) => results.push(r), doc, () => { throw new Error('nothing is left for a later task'); });
    expect(results).toEqual([new Error('no canvas')]);
    expect(log).toEqual(['box added', 'model yaml', 'model disposed', 'box removed']);
  });
});
