import type { Ctx } from '../context.js';
import { bool, flag, parseFlags } from '../flags.js';
import { table } from '../tabwriter.js';
import { fail, usageError } from './errors.js';

/** `kubectl config current-context | get-contexts | set-context --current --namespace=NS | use-context`. */
export function kubectlConfig(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, { current: { value: false }, namespace: { value: true }, cluster: { value: true }, user: { value: true } });
  if (!r.ok) return usageError(ctx, r.error, 'config');
  const p = r.parsed;
  const [sub, arg] = p.positional;
  const rt = ctx.runtime;
  switch (sub) {
    case 'current-context':
      ctx.out.line(rt.context);
      return 0;
    case 'get-contexts': {
      const names = Object.keys(rt.namespaces).sort();
      const rows = names.map((n) => [n === rt.context ? '*' : '', n, 'kubernetes', 'kubernetes-admin', rt.namespaces[n] ?? '']);
      ctx.out.out(table([['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]));
      return 0;
    }
    case 'set-context': {
      const name = bool(p, 'current') ? rt.context : arg;
      if (!name) return fail(ctx, 'error: you must specify a non-empty context name or --current');
      const ns = flag(p, 'namespace');
      const existed = name in rt.namespaces;
      if (ns !== undefined) {
        if (name === rt.context) rt.previousNamespace = ctx.namespace();
        rt.namespaces = { ...rt.namespaces, [name]: ns };
      } else if (!existed) rt.namespaces = { ...rt.namespaces, [name]: '' };
      ctx.out.line(`Context "${name}" ${existed ? 'modified' : 'created'}.`);
      return 0;
    }
    case 'use-context': {
      if (!arg || !(arg in rt.namespaces)) return fail(ctx, `error: no context exists with the name: "${arg ?? ''}"`);
      rt.previousContext = rt.context;
      rt.context = arg;
      ctx.out.line(`Switched to context "${arg}".`);
      return 0;
    }
    case 'view':
      ctx.out.out(`apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://${'controlplane'}:6443\n  name: kubernetes\ncontexts:\n${Object.keys(rt.namespaces).sort().map((n) => `- context:\n    cluster: kubernetes\n${rt.namespaces[n] ? `    namespace: ${rt.namespaces[n]}\n` : ''}    user: kubernetes-admin\n  name: ${n}\n`).join('')}current-context: ${rt.context}\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n`);
      return 0;
    default:
      return fail(ctx, `error: unknown command "${sub ?? ''}" for "kubectl config"`);
  }
}
