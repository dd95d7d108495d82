/**
 * What one shell remembers between command lines: variables (and which are exported), aliases,
 * the working directory, `$?`, options. Plain JSON so the host shell's state can be kept in the
 * terminal runtime (a reload keeps `alias k=kubectl` and `export do=…`).
 */
export interface ShState {
  vars: Record<string, string>;
  exported: string[];
  aliases: Record<string, string>;
  cwd: string;
  status: number;
  positional: string[];
  pipefail: boolean;
  errexit: boolean;
  /** `set -u`: an unset parameter is an expansion error (not kept across a reload). */
  nounset?: boolean;
  /** Lines read so far (dash prints it in its messages). */
  lineno: number;
}

export function freshState(cwd: string, env: Readonly<Record<string, string>>, aliases: Readonly<Record<string, string>> = {}): ShState {
  return {
    vars: { ...env, PWD: cwd, IFS: ' \t\n' },
    exported: Object.keys(env).concat('PWD'),
    aliases: { ...aliases },
    cwd,
    status: 0,
    positional: [],
    pipefail: false,
    errexit: false,
    lineno: 0,
  };
}

/** Accepts a saved state (any shape) and fills the gaps from `base`. */
export function restoreState(saved: unknown, base: ShState): ShState {
  if (typeof saved !== 'object' || saved === null) return base;
  const s = saved as Partial<Record<keyof ShState, unknown>>;
  const rec = (v: unknown): Record<string, string> | null =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string') ? { ...(v as Record<string, string>) } : null;
  return {
    vars: rec(s.vars) ?? base.vars,
    exported: Array.isArray(s.exported) ? s.exported.filter((x): x is string => typeof x === 'string') : base.exported,
    aliases: rec(s.aliases) ?? base.aliases,
    cwd: typeof s.cwd === 'string' && s.cwd.startsWith('/') ? s.cwd : base.cwd,
    status: typeof s.status === 'number' ? s.status : 0,
    positional: [],
    pipefail: s.pipefail === true,
    errexit: false,
    lineno: typeof s.lineno === 'number' ? s.lineno : 0,
  };
}

export function cloneState(s: ShState): ShState {
  return { ...s, vars: { ...s.vars }, exported: [...s.exported], aliases: { ...s.aliases }, positional: [...s.positional] };
}
