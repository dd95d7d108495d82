import { CAPABILITIES, DEFAULT_CAPABILITIES, normalizeCap } from '../caps.js';

/**
 * Docker's capability set for a container (moby oci/caps TweakCapabilities): privileged ⇒ all;
 * `--cap-add ALL` ⇒ all but the drops; `--cap-drop ALL` ⇒ only the adds; otherwise the default 14
 * minus the drops, plus the adds (so unlike Kubernetes, an add survives a drop of the same name).
 */
export function dockerCapabilities(add: readonly string[], drop: readonly string[], privileged: boolean): { caps: string[] } | { error: string } {
  if (privileged) return { caps: [...CAPABILITIES] };
  const adds = add.map(normalizeCap);
  const drops = drop.map(normalizeCap);
  for (const [list, flag] of [[adds, 'CapAdd'], [drops, 'CapDrop']] as const) {
    const bad = list.find((c) => c !== 'ALL' && !CAPABILITIES.includes(c));
    if (bad) return { error: `invalid ${flag}: unknown capability: "CAP_${bad}"` };
  }
  let caps: string[];
  if (adds.includes('ALL')) caps = CAPABILITIES.filter((c) => !drops.includes(c));
  else if (drops.includes('ALL')) caps = [...adds];
  else caps = [...DEFAULT_CAPABILITIES.filter((c) => !drops.includes(c)), ...adds];
  return { caps: [...new Set(caps)] };
}
