import type { PodReport } from '../../../engine/index.js';
import type { Ctx } from '../../context.js';
import type { Net } from './net.js';

/**
 * A pod's view of the network, from the engine: cluster DNS (`resolveName`) and flows (`probe`),
 * the same verdicts the graph draws. Null until the engine answers probes.
 */
export function podNet(_ctx: Ctx, _pod: PodReport): Net | null {
  return null;
}
