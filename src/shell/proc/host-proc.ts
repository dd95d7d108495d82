import { CAPABILITIES } from '../caps.js';
import { NODE_NAME } from '../context.js';
import type { Proc } from './process.js';

/** The node's own shell: root on the control plane with every capability, as in the course's labs. */
export function hostProc(): Proc {
  return {
    hostname: NODE_NAME, uid: 0, gid: 0, groups: [], passwd: [{ name: 'root', uid: 0, gid: 0 }],
    bounding: CAPABILITIES, effective: CAPABILITIES, pid1: ['/sbin/init'], env: [], clockKey: 'host', tty: true,
    noNewPrivs: false, seccomp: 0,
  };
}
