import type { OutputChunk } from './types.js';

/** Collects what a command prints, keeping stdout and stderr apart but in order. */
export class Output {
  readonly chunks: OutputChunk[] = [];

  /** `styled`: the tool's own terminal styling is in `text`, its data made visible (escape.ts). */
  out(text: string, styled?: boolean): void {
    if (text !== '') this.chunks.push(styled ? { fd: 1, text, styled: true } : { fd: 1, text });
  }

  err(text: string, styled?: boolean): void {
    if (text !== '') this.chunks.push(styled ? { fd: 2, text, styled: true } : { fd: 2, text });
  }

  /** A line on stdout (newline added). */
  line(text: string): void {
    this.out(`${text}\n`);
  }

  /** A line on stderr (newline added). */
  errLine(text: string): void {
    this.err(`${text}\n`);
  }

  text(): string {
    return this.chunks.map((c) => c.text).join('');
  }
}
