import { Ctx, defaultRuntime } from '../../context.js';
import { ContainerFs, type BaseFile } from '../../sh/container-fs.js';
import { dirname } from '../../sh/fs.js';
import type { Program, System } from '../../sh/system.js';
import { hostProc } from '../host-proc.js';
import { bbUsage } from './bb-usage.js';
import { gnuHelp, gnuVersion } from './gnu-help.js';

/**
 * For the tools' unit tests: runs one program on a small machine (GNU or busybox wording) with
 * the given files, the way the interpreter runs it (stdin as a string, cwd, stdout/stderr apart).
 */
export interface RunOpts {
  readonly stdin?: string;
  /** Absolute paths (or relative to /w) → text. */
  readonly files?: Readonly<Record<string, string>>;
  readonly dirs?: readonly string[];
  /** Permission bits of some of the files (0o644 otherwise). */
  readonly modes?: Readonly<Record<string, number>>;
  readonly cwd?: string;
  readonly uid?: number;
  readonly tty?: boolean;
  /** The program's environment (GNU default: LANG=C.UTF-8, as captured). */
  readonly env?: Readonly<Record<string, string>>;
  /** Seconds the machine's clock is ahead of the lab's (what `date -s` keeps). */
  readonly clock?: number;
  /** Other programs on PATH (for xargs, watch, which). */
  readonly programs?: Readonly<Record<string, Program>>;
}

export interface RunResult {
  readonly out: string;
  readonly err: string;
  readonly code: number;
  /** stdout and stderr interleaved. */
  readonly all: string;
  readonly sys: System;
  readonly ctx: Ctx;
}

export function machine(flavor: 'gnu' | 'busybox', o: RunOpts = {}): { ctx: Ctx; sys: System } {
  const ctx = new Ctx([], defaultRuntime());
  const base = new Map<string, BaseFile>();
  const dirs = new Set(['/', '/bin', '/etc', '/tmp', '/root', '/usr', '/usr/bin', '/w', ...(o.dirs ?? []).map((d) => abs(d))]);
  base.set('/etc/passwd', { text: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' });
  base.set('/etc/group', { text: 'root:x:0:\nnogroup:x:65534:\n' });
  for (const [p, text] of Object.entries(o.files ?? {})) {
    const path = abs(p);
    const mode = o.modes?.[p];
    base.set(path, mode === undefined ? { text } : { text, mode });
    for (let d = dirname(path); d !== '/'; d = dirname(d)) dirs.add(d);
  }
  const key = 'test';
  const fs = new ContainerFs({
    base, baseDirs: dirs,
    disk: () => ctx.runtime.containerDisk[key] ?? { files: {}, removed: [], dirs: [] },
    setDisk: (d) => { ctx.runtime.containerDisk = { ...ctx.runtime.containerDisk, [key]: d }; },
    readOnlyRoot: false, mounts: [], uid: o.uid ?? 0, home: '/root',
  });
  const programs = o.programs ?? {};
  const sys: System = {
    kind: flavor === 'gnu' ? 'host' : 'container', fs, home: '/root', hostname: 'controlplane', uid: o.uid ?? 0, user: 'root',
    proc: { ...hostProc(), uid: o.uid ?? 0 }, key, shells: {}, flavor, env: { PATH: '/usr/bin:/bin' },
    resolve: (name) => programs[name.slice(name.lastIndexOf('/') + 1)] ?? null,
    pathOf: (name) => (Object.hasOwn(programs, name) ? `${flavor === 'gnu' ? '/usr/bin' : '/bin'}/${name}` : null),
    net: () => null,
  };
  ctx.sys = sys;
  if (o.clock !== undefined) ctx.runtime.clock = { [key]: o.clock };
  ctx.cwd = o.cwd ?? '/w';
  // The captures ran GNU tools with LANG=C.UTF-8; `env` replaces that.
  ctx.env = o.env ?? (flavor === 'gnu' ? { LANG: 'C.UTF-8' } : {});
  ctx.tty = { in: false, out: o.tty === true, err: o.tty === true };
  return { ctx, sys };
}

function abs(p: string): string {
  return p.startsWith('/') ? p : `/w/${p}`;
}

/** Runs `prog argv` once; argv[0] is the name it is called by. */
export function run(prog: Program, flavor: 'gnu' | 'busybox', argv: string[], o: RunOpts = {}): RunResult {
  const { ctx, sys } = machine(flavor, o);
  ctx.stdin = o.stdin ?? '';
  const code = prog(argv, ctx);
  const pick = (fd: 1 | 2) => ctx.out.chunks.filter((c) => c.fd === fd).map((c) => c.text).join('');
  return { out: pick(1), err: pick(2), code, all: ctx.out.text(), sys, ctx };
}

/** The fixture the captures used (/tmp/cu16/w): a.txt has twelve Greek letters, b.txt two lines. */
export const FIXTURE: Readonly<Record<string, string>> = {
  'a.txt': 'alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\niota\nkappa\nlambda\nmu\n',
  'b.txt': 'one two\nthree\n',
  'c.txt': 'no newline',
  'dir/f.yaml': 'x\n',
  'dir/g.yaml': 'y\n',
  'pods.txt': [
    'NAMESPACE     NAME                       READY   STATUS    RESTARTS   AGE',
    'default       db-0                       1/1     Running   0          10m',
    'default       web-5d9c                   1/1     Running   0          10m',
    'prod          DB-backup                  0/1     Error     2          10m',
    'kube-system   coredns-abc                1/1     Running   0          10m',
    '',
  ].join('\n'),
  's.txt': 'b 2\na 10\nc 1\nb 2\nA 3\n\n',
  'colon.txt': 'x:1:foo\ny:20:bar\nz:3:baz\n',
};

/** Splits a command written as in a shell (single and double quotes, backslash) into argv. */
export function words(cmd: string): string[] {
  const out: string[] = [];
  let cur = '';
  let any = false;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i] as string;
    if (c === "'") {
      const j = cmd.indexOf("'", i + 1);
      cur += cmd.slice(i + 1, j);
      i = j;
      any = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; cmd[j] !== '"'; j++) cur += cmd[j] === '\\' && /["\\$`]/.test(cmd[j + 1] ?? '') ? (cmd[++j] as string) : cmd[j];
      i = j;
      any = true;
    } else if (c === '\\') {
      cur += cmd[++i] ?? '';
      any = true;
    } else if (c === ' ') {
      if (any) out.push(cur);
      cur = '';
      any = false;
    } else {
      cur += c;
      any = true;
    }
  }
  if (any) out.push(cur);
  return out;
}

/** One captured case: flavor (g GNU, b busybox), the command, stdout, stderr, exit status, stdin. */
export type Case = readonly [flavor: 'g' | 'b', cmd: string, out: string, err: string, code: number, stdin?: string];

/**
 * Runs a captured case against the program table. In the expected texts, `§U` stands for the
 * applet's busybox usage block, `§H` / `§V` for the GNU tool's --help / --version text (each
 * captured once, in bb-usage.ts and gnu-help.ts).
 */
export function runCase(programs: Readonly<Record<string, Program>>, c: Case, o: RunOpts = {}): { got: [string, string, number]; want: [string, string, number] } {
  const argv = words(c[1]);
  const name = argv[0] as string;
  const applet = name.slice(name.lastIndexOf('/') + 1);
  const prog = programs[applet];
  if (!prog) throw new Error(`no program ${name}`);
  const r = run(prog, c[0] === 'g' ? 'gnu' : 'busybox', argv, { files: FIXTURE, programs, ...o, stdin: c[5] ?? o.stdin ?? '' });
  const key = applet === 'egrep' || applet === 'fgrep' ? 'grep' : applet;
  const expand = (s: string) => s.replace('§U', bbUsage(applet)).replace('§H', gnuHelp(key, key === 'grep' ? applet : name) ?? '').replace('§V', gnuVersion(key) ?? '');
  return { got: [r.out, r.err, r.code], want: [expand(c[2]), expand(c[3]), c[4]] };
}
