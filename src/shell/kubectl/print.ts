import { tabwrite } from '../tabwriter.js';
import type { Ctx } from '../context.js';
import { isRecord } from '../objects.js';
import { goJsonIndent, goYaml, typedOrder } from './encoding.js';
import { fail } from './errors.js';
import { jsonpath } from './jsonpath.js';
import { qualifiedKind } from './resources.js';

export type DryRun = 'none' | 'client' | 'server';

/**
 * cmdutil.GetDryRunStrategy (kubectl pkg/cmd/util/helpers.go): `client`, `server`, `none`; the bare
 * flag (`--dry-run`, NoOptDefVal "unchanged") is client with klog's deprecation warning.
 */
export function dryRunOf(ctx: Ctx, value: string | undefined): DryRun | null {
  if (value === undefined || value === 'none' || value === 'false') return 'none';
  if (value === 'client' || value === 'true') return 'client';
  if (value === 'server') return 'server';
  if (value === 'unchanged') {
    ctx.out.errLine('W0520 09:00:00.000000    4242 helpers.go:703] --dry-run is deprecated and can be replaced with --dry-run=client.');
    return 'client';
  }
  fail(ctx, `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  return null;
}

/** The operation message suffix PrintFlagsWithDryRunStrategy adds. */
export function dryRunSuffix(dry: DryRun): string {
  return dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
}

/** The formats cli-runtime's PrintFlags (create, run, expose, apply…) accept, sorted as AllowedFormats lists them. */
const PRINT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Whether `-o X` is a format PrintFlags knows (checked before anything is created, as ToPrinter runs in Complete). */
export function checkOutputFormat(ctx: Ctx, output: string | undefined): boolean {
  if (output === undefined || output === '') return true;
  const base = output.split('=')[0] ?? '';
  if (['json', 'yaml', 'name', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'go-template', 'go-template-file', 'template', 'templatefile'].includes(base)) return true;
  fail(ctx, `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINT_FORMATS}`);
  return false;
}

/** `kind/name` as the name printer writes it (`pod/web`, `deployment.apps/web`). */
export function kindName(obj: Record<string, unknown>): string {
  const meta = isRecord(obj['metadata']) ? obj['metadata'] : {};
  return `${qualifiedKind(String(obj['kind'] ?? ''), String(obj['apiVersion'] ?? ''))}/${String(meta['name'] ?? '')}`;
}

/**
 * Prints one object as PrintFlags.ToPrinter's printer does: the operation line
 * (`pod/web created (dry run)`), `-o name`, `-o yaml`, `-o json` (typed: Go struct order),
 * `-o jsonpath=…`. Returns the exit code.
 */
export function printObject(ctx: Ctx, obj: Record<string, unknown>, output: string | undefined, operation: string, opts: { typed?: boolean } = {}): number {
  const out = output ?? '';
  if (out === '') {
    ctx.out.line(`${kindName(obj)} ${operation}`);
    return 0;
  }
  if (out === 'name') {
    ctx.out.line(kindName(obj));
    return 0;
  }
  if (out === 'yaml') {
    ctx.out.out(goYaml(obj));
    return 0;
  }
  if (out === 'json') {
    ctx.out.out(`${goJsonIndent(opts.typed ? typedOrder(obj) : obj)}\n`);
    return 0;
  }
  const m = /^(jsonpath|jsonpath-as-json)=(.*)$/s.exec(out);
  if (m) {
    const r = jsonpath(m[2] ?? '', obj, { asJson: m[1] === 'jsonpath-as-json' });
    if (!r.ok) return fail(ctx, r.error);
    ctx.out.out(r.text);
    return 0;
  }
  if (out === 'jsonpath' || out === 'jsonpath-as-json' || out === 'go-template' || out === 'template') return fail(ctx, 'error: template format specified but no template given');
  return fail(ctx, `error: the lab does not render -o ${out}; use -o yaml, -o json or -o jsonpath`);
}

/** Several objects as one printer run: YAML documents joined by `---` (the YAML printer's separator). */
export function printObjects(ctx: Ctx, objs: readonly Record<string, unknown>[], output: string | undefined, operation: string, opts: { typed?: boolean } = {}): number {
  let code = 0;
  objs.forEach((o, i) => {
    if (i > 0 && output === 'yaml') ctx.out.out('---\n');
    code = printObject(ctx, o, output, operation, opts) || code;
  });
  return code;
}

/**
 * kubectl's table writer (cli-runtime printers/tabwriter.go: minwidth 6, tabwidth 4, padding 3,
 * space padding; kubectl-00-common.md §2): rows of cells, tab-separated, columns aligned.
 */
export function kubeTable(rows: readonly (readonly string[])[]): string {
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', { minwidth: 6, padding: 3 });
}
