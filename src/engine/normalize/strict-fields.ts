import type { PathSegment } from '../model/index.js';
import { formatPath } from '../model/index.js';
import type { Diags } from './diag.js';
import { fieldTree } from './field-tree.js';
import { isObj } from './values.js';

/**
 * The API server's strict decoding (kubectl's default `--validate=strict`): every key not in the
 * type is `unknown field "<full path>"` (k8s.io/apimachinery pkg/runtime/serializer/json strict
 * errors via sigs.k8s.io/json, paths with `[i]` indices), pointed at the key. A value of the wrong
 * JSON type is the decoder's `json: cannot unmarshal <json type> into Go struct field
 * <Struct>.<dotted field path> of type <go type>`. `null` is accepted anywhere (Go leaves the zero value).
 */
export function checkFields(value: unknown, struct: string, diags: Diags): void {
  walkStruct(value, struct, [], [], diags);
}

function walkStruct(value: unknown, struct: string, path: PathSegment[], goPath: string[], diags: Diags): void {
  if (!isObj(value)) return;
  const fields = fieldTree.types[struct] ?? {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key];
    const expr = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    if (expr === undefined) {
      const name = formatPath(childPath);
      diags.add('error', 'unknown-field', `unknown field ${JSON.stringify(name)}`, childPath, { field: name }, true);
      continue;
    }
    walk(child, expr, childPath, struct, [...goPath, key], diags);
  }
}

function walk(value: unknown, expr: string, path: PathSegment[], struct: string, goPath: string[], diags: Diags): void {
  if (value === null || value === undefined || expr === 'any') return;
  const mismatch = typeMismatch(value, expr);
  if (mismatch !== null) {
    const field = `${struct}.${goPath.join('.')}`;
    const message = `json: cannot unmarshal ${mismatch} into Go struct field ${field} of type ${goType(expr)}`;
    diags.add('error', 'field-type', message, path, { field: formatPath(path), expected: goType(expr), got: jsonType(value) });
    return;
  }
  if (expr.startsWith('[]')) {
    const inner = expr.slice(2);
    (value as unknown[]).forEach((item, i) => walk(item, inner, [...path, i], struct, goPath, diags));
  } else if (expr.startsWith('{}')) {
    const inner = expr.slice(2);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, inner, [...path, k], struct, goPath, diags);
  } else if (!SCALARS.has(expr)) {
    walkStruct(value, expr, path, goPath, diags);
  }
}

const SCALARS = new Set(['string', 'boolean', 'int32', 'int64', 'quantity', 'intstr', 'any']);
const INT32_MAX = 2147483647;

/** What the decoder says it found when the JSON type does not fit, or null when it fits. */
function typeMismatch(value: unknown, expr: string): string | null {
  const t = jsonType(value);
  if (expr.startsWith('[]')) return t === 'array' ? null : t;
  if (expr.startsWith('{}')) return t === 'object' ? null : t;
  switch (expr) {
    case 'string': return t === 'string' ? null : t;
    case 'boolean': return t === 'bool' ? null : t;
    case 'quantity': return t === 'string' || t === 'number' ? null : t;
    case 'int32':
    case 'int64':
    case 'intstr': {
      if (expr === 'intstr' && t === 'string') return null;
      if (t !== 'number') return t;
      const n = value as number;
      const fits = Number.isInteger(n) && (expr !== 'int32' || Math.abs(n) <= INT32_MAX + (n < 0 ? 1 : 0));
      // Go names the literal when a number does not fit the integer type: `number 1.5`.
      return fits ? null : `number ${String(n)}`;
    }
    default: return t === 'object' ? null : t;
  }
}

/** JSON type names as encoding/json prints them. */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string': return 'string';
    case 'number': return 'number';
    case 'boolean': return 'bool';
    case 'object': return 'object';
    default: return typeof value;
  }
}

function goType(expr: string): string {
  if (expr.startsWith('[]')) return `[]${goType(expr.slice(2))}`;
  if (expr.startsWith('{}')) return `map[string]${goType(expr.slice(2))}`;
  switch (expr) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'int32': return 'int32';
    case 'int64': return 'int64';
    case 'quantity': return 'resource.Quantity';
    case 'intstr': return 'intstr.IntOrString';
    default: return `v1.${expr}`;
  }
}
