// Admission never throws on student input (engine-spec §2): any label values on namespaces, any
// configuration, any pod. Properties: the functions answer, levels and versions in the answers are
// always valid, and a refusal always carries the API server's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { modelPod } from '../../testing/security.js';
import { parseVersion, policyToEvaluate } from './api.js';
import { buildPodSecurityConfig } from './config.js';
import { admitPod, admitPodController } from './evaluate.js';
import { validateNamespace } from './namespace.js';

const MODES = ['enforce', 'enforce-version', 'warn', 'warn-version', 'audit', 'audit-version'];
const hostile = fc.oneof(
  fc.constantFrom('privileged', 'baseline', 'restricted', 'latest', 'v1.0', 'v1.29', 'v1.99999999999999999999', 'v1.-1', 'v01.2', 'strict', '', '__proto__', 'constructor', 'toString', 'v1.1e3', 'NaN'),
  fc.string(), fc.string({ unit: 'grapheme' }),
);
const labels = fc.dictionary(fc.oneof(fc.constantFrom(...MODES).map((m) => `pod-security.kubernetes.io/${m}`), fc.string()), hostile, { maxKeys: 8 });
const config = fc.record({
  defaults: fc.dictionary(fc.constantFrom(...MODES), hostile, { maxKeys: 6 }),
  exemptions: fc.record({ usernames: fc.array(hostile, { maxLength: 3 }), runtimeClasses: fc.array(hostile, { maxLength: 3 }), namespaces: fc.array(hostile, { maxLength: 3 }) }),
});
const LEVELS = ['privileged', 'baseline', 'restricted'];

describe('admission never throws', () => {
  it('on hostile labels and configurations, for pods, controllers and namespaces', () => {
    fc.assert(fc.property(labels, labels, config, hostile, fc.boolean(), (nsLabels, oldLabels, cfg, user, hostNetwork) => {
      const { config: c } = buildPodSecurityConfig(cfg.defaults, cfg.exemptions);
      const pod = modelPod({ hostNetwork, containers: [{ name: 'c', securityContext: { privileged: hostNetwork } }] });
      const ns = { name: 'team', labels: nsLabels };
      const { policy } = policyToEvaluate(nsLabels, c.defaults);
      for (const lv of [policy.enforce, policy.warn, policy.audit]) {
        expect(LEVELS).toContain(lv.level);
        expect(parseVersion(lv.version).error).toBeNull();
      }
      const r = admitPod(pod, ns, { config: c, user });
      if (!r.allowed) expect(r.error).toMatch(/^pods "test-pod" is forbidden: violates PodSecurity "(baseline|restricted):[^"]+": /);
      expect(admitPodController(pod, ns, { config: c, user }).allowed).toBe(true);
      const v = validateNamespace({ operation: 'update', name: 'team', labels: nsLabels, oldLabels }, [pod], { config: c });
      if (!v.allowed) expect(v.error).toMatch(/^Namespace "team" is invalid: /);
    }), { numRuns: 300 });
  });

  it('through analyze(), with hostile label values on namespaces and a hostile configuration', () => {
    const yamlString = (s: string) => JSON.stringify(s);
    fc.assert(fc.property(labels, config, (nsLabels, cfg) => {
      const entries = Object.entries(nsLabels).map(([k, v]) => `    ${yamlString(k)}: ${yamlString(v)}`).join('\n');
      const defaults = Object.entries(cfg.defaults).map(([k, v]) => `${k}: ${yamlString(v)}`).join(', ');
      const text = [
        `apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec:\n  podSecurity: {defaults: {${defaults}}, exemptions: {namespaces: ${JSON.stringify(cfg.exemptions.namespaces)}}}`,
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n${entries || '    a: b'}`,
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: team}\nspec: {containers: [{name: c, image: busybox}]}',
      ].join('\n---\n');
      const a = analyze([{ name: 'x.yaml', text }]);
      const created = a.pods.some((p) => p.key === 'team/p');
      const refused = a.admission.rejected.some((r) => r.key === 'team/p');
      expect(created !== refused).toBe(true);
    }), { numRuns: 150 });
  });
});
