import type { Program } from '../../sh/system.js';

/** Network probes a container can run (busybox wget/nc/nslookup/ping, curl, getent), by name. */
export const NET_TOOLS: Readonly<Record<string, Program>> = {};
