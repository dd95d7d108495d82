import { parseAllDocuments, stringify, type Document } from 'yaml';
import { KUBE_YAML_OPTIONS, type SourceFile } from '../engine/index.js';

/** Where terminal-created objects go when they have no file of their own. */
export const CLUSTER_FILE = 'cluster.yaml';

/** kubectl prints block sequences without indentation (`- name: x` under `containers:`). */
export function toYaml(value: unknown): string {
  // YAML 1.1 like kubectl's reader, so strings such as `yes` or `0644` come out quoted.
  return stringify(value, { indentSeq: false, lineWidth: 0, schema: 'yaml-1.1', aliasDuplicateObjects: false });
}

/** Appends one document to `fileName`, creating the file when it is missing. */
export function appendDocument(files: readonly SourceFile[], fileName: string, value: unknown): SourceFile[] {
  const body = toYaml(value);
  const existing = files.find((f) => f.name === fileName);
  if (!existing) return [...files, { name: fileName, text: body }];
  const text = existing.text;
  const next = text.trim() === '' ? body : `${text}${text.endsWith('\n') ? '' : '\n'}---\n${body}`;
  return files.map((f) => (f === existing ? { name: f.name, text: next } : f));
}

/** Character span of each document: from its start (incl. `---`) to the next one's start. */
function spans(text: string): { docs: Document.Parsed[]; spans: [number, number][] } {
  const docs = parseAllDocuments(text, KUBE_YAML_OPTIONS) as Document.Parsed[];
  const list = Array.isArray(docs) ? docs : [];
  const out: [number, number][] = list.map((d, i) => {
    const start = i === 0 ? 0 : (d.range?.[0] ?? 0);
    const next = list[i + 1];
    const end = next ? (next.range?.[0] ?? text.length) : text.length;
    return [start, end];
  });
  return { docs: list, spans: out };
}

/** Removes document `doc` of `fileName`; the other documents keep their text byte for byte. */
export function removeDocument(files: readonly SourceFile[], fileName: string, doc: number): SourceFile[] {
  return files.map((f) => {
    if (f.name !== fileName) return f;
    const { spans: sp } = spans(f.text);
    const span = sp[doc];
    if (!span) return f;
    let text = f.text.slice(0, span[0]) + f.text.slice(span[1]);
    // Removing the first document leaves the next one's `---` at the top: harmless, but tidy it.
    if (doc === 0) text = text.replace(/^---[ \t]*\n/, '');
    return { name: f.name, text };
  });
}

/**
 * Rewrites one document through yaml's Document API (comments kept); the other documents keep
 * their text byte for byte. The sequence style (indented or not) follows what the student wrote.
 */
export function updateDocument(files: readonly SourceFile[], fileName: string, doc: number, edit: (d: Document.Parsed) => void): SourceFile[] {
  return files.map((f) => {
    if (f.name !== fileName) return f;
    const { docs, spans: sp } = spans(f.text);
    const d = docs[doc];
    const span = sp[doc];
    if (!d || !span) return f;
    edit(d);
    const original = f.text.slice(span[0], span[1]);
    const indentSeq = !/^( *)[\w.-]+:[ \t]*\n\1- /m.test(original);
    let body = d.toString({ indentSeq, lineWidth: 0 });
    // Keep the blank lines / trailing text that separated this document from the next one.
    const trailing = /\n*$/.exec(original)?.[0] ?? '';
    body = body.replace(/\n*$/, trailing.length ? trailing : '\n');
    return { name: f.name, text: f.text.slice(0, span[0]) + body + f.text.slice(span[1]) };
  });
}
