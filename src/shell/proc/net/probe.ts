import type { Ctx } from '../../context.js';
import type { Net, Server } from './net.js';

/** The network of the machine the program runs on (a pod's view of the cluster), or null. */
export function netOf(ctx: Ctx, tool: string): Net | null {
  return ctx.sys.net(tool);
}

/** Appends a server's log line (nginx's access log) so `kubectl logs` shows the lab's own probes. */
export function recordAccess(ctx: Ctx, server: Server, line: string | null): void {
  if (line === null || server.pod === null || server.container === null) return;
  const key = `${server.pod}/${server.container}`;
  const logs = ctx.runtime.logs;
  ctx.runtime.logs = { ...logs, [key]: [...(logs[key] ?? []), line].slice(-200) };
}
