// The `probed` check reads what the terminal's network tools reached (ProbeRecord, from the
// engine's probe()), whichever tool the student chose.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/index.js';
import { createShell } from '../../shell/index.js';
import { parseCheck } from '../parse-check.js';
import { evaluateCheck } from './index.js';
import type { TranscriptEntry } from '../model.js';

const FILES = [{ name: 'a.yaml', text: `apiVersion: v1
kind: Pod
metadata: {name: db, labels: {role: db}}
spec: {containers: [{name: db, image: mysql, ports: [{containerPort: 3306}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {selector: {role: db}, ports: [{port: 3306}]}
` }];
const DENY = { name: 'p.yaml', text: '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: db-policy}, spec: {podSelector: {matchLabels: {role: db}}, policyTypes: [Ingress]}}' };

function session(commands: readonly [string, boolean][]): TranscriptEntry[] {
  const shell = createShell({ files: FILES });
  return commands.map(([cmd, deny]) => {
    shell.setFiles(deny ? [...FILES, DENY] : FILES);
    const r = shell.run(cmd);
    return { input: cmd, output: r.output, exitCode: r.exitCode, ...(r.probes ? { probes: r.probes } : {}) };
  });
}

const check = (raw: unknown) => {
  const problems: string[] = [];
  const c = parseCheck(raw, 'test', problems);
  expect(problems).toEqual([]);
  return c!;
};

describe('probed check', () => {
  const probe = 'kubectl run probe --rm -it --image=busybox --restart=Never -- nc -zv -w 2 db 3306';
  const t = session([[probe, false], [probe, true]]);
  const ctx = { analysis: analyze(FILES), files: FILES, transcript: t };

  it('the last probe decides; any tool counts (here busybox nc through the Service)', () => {
    expect(t[0]?.probes?.at(-1)).toMatchObject({ tool: 'nc', from: 'default/probe', to: 'default/db', port: 3306, outcome: 'connected', service: { key: 'default/db', port: 3306 } });
    expect(evaluateCheck(check({ probed: { to: 'default/db', port: 3306 }, outcome: 'timeout' }), ctx).passed).toBe(true);
    expect(evaluateCheck(check({ probed: { to: 'default/db', port: 3306 }, outcome: 'connected' }), ctx)).toEqual({ passed: false, why: ['the last probe to default/db:3306 ended timeout, not connected'] });
    expect(evaluateCheck(check({ probed: { to: 'default/db', port: 3306 }, outcome: 'connected', which: 'any' }), ctx).passed).toBe(true);
  });

  it('filters by client, Service and port; says when there is no probe yet', () => {
    expect(evaluateCheck(check({ probed: { to: 'default/db', from: 'default/api', port: 3306 }, outcome: 'timeout' }), ctx).why).toEqual(['no probe to default/db:3306 yet']);
    expect(evaluateCheck(check({ probed: { to: 'default/*', service: 'default/db' }, outcome: 'timeout' }), ctx).passed).toBe(true);
    expect(evaluateCheck(check({ probed: { to: 'default/db', port: 80 }, outcome: 'timeout' }), ctx).passed).toBe(false);
  });

  it('a typo in the check is a load problem, not a silent pass', () => {
    const problems: string[] = [];
    expect(parseCheck({ probed: { to: 'default/db', prot: 1 }, outcome: 'timeout' }, 's', problems)).toBeNull();
    expect(parseCheck({ probed: { to: 'default/db' }, outcome: 'closed' }, 's', problems)).toBeNull();
    expect(problems).toEqual(['s: "probed" has unknown key(s) prot', 's: "outcome" must be one of connected, refused, timeout, nxdomain, dns-timeout']);
  });
});
