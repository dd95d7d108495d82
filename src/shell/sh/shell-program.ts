import type { Ctx } from '../context.js';
import { Interp, Input } from './exec.js';
import { resolvePath, STRERROR } from './fs.js';
import { freshState } from './state.js';
import type { Dialect, Program } from './system.js';

/**
 * `sh -c 'CMD' [NAME [ARGS…]]`, `sh FILE [ARGS…]`, or `sh` reading commands from standard input:
 * a new shell of the given dialect on the same machine, inheriting the exported environment and
 * the working directory (variables set inside do not come back).
 */
export function shellProgram(dialect: Dialect): Program {
  return (argv, ctx) => {
    const name = argv[0] ?? 'sh';
    const args = argv.slice(1);
    while (args[0] && /^-[eilsux]+$/.test(args[0]) && args[0] !== '-c') args.shift();
    const st = freshState(ctx.cwd, { ...ctx.sys.env, ...ctx.env });
    const self = name.slice(name.lastIndexOf('/') + 1);
    let src: string;
    if (args[0] === '-c') {
      if (args[1] === undefined) {
        ctx.out.errLine(`${self}: -c: option requires an argument`);
        return 2;
      }
      src = args[1];
      st.positional = args.slice(3);
      return runIn(ctx, dialect, args[2] ?? self, st, src, ctx.stdin);
    }
    if (args[0] !== undefined) {
      const text = ctx.sys.fs.read(resolvePath(ctx.cwd, args[0]));
      if (typeof text !== 'string') {
        ctx.out.errLine(dialect === 'bash' ? `${self}: ${args[0]}: ${STRERROR[text.errno]}` : dialect === 'dash' ? `${self}: 0: cannot open ${args[0]}: No such file` : `${self}: can't open '${args[0]}': ${STRERROR[text.errno]}`);
        return dialect === 'bash' ? 127 : 2;
      }
      st.positional = args.slice(1);
      return runIn(ctx, dialect, args[0], st, text, ctx.stdin);
    }
    return runIn(ctx, dialect, self, st, ctx.stdin, '');
  };
}

/**
 * Runs `src` in a new shell whose commands read `stdin`: the caller's standard input for `sh -c`
 * and `sh FILE` (`printf 'b\na\n' | sh -c sort` sorts it), nothing when the script itself was read
 * from standard input.
 */
function runIn(ctx: Ctx, dialect: Dialect, name: string, st: ReturnType<typeof freshState>, src: string, stdin: string): number {
  const sh = new Interp(ctx, ctx.sys, st, dialect, name);
  const r = sh.run(src, { stdin: new Input(stdin), out: (s, styled) => ctx.out.out(s, styled), err: (s, styled) => ctx.out.err(s, styled), outTty: ctx.tty.out, errTty: ctx.tty.err, inTty: ctx.tty.in }, true);
  return r.exited ?? r.status;
}
