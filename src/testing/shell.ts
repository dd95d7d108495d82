import type { SourceFile } from '../engine/index.js';
import { createShell, type Shell, type ShellResult } from '../shell/index.js';

/** The course notes' pod (pod-level runAsUser 1010). */
export const UBUNTU_SLEEPER = `apiVersion: v1
kind: Pod
metadata:
  name: ubuntu-sleeper
  namespace: default
spec:
  securityContext:
    runAsUser: 1010
  containers:
  - command:
    - sleep
    - "4800"
    image: ubuntu
    name: ubuntu-sleeper
`;

/** A pod YAML with an optional container securityContext (flow YAML, one line). */
export function podYaml(name: string, opts: { image?: string; labels?: Record<string, string>; namespace?: string; sc?: string; podSc?: string } = {}): string {
  const labels = opts.labels ? `, labels: ${JSON.stringify(opts.labels)}` : '';
  const ns = opts.namespace ? `, namespace: ${opts.namespace}` : '';
  const sc = opts.sc ? `, securityContext: ${opts.sc}` : '';
  const podSc = opts.podSc ? `securityContext: ${opts.podSc}, ` : '';
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}${ns}${labels}}\nspec: {${podSc}containers: [{name: ${name}, image: ${opts.image ?? 'ubuntu'}, command: [sleep, "3600"]${sc}}]}\n`;
}

export function shellWith(...texts: (string | SourceFile)[]): Shell {
  const files = texts.map((t, i) => (typeof t === 'string' ? { name: `f${i}.yaml`, text: t } : t));
  return createShell({ files });
}

/** Runs the commands in order and returns every result. */
export function runAll(shell: Shell, ...commands: string[]): ShellResult[] {
  return commands.map((c) => shell.run(c));
}
