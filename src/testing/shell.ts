import type { SourceFile } from '../engine/index.js';
import { createShell, type Shell, type ShellResult } from '../shell/index.js';
import { scenarioFiles } from './scenario-files.js';

/** The course notes' pod (pod-level runAsUser 1010): the same file the CLI goldens use. */
export const UBUNTU_SLEEPER = scenarioFiles('ubuntu-sleeper')[0]!.text;

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

/** A result's stdout and stderr as the streams held them, and its status (the bash row tables). */
export function streamsOf(r: ShellResult): { out: string; err: string; rc: number } {
  const pick = (fd: 1 | 2) => (r.streams ?? []).filter((c) => c.fd === fd).map((c) => c.text).join('');
  return { out: pick(1), err: pick(2), rc: r.exitCode };
}

/** `script` as one input (`runScript`) on a fresh host shell with no files. */
export const runHostScript = (script: string) => streamsOf(createShell({ files: [] }).runScript(script));

const NGINX_POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec: {containers: [{name: web, image: nginx}]}
`;

/**
 * `script` through `kubectl exec web -- sh -c` in an nginx pod, whose /bin/sh is Debian's dash (the
 * dash row tables); kubectl adds `command terminated with exit code N` for a non-zero status.
 */
export function runDashScript(script: string): { out: string; err: string; rc: number } {
  const shell = createShell({ files: [{ name: 'pods.yaml', text: NGINX_POD }] });
  return streamsOf(shell.runScript(`kubectl apply -f pods.yaml >/dev/null; kubectl exec web -- sh -c '${script.replace(/'/g, `'\\''`)}'`));
}
