/**
 * Markdown-lite for lesson texts: paragraphs, `#`/`##` headings, `-` and `1.` lists, fenced code
 * blocks, `> ` notes, and inline `code`, **bold** and *emphasis*. Parsed to data so the UI renders
 * it with React elements (never as HTML): lesson text can quote YAML and shell lines safely.
 */

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'em'; readonly text: string };

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly inline: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly inline: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'code'; readonly lang: string; readonly text: string }
  | { readonly kind: 'note'; readonly inline: readonly Inline[] };

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'em', text: m[3] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

export function parseMarkdownLite(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) blocks.push({ kind: 'paragraph', inline: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^```(\S*)\s*$/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i++) code.push(lines[i] ?? '');
      blocks.push({ kind: 'code', lang: fence[1] ?? '', text: code.join('\n') });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = /^\s*(?:([-*])|(\d+)\.)\s+(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3, inline: parseInline(heading[2] ?? '') });
    } else if (line.startsWith('> ')) {
      flush();
      blocks.push({ kind: 'note', inline: parseInline(line.slice(2)) });
    } else if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const prev = blocks[blocks.length - 1];
      const inline = parseInline(item[3] ?? '');
      if (prev?.kind === 'list' && prev.ordered === ordered) blocks[blocks.length - 1] = { ...prev, items: [...prev.items, inline] };
      // An ordered list resumed after a code block keeps its numbering (`3.` stays 3).
      else blocks.push({ kind: 'list', ordered, start: ordered ? Number(item[2]) : 1, items: [inline] });
    } else para.push(line.trim());
  }
  flush();
  return blocks;
}
