import { describe, expect, it } from 'vitest';
import { shellWith } from '../../testing/shell.js';

// The API server stores a NetworkPolicy with its defaults (kubernetes pkg/apis/networking/v1/
// defaults.go SetDefaults_NetworkPolicy): no policyTypes ⇒ [Ingress], plus Egress when spec.egress
// is non-empty. kubectl get -o yaml/json shows what is stored.
const policy = (spec: string) => ({ name: 'p.yaml', text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
spec:
  podSelector: {}
${spec.replace(/^(?=.)/gm, '  ')}` });
const types = (spec: string) => shellWith(policy(spec)).run("kubectl get netpol p -o jsonpath='{.spec.policyTypes}'").output;

describe('kubectl get netpol: the stored policyTypes', () => {
  it.each([
    ['no policyTypes, no egress', '', '["Ingress"]'],
    ['no policyTypes, egress rules', 'egress:\n- {}\n', '["Ingress","Egress"]'],
    ['no policyTypes, an empty egress list', 'egress: []\n', '["Ingress"]'],
    ['Egress written: kept as written', 'policyTypes: [Egress]\negress:\n- {}\n', '["Egress"]'],
  ])('%s', (_name, spec, want) => expect(types(spec)).toBe(want));
  it('-o yaml lists them under spec', () => {
    expect(shellWith(policy('egress:\n- {}\n')).run('kubectl get netpol p -o yaml').output).toContain('  policyTypes:\n  - Ingress\n  - Egress\n');
  });
});
