import { analyze, type Analysis, type SourceFile, type SourceRef } from '../engine/index.js';
import { indexObjects, type DocObject } from './objects.js';
import { Output } from './output.js';
import type { Mutable, ShellRuntime } from './types.js';

export const DEFAULT_CONTEXT = 'kubernetes-admin@kubernetes';
/** The node every pod runs on (a kubeadm control plane, as in the course's labs). */
export const NODE_NAME = 'controlplane';
export const NODE_IP = '192.168.121.10';

export function defaultRuntime(): ShellRuntime {
  return {
    version: 1,
    context: DEFAULT_CONTEXT,
    namespaces: { [DEFAULT_CONTEXT]: '' },
    previousNamespace: null,
    previousContext: null,
    containers: [],
    images: [],
    clock: {},
    history: [],
    applied: {},
    nextHostPid: 3201,
  };
}

/** Accepts whatever the store kept (possibly from an older version) and fills the gaps. */
export function normalizeRuntime(input: unknown): ShellRuntime {
  const base = defaultRuntime();
  if (typeof input !== 'object' || input === null) return base;
  const r = input as Partial<Record<keyof ShellRuntime, unknown>>;
  const obj = <T>(v: unknown, d: T): T => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as T) : d);
  const arr = <T>(v: unknown, d: readonly T[]): readonly T[] => (Array.isArray(v) ? (v as T[]) : d);
  return {
    version: 1,
    context: typeof r.context === 'string' ? r.context : base.context,
    namespaces: obj(r.namespaces, base.namespaces),
    previousNamespace: typeof r.previousNamespace === 'string' ? r.previousNamespace : null,
    previousContext: typeof r.previousContext === 'string' ? r.previousContext : null,
    containers: arr(r.containers, base.containers),
    images: arr(r.images, base.images),
    clock: obj(r.clock, base.clock),
    history: arr(r.history, base.history),
    applied: obj(r.applied, base.applied),
    nextHostPid: typeof r.nextHostPid === 'number' ? r.nextHostPid : base.nextHostPid,
  };
}

/** Everything a command sees and may change; one per command line. */
export class Ctx {
  readonly out = new Output();
  runtime: Mutable<ShellRuntime>;
  filesChanged = false;
  open: { file: string; ref?: SourceRef } | undefined;
  clear = false;
  private cachedAnalysis: Analysis | null = null;
  private cachedObjects: DocObject[] | null = null;

  constructor(
    public files: SourceFile[],
    runtime: ShellRuntime,
    private readonly analyzer: (files: readonly SourceFile[]) => Analysis = analyze,
  ) {
    this.runtime = { ...runtime };
  }

  analysis(): Analysis {
    this.cachedAnalysis ??= this.analyzer(this.files);
    return this.cachedAnalysis;
  }

  objects(): DocObject[] {
    this.cachedObjects ??= indexObjects(this.files);
    return this.cachedObjects;
  }

  setFiles(files: SourceFile[]): void {
    this.files = files;
    this.filesChanged = true;
    this.cachedAnalysis = null;
    this.cachedObjects = null;
  }

  /** The current context's namespace (`default` when the kubeconfig sets none). */
  namespace(): string {
    return this.runtime.namespaces[this.runtime.context] || 'default';
  }

  /** The raw object of a document, found by the engine's SourceRef. */
  docAt(ref: SourceRef | undefined): DocObject | undefined {
    if (!ref) return undefined;
    return this.objects().find((o) => o.file === ref.file && o.doc === ref.doc);
  }
}

export type Command = (args: string[], ctx: Ctx) => number;
