import type { PathSegment, PendingDiagnostic, Severity, SourceRef } from '../model/index.js';
import { formatPath, sub } from '../model/index.js';

/**
 * Diagnostics collected while normalizing one object. Field errors are worded as
 * k8s.io/apimachinery `pkg/util/validation/field` formats them (`<path>: Invalid value: <v>: <detail>`),
 * so students see what `kubectl apply` would print.
 */
export class Diags {
  readonly list: PendingDiagnostic[] = [];
  constructor(readonly root: SourceRef, readonly object?: string) {}

  get hasError(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  add(severity: Severity, code: string, message: string, path: readonly PathSegment[], params: Record<string, string | number> = {}, atKey = false): void {
    this.list.push({
      severity, code, message, ref: sub(this.root, ...path), params,
      ...(atKey ? { atKey: true } : {}),
      ...(this.object !== undefined ? { object: this.object } : {}),
    });
  }

  /** `field.Invalid`: `spec.x: Invalid value: "v": detail`. */
  invalid(code: string, path: readonly PathSegment[], value: unknown, detail: string, at?: { path: readonly PathSegment[]; atKey?: boolean }): void {
    const field = formatPath(path);
    this.add('error', code, `${field}: Invalid value: ${goValue(value)}: ${detail}`, at?.path ?? path, { field, value: goValue(value), detail }, at?.atKey ?? false);
  }

  /** `field.Required`: `spec.x: Required value[: detail]`. */
  required(code: string, path: readonly PathSegment[], detail = '', at?: readonly PathSegment[]): void {
    const field = formatPath(path);
    this.add('error', code, `${field}: Required value${detail ? `: ${detail}` : ''}`, at ?? path, { field, detail });
  }

  /**
   * `field.Forbidden`: `spec.x: Forbidden: detail`. `at`: where to point when the API server names
   * a field the student did not write (it copies spec.clusterIP into spec.clusterIPs first).
   */
  forbidden(code: string, path: readonly PathSegment[], detail: string, at?: readonly PathSegment[]): void {
    const field = formatPath(path);
    this.add('error', code, `${field}: Forbidden: ${detail}`, at ?? path, { field, detail });
  }

  /** `field.NotSupported`: `spec.x: Unsupported value: "v": supported values: "a", "b"`. */
  notSupported(code: string, path: readonly PathSegment[], value: unknown, supported: readonly string[]): void {
    const field = formatPath(path);
    const list = supported.map((s) => JSON.stringify(s)).join(', ');
    this.add('error', code, `${field}: Unsupported value: ${goValue(value)}: supported values: ${list}`, path, { field, value: goValue(value), supported: list });
  }

  /** `field.Duplicate`: `spec.x: Duplicate value: "v"`. */
  duplicate(code: string, path: readonly PathSegment[], value: unknown): void {
    const field = formatPath(path);
    this.add('error', code, `${field}: Duplicate value: ${goValue(value)}`, path, { field, value: goValue(value) });
  }

  warn(code: string, message: string, path: readonly PathSegment[], params: Record<string, string | number> = {}): void {
    this.add('warning', code, message, path, params);
  }
}

/** How field errors print a value: strings quoted (Go %q), numbers bare. */
export function goValue(value: unknown): string {
  if (value instanceof GoLiteral) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A value printed verbatim in a field error (e.g. Go's `map[string]string{...}`). */
export class GoLiteral {
  constructor(readonly text: string) {}
}
