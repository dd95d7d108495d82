import type { SourceFile, SourceRef } from '../engine/index.js';
import type { HostDisk } from './sh/host-fs.js';
import type { ShState } from './sh/state.js';

/** One piece of what a command printed, with the stream it went to (1 stdout, 2 stderr). */
export interface OutputChunk {
  readonly fd: 1 | 2;
  readonly text: string;
  /**
   * The tool styled this text itself for a terminal (ls/grep colours, a progress line's CR) and
   * passed its data through `visible` first: the terminal keeps its SGR sequences (escape.ts).
   */
  readonly styled?: true;
}

export interface ShellResult {
  /** Everything the command printed, stdout and stderr interleaved as a terminal shows them. */
  readonly output: string;
  readonly exitCode: number;
  /** The editor's files after the command, present only when objects changed. */
  readonly files?: SourceFile[];
  /** `kubectl edit`: the tab (and node) to open instead of a terminal editor. */
  readonly open?: { readonly file: string; readonly ref?: SourceRef };
  /** `clear` / Ctrl+L. */
  readonly clear?: boolean;
  /** The input is not complete yet (open quote, here-document, trailing `|`): show PS2 and read on. */
  readonly continuation?: boolean;
  /** Connections network tools tried, in order (the terminal offers to explain the last). */
  readonly probes?: readonly ProbeRecord[];
  /** The whole command that ran (several lines when it was continued), as typed. */
  readonly command?: string;
  /** `vi FILE` and friends: the editor tab to open (created when new). */
  readonly edit?: string;
  /** The same text split by stream, in order (the CLI writes each to its own stream). */
  readonly streams?: readonly OutputChunk[];
  /**
   * `output` as the lab's terminal shows it (escape.ts screenText): control characters from data
   * made visible, the tools' own colours kept. Absent on a continuation.
   */
  readonly screen?: string;
  /**
   * The editor has a YAML syntax error and the command asked the cluster: it answered from the last
   * version of the files that parsed, as the graph shows (cluster-view.ts). The terminal says so.
   */
  readonly stale?: readonly { readonly file: string; readonly line: number }[];
}

/**
 * A connection a network tool tried from a pod (wget, nc, curl, nslookup…), as the engine judged it:
 * the terminal offers its explanation. For a lookup, `to` is the CoreDNS pod on 53/UDP.
 */
export interface ProbeRecord {
  readonly tool: string;
  readonly from: string;
  /** The endpoint after DNAT: a pod (`ns/name`) or an external host's IP. */
  readonly to: string;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  readonly allowed: boolean;
  readonly outcome: 'connected' | 'refused' | 'timeout' | 'nxdomain' | 'dns-timeout';
  /** The DNS lookup that came before the connection. */
  readonly dns: boolean;
  /** Through a Service: its `ns/name` and port, which DNAT turned into `to`:`port`. */
  readonly service?: { readonly key: string; readonly port: number };
  /** What the tool asked for (the engine's ProbeRequest), to explain the whole probe again. */
  readonly request: { readonly host: string; readonly port: number; readonly protocol: 'TCP' | 'UDP' };
  /**
   * The whole probe explained when it ran (engine formatProbe), for when it cannot be asked again:
   * a `kubectl run --rm` client is gone once the command returns.
   */
  readonly text: { readonly en: string; readonly ko: string };
}

/** A container started with `docker run`. */
export interface DockerContainer {
  readonly id: string;
  readonly name: string;
  /** The image as typed (`ubuntu`, `my-ubuntu-image`). */
  readonly image: string;
  /** argv of PID 1. */
  readonly command: readonly string[];
  /** `--user` as given, null when absent (then the image's USER). */
  readonly user: string | null;
  readonly capAdd: readonly string[];
  readonly capDrop: readonly string[];
  readonly privileged: boolean;
  readonly running: boolean;
  readonly exitCode: number;
  /** PID of the container's PID 1 as the host sees it. */
  readonly hostPid: number;
}

/** An image built with `docker build`. */
export interface DockerImage {
  readonly name: string; // repository:tag
  readonly from: string;
  readonly user?: string;
  readonly id: string;
}

/**
 * What the terminal remembers between commands. Plain JSON: the store keeps it, a share link can
 * carry it, the CLI threads it through `-c` commands.
 */
export interface ShellRuntime {
  readonly version: 1;
  /** Current kubeconfig context. */
  readonly context: string;
  /** Namespace of each context (`kubectl config set-context --current --namespace`, kubens). */
  readonly namespaces: Readonly<Record<string, string>>;
  /** kubens `-`: the namespace before the last switch. */
  readonly previousNamespace: string | null;
  readonly previousContext: string | null;
  readonly containers: readonly DockerContainer[];
  readonly images: readonly DockerImage[];
  /** Seconds added to the lab clock, per container (`pod:ns/name/container` or `docker:ID`). */
  readonly clock: Readonly<Record<string, number>>;
  readonly history: readonly string[];
  /** `kind/namespace/name` → canonical JSON of the object as last applied or created. */
  readonly applied: Readonly<Record<string, string>>;
  /** Next PID the docker host hands out. */
  readonly nextHostPid: number;
  /** The host's files beyond the editor's tabs: made directories, /tmp, dotfiles. */
  readonly disk: HostDisk;
  /** The host bash's variables, aliases and working directory (null: a fresh login). */
  readonly sh: ShState | null;
  /** An interactive `kubectl exec -it … -- sh` (or `kubectl run -it`) in progress; null on the host. */
  readonly session: ExecSession | null;
  /** Lines servers wrote to their stdout (nginx's access log), per `namespace/pod/container`. */
  readonly logs: Readonly<Record<string, readonly string[]>>;
  /** What was written inside containers (`touch /tmp/x`), per container key. */
  readonly containerDisk: Readonly<Record<string, ContainerDisk>>;
  /** Each Deployment's ReplicaSets as revisions (`kubectl rollout history|undo`), per `namespace/name`. */
  readonly rollouts?: Readonly<Record<string, readonly RolloutRevision[]>>;
}

/** One ReplicaSet of a Deployment: its revision, pod template (JSON) and change-cause. */
export interface RolloutRevision {
  readonly revision: number;
  readonly template: string;
  readonly cause?: string;
}

/** An interactive shell inside a container, kept between command lines until `exit`. */
export interface ExecSession {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** The shell program as invoked (`sh`, `bash`, `/bin/ash`). */
  readonly shell: string;
  readonly state: ShState;
  /** `kubectl run --rm -it`: delete the pod when the session ends. */
  readonly removeOnExit: boolean;
  /** `kubectl run -it` without --rm leaves the pod; the command the pod was started with. */
  readonly started: boolean;
  /** `kubectl run`'s pod restart policy: Always says how to attach again, Never reports a failed exit. */
  readonly restartPolicy?: 'Always' | 'OnFailure' | 'Never';
}

/** A container's writable layer: files written and removed, directories made. */
export interface ContainerDisk {
  readonly files: Readonly<Record<string, string>>;
  readonly removed: readonly string[];
  readonly dirs: readonly string[];
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
