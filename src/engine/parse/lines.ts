import { LineCounter } from 'yaml';

/**
 * The line starts of `text`: after every line feed, as the editor and the CLI count lines. The
 * parser's own counter is not used for positions: inside a broken scalar it counts a CR LF its own
 * way and drifts a line (issue 12 fuzz, seed 56663897: `  name\r\n: front` put every later error a
 * line early, and past the end of its line).
 */
export function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) lines.addNewLine(nl + 1);
  return lines;
}
