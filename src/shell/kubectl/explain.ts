import type { Ctx } from '../context.js';
import { parseFlags } from '../flags.js';
import schemaJson from '../../schema/kubernetes.schema.json';
import { fail, usageError } from './errors.js';
import { resolveResource, unknownResource } from './resources.js';

interface Schema {
  readonly $ref?: string;
  readonly type?: string | string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly additionalProperties?: Schema | boolean;
  readonly required?: readonly string[];
  readonly anyOf?: readonly Schema[];
}

const ROOT = schemaJson as unknown as { definitions?: Readonly<Record<string, Schema>> };

function deref(s: Schema | undefined): { name: string | null; schema: Schema | undefined } {
  if (s?.$ref) {
    const name = s.$ref.replace('#/definitions/', '');
    return { name, schema: ROOT.definitions?.[name] };
  }
  return { name: null, schema: s };
}

/** kubectl's type column: `<string>`, `<integer>`, `<[]Container>`, `<map[string]string>`, `<Object>`. */
function typeName(s: Schema | undefined): string {
  if (!s) return 'Object';
  if (s.$ref) return s.$ref.replace('#/definitions/', '');
  if (s.anyOf) return typeName(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]);
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'array') return `[]${typeName(s.items)}`;
  if (t === 'number') return 'integer';
  if (t === 'object' && typeof s.additionalProperties === 'object') return `map[string]${typeName(s.additionalProperties)}`;
  if (t === 'object') return 'Object';
  return t ?? 'Object';
}

/** Wraps text at 80 columns minus the indent, as kubectl explain's plaintext template does. */
function wrap(text: string, indent: number): string {
  const width = 80 - indent;
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(pad + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line ? pad + line : pad);
  }
  return out.join('\n');
}

/** `kubectl explain pod.spec.securityContext`, from src/schema/kubernetes.schema.json's descriptions. */
export function kubectlExplain(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, { recursive: { value: false }, 'api-version': { value: true } });
  if (!r.ok) return usageError(ctx, r.error, 'explain');
  const target = r.parsed.positional[0];
  if (!target) return fail(ctx, "error: You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n");
  const [res, ...path] = target.split('.');
  const type = resolveResource(res ?? '');
  if (!type) return fail(ctx, unknownResource(res ?? ''));
  if (!ROOT.definitions) return fail(ctx, 'error: the lab has no API schema loaded (src/schema/kubernetes.schema.json)');
  let cur = deref({ $ref: `#/definitions/${type.kind}` });
  let field: { name: string; schema: Schema } | null = null;
  for (const seg of path) {
    let s = cur.schema;
    while (s && (Array.isArray(s.type) ? s.type.includes('array') : s.type === 'array') && s.items) s = deref(s.items).schema;
    const prop = s?.properties?.[seg];
    if (!prop) return fail(ctx, `error: field "${seg}" does not exist`);
    field = { name: seg, schema: prop };
    cur = deref(prop.items && !prop.$ref ? prop.items : prop);
  }
  const version = type.group ? `${type.group}/v1` : 'v1';
  let s = `${type.group ? `GROUP:      ${type.group}\n` : ''}KIND:       ${type.kind}\nVERSION:    ${version.replace(/^.*\//, 'v')}\n\n`;
  if (field) s += `FIELD: ${field.name} <${typeName(field.schema)}>\n\n`;
  const desc = field?.schema.description ?? cur.schema?.description ?? '';
  s += `DESCRIPTION:\n${wrap(desc, 4)}\n    \n`;
  const props = cur.schema?.properties;
  if (props && Object.keys(props).length) {
    s += 'FIELDS:\n';
    const required = new Set(cur.schema?.required ?? []);
    for (const k of Object.keys(props).sort()) {
      const p = props[k] as Schema;
      s += `  ${k}\t<${typeName(p)}>${required.has(k) ? ' -required-' : ''}\n${wrap(p.description ?? '', 4)}\n\n`;
    }
  }
  ctx.out.out(s.replace(/\n+$/, '\n\n'));
  return 0;
}
