import type { Analysis, Cni, ContainerState, Direction, Protocol, SourceFile } from '../engine/index.js';
import type { ProbeRecord } from '../shell/index.js';

/**
 * The lesson model. Lessons are data (lessons/<id>/lesson.json + files); loader.ts turns that data
 * into these types, reporting every problem instead of throwing, so a broken lesson shows up in
 * `kslab lesson check` and in lessons.test.ts rather than as a blank panel.
 */

export type Lang = 'ko' | 'en';
export type Localized = Readonly<Record<Lang, string>>;

/** One command the student typed into the terminal, with what it printed. */
export interface TranscriptEntry {
  /** The command line as typed (the store's terminal slice uses the same shape). */
  readonly input: string;
  readonly output: string;
  readonly exitCode: number;
  /** Connections the command's network tools tried (wget, nc, curl…), as the engine judged them. */
  readonly probes?: readonly ProbeRecord[];
}

/**
 * A probe the student ran in the terminal, whatever the tool (wget, nc, curl, nslookup…): the last
 * one that went to `to`:`port` (after DNAT) must have the outcome. `which: "any"` asks for some
 * probe in the transcript instead (e.g. "you saw it time out once").
 */
export interface ProbedCheck {
  readonly kind: 'probed';
  /** `namespace/name` of the pod (or IP) the packets reached; `*` is a wildcard. */
  readonly to: string;
  readonly port?: number;
  /** The client pod; `*` is a wildcard. */
  readonly from?: string;
  readonly outcome: 'connected' | 'refused' | 'timeout' | 'nxdomain' | 'dns-timeout';
  /** Only probes made through this Service (`namespace/name`). */
  readonly service?: string;
  readonly which: 'last' | 'any';
}

/** Everything a step check may look at. */
export interface CheckContext {
  readonly analysis: Analysis;
  /** The current source files, including non-YAML ones (a Dockerfile) the engine never sees. */
  readonly files: readonly SourceFile[];
  readonly transcript: readonly TranscriptEntry[];
  /** What the student typed in the step's answer box; undefined when nothing yet. */
  readonly answer?: string;
}

/** Capability expectations: names upper case without `CAP_`. */
export interface CapabilityExpectation {
  readonly includes?: readonly string[];
  readonly excludes?: readonly string[];
}

/**
 * A state check over pods. `pod` is `namespace/name`; `*` in the name matches any run of characters,
 * so `default/web-*` reaches a Deployment's pods. Every matched pod (at least one) must satisfy
 * every field given; container fields apply to the named container, or to every container.
 */
export interface PodCheck {
  readonly kind: 'pod';
  readonly pod: string;
  readonly exists?: boolean;
  readonly status?: string;
  readonly imagePullSecrets?: readonly string[];
  readonly container?: string;
  readonly state?: ContainerState;
  readonly uid?: number;
  readonly uidFrom?: 'container' | 'pod' | 'image' | 'default';
  readonly gid?: number;
  readonly username?: string | null;
  readonly effective?: CapabilityExpectation;
  readonly bounding?: CapabilityExpectation;
  /**
   * Exactly these capabilities beyond the runtime's default set (upper case, no `CAP_`): `privileged`
   * or `add: ["ALL"]` adds every other one, so a step asking for two capabilities rejects them.
   */
  readonly added?: readonly string[];
  readonly privileged?: boolean;
  /** Compared after normalization: `nginx` equals `docker.io/library/nginx:latest`. */
  readonly image?: string;
  readonly pull?: 'Pulled' | 'ErrImagePull' | 'InvalidImageName';
  /** Name of the secret that pulled the image; null: pulled anonymously (or not at all). */
  readonly credentials?: string | null;
}

export interface SecretCheck {
  readonly kind: 'secret';
  readonly secret: string;
  readonly exists?: boolean;
  readonly type?: string;
  /** A docker config entry keyed exactly by this server. */
  readonly server?: string;
  readonly username?: string;
  /**
   * An image these credentials pull: a pod in the secret's namespace listing only this secret is
   * put through the engine's own pull (the kubelet's keyring matching, the registry's check of the
   * username and password), so a wrong password or server fails and `https://host:port` passes.
   */
  readonly pulls?: string;
}

export interface FlowCheck {
  readonly kind: 'flow';
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly allowed: boolean;
}

export interface PolicyCheck {
  readonly kind: 'policy';
  readonly policy: string;
  readonly exists?: boolean;
  /** Pods the policy must select (others may be selected too). */
  readonly selects?: readonly string[];
  readonly policyTypes?: readonly Direction[];
}

export interface PolicyCountCheck {
  readonly kind: 'policyCount';
  /** A namespace, or `*` for the whole cluster. */
  readonly namespace: string;
  readonly count: number;
}

export interface NamespaceCheck {
  readonly kind: 'namespace';
  readonly namespace: string;
  readonly exists?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface ClusterCheck {
  readonly kind: 'cluster';
  readonly cni?: Cni;
  readonly enforcing?: boolean;
}

export interface DiagnosticCheck {
  readonly kind: 'diagnostic';
  readonly code?: string;
  readonly severity?: 'error' | 'warning' | 'info';
  readonly path?: string;
  readonly messageIncludes?: string;
  /** true: such a diagnostic must exist; false: none may. */
  readonly present: boolean;
}

/** No error diagnostic at all: the API server would accept every object. */
export interface NoErrorsCheck {
  readonly kind: 'noErrors';
}

/**
 * Who an RBAC check asks about, as `kubectl auth can-i --as` would send it (engine/rbac
 * impersonate): a user (with system:authenticated), a member of a group, or a ServiceAccount's
 * token (`system:serviceaccount:NS:NAME` in its two groups).
 */
export type RbacSubject =
  | { readonly kind: 'User'; readonly name: string }
  | { readonly kind: 'Group'; readonly name: string }
  | { readonly kind: 'ServiceAccount'; readonly namespace: string; readonly name: string };

/**
 * May the subject do this, on the live state? The engine's authorizer (engine/rbac authorize)
 * decides over the editor's files and what the terminal created, as the API server would.
 */
export interface RbacCheck {
  readonly kind: 'rbac';
  readonly subject: RbacSubject;
  readonly verb: string;
  /** The plural resource (`pods`), resolved as `kubectl auth can-i` does (`po`, `deployments` → apps). */
  readonly resource: string;
  readonly apiGroup: string;
  /** `log` for `pods/log`. */
  readonly subresource?: string;
  /** Absent: the cluster scope (RoleBindings never grant it). */
  readonly namespace?: string;
  readonly name?: string;
  readonly allowed: boolean;
}

/**
 * What Pod Security Admission did with a pod (`*` in the name is a wildcard, every match must hold):
 * admitted (it was created) or refused by the namespace's enforce level (it does not exist). With
 * `level`: refused by that level; or admitted while its namespace enforces that level and the pod
 * meets it (so it is not an older pod the new level merely left running).
 */
export interface AdmissionCheck {
  readonly kind: 'admission';
  readonly pod: string;
  readonly admitted: boolean;
  readonly level?: 'privileged' | 'baseline' | 'restricted';
}

/** A file's text (YAML or not) contains a line matching the pattern. */
export interface FileCheck {
  readonly kind: 'file';
  readonly file: string;
  readonly lineMatches: string;
}

/** A command pattern: words in order (the first is the program), `--flag=value` in any order. */
export type CommandPattern = { readonly kind: 'words'; readonly text: string } | { readonly kind: 'regex'; readonly source: string };

export interface CommandCheck {
  readonly kind: 'command';
  /** Any of these patterns. */
  readonly ran: readonly CommandPattern[];
  readonly exitCode?: number;
  /** Every string must appear in the same command's output. */
  readonly outputIncludes?: readonly string[];
  /** A line of the same command's output must match this regular expression. */
  readonly outputMatches?: string;
}

/**
 * Checks that hold one after another in the transcript: the first on some leading part of it, the
 * next on what came after that, and so on (each sees only its own part of the transcript). "Build
 * the image with USER, then run it" — a run before the build, or a build before USER, does not count.
 */
export interface SequenceCheck {
  readonly kind: 'sequence';
  readonly checks: readonly Check[];
}

export interface AnswerCheck {
  readonly kind: 'answer';
  /** Accepted forms, compared after normalization (answer.ts). */
  readonly accept: readonly string[];
  /** What kind of answer is wanted ("a user ID", "yes or no"), said on a refusal; never the answer. */
  readonly expects?: Localized;
  /**
   * When the answer is one of a few (yes/no, ingress/egress): the buttons to offer instead of a text
   * box, each in both languages. Exactly one of them is accepted (lessons.test.ts checks it).
   */
  readonly choices?: readonly Localized[];
}

export type Check =
  | { readonly kind: 'all'; readonly checks: readonly Check[] }
  | { readonly kind: 'any'; readonly checks: readonly Check[] }
  | { readonly kind: 'not'; readonly check: Check }
  | PodCheck | SecretCheck | FlowCheck | PolicyCheck | PolicyCountCheck | NamespaceCheck | ClusterCheck
  | DiagnosticCheck | NoErrorsCheck | FileCheck | CommandCheck | AnswerCheck | ProbedCheck | SequenceCheck | RbacCheck | AdmissionCheck;

/** A text replacement in one file: how a step's solution edits YAML. */
export interface FilePatch {
  readonly file: string;
  readonly find: string;
  readonly replace: string;
}

export interface StepSolution {
  /** Whole files to write (name → text). */
  readonly files: readonly SourceFile[];
  readonly patch: readonly FilePatch[];
  readonly commands: readonly string[];
  readonly answer?: string;
}

export interface Step {
  readonly id: string;
  readonly title: Localized;
  /** Markdown-lite (markdown.ts). */
  readonly body: Localized;
  readonly hint: Localized;
  readonly check: Check;
  readonly solution: StepSolution;
}

export interface Lesson {
  readonly id: string;
  readonly order: number;
  readonly title: Localized;
  readonly summary: Localized;
  readonly steps: readonly Step[];
  readonly startFiles: readonly SourceFile[];
  readonly solutionFiles: readonly SourceFile[];
  /** How the lab arranges itself when the lesson opens: a terminal lesson opens the terminal. */
  readonly layout?: { readonly terminal?: boolean };
}

export interface CheckOutcome {
  readonly passed: boolean;
  /** English, one line per unmet expectation; empty when passed. For the CLI and for hints. */
  readonly why: readonly string[];
}

export interface StepResult extends CheckOutcome {
  readonly stepId: string;
}
