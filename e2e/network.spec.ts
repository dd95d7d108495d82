import { expect, test } from './fixtures.js';
import { netpol, sample } from './scenario.js';

test('editing the db-policy denies api → db; the explanation names the policy and shows the rule', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.waitForEditor();
  await lab.showMatrix();

  // The course notes' policy: prod/api-pod may reach prod/db on 3306.
  await expect(lab.matrixCell('prod/api-pod', 'prod/db')).toHaveAttribute('data-status', /allowed|partial/);
  expect(await page.evaluate(() => window.__lab?.allowed('prod/api-pod', 'prod/db', 3306))).toBe(true);

  // The rule now names a label no pod has: the edge disappears and the cell turns denied.
  await lab.setFile('netpol.yaml', netpol.replace('name: api-pod', 'name: api-server'));
  expect(await page.evaluate(() => window.__lab?.allowed('prod/api-pod', 'prod/db', 3306))).toBe(false);
  await expect(lab.matrixCell('prod/api-pod', 'prod/db')).toHaveAttribute('data-status', 'denied');
  await lab.screenshot('journey-matrix-denied');

  await lab.matrixCell('prod/api-pod', 'prod/db').getByRole('button').click();
  await expect(lab.sidePanel()).toContainText('db-policy');
  await lab.screenshot('journey-explanation');

  await lab.sidePanel().getByRole('button', { name: /Show .*db-policy.* in the editor/ }).first().click();
  await expect.poll(() => lab.editorSelection().then((s) => s?.file)).toBe('netpol.yaml');
  const selection = await lab.editorSelection();
  expect(selection?.text.length ?? 0).toBeGreaterThan(0);
  await expect(lab.tab('netpol.yaml')).toHaveAttribute('aria-selected', 'true');
});

test('switching the CNI to flannel shows the banner and allows everything', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.waitForEditor();
  await lab.showMatrix();
  await expect(lab.matrixCell('prod/web', 'prod/db')).toHaveAttribute('data-status', 'denied');

  await lab.chooseCni('flannel');
  await expect(lab.notEnforcedBanner()).toBeVisible();
  await expect(lab.notEnforcedBanner()).toContainText('does not enforce');
  const files = await lab.files();
  expect(files.find((f) => f.name === 'cluster.yaml')?.text).toContain('cni: flannel');
  await expect(lab.matrixCell('prod/web', 'prod/db')).toHaveAttribute('data-status', 'allowed');
  await expect(page.locator('[data-status="denied"]')).toHaveCount(0);
  const summary = await lab.analysis();
  expect(summary.enforcing).toBe(false);
  expect(summary.connectivity.every((c) => c.allowed)).toBe(true);
  await lab.screenshot('journey-flannel');

  // Back to an enforcing CNI: the same text edit in place, no second Cluster document.
  await lab.chooseCni('calico');
  await expect(lab.notEnforcedBanner()).toHaveCount(0);
  expect((await lab.files()).find((f) => f.name === 'cluster.yaml')?.text).toContain('cni: calico');
});
