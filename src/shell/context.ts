import type { BrokenFile, ClusterView, ClusterViewFn } from './cluster-view.js';
import { analyze, type Analysis, type SourceFile, type SourceRef } from '../engine/index.js';
import { indexObjects, type DocObject } from './objects.js';
import { Output } from './output.js';
import type { HostDisk } from './sh/host-fs.js';
import type { Interp } from './sh/exec.js';
import { freshState, restoreState, type ShState } from './sh/state.js';
import type { System } from './sh/system.js';
import type { ExecSession, Mutable, ProbeRecord, ShellRuntime } from './types.js';

export const DEFAULT_CONTEXT = 'kubernetes-admin@kubernetes';
/** The node every pod runs on (a kubeadm control plane, as in the course's labs). */
export const NODE_NAME = 'controlplane';
export const NODE_IP = '192.168.121.10';

export function defaultRuntime(): ShellRuntime {
  return {
    version: 1,
    context: DEFAULT_CONTEXT,
    // A second context, as exam environments have (kubectl config use-context): same cluster, namespace dev.
    namespaces: { [DEFAULT_CONTEXT]: '', dev: 'dev' },
    previousNamespace: null,
    previousContext: null,
    containers: [],
    images: [],
    clock: {},
    history: [],
    applied: {},
    nextHostPid: 3201,
    disk: { dirs: [], scratch: {} },
    sh: null,
    session: null,
    containerDisk: {},
    logs: {},
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
    disk: normalizeDisk(r.disk),
    sh: typeof r.sh === 'object' && r.sh !== null ? (r.sh as ShState) : null,
    session: normalizeSession(r.session),
    containerDisk: obj(r.containerDisk, base.containerDisk),
    logs: obj(r.logs, base.logs),
    rollouts: obj(r.rollouts, {}),
  };
}

function normalizeDisk(v: unknown): HostDisk {
  if (typeof v !== 'object' || v === null) return { dirs: [], scratch: {} };
  const d = v as { dirs?: unknown; scratch?: unknown };
  const dirs = Array.isArray(d.dirs) ? d.dirs.filter((x): x is string => typeof x === 'string') : [];
  const scratch: Record<string, string> = {};
  if (typeof d.scratch === 'object' && d.scratch !== null) {
    for (const [k, x] of Object.entries(d.scratch)) if (typeof x === 'string') scratch[k] = x;
  }
  return { dirs, scratch };
}

function normalizeSession(v: unknown): ExecSession | null {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Partial<Record<keyof ExecSession, unknown>>;
  if (typeof s.namespace !== 'string' || typeof s.pod !== 'string' || typeof s.container !== 'string' || typeof s.shell !== 'string') return null;
  return {
    namespace: s.namespace, pod: s.pod, container: s.container, shell: s.shell,
    state: restoreState(s.state, freshState('/', {})),
    removeOnExit: s.removeOnExit === true,
    started: s.started === true,
    ...(s.restartPolicy === 'Always' || s.restartPolicy === 'OnFailure' || s.restartPolicy === 'Never' ? { restartPolicy: s.restartPolicy } : {}),
  };
}

/** Everything a command sees and may change; one per command line. */
export class Ctx {
  out = new Output();
  runtime: Mutable<ShellRuntime>;
  filesChanged = false;
  open: { file: string; ref?: SourceRef } | undefined;
  clear = false;
  /** Connections the network tools tried during this command line. */
  probes: ProbeRecord[] = [];
  /** `$?` of the command line just run. */
  lastStatus = 0;
  /** `vi FILE`: the tab to show. */
  edit: string | undefined;
  /** The running program's standard input (all of it: the shell feeds pipes and redirections). */
  stdin = '';
  /** The machine the running program is on (the host, or a container for `kubectl exec`). */
  sys!: System;
  /** The running program's environment (exported variables). */
  env: Record<string, string> = {};
  /** The running program's working directory. */
  cwd = '/root';
  /** Whether the running program's stdin / stdout / stderr are the terminal (isatty). */
  tty = { in: false, out: false, err: false };
  /** The shell that started the running program (for `sh -c`, `watch`, `xargs`). */
  interp: Interp | null = null;
  private cachedAnalysis: Analysis | null = null;
  private cachedObjects: DocObject[] | null = null;
  private cachedView: ClusterView | null = null;
  /**
   * Files whose YAML syntax error kept the cluster on their last parsed version, when this command
   * asked the cluster anything (the terminal says so before the answer).
   */
  staleBecause: readonly BrokenFile[] = [];

  constructor(
    public files: SourceFile[],
    runtime: ShellRuntime,
    private readonly analyzer: (files: readonly SourceFile[]) => Analysis = analyze,
    private readonly clusterView: ClusterViewFn = (f) => ({ files: f, broken: [] }),
  ) {
    this.runtime = { ...runtime };
  }

  /** The files the cluster is made of: the editor's, or their last parsed version (cluster-view.ts). */
  private cluster(): readonly SourceFile[] {
    this.cachedView ??= this.clusterView(this.files);
    if (this.cachedView.broken.length > 0) this.staleBecause = this.cachedView.broken;
    return this.cachedView.files;
  }

  analysis(): Analysis {
    this.cachedAnalysis ??= this.analyzer(this.cluster());
    return this.cachedAnalysis;
  }

  objects(): DocObject[] {
    this.cachedObjects ??= indexObjects(this.cluster());
    return this.cachedObjects;
  }

  setFiles(files: SourceFile[]): void {
    this.files = files;
    this.filesChanged = true;
    this.cachedAnalysis = null;
    this.cachedObjects = null;
    this.cachedView = null;
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
