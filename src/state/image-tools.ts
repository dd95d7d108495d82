import type { ImageRef } from '../engine/index.js';
// The toolset table itself, not the shell's index: the shell is a chunk of its own (ui/layout/shell.ts).
import { toolsetOf } from '../shell/proc/toolsets.js';

/** What `kubectl exec` can run in a container of this image, for the inspector. */
export interface ImageTools {
  /** `assumed`: the lab does not know the image and treats it as Debian-like. */
  readonly family: 'busybox' | 'alpine' | 'debian' | 'ubuntu' | 'oraclelinux' | 'distroless' | 'assumed';
  readonly shells: readonly string[];
  /** The probes among its programs (wget, nc, curl, nslookup, ping, getent). */
  readonly probes: readonly string[];
}

const PROBES = ['wget', 'nc', 'curl', 'nslookup', 'ping', 'getent'];

export function imageTools(ref: ImageRef | null): ImageTools {
  const t = toolsetOf(ref);
  return {
    family: t.family,
    shells: Object.keys(t.shells).sort(),
    probes: PROBES.filter((p) => t.programs.has(p) && !(p === 'wget' && t.flavor === 'gnu')),
  };
}
