/**
 * Builders for course tests: an Analysis stating exactly the facts a check looks at, so the
 * checker's tests neither depend on the engine stages nor pass because of them.
 */
import type { Analysis, Diagnostic, NetworkPolicy, PolicyReport, Secret } from '../engine/model/index.js';
import type { Check, CheckContext, TranscriptEntry } from '../course/model.js';
import { parseCheck } from '../course/parse-check.js';
import { buildAnalysis, ref, type UiScenario } from './ui.js';

export * from './ui.js';

export interface CourseScenario extends UiScenario {
  readonly secrets?: readonly Partial<Secret>[];
  readonly policies?: readonly { key: string; selects?: readonly string[]; policyTypes?: NetworkPolicy['policyTypes'] }[];
  readonly diagnostics?: readonly Partial<Diagnostic>[];
  readonly imagePullSecrets?: Readonly<Record<string, readonly string[]>>;
  readonly cni?: Analysis['cluster']['config']['cni'];
}

export function courseAnalysis(s: CourseScenario): Analysis {
  const base = buildAnalysis(s);
  const secrets: Secret[] = (s.secrets ?? []).map((x) => ({
    namespace: 'default', name: 'secret', type: 'Opaque', keys: [], data: {}, ref: ref('secrets.yaml'), ...x,
  }));
  const policies: PolicyReport[] = (s.policies ?? []).map((p) => {
    const [namespace = '', name = ''] = p.key.split('/');
    const policy: NetworkPolicy = {
      namespace, name, podSelector: { matchLabels: {}, matchExpressions: [] }, policyTypes: p.policyTypes ?? ['Ingress'],
      policyTypesDefaulted: false, ingress: [], egress: [], ref: ref('policies.yaml'),
    };
    return { key: p.key, policy, selects: p.selects ?? [] };
  });
  const diagnostics: Diagnostic[] = (s.diagnostics ?? []).map((d) => ({
    severity: 'error', code: 'x', message: 'x', file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, path: '', params: {}, ...d,
  }));
  const pods = base.pods.map((p) => ({ ...p, pod: { ...p.pod, imagePullSecrets: s.imagePullSecrets?.[p.key] ?? [] } }));
  return {
    ...base, pods, policies, diagnostics,
    cluster: {
      ...base.cluster, secrets, policies: policies.map((p) => p.policy), pods: pods.map((p) => p.pod),
      config: { ...base.cluster.config, ...(s.cni ? { cni: s.cni } : {}) },
    },
  };
}

export function context(analysis: Analysis, more: { transcript?: TranscriptEntry[]; answer?: string; files?: CheckContext['files'] } = {}): CheckContext {
  return { analysis, files: more.files ?? [], transcript: more.transcript ?? [], ...(more.answer !== undefined ? { answer: more.answer } : {}) };
}

/** A check as a lesson file writes it, parsed; a check parseCheck refuses fails the test with its problems. */
export function parsedCheck(raw: unknown): Check {
  const problems: string[] = [];
  const check = parseCheck(raw, 'test', problems);
  if (!check) throw new Error(problems.join('\n'));
  return check;
}
