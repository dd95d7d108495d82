import type { SourceFile } from '../engine/index.js';
import { parseSources } from '../engine/parse/index.js';

/**
 * Which files are the cluster while the editor has a YAML syntax error. The graph keeps showing the
 * last analysis in which every file parsed (state/analysis.ts); the terminal answers from the same
 * files, so `kubectl get` and the graph never disagree, and says so before its answer.
 */
export interface ClusterView {
  /** The files the cluster is made of now. */
  readonly files: readonly SourceFile[];
  /** The files whose syntax error keeps the cluster on an older version (empty when none). */
  readonly broken: readonly BrokenFile[];
}

export interface BrokenFile {
  readonly file: string;
  /** 1-based line of the first syntax error. */
  readonly line: number;
}

export type ClusterViewFn = (files: readonly SourceFile[]) => ClusterView;

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/** The files with a YAML syntax error (the engine's own `yaml-syntax` diagnostics), with its line. */
export function brokenFiles(files: readonly SourceFile[]): BrokenFile[] {
  const out: BrokenFile[] = [];
  for (const file of files) {
    if (!isYaml(file.name)) continue;
    const error = parseSources([file]).diagnostics.find((d) => d.code === 'yaml-syntax');
    if (!error) continue;
    const at = error.offsets?.[0] ?? 0;
    let line = 1;
    for (let i = 0; i < at && i < file.text.length; i++) if (file.text.charCodeAt(i) === 10) line++;
    out.push({ file: file.name, line });
  }
  return out;
}

/**
 * The rule of the graph, for a shell on its own (the CLI, tests): the cluster is the last set of
 * files that all parsed; before any did, the files as they are (the engine reports the error).
 */
export function lastParsedView(): ClusterViewFn {
  let good: readonly SourceFile[] | null = null;
  let checked: readonly SourceFile[] | null = null;
  let broken: BrokenFile[] = [];
  return (files) => {
    if (files !== checked) {
      checked = files;
      broken = brokenFiles(files);
      if (broken.length === 0) good = files;
    }
    return broken.length === 0 || good === null ? { files, broken: good === null ? [] : broken } : { files: good, broken };
  };
}
