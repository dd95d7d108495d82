import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

const LESSON = 'when-nothing-enforces';
const STEPS = ['enforced', 'flannel', 'still-listed', 'create-under-flannel', 'kubens', 'back-to-calico'] as const;

test('lesson 6 (when nothing enforces): a student walks every step to green, then resets', async ({ lab, page }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  for (const id of STEPS) await lesson.expectNotDone(id);
  await lab.showMatrix();
  await page.getByTestId('port-picker').selectOption('3306/TCP');
  const webToDb = lab.matrixCell('default/web', 'default/db');

  // 1. enforced: Calico enforces db-policy, which has no peer for web.
  await lesson.expectViewing('enforced');
  await expect(lab.notEnforcedBanner()).toHaveCount(0);
  await expect(webToDb).toHaveAttribute('data-status', 'denied');
  await lesson.answer('no');
  await lesson.doneThenNext('enforced', 'flannel');

  // 2. flannel: a small edit of cluster.yaml; the banner says nothing is enforced, web reaches db.
  await lesson.replaceLineEnd('cluster.yaml', 'cni: calico', 'calico'.length, 'flannel');
  await lesson.expectFile('cluster.yaml', (await lesson.fileText('cluster.yaml'))!.replace('cni: calico', 'cni: flannel'));
  await expect(lab.notEnforcedBanner()).toBeVisible();
  await expect(lab.notEnforcedBanner()).toContainText(/flannel/i);
  await expect(webToDb).toHaveAttribute('data-status', 'allowed');
  await expect(page.getByTestId('cni-picker')).toHaveValue('flannel');
  await lesson.doneThenNext('flannel', 'still-listed');

  // 3. still-listed: the policy is still there, just not enforced.
  await lesson.run('kubectl get netpol', 'db-policy');
  await lesson.answer('1');
  await lesson.doneThenNext('still-listed', 'create-under-flannel');

  // 4. create-under-flannel: a new policy written with a here-document and applied: no error, no warning.
  await lesson.clearTerminal();
  await lesson.run("cat > web-deny.yaml <<'EOF'\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-deny\n  namespace: default\n"
    + 'spec:\n  podSelector:\n    matchLabels:\n      name: web\n  policyTypes:\n  - Ingress\nEOF');
  await lesson.run('kubectl apply -f web-deny.yaml', /networkpolicy\.networking\.k8s\.io\/web-deny (created|unchanged|configured)/);
  await expect(lesson.terminalRows()).not.toContainText('Warning');
  await lesson.stepView('create-under-flannel').getByRole('group', { name: 'Or choose:' }).getByRole('button', { name: 'No' }).click();
  await lesson.doneThenNext('create-under-flannel', 'kubens');

  // 5. kubens: the context, then prod as the default namespace, then back.
  await lesson.run('kubectx', 'kubernetes-admin@kubernetes');
  await lesson.run('kubens prod', 'Active namespace is "prod"');
  await lesson.run('kubectl get pods', 'reporting');
  await lesson.expectDone('kubens');
  await lesson.run('kubens -', 'Active namespace is "default"');
  await lesson.next();
  await lesson.expectViewing('back-to-calico');

  // 6. back-to-calico: this time through the CNI picker; the banner goes, web is denied again.
  await lab.chooseCni('calico');
  await expect(lab.notEnforcedBanner()).toHaveCount(0);
  await expect(webToDb).toHaveAttribute('data-status', 'denied');
  await expect.poll(() => lesson.fileText('cluster.yaml')).toContain('cni: calico');
  await lesson.expectDone('back-to-calico');

  await lesson.completeThenReset(LESSON, STEPS);
});
