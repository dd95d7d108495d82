import { ALL_CAPABILITIES, capabilityMask, DEFAULT_CAPABILITIES as ENGINE_DEFAULTS } from '../engine/index.js';

/** Linux capabilities in bit order (the engine's table: capabilities(7), linux/capability.h). */
export const CAPABILITIES: readonly string[] = ALL_CAPABILITIES;

/** The runtime default set of 14 (containerd `defaultUnixCaps`, Docker's defaults). */
export const DEFAULT_CAPABILITIES: readonly string[] = ENGINE_DEFAULTS;

/** `cap_sys_time`, `CAP_SYS_TIME`, `sys_time` → `SYS_TIME` (Docker accepts either form). */
export function normalizeCap(name: string): string {
  const up = name.trim().toUpperCase();
  return up.startsWith('CAP_') ? up.slice(4) : up;
}

export function capNumber(name: string): number {
  return CAPABILITIES.indexOf(normalizeCap(name));
}

/** The kernel's /proc/PID/status bitmap: 16 hex digits. */
export function capBitmap(names: readonly string[]): string {
  return capabilityMask(names.map(normalizeCap));
}

/** Names sorted by capability number (libcap prints in that order). */
export function byNumber(names: readonly string[]): string[] {
  return [...new Set(names.map(normalizeCap))].filter((n) => capNumber(n) >= 0).sort((a, b) => capNumber(a) - capNumber(b));
}
