/**
 * The pod inspector's derived facts as plain data (tested without a DOM): the capability table
 * against the runtime's default set, and which translated phrase fits each engine outcome.
 */
import { DEFAULT_CAPABILITIES as RUNTIME_DEFAULTS } from '../../engine/index.js';
import type { CapabilityReport, ContainerReport, FieldSource, PullResult, SecurityReport } from '../../engine/model/index.js';

/**
 * The runtime's default set, the baseline the table compares against: the engine's own table
 * (security/capabilities/table.ts, containerd pkg/oci/spec.go `defaultUnixCaps`), never a copy, so
 * the inspector's "added"/"dropped" always agree with the engine's report.
 */
export const DEFAULT_CAPABILITIES: readonly string[] = RUNTIME_DEFAULTS;

export interface CapabilityRow {
  readonly name: string;
  readonly inDefault: boolean;
  readonly bounding: boolean;
  readonly effective: boolean;
  /** Differs from the default set: gained (added/privileged) or lost (dropped). */
  readonly change: 'added' | 'dropped' | null;
}

/** Every capability in the default or the bounding set, default ones first, then by name. */
export function capabilityRows(c: CapabilityReport): CapabilityRow[] {
  const bounding = new Set(c.bounding);
  const effective = new Set(c.effective);
  const names = [...new Set([...DEFAULT_CAPABILITIES, ...c.bounding])];
  const isDefault = (n: string) => DEFAULT_CAPABILITIES.includes(n);
  names.sort((a, b) => Number(isDefault(b)) - Number(isDefault(a)) || a.localeCompare(b));
  return names.map((name) => {
    const inDefault = isDefault(name);
    const has = bounding.has(name);
    return {
      name, inDefault, bounding: has, effective: effective.has(name),
      change: has && !inDefault ? 'added' : !has && inDefault ? 'dropped' : null,
    };
  });
}

/**
 * Why the effective set is what it is: empty for a non-root uid although the bounding set is not
 * (no ambient capabilities; kubernetes/kubernetes#56374), or the same as bounding for root.
 */
export function effectiveNote(s: SecurityReport): 'effectiveEmptyNonRoot' | 'effectiveRoot' | null {
  if (s.capabilities.bounding.length === 0) return null;
  if (s.identity.uid !== 0 && s.capabilities.effective.length === 0) return 'effectiveEmptyNonRoot';
  if (s.identity.uid === 0) return 'effectiveRoot';
  return null;
}

export const sourceKey = (f: FieldSource) => `from_${f}`;

/** The headline of a pull: which secret pulled, anonymous, or why it failed. */
export function pullKey(p: PullResult): string {
  if (p.state === 'Pulled') return p.credentials === null ? 'pullAnonymous' : 'pullWithSecret';
  return p.cause === null ? 'pullFailed' : `cause_${p.cause}`;
}

/** runAsNonRoot: not required, required and satisfied, or the kubelet's refusal. */
export function nonRootKey(s: SecurityReport): 'nonRootNotRequired' | 'nonRootOk' | 'nonRootFailed' {
  if (!s.nonRoot.required) return 'nonRootNotRequired';
  return s.nonRoot.ok ? 'nonRootOk' : 'nonRootFailed';
}

export type StateTone = 'ok' | 'waiting' | 'error';
/** PodInitializing is waiting on an init container, not a failure of its own. */
export const stateTone = (c: ContainerReport): StateTone => (c.state === 'Running' ? 'ok' : c.state === 'PodInitializing' ? 'waiting' : 'error');
