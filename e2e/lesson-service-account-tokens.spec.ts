import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

const LESSON = 'service-account-tokens';
const STEPS = ['find-token', 'token-power', 'disable-automount', 'serviceaccount-default'] as const;
const DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const BUILDER = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: builder\n  namespace: default\nspec:\n  serviceAccountName: build-bot\n'
  + '  containers:\n  - name: builder\n    image: busybox\n    command: ["sleep", "3600"]\n';

test('lesson 9 (ServiceAccounts and tokens): a student walks every step to green, then resets', async ({ lab }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  for (const id of STEPS) await lesson.expectNotDone(id);

  // 1. find-token: the projected volume's three files.
  await lesson.expectViewing('find-token');
  await lesson.run(`kubectl exec runner -- ls ${DIR}`, 'token');
  await expect(lesson.terminalRows()).toContainText('ca.crt');
  await lesson.answer('ca.crt');
  await expect(lesson.stepView('find-token').getByText('Not quite')).toBeVisible();
  await lesson.answer('token');
  await lesson.doneThenNext('find-token', 'token-power');

  // 2. token-power: the ServiceAccount's identity is bound to edit in default.
  await lesson.run(`kubectl auth can-i list secrets --as system:serviceaccount:default:build-bot`, 'yes');
  await lesson.answer('yes');
  await lesson.doneThenNext('token-power', 'disable-automount');

  // 3. disable-automount: one line in the pod spec; the directory is gone.
  await lesson.insertLineAfter('runner.yaml', 'serviceAccountName: build-bot', 'automountServiceAccountToken: false');
  await expect.poll(async () => (await lab.files()).find((f) => f.name === 'runner.yaml')?.text)
    .toContain('  serviceAccountName: build-bot\n  automountServiceAccountToken: false\n  containers:');
  await lesson.clearTerminal();
  await lesson.run(`kubectl exec runner -- ls ${DIR}`, `ls: ${DIR}: No such file or directory`);
  await lesson.doneThenNext('disable-automount', 'serviceaccount-default');

  // 4. serviceaccount-default: a new pod of build-bot mounts the token until the ServiceAccount says false.
  await lesson.run(`kubectl run builder --image=busybox --dry-run=client -o yaml -- sleep 3600 > builder.yaml`);
  await lab.setFile('builder.yaml', BUILDER);
  await lesson.clearTerminal();
  await lesson.run(`kubectl exec builder -- ls ${DIR}`, 'token');
  await lesson.expectNotDone('serviceaccount-default');
  // The ServiceAccount's field is top level: the line opened above `---` starts at column 0.
  await lesson.insertLineBefore('build-bot.yaml', '---', 'automountServiceAccountToken: false');
  await expect.poll(async () => (await lab.files()).find((f) => f.name === 'build-bot.yaml')?.text)
    .toContain('  namespace: default\nautomountServiceAccountToken: false\n---');
  await lesson.clearTerminal();
  await lesson.run(`kubectl exec builder -- ls ${DIR}`, 'No such file or directory');
  await lesson.expectDone('serviceaccount-default');

  await lesson.completeThenReset(LESSON, STEPS);
});
