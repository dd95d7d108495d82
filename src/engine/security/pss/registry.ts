import type { Pod, PodSecurityLevel } from '../../model/index.js';
import { goCompare, type CheckResult, type PssCheck, type VersionedCheck } from './check.js';

/** A failed check, as the evaluator reports it. */
export interface CheckOutcome extends CheckResult {
  readonly check: PssCheck;
}

/** 'latest', or the minor version N of `v1.N` (api.ParseVersion allows only major 1). */
export type PolicyVersion = 'latest' | number;

interface Entry {
  readonly check: PssCheck;
  readonly run: VersionedCheck['checkPod'];
}

/**
 * policy/registry.go checkRegistry: for every minor version up to the newest MinimumVersion of any
 * check (maxVersion: v1.29 in v0.30.0), the checks of each level in one order — Baseline IDs
 * sorted, then Restricted IDs sorted — with each check's revision for that version. Restricted
 * includes the Baseline checks its own checks do not override at that version. `latest` and any
 * version after maxVersion evaluate as maxVersion.
 */
export class CheckRegistry {
  readonly maxVersion: number;
  private readonly baseline: Entry[][] = [];
  private readonly restricted: Entry[][] = [];

  constructor(checks: readonly PssCheck[]) {
    this.maxVersion = Math.max(0, ...checks.map((c) => c.versions[c.versions.length - 1]?.minimumVersion ?? 0));
    const ids = (level: PssCheck['level']) => checks.filter((c) => c.level === level).map((c) => c.id).sort(goCompare);
    const order = [...ids('baseline'), ...ids('restricted')];
    const byId = new Map(checks.map((c) => [c.id, c]));
    for (let v = 0; v <= this.maxVersion; v++) {
      const at = new Map<string, VersionedCheck>();
      for (const c of checks) {
        const revision = revisionAt(c, v);
        if (revision) at.set(c.id, revision);
      }
      const overridden = new Set<string>();
      for (const [id, r] of at) if (byId.get(id)?.level === 'restricted') for (const o of r.overrides ?? []) overridden.add(o);
      const entries = (keep: (c: PssCheck) => boolean): Entry[] => order.flatMap((id) => {
        const c = byId.get(id);
        const r = at.get(id);
        return c && r && keep(c) ? [{ check: c, run: r.checkPod }] : [];
      });
      this.baseline.push(entries((c) => c.level === 'baseline'));
      this.restricted.push(entries((c) => c.level === 'restricted' || !overridden.has(c.id)));
    }
  }

  /**
   * checkRegistry.EvaluatePod: the failed checks, in order; nothing at `privileged`. `only`: run
   * just the checks of that level (the inspector asks Restricted for its own checks only).
   */
  evaluate(level: PodSecurityLevel, version: PolicyVersion, pod: Pod, only?: PssCheck['level']): CheckOutcome[] {
    if (level === 'privileged') return [];
    const v = version === 'latest' || version > this.maxVersion ? this.maxVersion : version;
    const entries = (level === 'baseline' ? this.baseline : this.restricted)[v] ?? [];
    const out: CheckOutcome[] = [];
    for (const e of entries) {
      if (only !== undefined && e.check.level !== only) continue;
      const r = e.run(pod);
      if (r) out.push({ reason: r.reason, detail: r.detail, refs: r.refs, check: e.check });
    }
    return out;
  }

  /** The checks that run at a level and version, in order (for tests and explanations). */
  checksAt(level: Exclude<PodSecurityLevel, 'privileged'>, version: PolicyVersion): readonly PssCheck[] {
    const v = version === 'latest' || version > this.maxVersion ? this.maxVersion : version;
    return ((level === 'baseline' ? this.baseline : this.restricted)[v] ?? []).map((e) => e.check);
  }
}

/** The revision of a check that applies at minor version v (inflateVersions), if any. */
function revisionAt(c: PssCheck, v: number): VersionedCheck | undefined {
  let found: VersionedCheck | undefined;
  for (const r of c.versions) if (r.minimumVersion <= v) found = r;
  return found;
}
