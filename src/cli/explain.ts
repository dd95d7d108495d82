import { analyze, type Protocol } from '../engine/index.js';
import { formatExplanation } from '../engine/format/explanation.js';
import { explainService, formatServiceExplanation } from './explain-service.js';
import { readSources, symlinkFlag, UsageError } from './io.js';
import type { CliIo } from './main.js';
import { visible } from '../shell/escape.js';

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** `kslab explain PATH... --from A --to B --port P[/PROTO]` */
export function runExplain(all: readonly string[], io: CliIo): number {
  const { followSymlinks, rest: args } = symlinkFlag(all);
  const paths: string[] = [];
  let from: string | undefined;
  let to: string | undefined;
  let portArg: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--from') from = value();
    else if (flag === '--to') to = value();
    else if (flag === '--port') portArg = value();
    else if (flag === '--json') json = true;
    else if (flag.startsWith('--')) throw new UsageError(`unknown flag ${flag}`);
    else paths.push(arg);
  }
  if (paths.length === 0) throw new UsageError('explain needs at least one PATH');
  if (!from || !to || !portArg) throw new UsageError('explain needs --from, --to and --port');
  const m = /^(\d{1,5})(?:\/([A-Za-z]+))?$/.exec(portArg);
  const port = m ? Number(m[1]) : NaN;
  const protocol = (m?.[2] ?? 'TCP').toUpperCase() as Protocol;
  if (!m || port < 1 || port > 65535) throw new UsageError(`--port must be a number 1-65535, optionally /TCP, /UDP or /SCTP (got "${portArg}")`);
  if (!PROTOCOLS.includes(protocol)) throw new UsageError(`unknown protocol "${m[2]}" (TCP, UDP or SCTP)`);

  const analysis = analyze(readSources(paths, io.readStdin, { followSymlinks }));
  // --to may name a Service (when no pod has that name): expanded to its endpoints after DNAT.
  const service = analysis.network.endpoint(to) ? undefined : analysis.services.find((s) => s.key === to);
  for (const [flag, id] of [['--from', from], ...(service ? [] : [['--to', to]])] as const) {
    if (!analysis.network.endpoint(id)) {
      const known = analysis.network.endpoints.filter((e) => !e.system).map((e) => e.id).join(', ') || '(none)';
      const services = flag === '--to' ? analysis.services.filter((s) => !s.system).map((s) => s.key).join(', ') : '';
      io.stderr(visible(`kslab: ${flag} ${id}: no such endpoint (pods are namespace/name, external hosts their IP${flag === '--to' ? ', Services namespace/name' : ''}). Known: ${known}${services ? `; Services: ${services}` : ''}`) + '\n');
      return 2;
    }
  }
  if (service) {
    const x = explainService(analysis, from, service, port, protocol);
    io.stdout(json ? JSON.stringify(x, null, 2) + '\n' : visible(formatServiceExplanation(x, service, { locate: (ref) => analysis.locate(ref) })));
    return 0;
  }
  const exp = analysis.network.explain(from, to, port, protocol);
  if (!exp) {
    io.stderr(visible(`kslab: cannot explain ${from} -> ${to} (traffic from a pod to itself, or between two external hosts, is not analysed)`) + '\n');
    return 2;
  }
  io.stdout(json ? JSON.stringify(exp, null, 2) + '\n' : visible(formatExplanation(exp, 'en', { locate: (ref) => analysis.locate(ref) })).replace(/\n?$/, '\n'));
  return 0;
}
