import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.js';

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: secure
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/warn: baseline
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

test('the Pod Security panel shows a namespace\'s levels and a refused pod\'s fields, each revealing its YAML', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario([{ name: 'namespaces.yaml', text: NAMESPACE }, { name: 'web.yaml', text: POD }]);
  await lab.waitForEditor();

  const panel = page.getByTestId('psa-panel');
  await expect(panel.getByTestId('psa-ns-secure')).toHaveText('secure enforce restricted:latest · warn baseline:latest · audit privileged:latest');

  // The refused pod is absent from the analysis; the panel lists what its checks name.
  expect((await lab.analysis()).pods.some((p) => p.key === 'secure/web')).toBe(false);
  const refused = panel.getByTestId('psa-refused-secure/web');
  await expect(refused).toContainText('Pod secure/web was not created: restricted:latest refuses it');
  await expect(refused).toContainText('privileged (container "app" must not set securityContext.privileged=true)');
  // The panel passes axe (WCAG 2.1 A/AA and best practice) like the rest of the lab (accessibility.spec.ts).
  const axe = await new AxeBuilder({ page }).include('[data-testid="psa-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await lab.tab('namespaces.yaml').click();
  await refused.getByRole('button', { name: 'Show spec.containers[0].securityContext.privileged in the editor' }).click();
  await expect.poll(() => lab.editorSelection().then((s) => s?.file)).toBe('web.yaml');
  const selection = await lab.editorSelection();
  expect(selection?.line).toBe(11);
  await expect(lab.tab('web.yaml')).toHaveAttribute('aria-selected', 'true');
});

test('the quick fix on the refused pod\'s diagnostic makes it restricted-compliant in one undoable edit', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario([{ name: 'namespaces.yaml', text: NAMESPACE }, { name: 'web.yaml', text: POD }]);
  await lab.waitForEditor();
  const refused = page.getByTestId('psa-refused-secure/web');
  await expect(refused).toBeVisible();

  // The pod's document is selected (where the engine's error marker sits); Ctrl+. lists the fixes.
  await refused.getByRole('button', { name: 'Show the pod' }).click();
  await expect.poll(() => lab.editorSelection().then((s) => s?.file)).toBe('web.yaml');
  await page.keyboard.press('Control+.');
  const fix = page.getByText('Make this pod restricted-compliant');
  await expect(fix).toBeVisible();
  await fix.click();

  await expect.poll(async () => (await lab.files()).find((f) => f.name === 'web.yaml')?.text).toContain('allowPrivilegeEscalation: false');
  const text = (await lab.files()).find((f) => f.name === 'web.yaml')?.text ?? '';
  expect(text).not.toContain('privileged');
  expect(text).toMatch(/runAsNonRoot: true/);
  await expect.poll(async () => (await lab.analysis()).pods.some((p) => p.key === 'secure/web')).toBe(true);
  await expect(refused).toHaveCount(0);

  // One undo gives back what the student wrote.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await lab.files()).find((f) => f.name === 'web.yaml')?.text).toBe(POD);
});

test('the panel\'s "Make it restricted-compliant" button applies the same fix', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario([{ name: 'namespaces.yaml', text: NAMESPACE }, { name: 'web.yaml', text: POD }]);
  await lab.waitForEditor();
  const refused = page.getByTestId('psa-refused-secure/web');
  await refused.getByRole('button', { name: 'Make it restricted-compliant' }).click();
  await expect.poll(async () => (await lab.analysis()).pods.some((p) => p.key === 'secure/web')).toBe(true);
  await expect(refused).toHaveCount(0);
  const text = (await lab.files()).find((f) => f.name === 'web.yaml')?.text ?? '';
  expect(text).toContain('allowPrivilegeEscalation: false');
  expect(text).not.toContain('privileged');
});
