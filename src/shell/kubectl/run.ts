import type { Ctx } from '../context.js';
import { bool, flag, parseFlags } from '../flags.js';
import { finish } from './create.js';
import { fail, usageError } from './errors.js';

/** `kubectl run NAME --image=I [--labels=a=b,c=d] [--command] [-- ARGS…]` (kubectl pkg/cmd/run). */
export function kubectlRun(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true },
    image: { value: true },
    labels: { short: 'l', value: true },
    'dry-run': { value: true, optional: 'unchanged' },
    output: { short: 'o', value: true },
    command: { value: false },
    restart: { value: true },
    port: { value: true },
    env: { value: true },
    stdin: { short: 'i', value: false },
    tty: { short: 't', value: false },
    rm: { value: false },
  });
  if (!r.ok) return usageError(ctx, r.error, 'run');
  const p = r.parsed;
  const name = p.positional[0];
  if (!name) return fail(ctx, "error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  const image = flag(p, 'image');
  if (!image) return fail(ctx, 'error: required flag(s) "image" not set');
  const labels: Record<string, string> = {};
  const lab = flag(p, 'labels');
  if (lab) {
    for (const kv of lab.split(',')) {
      const [k, v] = kv.split('=', 2);
      if (!k || v === undefined) return fail(ctx, `error: invalid label spec: ${lab}`);
      labels[k] = v;
    }
  } else labels['run'] = name;
  const container: Record<string, unknown> = { name, image };
  const rest = p.dash ?? p.positional.slice(1);
  if (rest.length) container[bool(p, 'command') ? 'command' : 'args'] = rest;
  const port = flag(p, 'port');
  if (port) container['ports'] = [{ containerPort: Number(port) }];
  container['resources'] = {};
  const obj: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: flag(p, 'restart') ?? 'Always' },
    status: {},
  };
  const ns = flag(p, 'namespace') ?? ctx.namespace();
  const dry = flag(p, 'dry-run');
  if (dry === undefined || dry === 'none') {
    // What lands in the editor: the object without the printer's empty status.
    delete obj['status'];
    delete container['resources'];
    const spec = obj['spec'] as Record<string, unknown>;
    delete spec['dnsPolicy'];
    if (spec['restartPolicy'] === 'Always') delete spec['restartPolicy'];
  }
  return finish(ctx, obj, ns, dry, flag(p, 'output'), flag(p, 'namespace') !== undefined);
}
