/**
 * Where a value came from. Paths are cheap to record while normalizing; `Analysis.locate`
 * turns them into line/column ranges only when someone asks (a click, a marker, a diagnostic).
 */
export interface SourceFile {
  /** File name as the student sees it in a tab or on disk, e.g. `pods.yaml`. */
  readonly name: string;
  readonly text: string;
}

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A node of one YAML document: `doc` is the 0-based index of the document within its file. */
export interface SourceRef {
  readonly file: string;
  readonly doc: number;
  readonly path: Path;
}

/** 1-based lines and columns, end exclusive; offsets are 0-based into the file text. */
export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly start: number;
  readonly end: number;
}

/** A reference to a node below `ref`. */
export function sub(ref: SourceRef, ...more: PathSegment[]): SourceRef {
  return { file: ref.file, doc: ref.doc, path: [...ref.path, ...more] };
}

/** `spec.containers[0].securityContext` — the API server's way of naming a field path. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
