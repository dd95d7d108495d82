import type { Ctx } from '../context.js';
import { bool, flag, parseFlags } from '../flags.js';
import { kubeTable as table } from './print.js';
import { fail, usageError } from './errors.js';

/**
 * `kubectl config current-context | get-contexts [NAME] [-o name] | use-context NAME |
 * set-context (NAME | --current) [--namespace=NS] | view` over the terminal's contexts (the
 * runtime's context → namespace map; every context points at the lab's one cluster as
 * kubernetes-admin). Messages from kubectl pkg/cmd/config (kubectl-cluster-ops.md "kubectl config").
 */
export function kubectlConfig(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    current: { value: false }, namespace: { value: true }, cluster: { value: true }, user: { value: true },
    output: { short: 'o', value: true }, 'no-headers': { value: false }, minify: { value: false }, raw: { value: false }, flatten: { value: false },
  });
  if (!r.ok) return usageError(ctx, r.error, 'config');
  const p = r.parsed;
  const [sub, arg] = p.positional;
  const rt = ctx.runtime;
  switch (sub) {
    case 'current-context':
      if (!rt.context) return fail(ctx, 'error: current-context is not set');
      ctx.out.line(rt.context);
      return 0;
    case 'get-contexts': {
      const out = flag(p, 'output');
      if (out !== undefined && out !== 'name') return fail(ctx, `error: output must be one of '' or 'name': ${out}`);
      let names = Object.keys(rt.namespaces).sort();
      const missing = arg !== undefined && !names.includes(arg);
      if (arg !== undefined) names = names.filter((n) => n === arg);
      if (out === 'name') {
        for (const n of names) ctx.out.line(n);
      } else {
        const rows = names.map((n) => [n === rt.context ? '*' : '', n, 'kubernetes', 'kubernetes-admin', rt.namespaces[n] ?? '']);
        ctx.out.out(table(bool(p, 'no-headers') ? rows : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]));
      }
      if (missing) return fail(ctx, `error: context ${arg ?? ''} not found`);
      return 0;
    }
    case 'set-context': {
      const name = bool(p, 'current') ? rt.context : arg;
      if (!name) return fail(ctx, "error: you must specify a non-empty context name or --current\nSee 'kubectl config set-context -h' for help and examples");
      const ns = flag(p, 'namespace');
      const existed = name in rt.namespaces;
      if (ns !== undefined) {
        if (name === rt.context) rt.previousNamespace = ctx.namespace();
        rt.namespaces = { ...rt.namespaces, [name]: ns };
      } else if (!existed) rt.namespaces = { ...rt.namespaces, [name]: '' };
      ctx.out.line(`Context "${name}" ${existed ? 'modified' : 'created'}.`);
      return 0;
    }
    case 'use-context': case 'use': {
      if (!arg) return fail(ctx, "error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples");
      if (!(arg in rt.namespaces)) return fail(ctx, `error: no context exists with the name: "${arg}"`);
      rt.previousContext = rt.context;
      rt.context = arg;
      ctx.out.line(`Switched to context "${arg}".`);
      return 0;
    }
    case 'get-clusters':
      ctx.out.out('NAME\nkubernetes\n');
      return 0;
    case 'get-users':
      ctx.out.out('NAME\nkubernetes-admin\n');
      return 0;
    case 'view': {
      const names = bool(p, 'minify') ? [rt.context] : Object.keys(rt.namespaces).sort();
      const ip = ctx.analysis().nodes[0]?.ip ?? '127.0.0.1';
      ctx.out.out(`apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://${ip}:6443\n  name: kubernetes\ncontexts:\n${names.map((n) => `- context:\n    cluster: kubernetes\n${rt.namespaces[n] ? `    namespace: ${rt.namespaces[n]}\n` : ''}    user: kubernetes-admin\n  name: ${n}\n`).join('')}current-context: ${rt.context}\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n`);
      return 0;
    }
    default:
      if (sub === undefined) {
        // cmdutil.DefaultSubCommandRun(streams.ErrOut): the help on stderr, then CheckErr(ErrExit).
        ctx.out.err('Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n\nAvailable Commands:\n  current-context   Display the current-context\n  get-clusters      Display clusters defined in the kubeconfig\n  get-contexts      Describe one or many contexts\n  get-users         Display users defined in the kubeconfig\n  set-context       Set a context entry in kubeconfig\n  use-context       Set the current-context in a kubeconfig file\n  view              Display merged kubeconfig settings or a specified kubeconfig file\n\nUsage:\n  kubectl config SUBCOMMAND [options]\n');
        return 1;
      }
      return fail(ctx, `error: unknown command "${sub}" for "kubectl config"\n\nRun 'kubectl config --help' for usage.`);
  }
}
