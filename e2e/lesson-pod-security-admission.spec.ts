import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

const LESSON = 'pod-security-admission';
const STEPS = ['enforce-restricted', 'existing-pods', 'rejected', 'make-restricted', 'dry-run-first'] as const;
const SOLUTION = readFileSync(new URL(`../lessons/${LESSON}/solution/api.yaml`, import.meta.url), 'utf8');

test('lesson 7 (Pod Security Admission): a student walks every step to green, then resets', async ({ lab }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  for (const id of STEPS) await lesson.expectNotDone(id);

  // 1. enforce-restricted: the API server warns about the running pod, then labels.
  await lesson.expectViewing('enforce-restricted');
  await lesson.run('kubectl label ns team-a pod-security.kubernetes.io/enforce=restricted', 'namespace/team-a labeled');
  await expect(lesson.terminalRows()).toContainText('existing pods in namespace "team-a" violate the new PodSecurity enforce level "restricted:latest"');
  await lesson.answer('web');
  await lesson.doneThenNext('enforce-restricted', 'existing-pods');

  // 2. existing-pods: enforce never evicts; web keeps running.
  await lesson.run('kubectl get pods -n team-a', /web\s+1\/1\s+Running/);
  await lesson.answer('no');
  await expect(lesson.stepView('existing-pods').getByText('Not quite')).toBeVisible();
  await lesson.answer('yes');
  await lesson.doneThenNext('existing-pods', 'rejected');

  // 3. rejected: the new pod is refused with the API server's text; four violations.
  await lesson.run('kubectl run api --image=busybox -n team-a -- sleep 3600', 'violates PodSecurity "restricted:latest"');
  await lesson.answer('3');
  await expect(lesson.stepView('rejected').getByText('Not quite')).toBeVisible();
  await lesson.answer('4');
  await lesson.doneThenNext('rejected', 'make-restricted');

  // 4. make-restricted: the manifest from a client dry run is refused in the editor, then fixed.
  await lesson.run('kubectl run api --image=busybox -n team-a --dry-run=client -o yaml -- sleep 3600 > api.yaml');
  await expect.poll(async () => (await lab.files()).map((f) => f.name)).toContain('api.yaml');
  await expect(lab.problems()).toContainText('pods "api" is forbidden: violates PodSecurity "restricted:latest"');
  await lesson.expectNotDone('make-restricted');
  await lab.setFile('api.yaml', SOLUTION.replace('    runAsUser: 1000\n', ''));
  await lesson.run('kubectl get pods -n team-a', /api\s+0\/1\s+CreateContainerConfigError/);
  await lesson.expectNotDone('make-restricted');
  await lab.setFile('api.yaml', SOLUTION);
  await lesson.expectDone('make-restricted');
  await lesson.run('kubectl get pods -n team-a', /api\s+1\/1\s+Running/);
  await lesson.next();
  await lesson.expectViewing('dry-run-first');

  // 5. dry-run-first: the warnings without the label.
  await lesson.run('kubectl label --dry-run=server ns legacy pod-security.kubernetes.io/enforce=baseline', 'namespace/legacy labeled (server dry run)');
  await expect(lesson.terminalRows()).toContainText('metrics: host namespaces');
  await lesson.answer('metrics');
  await lesson.expectDone('dry-run-first');

  await lesson.completeThenReset(LESSON, STEPS);
});
