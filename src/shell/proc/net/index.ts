import type { Program } from '../../sh/system.js';
import { curl } from './curl.js';
import { getent } from './getent.js';
import { nc } from './nc.js';
import { nslookup } from './nslookup.js';
import { ping } from './ping.js';
import { wget } from './wget.js';

/** Network probes a container can run (busybox wget/nc/nslookup/ping, curl, getent), by name. */
export const NET_TOOLS: Readonly<Record<string, Program>> = { wget, nc, curl, nslookup, ping, getent };
import './logs.js';
