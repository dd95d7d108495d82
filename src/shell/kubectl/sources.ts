import { parseAllDocuments } from 'yaml';
import { isManifestFile, KUBE_YAML_OPTIONS } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { isRecord } from '../objects.js';
import { isErrno, resolvePath } from '../sh/fs.js';
import { tabName } from '../sh/host-fs.js';

/**
 * What `-f` names, read as kubectl's resource builder reads it (cli-runtime pkg/resource
 * builder.go FilenameParam / visitor.go ExpandPathsToFileVisitors): `-` is standard input
 * (source name `STDIN`), a path is relative to the working directory, a directory contributes
 * its `.json`/`.yaml`/`.yml` files (recursively with -R), and each file is split into documents
 * (`List` objects flattened). A path that is an editor tab keeps the link to its documents.
 */

export interface SourceObject {
  readonly value: Record<string, unknown>;
  /** Index of the document in its file. */
  readonly doc: number;
}

export interface Source {
  /** How kubectl names it in messages: the path as given, or `STDIN`. */
  readonly name: string;
  /** The editor tab this file is, or null (stdin, /tmp, …). */
  readonly tab: string | null;
  readonly objects: readonly SourceObject[];
}

export type ReadResult = { ok: true; sources: Source[] } | { ok: false; error: string };

const EXTENSIONS = ['.json', '.yaml', '.yml'];

export function readSources(ctx: Ctx, names: readonly string[], recursive: boolean): ReadResult {
  const files: { name: string; tab: string | null; text: string }[] = [];
  for (const name of names) {
    if (name === '-') {
      files.push({ name: 'STDIN', tab: null, text: ctx.stdin });
      continue;
    }
    if (/^https?:\/\//.test(name)) return { ok: false, error: `error: unable to read URL "${name}", server reported 404 Not Found, status code=404` };
    const fs = ctx.sys?.fs;
    if (!fs) {
      // No file system (a unit test calling kubectl directly): the tabs by name.
      const tab = ctx.files.find((f) => f.name === name);
      if (!tab) return { ok: false, error: `error: the path "${name}" does not exist` };
      files.push({ name, tab: tab.name, text: tab.text });
      continue;
    }
    const path = resolvePath(ctx.cwd, name.replace(/^~(?=\/|$)/, ctx.sys.home));
    const st = fs.stat(path);
    if (isErrno(st)) return { ok: false, error: `error: the path "${name}" does not exist` };
    if (st.type === 'dir') {
      const walk = (dir: string, shown: string, top: boolean): void => {
        const entries = fs.readdir(dir);
        if (isErrno(entries)) return;
        for (const e of entries) {
          const full = dir === '/' ? `/${e}` : `${dir}/${e}`;
          const s = fs.stat(full);
          if (isErrno(s)) continue;
          const label = shown.endsWith('/') ? `${shown}${e}` : `${shown}/${e}`;
          if (s.type === 'dir') {
            if (recursive) walk(full, label, false);
            continue;
          }
          if (!EXTENSIONS.some((x) => e.endsWith(x))) continue;
          const text = fs.read(full);
          if (typeof text === 'string') files.push({ name: label, tab: tabName(full), text });
        }
        void top;
      };
      walk(path, name, true);
      continue;
    }
    const text = fs.read(path);
    if (typeof text !== 'string') return { ok: false, error: `error: the path "${name}" does not exist` };
    files.push({ name, tab: tabName(path), text });
  }
  const sources: Source[] = [];
  for (const f of files) {
    const parsed = parseObjects(f.name, f.text);
    if (!parsed.ok) return parsed;
    sources.push({ name: f.name, tab: f.tab !== null && ctx.files.some((x) => x.name === f.tab) && isManifestFile(f.tab) ? f.tab : null, objects: parsed.objects });
  }
  return { ok: true, sources };
}

/** Splits a file into objects; empty documents are skipped, a `List`'s items are its objects. */
export function parseObjects(source: string, text: string): { ok: true; objects: SourceObject[] } | { ok: false; error: string } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(text);
      return { ok: true, objects: flatten(v, 0) };
    } catch (e) {
      return { ok: false, error: `error: error parsing ${source}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  let docs;
  try {
    docs = parseAllDocuments(text, KUBE_YAML_OPTIONS);
  } catch (e) {
    return { ok: false, error: `error: error parsing ${source}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!Array.isArray(docs)) return { ok: true, objects: [] };
  const objects: SourceObject[] = [];
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    if (!d) continue;
    const err = d.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? 1;
      const msg = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? err.message;
      return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${goYamlMessage(msg)}` };
    }
    let v: unknown;
    try {
      v = d.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      return { ok: false, error: `error: error parsing ${source}: ${e instanceof Error ? e.message : String(e)}` };
    }
    objects.push(...flatten(v, i));
  }
  return { ok: true, objects };
}

/** The few messages people hit, in goyaml.v2's words; others as the parser says them. */
function goYamlMessage(msg: string): string {
  if (/Nested mappings are not allowed in compact mappings|Implicit map keys need to be/i.test(msg)) return 'mapping values are not allowed in this context';
  if (/All mapping items must start at the same column|bad indentation/i.test(msg)) return 'did not find expected key';
  if (/Tabs are not allowed/i.test(msg)) return 'found character that cannot start any token';
  return msg.charAt(0).toLowerCase() + msg.slice(1);
}

function flatten(v: unknown, doc: number): SourceObject[] {
  if (v === null || v === undefined) return [];
  if (!isRecord(v)) return [{ value: { '': v } as Record<string, unknown>, doc }];
  if (typeof v['kind'] === 'string' && v['kind'].endsWith('List') && Array.isArray(v['items'])) {
    return v['items'].filter(isRecord).map((value) => ({ value, doc }));
  }
  return [{ value: v, doc }];
}
