import type { Command, Ctx } from '../context.js';
import { applyFiles } from './apply.js';
import { kubectlConfig } from './config.js';
import { kubectlCreate } from './create.js';
import { kubectlDelete } from './delete.js';
import { kubectlDescribe } from './describe.js';
import { kubectlEdit } from './edit.js';
import { fail, usageError } from './errors.js';
import { kubectlExec } from './exec.js';
import { kubectlExplain } from './explain.js';
import { kubectlGet } from './get.js';
import { kubectlLabel } from './label.js';
import { kubectlRun } from './run.js';
import { flagAll, parseFlags } from '../flags.js';

function apply(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, { filename: { short: 'f', value: true }, namespace: { short: 'n', value: true } });
  if (!r.ok) return usageError(ctx, r.error, 'apply');
  const files = flagAll(r.parsed, 'filename');
  if (files.length === 0) return fail(ctx, "error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples");
  return applyFiles(ctx, files, 'apply');
}

export const KUBECTL_SUBCOMMANDS: Readonly<Record<string, Command>> = {
  get: kubectlGet,
  describe: kubectlDescribe,
  apply,
  create: kubectlCreate,
  delete: kubectlDelete,
  label: kubectlLabel,
  run: kubectlRun,
  edit: kubectlEdit,
  explain: kubectlExplain,
  config: kubectlConfig,
  exec: kubectlExec,
};

/** `kubectl` / `k`: global `-n` may come before the subcommand. */
export const kubectl: Command = (args, ctx) => {
  const words = [...args];
  const pre: string[] = [];
  while (words[0] === '-n' || words[0] === '--namespace' || words[0]?.startsWith('--namespace=') || /^-n\S/.test(words[0] ?? '')) {
    const w = words.shift() as string;
    pre.push(w);
    if ((w === '-n' || w === '--namespace') && words.length) pre.push(words.shift() as string);
  }
  const sub = words.shift();
  if (!sub) {
    ctx.out.line('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nThe lab simulates: get, describe, apply, create, delete, label, run, edit, explain, config, exec');
    return 0;
  }
  if (sub === 'version') {
    ctx.out.line('Client Version: v1.30.0\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.0');
    return 0;
  }
  const cmd = KUBECTL_SUBCOMMANDS[sub];
  if (!cmd) return fail(ctx, `error: unknown command "${sub}" for "kubectl"\n\nRun 'kubectl --help' for usage.`);
  return cmd([...pre, ...words], ctx);
};
