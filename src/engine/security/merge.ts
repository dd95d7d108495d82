import type { Capabilities, Container, Pod } from '../model/index.js';

/** Where an effective value came from; `null` when neither level sets it. */
export type Level = 'container' | 'pod';

export interface Sourced<T> {
  readonly value: T;
  readonly from: Level;
}

/**
 * The securityContext a container runs with, as the kubelet computes it
 * (kubernetes pkg/securitycontext/util.go DetermineEffectiveSecurityContext): the pod contributes
 * only seLinuxOptions, windowsOptions, runAsUser, runAsGroup and runAsNonRoot (its other fields —
 * fsGroup, supplementalGroups, sysctls — act on the whole pod); each field the container sets wins.
 * seccompProfile and appArmorProfile follow the same rule, in the kubelet's profile helpers.
 * seLinuxOptions is replaced as a whole; windowsOptions field by field.
 */
export interface EffectiveSecurityContext {
  readonly runAsUser?: Sourced<number>;
  readonly runAsGroup?: Sourced<number>;
  readonly runAsNonRoot?: Sourced<boolean>;
  readonly seLinuxOptions?: Sourced<Readonly<Record<string, string>>>;
  readonly seccompProfile?: Sourced<{ readonly type: string; readonly localhostProfile?: string }>;
  readonly appArmorProfile?: Sourced<{ readonly type: string; readonly localhostProfile?: string }>;
  readonly hostProcess?: Sourced<boolean>;
  // Container-only fields: nothing to inherit.
  readonly capabilities?: Capabilities;
  readonly privileged?: boolean;
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly procMount?: string;
}

export function effectiveSecurityContext(pod: Pod, container: Container): EffectiveSecurityContext {
  const p = pod.securityContext;
  const c = container.securityContext;
  const pick = <T>(fromContainer: T | undefined, fromPod: T | undefined): Sourced<T> | undefined =>
    fromContainer !== undefined ? { value: fromContainer, from: 'container' }
      : fromPod !== undefined ? { value: fromPod, from: 'pod' } : undefined;
  return strip({
    runAsUser: pick(c?.runAsUser, p?.runAsUser),
    runAsGroup: pick(c?.runAsGroup, p?.runAsGroup),
    runAsNonRoot: pick(c?.runAsNonRoot, p?.runAsNonRoot),
    seLinuxOptions: pick(c?.seLinuxOptions, p?.seLinuxOptions),
    seccompProfile: pick(c?.seccompProfile, p?.seccompProfile),
    appArmorProfile: pick(c?.appArmorProfile, p?.appArmorProfile),
    hostProcess: pick(c?.windowsOptions?.hostProcess, p?.windowsOptions?.hostProcess),
    capabilities: c?.capabilities,
    privileged: c?.privileged,
    allowPrivilegeEscalation: c?.allowPrivilegeEscalation,
    readOnlyRootFilesystem: c?.readOnlyRootFilesystem,
    procMount: c?.procMount,
  });
}

/** Drop undefined members so the result reads like the YAML it came from. */
function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
