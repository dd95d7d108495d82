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

// `path` and `goPath` are stacks shared by the whole walk (pushed and popped, copied only for a
// diagnostic): most objects are valid, and a fresh array per field was most of this check's cost.
function walkStruct(value: unknown, struct: string, path: PathSegment[], goPath: string[], diags: Diags): void {
  if (!isObj(value)) return;
  const fields = fieldTree.types[struct] ?? {};
  for (const key of Object.keys(value)) {
    path.push(key);
    const expr = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    if (expr === undefined) {
      const name = formatPath(path);
      diags.add('error', 'unknown-field', `unknown field ${JSON.stringify(name)}`, [...path], { field: name }, true);
    } else {
      goPath.push(key);
      walk(value[key], expr, path, struct, goPath, diags);
      goPath.pop();
    }
    path.pop();
  }
}

function walk(value: unknown, given: string, path: PathSegment[], struct: string, goPath: string[], diags: Diags): void {
  if (value === null || value === undefined || given === 'any') return;
  // A []byte takes a base64 string, or (encoding/json decodes any slice so) an array of bytes.
  const expr = given === 'bytes' && Array.isArray(value) ? '[]uint8' : given;
  const mismatch = typeMismatch(value, expr);
  if (mismatch !== null) {
    const field = `${struct}.${goPath.join('.')}`;
    // The decoder's text; for a bool where a string belongs, also why (YAML 1.1 booleans, parse/).
    const hint = mismatch === 'bool' && goType(expr).endsWith('string') ? BOOL_HINT : '';
    const decoder = `json: cannot unmarshal ${mismatch} into Go struct field ${field} of type ${goType(expr)}`;
    // `decoder`: the API server's own words, without the lab's hint (kubectl apply prints those).
    diags.add('error', 'field-type', decoder + hint, [...path], { field: formatPath(path), expected: goType(expr), got: jsonType(value), decoder });
    return;
  }
  if (expr.startsWith('[]')) {
    const inner = expr.slice(2);
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      path.push(i);
      walk(items[i], inner, path, struct, goPath, diags);
      path.pop();
    }
  } else if (expr.startsWith('{}')) {
    const inner = expr.slice(2);
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) {
      path.push(k);
      walk(record[k], inner, path, struct, goPath, diags);
      path.pop();
    }
  } else if (!SCALARS.has(expr)) {
    // A nested struct: its fields are named from that struct (Go's "Struct.dotted.path"), the path continues.
    walkStruct(value, expr, path, goPath, diags);
  }
}

const BOOL_HINT = ' (unquoted yes, no, on, off, y, n, true and false are booleans in YAML: quote the value to make it a string)';
const SCALARS = new Set(['string', 'bytes', 'uint8', 'boolean', 'int32', 'int64', 'quantity', 'intstr', 'any']);
const INT32_MAX = 2147483647;

/** What the decoder says it found when the JSON type does not fit, or null when it fits. */
function typeMismatch(value: unknown, expr: string): string | null {
  const t = jsonType(value);
  if (expr.startsWith('[]')) return t === 'array' ? null : t;
  if (expr.startsWith('{}')) return t === 'object' ? null : t;
  switch (expr) {
    case 'string':
    case 'bytes': return t === 'string' ? null : t;
    case 'uint8': {
      if (t !== 'number') return t;
      const n = value as number;
      return Number.isInteger(n) && n >= 0 && n <= 255 ? null : `number ${String(n)}`;
    }
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
  // Every map of quantities in these kinds is core/v1's named type ResourceList (limits, requests, overhead).
  if (expr === '{}quantity') return 'v1.ResourceList';
  if (expr.startsWith('{}')) return `map[string]${goType(expr.slice(2))}`;
  switch (expr) {
    case 'string': return 'string';
    case 'bytes': return '[]uint8';
    case 'uint8': return 'uint8';
    case 'boolean': return 'bool';
    case 'int32': return 'int32';
    case 'int64': return 'int64';
    case 'quantity': return 'resource.Quantity';
    case 'intstr': return 'intstr.IntOrString';
    default: return `v1.${expr}`;
  }
}
