import type { Dialect } from './system.js';
import type { Frame, Interp } from './exec.js';
import { ExitSignal } from './exec.js';
import { resolvePath, STRERROR } from './fs.js';
import { letBuiltin } from './arith-cmd.js';
import { printf } from './printf.js';
import { readFields, unbackslash } from './read-fields.js';
import { testExpr } from './test-expr.js';

/** A command the shell runs itself (XCU 2.14 special built-ins and the usual regular ones). */
export interface Builtin {
  run(argv: string[], sh: Interp, f: Frame): number;
  readonly dialects: readonly Dialect[];
  /** Special built-ins keep `VAR=x` assignments made on their line. */
  readonly special?: boolean;
}

const ALL: readonly Dialect[] = ['bash', 'ash', 'dash'];
const line = (f: Frame, s: string) => f.out(`${s}\n`);
const errLine = (f: Frame, s: string) => f.err(`${s}\n`);

/** bash quotes values in `alias` and `export -p` output with single quotes only when needed… always for alias. */
function sq(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

const cd: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P')));
    if (args.length > 1 && sh.dialect === 'bash') { errLine(f, sh.words.cdTooMany()); return 1; }
    let target = args[0] ?? sh.getVar('HOME') ?? sh.sys.home;
    const dash = target === '-';
    if (dash) target = sh.getVar('OLDPWD') ?? sh.st.cwd;
    const path = resolvePath(sh.st.cwd, target);
    const st = sh.sys.fs.stat(path);
    if (typeof st === 'string' || st.type !== 'dir') {
      errLine(f, sh.words.cd(target, typeof st === 'string' ? st : 'ENOTDIR'));
      return sh.words.cdStatus;
    }
    sh.setVar('OLDPWD', sh.st.cwd);
    sh.st.cwd = path;
    sh.setVar('PWD', path);
    if (dash) line(f, path);
    return 0;
  },
};

/** bash/ash echo: -n, -e, -E (combinable); dash's echo knows only -n and always reads escapes. */
const echo: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    const args = argv.slice(1);
    let newline = true;
    let escapes = sh.dialect === 'dash';
    while (args.length && /^-[neE]+$/.test(args[0] as string) && (sh.dialect !== 'dash' || args[0] === '-n')) {
      const flags = args.shift() as string;
      for (const c of flags.slice(1)) {
        if (c === 'n') newline = false;
        else if (c === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = args.join(' ');
    if (escapes) {
      const cut = text.indexOf('\\c');
      if (cut >= 0) { text = text.slice(0, cut); newline = false; }
      text = unescape(text);
    }
    f.out(newline ? `${text}\n` : text);
    return 0;
  },
};

export function unescape(s: string): string {
  return s.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/g, (_m, e: string) => {
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };
    if (e.startsWith('0')) return String.fromCharCode(parseInt(e.slice(1) || '0', 8));
    if (e.startsWith('x') && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return map[e] ?? `\\${e}`;
  });
}

const exportB: Builtin = {
  dialects: ALL,
  special: true,
  run(argv, sh, f) {
    const args = argv.slice(1).filter((a) => a !== '-p' && a !== '--');
    if (args.length === 0) {
      for (const k of [...new Set(sh.st.exported)].sort()) {
        const v = sh.st.vars[k];
        if (sh.dialect === 'bash') line(f, v === undefined ? `declare -x ${k}` : `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"`);
        else line(f, v === undefined ? `export ${k}` : `export ${k}=${sq(v)}`);
      }
      return 0;
    }
    let status = 0;
    for (const a of args) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (!/^[A-Za-z_]\w*$/.test(name)) {
        errLine(f, sh.dialect === 'bash' ? sh.words.builtin('export', `\`${a}': not a valid identifier`) : sh.words.builtin('export', `bad variable name`));
        status = 1;
        continue;
      }
      if (eq >= 0) sh.setVar(name, a.slice(eq + 1));
      if (!sh.st.exported.includes(name)) sh.st.exported.push(name);
    }
    return status;
  },
};

const alias: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    const args = argv.slice(1).filter((a) => a !== '-p');
    const show = (k: string) => line(f, sh.dialect === 'bash' ? `alias ${k}=${sq(sh.st.aliases[k] ?? '')}` : `${k}=${sq(sh.st.aliases[k] ?? '')}`);
    if (args.length === 0) {
      for (const k of Object.keys(sh.st.aliases).sort()) show(k);
      return 0;
    }
    let status = 0;
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) sh.st.aliases[a.slice(0, eq)] = a.slice(eq + 1);
      else if (Object.hasOwn(sh.st.aliases, a)) show(a);
      else {
        errLine(f, sh.words.builtin('alias', `${a}: not found`));
        status = 1;
      }
    }
    return status;
  },
};

const unalias: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    const args = argv.slice(1);
    if (args[0] === '-a') { sh.st.aliases = {}; return 0; }
    if (args.length === 0) {
      errLine(f, sh.dialect === 'bash' ? 'unalias: usage: unalias [-a] name [name ...]' : sh.words.builtin('unalias', 'usage: unalias [-a] name [name ...]'));
      return 2;
    }
    let status = 0;
    for (const a of args) {
      if (Object.hasOwn(sh.st.aliases, a)) delete sh.st.aliases[a];
      else { errLine(f, sh.words.unaliasMissing(a)); status = 1; }
    }
    return status;
  },
};

const exit: Builtin = {
  dialects: ALL,
  special: true,
  run(argv, sh, f) {
    // Interactive bash says `exit` as it leaves, before any complaint about the argument.
    // Not from a subshell or `$(…)`: there bash leaves quietly.
    if (sh.interactive && sh.dialect === 'bash' && !sh.inSubshell) f.err('exit\n');
    const arg = argv[1];
    let code = sh.st.status;
    if (arg !== undefined) {
      if (!/^-?\d+$/.test(arg)) {
        errLine(f, sh.words.builtin('exit', sh.dialect === 'bash' ? `${arg}: numeric argument required` : `Illegal number: ${arg}`));
        code = 2;
      } else code = ((Number(arg) % 256) + 256) % 256;
    }
    throw new ExitSignal(code);
  },
};

const unset: Builtin = {
  dialects: ALL,
  special: true,
  run(argv, sh) {
    let mode: 'f' | 'v' | null = null;
    const names = argv.slice(1);
    while (names[0] === '-f' || names[0] === '-v') mode = (names.shift() as string) === '-f' ? 'f' : 'v';
    for (const a of names) {
      if (mode === 'f') { sh.unsetFunction(a); continue; }
      // bash's plain `unset name` takes the function when there is no such variable; ash and dash take variables only.
      if (mode === null && sh.dialect === 'bash' && !Object.hasOwn(sh.st.vars, a)) { sh.unsetFunction(a); continue; }
      delete sh.st.vars[a];
      sh.st.exported = sh.st.exported.filter((x) => x !== a);
    }
    return 0;
  },
};

const set: Builtin = {
  dialects: ALL,
  special: true,
  run(argv, sh, f) {
    const args = argv.slice(1);
    if (args.length === 0) {
      for (const k of Object.keys(sh.st.vars).sort()) line(f, `${k}=${/^[\w./:-]*$/.test(sh.st.vars[k] ?? '') ? sh.st.vars[k] : sq(sh.st.vars[k] ?? '')}`);
      return 0;
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--') { sh.st.positional = args.slice(i + 1); return 0; }
      if (a === '-o' || a === '+o') {
        const opt = args[++i];
        if (opt === 'pipefail') sh.st.pipefail = a === '-o';
        else if (opt === 'errexit') sh.st.errexit = a === '-o';
        else if (opt === 'nounset') sh.st.nounset = a === '-o';
        continue;
      }
      if (/^[-+][euxvo]+$/.test(a)) {
        if (a.includes('e')) sh.st.errexit = a.startsWith('-');
        if (a.includes('u')) sh.st.nounset = a.startsWith('-');
        continue;
      }
      sh.st.positional = args.slice(i);
      return 0;
    }
    return 0;
  },
};

const type: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    let status = 0;
    for (const name of argv.slice(1)) {
      if (Object.hasOwn(sh.st.aliases, name)) line(f, sh.dialect === 'bash' ? `${name} is aliased to \`${sh.st.aliases[name]}'` : `${name} is an alias for ${sh.st.aliases[name]}`);
      else if (Object.hasOwn(BUILTINS, name) && BUILTINS[name]?.dialects.includes(sh.dialect)) line(f, `${name} is a shell builtin`);
      else if (sh.sys.pathOf(name)) line(f, `${name} is ${sh.sys.pathOf(name)}`);
      else {
        errLine(f, sh.dialect === 'bash' ? sh.words.builtin('type', `${name}: not found`) : `${name}: not found`);
        status = 1;
      }
    }
    return status;
  },
};

const command: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    const args = argv.slice(1);
    if (args[0] === '-v' || args[0] === '-V') {
      let status = 0;
      for (const name of args.slice(1)) {
        if (Object.hasOwn(sh.st.aliases, name)) line(f, `alias ${name}=${sq(sh.st.aliases[name] ?? '')}`);
        else if (Object.hasOwn(BUILTINS, name)) line(f, name);
        else if (sh.sys.pathOf(name)) line(f, sh.sys.pathOf(name) as string);
        else status = 1;
      }
      return status;
    }
    if (args.length === 0) return 0;
    return sh.invoke(args, f);
  },
};

const READ_USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]';

/**
 * `read [-rs] [-d delim] [-n|-N count] [-p prompt] [-t timeout] [name …]`: one line (or up to the
 * delimiter, or count characters) cut on IFS (read-fields.ts). The prompt shows only on a
 * terminal; -t, -s, -e, -u change nothing here. Status 1 at the end of input, even when a last
 * line without its newline was read (and assigned).
 */
const read: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    const args = argv.slice(1);
    let raw = false;
    let delim = '\n';
    let max = Infinity;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--') { i++; break; }
      if (!a.startsWith('-') || a === '-') break;
      for (let k = 1; k < a.length; k++) {
        const c = a[k] as string;
        if (c === 'r') raw = true;
        else if (c === 's' || c === 'e') continue;
        else if ('adinNptu'.includes(c)) {
          const value = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          if (value === undefined) {
            if (sh.dialect === 'bash') { errLine(f, sh.words.builtin('read', `-${c}: option requires an argument`)); errLine(f, READ_USAGE); }
            return 2;
          }
          if (c === 'd') delim = value === '' ? '\0' : (value[0] as string);
          else if (c === 'n' || c === 'N') {
            if (!/^\d+$/.test(value)) { errLine(f, sh.words.builtin('read', `${value}: invalid number`)); return 1; }
            max = Number(value);
            if (c === 'N') delim = '';
          }
          break;
        } else {
          if (sh.dialect === 'bash') { errLine(f, sh.words.builtin('read', `-${c}: invalid option`)); errLine(f, READ_USAGE); }
          return 2;
        }
      }
    }
    const names = args.slice(i);
    const bad = names.find((n) => !/^[A-Za-z_]\w*$/.test(n));
    if (bad !== undefined) {
      errLine(f, sh.dialect === 'bash' ? sh.words.builtin('read', `\`${bad}': not a valid identifier`) : sh.words.builtin('read', `${bad}: bad variable name`));
      return sh.dialect === 'bash' ? 1 : 2;
    }
    const got = f.stdin.readTo(delim, max);
    if (got === null) {
      for (const n of names.length ? names : ['REPLY']) sh.setVar(n, '');
      return 1;
    }
    const text = got.text;
    const targets = names.length ? names : ['REPLY'];
    // `read` with no names keeps the whole line in REPLY, blanks and all.
    const values = names.length ? readFields(text, raw, sh.getVar('IFS') ?? ' \t\n', targets.length) : [raw ? text : unbackslash(text).map((c) => c.c).join('')];
    targets.forEach((n, k) => sh.setVar(n, values[k] ?? ''));
    return got.complete ? 0 : 1;
  },
};

const source: Builtin = {
  dialects: ALL,
  special: true,
  run(argv, sh, f) {
    const file = argv[1];
    if (file === undefined) {
      errLine(f, sh.dialect === 'bash' ? sh.words.builtin(argv[0] as string, 'filename argument required') : sh.words.builtin(argv[0] as string, 'missing filename'));
      return 2;
    }
    // `source <(kubectl completion bash)`: the exam's setup line; completion is built in here.
    if (file.startsWith('/dev/fd/')) return 0;
    const text = sh.sys.fs.read(resolvePath(sh.st.cwd, file));
    if (typeof text !== 'string') {
      errLine(f, sh.dialect === 'bash' ? `bash: ${file}: ${STRERROR[text.errno]}` : sh.words.builtin('.', `can't open '${file}'`));
      return 1;
    }
    return sh.run(text, f, true).status;
  },
};

const evalB: Builtin = {
  dialects: ALL,
  special: true,
  run(argv, sh, f) {
    return sh.run(argv.slice(1).join(' '), f, true).status;
  },
};

const shift: Builtin = {
  dialects: ALL,
  special: true,
  run(argv, sh) {
    const n = Number(argv[1] ?? '1');
    if (!Number.isInteger(n) || n > sh.st.positional.length) return 1;
    sh.st.positional = sh.st.positional.slice(n);
    return 0;
  },
};

const pwd: Builtin = { dialects: ALL, run: (_a, sh, f) => (line(f, sh.st.cwd), 0) };
const trueB: Builtin = { dialects: ALL, run: () => 0 };
const falseB: Builtin = { dialects: ALL, run: () => 1 };
/** Accepted and without effect in a simulated session (`complete -F __start_kubectl k`, `shopt -s …`). */
const quiet: Builtin = { dialects: ['bash'], run: () => 0 };
const quietAll: Builtin = { dialects: ALL, run: () => 0 };

const loop = (kind: 'break' | 'continue'): Builtin => ({
  dialects: ALL,
  special: true,
  run(argv, sh) { return sh.signalLoop(kind, Math.max(1, Number(argv[1] ?? '1') || 1)); },
});

const returnB: Builtin = {
  dialects: ALL,
  special: true,
  run(argv, sh) { return sh.signalReturn(argv[1] === undefined ? sh.st.status : Number(argv[1]) & 255); },
};

const local: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    for (const a of argv.slice(1)) {
      if (a.startsWith('-')) continue;
      const eq = a.indexOf('=');
      if (!sh.declareLocal(eq > 0 ? a.slice(0, eq) : a, eq > 0 ? a.slice(eq + 1) : undefined)) {
        errLine(f, sh.words.builtin('local', sh.dialect === 'bash' ? 'can only be used in a function' : 'not in a function'));
        return sh.dialect === 'bash' ? 1 : 2;
      }
    }
    return 0;
  },
};

const test: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    const bracket = argv[0] === '[';
    let args = argv.slice(1);
    if (bracket) {
      if (args[args.length - 1] !== ']') { errLine(f, sh.words.builtin('[', "missing `]'")); return 2; }
      args = args.slice(0, -1);
    }
    const r = testExpr(args, sh.sys.fs, sh.st.cwd);
    if (typeof r === 'string') { errLine(f, sh.words.builtin(argv[0] as string, r)); return 2; }
    return r ? 0 : 1;
  },
};

const printfB: Builtin = {
  dialects: ALL,
  run(argv, sh, f) {
    if (argv.length < 2) { errLine(f, sh.dialect === 'bash' ? 'printf: usage: printf [-v var] format [arguments]' : 'printf: usage: printf format [arg ...]'); return 2; }
    const r = printf(argv[1] as string, argv.slice(2));
    f.out(r.text);
    for (const e of r.errors) errLine(f, sh.words.builtin('printf', e));
    return r.errors.length ? 1 : 0;
  },
};

/** bash's history: `%5d  %s` per line; `-c` clears. */
const history: Builtin = {
  dialects: ['bash'],
  run(argv, sh, f) {
    if (argv[1] === '-c') { sh.ctx.runtime.history = []; return 0; }
    const h = sh.ctx.runtime.history;
    const n = argv[1] !== undefined && /^\d+$/.test(argv[1]) ? Number(argv[1]) : h.length;
    h.slice(h.length - n).forEach((l, i) => line(f, `${String(h.length - n + i + 1).padStart(5)}  ${l}`));
    return 0;
  },
};

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  cd, echo, export: exportB, alias, unalias, exit, unset, set, type, command, read, source, '.': source, eval: evalB,
  shift, pwd, true: trueB, false: falseB, ':': trueB, break: loop('break'), continue: loop('continue'), return: returnB,
  local, test, '[': test, printf: printfB, history, let: letBuiltin,
  complete: quiet, shopt: quiet, hash: quietAll, wait: quietAll, jobs: quietAll, umask: quietAll, trap: quietAll,
};
