import type { Ctx } from '../context.js';
import { bool, flag, parseFlags } from '../flags.js';
import schemaJson from '../../schema/kubernetes.schema.json';
import { fail, usageError } from './errors.js';
import { EXPLAIN_ENUMS, EXPLAIN_REQUIRED } from './explain-enums.js';
import { apiVersionOf, resolveResource } from './resources.js';

interface Schema {
  readonly $ref?: string;
  readonly type?: string | string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly additionalProperties?: Schema | boolean;
  readonly required?: readonly string[];
  readonly anyOf?: readonly Schema[];
  /** Added by this module: the enum values of a field (EXPLAIN_ENUMS). */
  readonly enum?: readonly string[];
}

const ROOT = schemaJson as unknown as { definitions?: Readonly<Record<string, Schema>> };

const refName = (ref: string): string => ref.replace('#/definitions/', '');
const resolveRef = (ref: string | undefined): Schema | undefined => (ref ? ROOT.definitions?.[refName(ref)] : undefined);

/**
 * kubectl's explain, rendered as kubernetes/kubectl pkg/explain/v2/templates/plaintext.tmpl (v0.30)
 * renders the OpenAPI v3 document, over src/schema/kubernetes.schema.json (kubernetes-types 1.30):
 * a field with a `$ref` there stands for the document's `allOf: [{$ref}]` with its own description.
 */

/** mitchellh/go-wordwrap WrapString (v1.0.1, what kubectl's term.NewWordWrapWriter uses). */
export function wrapString(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of s) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + space.length > lim) current = 0;
        else {
          current += space.length;
          buf += space;
        }
        space = '';
      } else {
        current += space.length + word.length;
        buf += space + word;
        space = '';
        word = '';
      }
      buf += ch;
      current = 0;
    } else if (/\s/.test(ch)) {
      if (space.length === 0 || word.length > 0) {
        current += space.length + word.length;
        buf += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + space.length + word.length > lim && word.length < lim) {
        buf += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + space.length <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

/** The template's `indent`: the pad before the text and after every newline. */
function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.replace(/\n/g, `\n${pad}`);
}

/** The template's typeGuess: `string`, `integer`, `[]Container`, `map[string]string`, `Object`, `IntOrString`. */
function typeGuess(s: Schema): string {
  if (s.items) return `[]${typeGuess(s.items)}`;
  if (typeof s.additionalProperties === 'object') return `map[string]${typeGuess(s.additionalProperties)}`;
  if (s.anyOf) return typeGuess(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0] ?? {});
  if (s.$ref) {
    const target = resolveRef(s.$ref);
    const t = target?.type;
    if (!target || t === undefined || t === 'object' || Array.isArray(t)) return refName(s.$ref);
    return primitive(t);
  }
  if (Array.isArray(s.type)) return s.type.includes('string') && s.type.includes('number') ? 'IntOrString' : primitive(s.type.find((x) => x !== 'null') ?? 'object');
  if (s.type === 'object' || s.type === undefined) return 'Object';
  return primitive(s.type);
}

/** The schema writes every int32/int64 as JSON Schema's `number`; OpenAPI has `integer`. */
function primitive(t: string): string {
  if (t === 'number') return 'integer';
  if (t === 'object') return 'Object';
  return t;
}

/** The template's `description`: the schema's own text, then what it refers to. */
function description(s: Schema): string {
  let out = '';
  if (s.description) out += `${s.description}\n`;
  const target = resolveRef(s.$ref);
  if (target) out += description(target);
  if (s.items) out += description(s.items);
  if (typeof s.additionalProperties === 'object') out += description(s.additionalProperties);
  return out;
}

/** A schema as the template sees it: its ref resolved, enums attached to properties. */
function resolved(s: Schema): { schema: Schema; name: string | null } {
  const name = s.$ref ? refName(s.$ref) : null;
  return { schema: (s.$ref ? resolveRef(s.$ref) : undefined) ?? s, name };
}

function enumOf(owner: string | null, field: string): readonly string[] | undefined {
  return owner ? EXPLAIN_ENUMS[`${owner}.${field}`] : undefined;
}

function extractEnum(values: readonly string[] | undefined, longView: boolean, limit: number, indentAmount: number): string {
  if (!values || values.length === 0) return '';
  let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  values.forEach((v, i) => {
    if (out.endsWith(', ....')) return;
    if (limit > -1 && i >= limit) {
      out += ', ....';
      return;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += '\n    ';
    out += v === '' ? '""' : v;
  });
  return out;
}

function fieldList(s: Schema, level: number, recursive: boolean, history: ReadonlySet<string>): string {
  const ref = s.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history);
  next.add(ref);
  const { schema, name } = resolved(s);
  let out = '';
  const props = schema.properties ?? {};
  for (const k of Object.keys(props).sort()) {
    const field = props[k] as Schema;
    const pad = level * 2;
    out += `${indent(pad, k)}\t<${typeGuess(field)}>`;
    if (schema.required?.includes(k) || (name !== null && EXPLAIN_REQUIRED[name]?.includes(k))) out += ' -required-';
    out += extractEnum(enumOf(name, k), false, 4, pad);
    out += '\n';
    if (!recursive) out += `${indent(pad + 2, wrapString(field.description ?? '<no description>', 78 - pad))}\n\n`;
    else out += fieldList(field, level + 1, recursive, next);
  }
  if (schema.items) out += fieldList(schema.items, level, recursive, next);
  if (typeof schema.additionalProperties === 'object') out += fieldList(schema.additionalProperties, level, recursive, next);
  return out;
}

/** The template's `output`: follows the field path, then DESCRIPTION and FIELDS. null: a field does not exist. */
function output(s: Schema, owner: string | null, path: readonly string[], recursive: boolean): string | null {
  const { schema, name } = resolved(s);
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(s) || '<empty>', 76))}\n`;
    const fields = fieldList(s, 1, recursive, new Set());
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  const [first, ...rest] = path as [string, ...string[]];
  const sub = schema.properties?.[first];
  if (sub) {
    let out = '';
    if (rest.length === 0) out += `FIELD: ${first} <${typeGuess(sub)}>\n${extractEnum(enumOf(name ?? owner, first), true, -1, 0)}\n\n`;
    const tail = output(sub, null, rest, recursive);
    return tail === null ? null : out + tail;
  }
  if (schema.items) return output(schema.items, null, path, recursive);
  if (typeof schema.additionalProperties === 'object') return output(schema.additionalProperties, null, path, recursive);
  return null;
}

/** `kubectl explain pod.spec.securityContext [--recursive]` (pkg/cmd/explain/explain.go). */
export function kubectlExplain(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, { recursive: { value: false }, 'api-version': { value: true }, output: { short: 'o', value: true } });
  if (!r.ok) return usageError(ctx, r.error, 'explain');
  const target = r.parsed.positional[0];
  if (!target) return fail(ctx, 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  const out = flag(r.parsed, 'output');
  if (out !== undefined && out !== 'plaintext' && out !== 'plaintext-openapiv2') {
    return fail(ctx, `error: unsupported output format: ${out}; supported formats: plaintext, plaintext-openapiv2`);
  }
  const [res, ...path] = target.split('.');
  const type = resolveResource(res ?? '');
  if (!type) return fail(ctx, `error: the server doesn't have a resource type "${res ?? ''}"`);
  const root = ROOT.definitions?.[type.kind];
  if (!root) return fail(ctx, `error: GVR (${apiVersionOf(type)}, Resource=${type.plural}) not found in OpenAPI schema`);
  let s = type.group ? `GROUP:      ${type.group}\n` : '';
  s += `KIND:       ${type.kind}\nVERSION:    ${type.version}\n\n`;
  const body = output({ $ref: `#/definitions/${type.kind}` }, type.kind, path, bool(r.parsed, 'recursive'));
  if (body === null) {
    // The template throws: what was rendered so far is on stdout, the error on stderr.
    ctx.out.out(s);
    return fail(ctx, `error: field "${path[path.length - 1] ?? ''}" does not exist`);
  }
  ctx.out.out(`${s}${body}\n`);
  return 0;
}
