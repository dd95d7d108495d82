import type { SourceRef } from './source.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Every problem with student input is one of these; the engine never throws on input.
 * `message` is English (and, where the spec says so, the exact text Kubernetes prints);
 * `code` + `params` let the UI render a translated message.
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable identifier, e.g. `yaml-syntax`, `unknown-field`, `image-invalid`. */
  readonly code: string;
  readonly message: string;
  readonly file: string;
  /** 1-based; 1 when the problem has no better place (e.g. a global warning). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Field path within the object (`spec.ingress[0].from[1]`), '' when not about a field. */
  readonly path: string;
  /** Values interpolated into `message`, for translation. */
  readonly params: Readonly<Record<string, string | number>>;
  /** Object the diagnostic is about, `Kind/namespace/name`, when known. */
  readonly object?: string;
}

/** A diagnostic before positions are resolved: normalize/ and analysis stages emit these. */
export interface PendingDiagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  /** Where it points; omitted for scenario-wide diagnostics (then file '' line 1). */
  readonly ref?: SourceRef;
  /** When true, point at the key of the field rather than its value (unknown fields). */
  readonly atKey?: boolean;
  /** Exact offsets within `ref.file` (YAML syntax errors), overriding `ref.path`. */
  readonly offsets?: readonly [number, number];
  readonly params?: Readonly<Record<string, string | number>>;
  readonly object?: string;
}
