import type { Program } from '../../sh/system.js';
import { awk } from './awk.js';
import { base64 } from './base64.js';
import { cat } from './cat.js';
import { cp, mv } from './copy.js';
import { cut } from './cut.js';
import { mkdir, rm, rmdir, touch } from './fileops.js';
import { find } from './find.js';
import { GREP_PROGRAMS } from './grep.js';
import { head, tail } from './headtail.js';
import { ls } from './ls.js';
import { watch, which, xargs } from './run.js';
import { sed } from './sed.js';
import { seq } from './seq.js';
import { basename, dirname, echo, pwd, sleep, tee } from './small.js';
import { sort } from './sort.js';
import { stat } from './stat.js';
import { tr } from './tr.js';
import { uniq } from './uniq.js';
import { wc } from './wc.js';

/**
 * GNU coreutils / grep / findutils on the host and Debian images, busybox applets in busybox and
 * alpine: one implementation per tool, wording by `ctx.sys.flavor`.
 */
export const COREUTILS: Readonly<Record<string, Program>> = {
  cat, head, tail, wc, echo, pwd, basename, dirname, sleep, seq, sort, uniq, cut, tr, base64, tee,
  rm, rmdir, mkdir, touch, cp, mv,
  ...GREP_PROGRAMS,
  ls, find, which, xargs, watch, stat, sed, awk, mawk: awk,
};
