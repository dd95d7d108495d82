import { Fragment } from 'react';
import { parseInline, parseMarkdownLite, type Block, type Inline } from '../../course/markdown.js';
import { CodeBlock, type SnippetTarget } from './CodeBlock.js';

/** Lesson text as React elements: never HTML, so quoted YAML and shell lines stay text. */
function Inlines({ items }: { items: readonly Inline[] }) {
  return (
    <>
      {items.map((item, i) => {
        switch (item.kind) {
          case 'code': return <code key={i}>{item.text}</code>;
          case 'strong': return <strong key={i}>{item.text}</strong>;
          case 'em': return <em key={i}>{item.text}</em>;
          default: return <Fragment key={i}>{item.text}</Fragment>;
        }
      })}
    </>
  );
}

function BlockView({ block, snippet }: { block: Block; snippet: SnippetTarget | undefined }) {
  switch (block.kind) {
    case 'heading': {
      // Step text sits under the panel's own h2/h3: its headings start at h4.
      const Tag = (['h4', 'h5', 'h6'] as const)[block.level - 1] ?? 'h6';
      return <Tag><Inlines items={block.inline} /></Tag>;
    }
    case 'paragraph': return <p><Inlines items={block.inline} /></p>;
    case 'note': return <p className="lesson-note"><Inlines items={block.inline} /></p>;
    case 'code': return <CodeBlock text={block.text} lang={block.lang} snippet={snippet} />;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}><Inlines items={item} /></li>);
      return block.ordered ? <ol start={block.start === 1 ? undefined : block.start}>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

/** `snippet`: where a code block that is a whole file can be put ("Put in db-policy.yaml"). */
export function Markdown({ text, snippet }: { text: string; snippet?: SnippetTarget }) {
  return <div className="lesson-text">{parseMarkdownLite(text).map((b, i) => <BlockView key={i} block={b} snippet={snippet} />)}</div>;
}

/** One line of lesson text (a title): `code`, **strong** and *em* only, never HTML. */
export function InlineMarkdown({ text }: { text: string }) {
  return <Inlines items={parseInline(text)} />;
}
