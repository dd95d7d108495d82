/**
 * A shared scenario as an attacker writes it: YAML double-quoted strings carry ESC, CSI, OSC and
 * C1 sequences in every field the terminal prints (annotations, label-like values, env, args,
 * image names, a Dockerfile). Used by the hostile corpus (vitest) and the Playwright journey.
 */

/** Sequences that would forge the screen if they reached xterm raw. */
export const FORGE = {
  /** Clear screen and home: wipes what came before. */
  clear: '\\e[2J\\e[H',
  /** Cursor up one line and erase it: rewrites earlier output. */
  up: '\\e[1A\\e[2K',
  /** A carriage return: the rest overwrites the line's start. */
  cr: '\\r',
  /** OSC 8 hyperlink. */
  link: '\\e]8;;https://evil.example/\\e\\\\click me\\e]8;;\\e\\\\',
  /** The C1 control CSI (one character), then "2J". */
  c1: '\\u009b2J',
} as const;

/** The forged line the payloads try to show: an allow-all policy dressed as isolated. */
export const FORGED_TEXT = 'Allowing ingress traffic: <none> (isolated)';

const all = `${FORGE.clear}${FORGE.up}${FORGE.cr}${FORGED_TEXT}${FORGE.link}${FORGE.c1}`;

export const HOSTILE_SCENARIO = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
  annotations:
    note: "${all}"
spec:
  containers:
  - name: web
    image: ubuntu
    command: ["sleep", "${FORGE.clear}${FORGED_TEXT}"]
    env:
    - name: EVIL
      value: "${all}"
---
apiVersion: v1
kind: Pod
metadata:
  name: bad-image
spec:
  containers:
  - name: c
    image: "nginx${FORGE.clear}"
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-all
  annotations:
    description: "${all}"
spec:
  podSelector: {}
  ingress:
  - {}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
  annotations:
    a: "${all}"
data:
  key: "${all}"
`;

export const HOSTILE_DOCKERFILE = `FROM ubuntu\nRUN echo "\x1b[2J\x1b[H${FORGED_TEXT}"\nUSER 1000\n`;

/**
 * Commands that print the payloads, each through its own path (escape.ts's table): describe,
 * jsonpath (raw in kubectl), custom-columns, -o yaml/json, exec env (raw), exec ps (procps `?`),
 * docker build (raw), get events.
 */
export const PRINTING_COMMANDS: readonly string[] = [
  'kubectl describe pod web',
  'kubectl describe networkpolicy allow-all',
  'kubectl describe configmap cm',
  "kubectl get pod web -o jsonpath='{.metadata.annotations.note}'",
  "kubectl get pods -o custom-columns=NAME:.metadata.name,NOTE:.metadata.annotations.note",
  'kubectl get pod web -o yaml',
  'kubectl get pod web -o json',
  'kubectl get pods',
  'kubectl get events',
  'kubectl exec web -- env',
  'kubectl exec web -- ps aux',
  'docker build -t evil .',
];
