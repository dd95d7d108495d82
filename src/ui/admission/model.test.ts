import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/index.js';
import { MAX_REFUSED_SHOWN, refusedPodFixes, refusedShown, shownNamespaces } from './model.js';

const ns = (name: string, labels: Record<string, string>) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
${Object.entries(labels).map(([k, v]) => `    ${k}: ${v}`).join('\n')}
`;
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: secure
spec:
  containers:
  - name: app
    image: nginx
    securityContext:
      privileged: true
`;

describe('Pod Security panel model', () => {
  it('gives each scenario namespace its levels, labels over the privileged defaults', () => {
    const a = analyze([{ name: 'ns.yaml', text: [ns('secure', {
      'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/warn': 'baseline',
      'pod-security.kubernetes.io/audit-version': 'v1.29',
    }), ns('open', { team: 'a' })].join('---\n') }]);
    const shown = shownNamespaces(a.admission);
    expect(shown.find((n) => n.name === 'secure')).toEqual({
      name: 'secure', exempt: false, enforce: 'restricted:latest', warn: 'baseline:latest', audit: 'privileged:v1.29',
    });
    expect(shown.find((n) => n.name === 'open')).toMatchObject({ exempt: false, enforce: 'privileged:latest' });
    // kube-system is built in and nothing labels it: no line.
    expect(shown.some((n) => n.name === 'kube-public')).toBe(false);
  });

  it('lists a refused pod\'s violated checks with the fields to change and their refs', () => {
    const a = analyze([{ name: 'ns.yaml', text: ns('secure', { 'pod-security.kubernetes.io/enforce': 'restricted' }) },
      { name: 'pod.yaml', text: POD }]);
    expect(a.pods.some((p) => p.pod.name === 'web')).toBe(false);
    const [fix, ...rest] = refusedPodFixes(a.admission);
    expect(rest).toEqual([]);
    expect(fix).toMatchObject({ key: 'secure/web', level: 'restricted:latest' });
    expect(fix?.message).toMatch(/^pods "web" is forbidden: violates PodSecurity "restricted:latest": privileged/);
    const privileged = fix?.checks.find((c) => c.check === 'privileged');
    expect(privileged?.fields.map((f) => f.path)).toEqual(['spec.containers[0].securityContext.privileged']);
    const range = a.locate(privileged!.fields[0]!.ref);
    expect(range).toMatchObject({ file: 'pod.yaml', line: 11 });
    // runAsNonRoot is missing, not written: each field it names still has a ref to reveal.
    const nonRoot = fix?.checks.find((c) => c.check === 'runAsNonRoot');
    expect(nonRoot).toBeDefined();
    for (const f of nonRoot!.fields) expect(a.locate(f.ref)?.file).toBe('pod.yaml');
    expect(fix?.checks.map((c) => c.check)).toEqual(expect.arrayContaining(['privileged', 'allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']));
  });

  it('a Deployment\'s refused pods point at the fields of its pod template', () => {
    const deploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: secure
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      hostNetwork: true
      containers:
      - name: api
        image: busybox
`;
    const a = analyze([{ name: 'ns.yaml', text: ns('secure', { 'pod-security.kubernetes.io/enforce': 'baseline' }) },
      { name: 'deploy.yaml', text: deploy }]);
    const fixes = refusedPodFixes(a.admission);
    expect(fixes.length).toBeGreaterThan(0);
    for (const f of fixes) {
      expect(f.key).toMatch(/^secure\/api-/);
      expect(f.level).toBe('baseline:latest');
      expect(f.checks.map((c) => c.check)).toEqual(['hostNamespaces']);
      const field = f.checks[0]!.fields[0]!;
      expect(field.path).toBe('spec.template.spec.hostNetwork'); // where the student writes it
      expect(a.locate(field.ref)).toMatchObject({ file: 'deploy.yaml', line: 13 });
    }
  });

  it('details the first refused pods and counts the rest', () => {
    const pods = Array.from({ length: MAX_REFUSED_SHOWN + 3 }, (_, i) => POD.replace('name: web', `name: web-${i}`)).join('---\n');
    const a = analyze([{ name: 'ns.yaml', text: ns('secure', { 'pod-security.kubernetes.io/enforce': 'restricted' }) },
      { name: 'pods.yaml', text: pods }]);
    const { shown, more } = refusedShown(refusedPodFixes(a.admission));
    expect(shown.map((p) => p.key)).toEqual(Array.from({ length: MAX_REFUSED_SHOWN }, (_, i) => `secure/web-${i}`));
    expect(more).toBe(3);
  });

  it('a namespace the configuration exempts says so, and its pods are not refused', () => {
    const cluster = 'apiVersion: lab/v1\nkind: Cluster\nmetadata:\n  name: lab\nspec:\n  podSecurity:\n    exemptions:\n      namespaces: [tools]\n';
    const a = analyze([{ name: 'cluster.yaml', text: cluster },
      { name: 'ns.yaml', text: ns('tools', { 'pod-security.kubernetes.io/enforce': 'restricted' }) },
      { name: 'pod.yaml', text: POD.replace('namespace: secure', 'namespace: tools') }]);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(shownNamespaces(a.admission).find((n) => n.name === 'tools')).toEqual({ name: 'tools', exempt: true });
    expect(refusedPodFixes(a.admission)).toEqual([]);
  });
});
