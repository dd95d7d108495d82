import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

const LESSON = 'image-security';
const STEPS = ['resolve', 'registry-typo', 'tag-typo', 'private-image', 'create-secret', 'use-secret'] as const;

test('lesson 1 (image security): a student walks every step to green, then resets', async ({ lab, page }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  for (const id of STEPS) await lesson.expectNotDone(id);

  // The Deployment's one pod, whatever its generated name.
  const webPod = async () => (await lab.analysis()).pods.find((p) => p.key.startsWith('default/web-'))!;
  const inspect = async () => {
    await lab.select({ kind: 'pod', id: (await webPod()).key });
    return page.getByTestId('pod-inspector');
  };

  // 1. resolve: as the step says, click the web pod in the graph; the inspector shows the full name.
  await lesson.expectViewing('resolve');
  await lab.clickInGraph({ kind: 'pod', id: (await webPod()).key });
  const inspector = lab.inspector();
  await expect(inspector.getByTestId('container-nginx')).toContainText('docker.io/library/nginx:latest');
  await lesson.answer('docker.io/library/nginx');
  await expect(lesson.stepView('resolve').getByText('Not quite')).toBeVisible();
  await lesson.answer('docker.io/library/nginx:latest');
  await lesson.doneThenNext('resolve', 'registry-typo');

  // 2. registry-typo: docker.i0 is no host DNS knows: ErrImagePull, and the event says so; then fixed.
  await lesson.replaceLineEnd('deployment.yaml', 'image: nginx', 'nginx'.length, 'docker.i0/library/nginx');
  await expect.poll(async () => (await webPod()).status).toBe('ErrImagePull');
  await lesson.run('kubectl get pods', 'ErrImagePull');
  await lesson.clearTerminal();
  await lesson.run('kubectl describe pod web', 'dial tcp: lookup docker.i0 on 127.0.0.53:53: no such host');
  await lesson.run('kubectl set image deployment/web nginx=nginx', 'deployment.apps/web image updated');
  await expect.poll(async () => (await webPod()).status).toBe('Running');
  await lesson.stepView('registry-typo').getByRole('group', { name: 'Or choose:' }).getByRole('button', { name: 'The registry host (a DNS name)' }).click();
  await lesson.doneThenNext('registry-typo', 'tag-typo');

  // 3. tag-typo: the registry answers, without such a tag: '…: not found'; then fixed in the editor.
  await lesson.replaceLineEnd('deployment.yaml', 'image: nginx', 'nginx'.length, 'nginx:1.27-alpin');
  await expect.poll(async () => (await webPod()).status).toBe('ErrImagePull');
  await lesson.clearTerminal();
  await lesson.run('kubectl get pods', 'ErrImagePull');
  await lesson.run('kubectl describe pod web', 'docker.io/library/nginx:1.27-alpin: not found');
  await lesson.replaceLineEnd('deployment.yaml', 'image: nginx:1.27-alpin', 'nginx:1.27-alpin'.length, 'nginx');
  await expect.poll(async () => (await webPod()).status).toBe('Running');
  await lesson.answer('the tag');
  await lesson.doneThenNext('tag-typo', 'private-image');

  // 4. private-image: a small edit of the image line; the pull fails without credentials.
  await lesson.replaceLineEnd('deployment.yaml', 'image: nginx', 'nginx'.length, 'myprivateregistry.com:5000/nginx:alpine');
  await expect.poll(() => lesson.fileText('deployment.yaml')).toContain('        image: myprivateregistry.com:5000/nginx:alpine\n');
  await expect.poll(async () => (await webPod()).status).toBe('ErrImagePull');
  await lesson.run('kubectl get pods', 'ErrImagePull');
  await lesson.answer('ErrImagePull');
  await lesson.doneThenNext('private-image', 'create-secret');

  // 5. create-secret: typed into the terminal.
  await lesson.run(
    'kubectl create secret docker-registry private-reg-cred --docker-server=myprivateregistry.com:5000 '
      + '--docker-username=dock_user --docker-password=dock_password --docker-email=dock_user@myprivateregistry.com',
    'created',
  );
  await lesson.doneThenNext('create-secret', 'use-secret');
  // Only a secret: the pod still cannot pull.
  expect((await webPod()).status).toBe('ErrImagePull');

  // 6. use-secret: one flow-YAML line above `containers:` in the pod template.
  await lesson.insertLineBefore('deployment.yaml', 'containers:', 'imagePullSecrets: [{name: private-reg-cred}]');
  await expect.poll(() => lesson.fileText('deployment.yaml'))
    .toContain('    spec:\n      imagePullSecrets: [{name: private-reg-cred}]\n      containers:\n');
  await lesson.expectDone('use-secret');
  await expect.poll(async () => (await webPod()).status).toBe('Running');
  const running = await inspect();
  await expect(running.getByTestId('pod-status')).toHaveText('Running');
  await expect(running.getByTestId('container-nginx')).toContainText('private-reg-cred');
  await lesson.run('kubectl get pods', 'Running');

  for (const id of STEPS) await expect(lesson.stepItem(id).getByLabel('Done', { exact: true })).toBeVisible();
  await lesson.completeThenReset(LESSON, STEPS);
});

// Regression: the panel once kept the answers typed before "Reset lesson", so an answer-only first
// step completed again right after the reset, and the view stayed on the step it was showing.
test('lesson 1: "Reset lesson" in the panel forgets the typed answers', async ({ lab }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  await lesson.answer('docker.io/library/nginx:latest');
  await lesson.doneThenNext('resolve', 'registry-typo');
  await lesson.reset();
  await lesson.expectNothingDoneAfterSettling();
  await lesson.expectViewing('resolve');
});
