import type { Program } from '../../sh/system.js';
import { cat } from './cat.js';
import { head, tail } from './headtail.js';

/**
 * GNU coreutils / grep / findutils on the host and Debian images, busybox applets in busybox and
 * alpine: one implementation per tool, wording by `ctx.sys.flavor`.
 */
export const COREUTILS: Readonly<Record<string, Program>> = {
  cat, head, tail,
};
