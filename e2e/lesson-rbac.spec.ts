import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

const LESSON = 'rbac';
const STEPS = ['jane-denied', 'grant-read', 'read-only', 'why-prod', 'fix-prod'] as const;
const FILE = 'prod-access.yaml';

test('lesson 8 (RBAC): a student walks every step to green, then resets', async ({ lab }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  for (const id of STEPS) await lesson.expectNotDone(id);

  // 1. jane-denied: no role allows it, so the authorizer says no.
  await lesson.expectViewing('jane-denied');
  await lesson.run('kubectl auth can-i list pods -n dev --as jane', 'no');
  await lesson.answer('yes');
  await expect(lesson.stepView('jane-denied').getByText('Not quite')).toBeVisible();
  await lesson.answer('no');
  await lesson.doneThenNext('jane-denied', 'grant-read');

  // 2. grant-read: a RoleBinding without its namespace lands in default and changes nothing.
  await lesson.run('kubectl create role pod-reader --verb=get,list,watch --resource=pods -n dev', 'role.rbac.authorization.k8s.io/pod-reader created');
  await lesson.run('kubectl create rolebinding jane-reads --role=pod-reader --user=jane', 'rolebinding.rbac.authorization.k8s.io/jane-reads created');
  await lesson.clearTerminal();
  await lesson.run('kubectl auth can-i list pods -n dev --as jane', 'no');
  await lesson.expectNotDone('grant-read');
  await lesson.run('kubectl create rolebinding jane-reads --role=pod-reader --user=jane -n dev', 'rolebinding.rbac.authorization.k8s.io/jane-reads created');
  await lesson.clearTerminal();
  await lesson.run('kubectl auth can-i list pods -n dev --as jane', 'yes');
  await expect.poll(async () => (await lab.files()).find((f) => f.name === 'cluster.yaml')?.text).toContain('name: pod-reader');
  await lesson.doneThenNext('grant-read', 'read-only');

  // 3. read-only: a real request as jane, and no delete.
  await lesson.run('kubectl get pods -n dev --as jane', /shop\s+1\/1\s+Running/);
  await lesson.clearTerminal();
  await lesson.run('kubectl auth can-i delete pods -n dev --as jane', 'no');
  await lesson.doneThenNext('read-only', 'why-prod');

  // 4. why-prod: the authorizer's reason names the missing Role.
  await expect(lab.problems()).toContainText('Role "view" does not exist in namespace prod');
  await lesson.run('kubectl auth can-i list pods -n prod --as jane', 'no - RBAC: role.rbac.authorization.k8s.io "view" not found');
  await lesson.run('kubectl get clusterrole view', /view\s+\d{4}-/);
  await lesson.answer('Role');
  await expect(lesson.stepView('why-prod').getByText('Not quite')).toBeVisible();
  await lesson.answer('ClusterRole');
  await lesson.doneThenNext('why-prod', 'fix-prod');

  // 5. fix-prod: roleRef kind Role → ClusterRole, in the editor; the binding stays a RoleBinding.
  await lesson.replaceLineEnd(FILE, 'kind: Role', 4, 'ClusterRole');
  await expect.poll(async () => (await lab.files()).find((f) => f.name === FILE)?.text).toContain('roleRef:\n  kind: ClusterRole\n  name: view\n');
  await expect(lab.problems()).not.toContainText('Role "view" does not exist');
  // The binding made without -n dev in step 2 still warns: it grants nothing, and it does not block this step.
  await expect(lab.problems()).toContainText('Role "pod-reader" does not exist in namespace default');
  await lesson.clearTerminal();
  await lesson.run('kubectl auth can-i list pods -n prod --as jane', 'yes');
  await lesson.expectDone('fix-prod');

  await lesson.completeThenReset(LESSON, STEPS);
});
