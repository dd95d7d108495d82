import type {
  AdmissionDecision, AdmissionReport, Cluster, Labels, Namespace, NamespaceAdmission, PendingDiagnostic, Pod, PodSecurityConfig,
  RejectedPod, SourceRef, Workload,
} from '../model/index.js';
import { sub } from '../model/index.js';
import { systemNamespaces } from '../cluster/system.js';
import { AUDIT_VIOLATIONS_ANNOTATION, LABEL_PREFIX, podSecurityLabels, policyToEvaluate } from './api.js';
import { DEFAULT_CONFIG, podSecurityConfigOf } from './config.js';
import {
  LAB_USER, admitPodControllerWithPolicy, admitPodWithPolicy, type ModeVerdict, type NamespacePolicy, type PodAdmission,
} from './evaluate.js';
import { POD_CREATORS, failedCreateEvent } from './events.js';
import { validateNamespace } from './namespace.js';

const NS_LABEL = 'kubernetes.io/metadata.name';

export interface Admitted {
  /** The cluster as the API server holds it after the apply: refused pods and namespaces left out. */
  readonly cluster: Cluster;
  readonly report: AdmissionReport;
  readonly diagnostics: readonly PendingDiagnostic[];
}

type Step =
  | { readonly kind: 'namespace'; readonly pos: number; readonly ns: Namespace }
  | { readonly kind: 'workload'; readonly pos: number; readonly workload: Workload; readonly pods: readonly Pod[] }
  | { readonly kind: 'pod'; readonly pos: number; readonly pod: Pod };

/**
 * Pod Security Admission over one `kubectl apply -f` of the scenario: the documents are sent in
 * order (files in the order given, documents in file order), so a pod meets its namespace's labels
 * as they are at that moment. Lab rules, extending the implicit-namespace rule of engine-spec §1:
 * a namespace that something earlier in the apply uses (or `default`, or a kubeadm namespace)
 * already exists, so its Namespace document is an update — which checks the pods already there
 * against a new enforce level, warns, and evicts nothing; the cluster's own pods (cluster/system.ts)
 * were created before the scenario and are never re-admitted.
 *
 * Refused: a Namespace whose pod-security labels do not parse (it then exists only if something
 * uses it, implicitly, without labels), and each pod the enforce level forbids — a Pod document's
 * create fails; a workload is created (with the warning) and its controller's pod creations fail.
 */
export function applyAdmission(cluster: Cluster, fileOrder: readonly string[]): Admitted {
  const config = podSecurityConfigOf(cluster.config);
  const anyLabels = cluster.namespaces.some((n) => Object.keys(n.labels).some((k) => k.startsWith(LABEL_PREFIX)));
  if (!anyLabels && config === DEFAULT_CONFIG) {
    // Nothing to decide: every namespace is privileged:latest and nothing is exempt.
    return { cluster, report: { config, namespaces: cluster.namespaces.map((n) => namespaceReport(n, config, [])), decisions: [], rejected: [] }, diagnostics: [] };
  }
  return new Apply(cluster, fileOrder, config).run();
}

class Apply {
  private readonly diagnostics: PendingDiagnostic[] = [];
  private readonly decisions: AdmissionDecision[] = [];
  private readonly rejected: RejectedPod[] = [];
  private readonly rejectedKeys = new Set<string>();
  private readonly refused = new Set<string>();
  private readonly warnings = new Map<string, readonly string[]>();
  /** Each namespace's labels as the API server has them at this point of the apply. */
  private readonly labels = new Map<string, Labels>();
  /** The pods each namespace holds at this point. */
  private readonly podsIn = new Map<string, Pod[]>();
  private readonly fileIndex: Map<string, number>;
  /** `default` and kubeadm's namespaces exist before any apply. */
  private readonly builtIn: ReadonlySet<string>;

  constructor(private readonly cluster: Cluster, fileOrder: readonly string[], private readonly config: PodSecurityConfig) {
    this.fileIndex = new Map(fileOrder.map((f, i) => [f, i]));
    this.builtIn = new Set(['default', ...systemNamespaces(cluster.config.cni)]);
  }

  private pos(ref: SourceRef | undefined): number {
    if (!ref) return -1;
    return (this.fileIndex.get(ref.file) ?? this.fileIndex.size) * 1_000_000 + ref.doc;
  }

  run(): Admitted {
    const c = this.cluster;
    const firstUse = this.firstUses();
    for (const ns of c.namespaces) {
      const exists = !ns.declared || this.builtIn.has(ns.name) || (firstUse.get(ns.name) ?? Infinity) < this.pos(ns.ref);
      if (exists) this.labels.set(ns.name, { [NS_LABEL]: ns.name });
    }
    for (const p of c.pods) if (p.system) this.podsOf(p.namespace).push(p);

    for (const step of this.steps()) {
      if (step.kind === 'namespace') this.namespace(step.ns);
      else if (step.kind === 'pod') this.pod(step.pod, undefined);
      else this.workload(step.workload, step.pods);
    }
    return this.result(firstUse);
  }

  /** The earliest position at which each namespace is used by a namespaced object. */
  private firstUses(): Map<string, number> {
    const c = this.cluster;
    const out = new Map<string, number>();
    const use = (ns: string | undefined, ref: SourceRef | undefined) => {
      if (ns === undefined || !ref) return;
      const p = this.pos(ref);
      if (p < (out.get(ns) ?? Infinity)) out.set(ns, p);
    };
    for (const list of [c.pods, c.workloads, c.policies, c.secrets, c.services, c.endpoints, c.endpointSlices] as const) {
      for (const o of list as readonly { namespace: string; ref: SourceRef; system?: boolean }[]) if (!o.system) use(o.namespace, o.ref);
    }
    for (const sa of c.serviceAccounts) if (sa.declared) use(sa.namespace, sa.ref);
    for (const o of c.others) if (o.kind !== 'Namespace') use(o.namespace, o.ref);
    return out;
  }

  private steps(): Step[] {
    const c = this.cluster;
    const steps: Step[] = [];
    for (const ns of c.namespaces) if (ns.declared && ns.ref) steps.push({ kind: 'namespace', pos: this.pos(ns.ref), ns });
    const byOwner = new Map<string, Pod[]>();
    for (const p of c.pods) {
      if (p.system) continue;
      if (!p.owner) {
        steps.push({ kind: 'pod', pos: this.pos(p.ref), pod: p });
        continue;
      }
      const key = `${p.owner.kind}/${p.namespace}/${p.owner.name}`;
      const list = byOwner.get(key);
      if (list) list.push(p);
      else byOwner.set(key, [p]);
    }
    for (const w of c.workloads) {
      const pods = (byOwner.get(`${w.kind}/${w.namespace}/${w.name}`) ?? []).slice().sort((a, b) => replicaIndex(a) - replicaIndex(b));
      steps.push({ kind: 'workload', pos: this.pos(w.ref), workload: w, pods });
    }
    // Stable: same-document steps keep the order above (a namespace before a pod is impossible there).
    return steps.sort((a, b) => a.pos - b.pos);
  }

  private podsOf(ns: string): Pod[] {
    let list = this.podsIn.get(ns);
    if (!list) {
      list = [];
      this.podsIn.set(ns, list);
    }
    return list;
  }

  private namespace(ns: Namespace): void {
    const before = this.labels.get(ns.name);
    const verdict = validateNamespace(
      { operation: before ? 'update' : 'create', name: ns.name, labels: ns.labels, ...(before ? { oldLabels: before } : {}) },
      this.podsOf(ns.name), { config: this.config },
    );
    const object = `Namespace/${ns.name}`;
    if (!verdict.allowed) {
      this.refused.add(ns.name);
      for (const e of verdict.errors) {
        const key = e.field.slice('metadata.labels['.length, -1);
        this.diagnostics.push({
          severity: 'error', code: 'pod-security-label-invalid', message: e.message, object,
          ...(ns.ref ? { ref: sub(ns.ref, 'metadata', 'labels', key) } : {}),
          params: { field: e.field, value: e.value, detail: e.detail, namespace: ns.name },
        });
      }
      return;
    }
    this.labels.set(ns.name, ns.labels);
    if (verdict.warnings.length > 0) {
      this.warnings.set(ns.name, verdict.warnings);
      this.diagnostics.push({
        severity: 'warning', code: 'pod-security-namespace-warning', message: verdict.warnings.join('\n'), object,
        ...(ns.ref ? { ref: sub(ns.ref, 'metadata', 'labels') } : {}),
        params: { namespace: ns.name, count: verdict.warnings.length },
      });
    }
  }

  private readonly policies = new Map<string, { readonly labels: Labels | undefined; readonly policy: NamespacePolicy }>();

  /** The namespace's policy now (a namespace nobody created yet has no labels), read once per labels. */
  private policyOf(ns: string): NamespacePolicy {
    const labels = this.labels.get(ns);
    const cached = this.policies.get(ns);
    if (cached && cached.labels === labels) return cached.policy;
    const policy = policyToEvaluate(labels ?? { [NS_LABEL]: ns }, this.config.defaults);
    this.policies.set(ns, { labels, policy });
    return policy;
  }

  private workload(w: Workload, pods: readonly Pod[]): void {
    // The template is judged whatever the replicas (admission.go ValidatePodController).
    const template = pods[0] ?? w.template;
    const object = `${w.kind}/${w.namespace}/${w.name}`;
    if (template) {
      const r = admitPodControllerWithPolicy(template, w.namespace, this.policyOf(w.namespace), this.config, LAB_USER);
      this.record(r, { object, kind: w.kind, namespace: w.namespace, name: w.name, ref: w.ref, user: LAB_USER }, true);
    }
    let failedCreate = false;
    for (const p of pods) {
      const event = this.pod(p, w);
      if (event && !failedCreate) {
        failedCreate = true;
        this.diagnostics.push({
          severity: 'warning', code: 'pod-security-failed-create', message: event, object, ref: w.ref,
          params: { kind: w.kind, name: w.name, namespace: w.namespace, pod: p.name },
        });
      }
    }
  }

  /** Admits one pod; for a workload's pod, returns its controller's FailedCreate text when refused. */
  private pod(p: Pod, owner: Workload | undefined): string | undefined {
    const creator = owner ? POD_CREATORS[owner.kind] : undefined;
    const user = creator?.user ?? LAB_USER;
    const r = admitPodWithPolicy(p, p.namespace, this.policyOf(p.namespace), this.config, user);
    const object = `Pod/${p.namespace}/${p.name}`;
    const ownerName = owner ? `${owner.kind}/${owner.namespace}/${owner.name}` : undefined;
    this.record(r, { object, kind: 'Pod', namespace: p.namespace, name: p.name, ref: p.ref, user, ...(ownerName ? { owner: ownerName } : {}) }, !owner);
    if (r.allowed) {
      this.podsOf(p.namespace).push(p);
      return undefined;
    }
    const error = r.error ?? '';
    const event = owner ? failedCreateEvent(owner.kind, owner.name, p.name, error) : undefined;
    const enforce = r.verdicts.find((v) => v.mode === 'enforce');
    this.rejectedKeys.add(`${p.namespace}/${p.name}`);
    this.rejected.push({
      key: `${p.namespace}/${p.name}`, namespace: p.namespace, name: p.name,
      ...(p.owner ? { owner: p.owner } : {}), ref: p.ref,
      level: enforce?.level ?? 'restricted', version: enforce?.version ?? 'latest',
      message: error, ...(event ? { event } : {}),
    });
    if (!owner) {
      this.diagnostics.push({
        severity: 'error', code: 'pod-security-forbidden', message: error, object, ref: p.ref,
        params: { namespace: p.namespace, name: p.name, level: enforce?.level ?? '', version: enforce?.version ?? '' },
      });
    }
    return event?.message;
  }

  /**
   * Decisions and diagnostics of one response. `shown`: the requester is the lab user, who sees
   * the warnings (kubectl prints them); a controller's warnings are not shown to anyone.
   */
  private record(r: PodAdmission, who: Omit<AdmissionDecision, 'mode' | 'allowed' | 'level' | 'version' | 'violations' | 'message'>, shown: boolean): void {
    for (const v of r.verdicts) {
      if (v.mode === 'warn' && !shown) continue;
      this.decisions.push(decision(who, v, r.allowed));
      if (v.mode === 'enforce') continue; // the caller reports a refusal
      const severity = v.mode === 'warn' ? 'warning' : 'info';
      const message = v.mode === 'warn' ? v.message : `${AUDIT_VIOLATIONS_ANNOTATION}: ${v.message}`;
      this.diagnostics.push({
        severity, code: v.mode === 'warn' ? 'pod-security-warning' : 'pod-security-audit', message, object: who.object, ref: who.ref,
        params: { level: v.level, version: v.version, namespace: who.namespace, name: who.name },
      });
    }
  }

  private result(firstUse: ReadonlyMap<string, number>): Admitted {
    const c = this.cluster;
    const pods = this.rejectedKeys.size === 0 ? c.pods : c.pods.filter((p) => !this.rejectedKeys.has(`${p.namespace}/${p.name}`));
    let namespaces = c.namespaces;
    let serviceAccounts = c.serviceAccounts;
    if (this.refused.size > 0) {
      // A refused Namespace is left out, as any refused object is; a namespace something uses still
      // exists implicitly (engine-spec §1), with only its name label.
      namespaces = c.namespaces.flatMap((n) => !this.refused.has(n.name) ? [n]
        : firstUse.has(n.name) || this.builtIn.has(n.name) ? [Object.freeze({ name: n.name, labels: Object.freeze({ [NS_LABEL]: n.name }), declared: false })] : []);
      serviceAccounts = c.serviceAccounts.filter((sa) => sa.declared || namespaces.some((n) => n.name === sa.namespace));
    }
    const cluster = pods === c.pods && namespaces === c.namespaces ? c
      : Object.freeze({ ...c, pods: Object.freeze(pods), namespaces: Object.freeze(namespaces), serviceAccounts: Object.freeze(serviceAccounts) });
    return {
      cluster,
      report: {
        config: this.config,
        namespaces: namespaces.map((n) => namespaceReport(n, this.config, this.warnings.get(n.name) ?? [])),
        decisions: this.decisions,
        rejected: this.rejected,
      },
      diagnostics: this.diagnostics,
    };
  }
}

function decision(who: Omit<AdmissionDecision, 'mode' | 'allowed' | 'level' | 'version' | 'violations' | 'message'>, v: ModeVerdict, allowed: boolean): AdmissionDecision {
  return { ...who, mode: v.mode, allowed, level: v.level, version: v.version, violations: v.violations, message: v.message };
}

function namespaceReport(n: Namespace, config: PodSecurityConfig, warnings: readonly string[]): NamespaceAdmission {
  const { policy } = policyToEvaluate(n.labels, config.defaults);
  return {
    name: n.name, enforce: policy.enforce, warn: policy.warn, audit: policy.audit,
    labels: podSecurityLabels(n.labels), exempt: config.exemptions.namespaces.includes(n.name), warnings,
    ...(n.system ? { system: true } : {}), ...(n.ref ? { ref: n.ref } : {}),
  };
}

/** A workload's replica number (`web-3` → 3): the order its controller creates them in. */
function replicaIndex(p: Pod): number {
  const m = /-(\d+)$/.exec(p.name);
  return m ? Number(m[1]) : 0;
}
