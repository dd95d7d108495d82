import type { Capabilities } from '../../model/index.js';
import { ALL_CAPABILITIES, DEFAULT_CAPABILITIES, isCapabilityName, sortNames, type CapabilityName } from './table.js';

/** An add/drop entry that names no Linux capability, as written, with where it was written. */
export interface UnknownCapability {
  readonly name: string;
  readonly list: 'add' | 'drop';
  readonly index: number;
  /** What the runtime puts in the OCI spec: containerd prefixes `CAP_` to the upper-cased name. */
  readonly runtimeName: string;
  /** The capability probably meant (`SYS_TIME` for `CAP_SYS_TIME`), or null. */
  readonly suggestion: CapabilityName | null;
}

export interface AppliedCapabilities {
  /** The bounding set, sorted by name. */
  readonly bounding: readonly CapabilityName[];
  readonly unknown: readonly UnknownCapability[];
}

/**
 * The capability set containerd gives a container (internal/cri/opts/spec_opts.go WithCapabilities,
 * then oci.WithPrivileged in container_create_linux.go):
 * start from the default 14; `add` containing ALL (any case) ⇒ every capability; then `drop`
 * containing ALL ⇒ none; then each other add; then each other drop, so a drop beats an add of the
 * same name. Names are upper-cased and prefixed with `CAP_` — the prefix is never stripped, so
 * `CAP_SYS_TIME` becomes `CAP_CAP_SYS_TIME`, which runc ignores with a warning
 * (opencontainers/runc#2854) like any other unknown name. `privileged: true` is applied after and
 * replaces the set with every capability, whatever add/drop said.
 */
export function applyCapabilities(caps: Capabilities | undefined, privileged: boolean): AppliedCapabilities {
  const unknown = caps ? unknownNames(caps) : [];
  if (privileged) return { bounding: sortNames(ALL_CAPABILITIES), unknown };
  const set = new Set<CapabilityName>(DEFAULT_CAPABILITIES);
  if (caps) {
    const isAll = (c: string) => c.toUpperCase() === 'ALL';
    if (caps.add.some(isAll)) ALL_CAPABILITIES.forEach((c) => set.add(c));
    if (caps.drop.some(isAll)) set.clear();
    for (const c of caps.add) {
      const name = c.toUpperCase();
      if (!isAll(c) && isCapabilityName(name)) set.add(name);
    }
    for (const c of caps.drop) {
      const name = c.toUpperCase();
      if (!isAll(c) && isCapabilityName(name)) set.delete(name);
    }
  }
  return { bounding: sortNames(set), unknown };
}

function unknownNames(caps: Capabilities): UnknownCapability[] {
  const out: UnknownCapability[] = [];
  const visit = (list: 'add' | 'drop', names: readonly string[]) => {
    names.forEach((name, index) => {
      const upper = name.toUpperCase();
      if (upper === 'ALL' || isCapabilityName(upper)) return;
      const bare = upper.startsWith('CAP_') ? upper.slice(4) : '';
      const suggestion = isCapabilityName(bare) ? bare : null;
      out.push({ name, list, index, runtimeName: `CAP_${upper}`, suggestion });
    });
  };
  visit('add', caps.add);
  visit('drop', caps.drop);
  return out;
}

/** Differences from the runtime default, for "what did my securityContext change?". */
export function diffFromDefault(bounding: readonly CapabilityName[]): { added: CapabilityName[]; dropped: CapabilityName[] } {
  const have = new Set(bounding);
  const base = new Set(DEFAULT_CAPABILITIES);
  return {
    added: sortNames(bounding.filter((c) => !base.has(c))),
    dropped: sortNames(DEFAULT_CAPABILITIES.filter((c) => !have.has(c))),
  };
}
