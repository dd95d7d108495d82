import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

const LESSON = 'network-policy-basics';
const STEPS = ['default-allow', 'direction', 'isolate-db', 'allow-api', 'count'] as const;

const DB_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
  - Ingress
`;

test('lesson 4 (NetworkPolicy basics): a student walks every step to green, then resets', async ({ lab, page }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  for (const id of STEPS) await lesson.expectNotDone(id);
  await lab.showMatrix();
  const port = page.getByTestId('port-picker');
  await port.selectOption('3306/TCP');
  const webToDb = lab.matrixCell('default/web', 'default/db');
  const apiToDb = lab.matrixCell('default/api', 'default/db');

  // 1. default-allow: no policy selects db, so web reaches it.
  await lesson.expectViewing('default-allow');
  await expect(webToDb).toHaveAttribute('data-status', 'allowed');
  await lesson.answer('yes');
  await lesson.doneThenNext('default-allow', 'direction');

  // 2. direction: web → api is ingress for api.
  await lesson.answer('egress');
  await expect(lesson.stepView('direction').getByText('Not quite')).toBeVisible();
  await lesson.answer('ingress');
  await lesson.doneThenNext('direction', 'isolate-db');

  // 3. isolate-db: a new document, db-policy.yaml, with no ingress rule: db takes nothing.
  await lab.setFile('db-policy.yaml', DB_POLICY);
  await expect(lab.tab('db-policy.yaml')).toBeVisible();
  await expect(webToDb).toHaveAttribute('data-status', 'denied');
  await expect(apiToDb).toHaveAttribute('data-status', 'denied');
  await lesson.doneThenNext('isolate-db', 'allow-api');

  // 4. allow-api: one flow-YAML ingress rule typed at the end of the policy.
  await lesson.appendToFile('db-policy.yaml', '  ingress: [{from: [{podSelector: {matchLabels: {role: api}}}], ports: [{protocol: TCP, port: 3306}]}]');
  await lesson.expectFile('db-policy.yaml', `${DB_POLICY}  ingress: [{from: [{podSelector: {matchLabels: {role: api}}}], ports: [{protocol: TCP, port: 3306}]}]`);
  await expect(apiToDb).toHaveAttribute('data-status', 'allowed');
  await expect(webToDb).toHaveAttribute('data-status', 'denied');
  await port.selectOption('5000/TCP');
  await expect(lab.matrixCell('default/web', 'default/api')).toHaveAttribute('data-status', 'allowed');
  await lesson.doneThenNext('allow-api', 'count');

  // 5. count: kubectl lists both policies.
  await lesson.run('kubectl get netpol', 'db-policy');
  await expect(lesson.terminalRows()).toContainText('web-policy');
  await lesson.answer('2 policies');
  await lesson.expectDone('count');

  await lesson.completeThenReset(LESSON, STEPS, async () => {
    await expect(lab.tab('db-policy.yaml')).toHaveCount(0);
    await port.selectOption('3306/TCP');
    await expect(webToDb).toHaveAttribute('data-status', 'allowed');
  });
});
