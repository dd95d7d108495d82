import type { Program } from '../../sh/system.js';
import { resolvePath, STRERROR } from '../../sh/fs.js';

/**
 * GNU coreutils / grep on the host and Debian images, busybox applets in busybox and alpine:
 * one implementation per tool, wording by `ctx.sys.flavor`.
 */
const cat: Program = (argv, ctx) => {
  const gnu = ctx.sys.flavor === 'gnu';
  const files = argv.slice(1).filter((a) => a !== '-' || true);
  if (files.length === 0) { ctx.out.out(ctx.stdin); return 0; }
  let code = 0;
  for (const f of files) {
    if (f === '-') { ctx.out.out(ctx.stdin); continue; }
    const text = ctx.sys.fs.read(resolvePath(ctx.cwd, f));
    if (typeof text === 'string') ctx.out.out(text);
    else {
      ctx.out.errLine(gnu ? `cat: ${f}: ${STRERROR[text.errno]}` : `cat: can't open '${f}': ${STRERROR[text.errno]}`);
      code = 1;
    }
  }
  return code;
};

export const COREUTILS: Readonly<Record<string, Program>> = { cat };
