import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

/** A client, an nginx pod and a Service whose port (8080) is not the pod's (80). */
const APP = `apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: prod, labels: {app: client}}
spec: {containers: [{name: c, image: busybox, command: [sleep, '3600']}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: prod, labels: {app: web}}
spec: {containers: [{name: nginx, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web-svc, namespace: prod}
spec: {selector: {app: web}, ports: [{port: 8080, targetPort: 80}]}
`;

/** The classic mistake: the policy names the Service's port. */
const POLICY = (port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: front-in
  namespace: prod
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - ports:
    - port: ${port}
`;

test('a student probes through a Service, writes a policy, probes again, sees it fail and asks why', async ({ lab, page }) => {
  const term = new LessonPage(lab);
  await lab.openFresh();
  await lab.waitForEditor();
  await lab.loadScenario([{ name: 'app.yaml', text: APP }]);

  // Before any policy: wget through the Service and cluster DNS gets nginx's page.
  await term.run('kubectl exec -n prod client -- wget -qO- -T 2 http://web-svc:8080 | head -4', 'Welcome to nginx!');
  const bar = page.getByTestId('probe-bar');
  await expect(bar).toContainText('allowed');
  await expect(bar).toContainText('prod/client → prod/web:80/TCP');
  await expect(bar).toContainText('through Service prod/web-svc:8080');

  // The policy, written in the editor, names the Service port.
  await lab.setFile('front-in.yaml', POLICY(8080));
  await expect.poll(async () => (await lab.analysis()).policies.map((p) => p.key)).toContain('prod/front-in');
  await term.run('kubectl exec -n prod client -- wget -qO- -T 2 http://web-svc:8080', 'wget: download timed out');
  await expect(term.terminalRows()).toContainText('command terminated with exit code 1');
  await expect(bar).toContainText('blocked by NetworkPolicy');

  // Why? The probe's own steps (the trap named), then the rule-by-rule explanation.
  await bar.getByRole('button', { name: 'Why?' }).click();
  const summary = page.getByTestId('probe-summary');
  await expect(summary).toContainText("The Service forwards 8080 to pod port 80; NetworkPolicy 'prod/front-in' allows 8080, not 80.");
  await expect(lab.sidePanel()).toContainText('front-in');

  // Fixed: the pod's port. The same probe goes through again.
  await lab.setFile('front-in.yaml', POLICY(80));
  await term.run('kubectl exec -n prod client -- nc -zv -w 2 web-svc 8080', /web-svc \(10\.\d+\.\d+\.\d+:8080\) open/);
  await expect(bar).toContainText('allowed');
  await lab.screenshot('probing-journey');
});

test('a lookup blocked by an egress policy fails at DNS, and says so', async ({ lab, page }) => {
  const term = new LessonPage(lab);
  await lab.openFresh();
  await lab.waitForEditor();
  await lab.loadScenario([
    { name: 'app.yaml', text: APP },
    { name: 'deny.yaml', text: '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: client-out, namespace: prod}, spec: {podSelector: {matchLabels: {app: client}}, policyTypes: [Egress]}}\n' },
  ]);
  await term.run('kubectl exec -n prod client -- nslookup web-svc', ';; connection timed out; no servers could be reached');
  const bar = page.getByTestId('probe-bar');
  await expect(bar).toContainText('nslookup (DNS lookup): prod/client → kube-system/coredns-');
  await expect(bar).toContainText(':53/UDP');
  await expect(bar).toContainText('blocked by NetworkPolicy');
});
