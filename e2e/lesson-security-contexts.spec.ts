import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

const LESSON = 'security-contexts';
const STEPS = ['whoami', 'run-as-user', 'override', 'clock-denied', 'add-capabilities', 'pod-level-capabilities', 'fix-level'] as const;
const FILE = 'ubuntu-sleeper.yaml';

test('lesson 3 (security contexts): a student walks every step to green, then resets', async ({ lab, page }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  for (const id of STEPS) await lesson.expectNotDone(id);
  const card = async (pod: string, container: string) => {
    await lab.select({ kind: 'pod', id: pod });
    return page.getByTestId('pod-inspector').getByTestId(`container-${container}`);
  };

  // 1. whoami: no securityContext, so the image's default user, root.
  await lesson.expectViewing('whoami');
  await lesson.run('kubectl exec ubuntu-sleeper -- whoami', 'root');
  await lesson.answer('root');
  await lesson.doneThenNext('whoami', 'run-as-user');

  // 2. run-as-user: one flow-YAML line at pod level; the inspector says where the uid came from.
  await lesson.insertLineBefore(FILE, 'containers:', 'securityContext: {runAsUser: 1010}');
  await lesson.expectFile(FILE, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ubuntu-sleeper\n  namespace: default\nspec:\n'
    + '  securityContext: {runAsUser: 1010}\n  containers:\n  - name: ubuntu-sleeper\n    image: ubuntu\n    command: ["sleep", "4800"]\n');
  await lesson.expectDone('run-as-user');
  const sleeper = await card('default/ubuntu-sleeper', 'ubuntu-sleeper');
  await expect(sleeper).toContainText(/uid\s*1010\s*← pod securityContext/);
  await lesson.run('kubectl exec ubuntu-sleeper -- whoami', '1010');
  await lesson.next();
  await lesson.expectViewing('override');

  // 3. override: sidecar has no securityContext of its own and inherits the pod's 1001.
  const sidecar = await card('default/multi-pod', 'sidecar');
  await expect(sidecar).toContainText(/uid\s*1001\s*← pod securityContext/);
  await expect(await card('default/multi-pod', 'web')).toContainText(/uid\s*1002\s*← container securityContext/);
  await lesson.answer('1002');
  await expect(lesson.stepView('override').getByText('Not quite')).toBeVisible();
  await lesson.answer('1001');
  await lesson.doneThenNext('override', 'clock-denied');

  // 4. clock-denied: back to root (the pod-level line goes); root still may not set the clock.
  await lesson.deleteLine(FILE, 'securityContext: {runAsUser: 1010}');
  await lesson.run("kubectl exec ubuntu-sleeper -- date -s '2012-04-19 11:14:00'", 'date: cannot set date: Operation not permitted');
  await lesson.answer('SYS_TIME');
  await lesson.doneThenNext('clock-denied', 'add-capabilities');
  await lesson.clearTerminal();

  // 5. add-capabilities: capabilities on the container.
  await lesson.insertLineBefore(FILE, 'command: ["sleep", "4800"]', 'securityContext: {capabilities: {add: [SYS_TIME, NET_ADMIN]}}');
  await lesson.expectFile(FILE, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ubuntu-sleeper\n  namespace: default\nspec:\n'
    + '  containers:\n  - name: ubuntu-sleeper\n    image: ubuntu\n'
    + '    securityContext: {capabilities: {add: [SYS_TIME, NET_ADMIN]}}\n    command: ["sleep", "4800"]\n');
  await expect((await card('default/ubuntu-sleeper', 'ubuntu-sleeper')).getByTestId('effective-caps')).toContainText(/SYS_TIME.*NET_ADMIN|NET_ADMIN.*SYS_TIME/);
  await lesson.expectNotDone('add-capabilities');
  await lesson.run("kubectl exec ubuntu-sleeper -- date -s '2012-04-19 11:14:00'", 'Thu Apr 19 11:14:00 UTC 2012');
  await expect(lesson.terminalRows()).not.toContainText('Operation not permitted');
  await lesson.doneThenNext('add-capabilities', 'pod-level-capabilities');

  // 6. pod-level-capabilities: the whole document with capabilities under spec.securityContext.
  await lab.setFile(FILE, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ubuntu-sleeper\n  namespace: default\nspec:\n'
    + '  securityContext:\n    capabilities:\n      add: ["SYS_TIME", "NET_ADMIN"]\n'
    + '  containers:\n  - name: ubuntu-sleeper\n    image: ubuntu\n    command: ["sleep", "4800"]\n');
  await expect(lab.problems()).toContainText('spec.securityContext.capabilities');
  await lesson.doneThenNext('pod-level-capabilities', 'fix-level');

  // 7. fix-level: the three pod-level lines go, the container line comes back.
  await lesson.deleteLine(FILE, 'add: ["SYS_TIME", "NET_ADMIN"]');
  await lesson.deleteLine(FILE, 'capabilities:');
  await lesson.deleteLine(FILE, 'securityContext:');
  await lesson.insertLineBefore(FILE, 'command: ["sleep", "4800"]', 'securityContext: {capabilities: {add: [SYS_TIME, NET_ADMIN]}}');
  await lesson.expectDone('fix-level');
  await expect.poll(async () => (await lab.analysis()).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  await expect((await card('default/ubuntu-sleeper', 'ubuntu-sleeper')).getByTestId('effective-caps')).toContainText('SYS_TIME');

  await lesson.completeThenReset(LESSON, STEPS);
});
