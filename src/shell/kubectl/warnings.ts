import type { Ctx } from '../context.js';
import { escapeTerminal } from '../escape.js';

/**
 * How kubectl prints a warning on stderr. Both printers kubectl v1.30 uses have the same shape:
 * client-go rest/warnings.go warningWriter.HandleWarningHeader (the API server's `Warning: 299`
 * headers — PodSecurity's `would violate PodSecurity …`, a Namespace label's `existing pods …`;
 * kubectl installs it with Deduplicate: true) and cli-runtime printers/warningprinter.go
 * WarningPrinter.Print (kubectl's own, e.g. `auth can-i`'s unknown resource). Without colour:
 * `Warning: MESSAGE\n`; with colour (term.AllowsColorOutput(stderr): stderr is a terminal):
 * `\x1b[33;1mWarning:\x1b[0m MESSAGE\n`. The message is data (names from the cluster), escaped
 * as the rest of kubectl's output is.
 */
export const WARNING_YELLOW = '\u001b[33;1m';
export const WARNING_RESET = '\u001b[0m';

export function printWarning(ctx: Ctx, message: string): void {
  const text = escapeTerminal(message);
  if (ctx.tty.err) ctx.out.err(`${WARNING_YELLOW}Warning:${WARNING_RESET} ${text}\n`, true);
  else ctx.out.err(`Warning: ${text}\n`);
}

/** The API server's warning headers of one response, deduplicated as kubectl's warningWriter does. */
export function printWarnings(ctx: Ctx, messages: readonly string[], seen: Set<string> = new Set()): void {
  for (const m of messages) {
    if (m === '' || seen.has(m)) continue;
    seen.add(m);
    printWarning(ctx, m);
  }
}
