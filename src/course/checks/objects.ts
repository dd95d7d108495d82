import { analyze } from '../../engine/index.js';
import type {
  CheckContext, CheckOutcome, ClusterCheck, DiagnosticCheck, NamespaceCheck, NoErrorsCheck, PolicyCheck, PolicyCountCheck,
  SecretCheck,
} from '../model.js';

/** State checks over cluster objects other than pods. */

const result = (why: string[]): CheckOutcome => ({ passed: why.length === 0, why });
const split = (key: string): [string, string] => {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
};

export function checkSecret(check: SecretCheck, ctx: CheckContext): CheckOutcome {
  const [namespace, name] = split(check.secret);
  const secret = ctx.analysis.cluster.secrets.find((s) => s.namespace === namespace && s.name === name);
  if (check.exists === false) return result(secret ? [`secret ${check.secret} exists`] : []);
  if (!secret) return result([`no secret ${check.secret}`]);
  const why: string[] = [];
  if (check.type !== undefined && secret.type !== check.type) why.push(`secret ${check.secret} has type ${secret.type}, expected ${check.type}`);
  const entries = secret.dockerConfig ?? [];
  const entry = check.server === undefined ? entries[0] : entries.find((e) => e.server === check.server);
  if (check.server !== undefined && !entry) {
    why.push(`secret ${check.secret} has no credentials for ${check.server} (has: ${entries.map((e) => e.server).join(', ') || 'none'})`);
  }
  if (check.username !== undefined && entry) {
    const user = entry.auth?.username ?? entry.username;
    if (user !== check.username) why.push(`secret ${check.secret} has username ${user ?? 'none'}, expected ${check.username}`);
  } else if (check.username !== undefined && check.server === undefined) {
    // No credentials at all (a generic secret): no username, so not the one wanted.
    why.push(`secret ${check.secret} has no credentials, expected username ${check.username}`);
  }
  if (check.pulls !== undefined) why.push(...pullWhy(check.secret, namespace, name, check.pulls, ctx));
  return result(why);
}

/** The pod a `pulls` check adds to the student's files: it lists only the secret under test. */
export const PULL_PROBE_POD = 'kslab-pull-check';

/**
 * Would these credentials pull the image? The engine decides, as it does for the student's pods:
 * the same files plus one pod in the secret's namespace whose only pull secret is this one. The pod
 * meets the restricted Pod Security level, so a namespace that enforces it admits the probe (the
 * kubelet pulls before it checks runAsNonRoot against the image's user: the pull is still tried).
 */
function pullWhy(key: string, namespace: string, name: string, image: string, ctx: CheckContext): string[] {
  const pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: PULL_PROBE_POD, namespace },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      imagePullSecrets: [{ name }],
      containers: [{
        name: 'pull', image, imagePullPolicy: 'Always',
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      }],
    },
  };
  // JSON is YAML: no quoting of the student's names can go wrong.
  const probe = { name: `${PULL_PROBE_POD}.yaml`, text: JSON.stringify(pod) };
  const analysis = analyze([...ctx.analysis.sources.filter((f) => f.name !== probe.name), probe]);
  const report = analysis.pods.find((p) => p.key === `${namespace}/${PULL_PROBE_POD}`)?.containers[0];
  if (!report) return [`secret ${key}: could not try a pull of ${image}`];
  const pull = report.image.pull;
  if (pull.state === 'Pulled' && pull.credentials === name) return [];
  return [`secret ${key} does not pull ${image}: ${pull.message ?? (pull.credentials === null ? 'the pull used no credentials' : `pulled with ${pull.credentials}`)}`];
}

export function checkPolicy(check: PolicyCheck, ctx: CheckContext): CheckOutcome {
  const report = ctx.analysis.policies.find((p) => p.key === check.policy);
  if (check.exists === false) return result(report ? [`network policy ${check.policy} exists`] : []);
  if (!report) return result([`no network policy ${check.policy}`]);
  const why: string[] = [];
  for (const pod of check.selects ?? []) {
    if (!report.selects.includes(pod)) why.push(`network policy ${check.policy} does not select ${pod}`);
  }
  if (check.policyTypes) {
    const have = [...report.policy.policyTypes].sort().join(',');
    const want = [...check.policyTypes].sort().join(',');
    if (have !== want) why.push(`network policy ${check.policy} has policyTypes [${have}], expected [${want}]`);
  }
  return result(why);
}

export function checkPolicyCount(check: PolicyCountCheck, ctx: CheckContext): CheckOutcome {
  const n = ctx.analysis.policies.filter((p) => check.namespace === '*' || p.policy.namespace === check.namespace).length;
  const where = check.namespace === '*' ? 'the cluster' : `namespace ${check.namespace}`;
  return result(n === check.count ? [] : [`${where} has ${n} network policies, expected ${check.count}`]);
}

export function checkNamespace(check: NamespaceCheck, ctx: CheckContext): CheckOutcome {
  const ns = ctx.analysis.cluster.namespaces.find((n) => n.name === check.namespace);
  if (check.exists === false) return result(ns ? [`namespace ${check.namespace} exists`] : []);
  if (!ns) return result([`no namespace ${check.namespace}`]);
  const why = Object.entries(check.labels ?? {})
    .filter(([k, v]) => ns.labels[k] !== v)
    .map(([k, v]) => `namespace ${check.namespace} has no label ${k}=${v}`);
  return result(why);
}

export function checkCluster(check: ClusterCheck, ctx: CheckContext): CheckOutcome {
  const why: string[] = [];
  const cni = ctx.analysis.cluster.config.cni;
  if (check.cni !== undefined && cni !== check.cni) why.push(`the cluster's CNI is ${cni}, expected ${check.cni}`);
  const enforcing = ctx.analysis.network.enforcing;
  if (check.enforcing !== undefined && enforcing !== check.enforcing) {
    why.push(enforcing ? 'network policies are enforced' : 'network policies are not enforced');
  }
  return result(why);
}

export function checkDiagnostic(check: DiagnosticCheck, ctx: CheckContext): CheckOutcome {
  const found = ctx.analysis.diagnostics.find((d) =>
    (check.code === undefined || d.code === check.code) &&
    (check.severity === undefined || d.severity === check.severity) &&
    (check.path === undefined || d.path === check.path) &&
    (check.messageIncludes === undefined || d.message.includes(check.messageIncludes)));
  const what = [check.severity, check.code, check.path, check.messageIncludes].filter((x) => x !== undefined).join(' ');
  if (check.present) return result(found ? [] : [`no diagnostic ${what}`]);
  return result(found ? [`${found.file}:${found.line}: ${found.message}`] : []);
}

export function checkNoErrors(_check: NoErrorsCheck, ctx: CheckContext): CheckOutcome {
  const errors = ctx.analysis.diagnostics.filter((d) => d.severity === 'error');
  return result(errors.map((d) => `${d.file}:${d.line}: ${d.message}`));
}
