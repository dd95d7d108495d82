import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

test('the RBAC view: jane may list pods in dev once granted, with the reason; prod says no and why each binding missed', async ({ lab, page }) => {
  const lesson = new LessonPage(lab);
  await lesson.start('rbac');
  const panel = page.getByTestId('rbac-panel');
  await expect(panel).toBeVisible();
  // A disclosure under the editor, closed so the editor keeps its height; Enter on its summary opens it.
  await expect(panel.getByTestId('rbac-grid')).toBeHidden();
  // Closed, it asks the authorizer nothing (issue 11: the grid was ~70 ms of the first screen).
  await expect(panel.locator('tbody tr')).toHaveCount(0);
  await expect(panel.locator('summary')).toHaveText('RBAC: who can do what');
  await panel.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(panel.locator('tbody tr')).not.toHaveCount(0);

  // The subjects: the lab user and jane, whom prod-access.yaml binds; jane is chosen.
  const subject = panel.getByTestId('rbac-subject');
  await expect(subject.locator('option')).toHaveText(['User kubernetes-admin (you)', 'User jane']);
  await expect(subject).toHaveValue('User:jane');
  await panel.getByTestId('rbac-namespace').selectOption('dev');
  const listPods = panel.getByRole('button', { name: 'list pods: no' });
  await expect(listPods).toBeVisible();
  await expect(panel.getByTestId('rbac-cell-pods-list')).toHaveText('✗ no');

  // The student grants jane read in dev in the terminal; the cell turns to yes.
  await lesson.run('kubectl create role pod-reader --verb=get,list,watch --resource=pods -n dev', 'role.rbac.authorization.k8s.io/pod-reader created');
  await lesson.run('kubectl create rolebinding jane-reads --role=pod-reader --user=jane -n dev', 'rolebinding.rbac.authorization.k8s.io/jane-reads created');
  const cell = panel.getByTestId('rbac-cell-pods-list');
  await expect(cell).toHaveText('✓ yes');
  await expect(cell).toHaveAttribute('aria-label', 'list pods: yes');
  await expect(panel.getByTestId('rbac-cell-pods-delete')).toHaveText('✗ no');
  await expect(panel.getByRole('table')).toContainText('What jane may do in namespace dev');

  // The reason, and buttons that select the binding and the rule in cluster.yaml, where kubectl create put them.
  await cell.click();
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  const why = panel.getByTestId('rbac-why');
  await expect(why).toHaveAttribute('data-allowed', 'true');
  await expect(why.locator('.rbac-verdict')).toHaveText('jane may list pods in dev because RoleBinding dev/jane-reads binds Role dev/pod-reader, rule 1.');
  await why.getByRole('button', { name: 'Show RoleBinding dev/jane-reads in the editor' }).click();
  await expect.poll(() => lab.editorSelection().then((s) => s && `${s.file}:${s.text.split('\n').slice(0, 4).join('|')}`))
    .toBe('cluster.yaml:apiVersion: rbac.authorization.k8s.io/v1|kind: RoleBinding|metadata:|  name: jane-reads');
  await why.getByRole('button', { name: 'Show rule 1 in the editor' }).click();
  // rules[0] of Role dev/pod-reader, as kubectl create role wrote it.
  await expect.poll(() => lab.editorSelection().then((s) => s && `${s.file}:${s.text}`))
    .toBe('cluster.yaml:apiGroups:\n  - ""\n  resources:\n  - pods\n  verbs:\n  - get\n  - list\n  - watch\n');

  // prod: no, and why each binding missed.
  await panel.getByTestId('rbac-namespace').selectOption('prod');
  const prodCell = panel.getByTestId('rbac-cell-pods-list');
  await expect(prodCell).toHaveText('✗ no');
  await prodCell.click();
  await expect(why).toHaveAttribute('data-allowed', 'false');
  await expect(why.locator('.rbac-verdict')).toHaveText('jane may not list pods in prod.');
  await expect(why.getByTestId('rbac-applying')).toContainText(
    'RoleBinding prod/jane-view binds Role prod/view to User jane, but that role does not exist, so it grants nothing.');
  await expect(why.getByTestId('rbac-applying')).toContainText('ClusterRoleBinding system:basic-user (built in) binds ClusterRole system:basic-user to Group system:authenticated; none of its 2 rules allows it.');
  await expect(why.getByTestId('rbac-not-applying')).toContainText(
    'RoleBinding dev/jane-reads names jane, but a RoleBinding grants only in its own namespace (dev).');
  await expect(why.getByTestId('rbac-not-applying')).toContainText(/…and \d+ built-in bindings for other subjects\./);
  await expect(why).toContainText('The API server answers: pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "prod": RBAC: role.rbac.authorization.k8s.io "view" not found');
  await why.getByRole('button', { name: 'Show RoleBinding prod/jane-view in the editor' }).click();
  await expect.poll(() => lab.editorSelection().then((s) => s && `${s.file}:${s.line}`)).toBe('prod-access.yaml:1');

  // The grid is one Tab stop; the arrow keys move between cells, Enter chooses.
  await prodCell.focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByTestId('rbac-cell-pods-watch')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // pods/log has only get: the next row with watch
  await expect(panel.getByTestId('rbac-cell-deployments.apps-watch')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(why.locator('.rbac-verdict')).toHaveText('jane may not watch deployments.apps in prod.');
  await expect(panel.locator('.rbac-cell[tabindex="0"]')).toHaveCount(1);

  // The panel passes axe (WCAG 2.1 A/AA and best practice) like the rest of the lab.
  const axe = await new AxeBuilder({ page }).include('[data-testid="rbac-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
