import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

const LESSON = 'docker-security';
const STEPS = ['isolation', 'host-pid', 'user-flag', 'dockerfile-user', 'capabilities', 'sys-time'] as const;

test('lesson 2 (Docker security): a student walks every step to green, then resets', async ({ lab }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  for (const id of STEPS) await lesson.expectNotDone(id);
  // A terminal lesson (lesson.json layout) opens with the terminal open, before anything is typed.
  await expect(lesson.terminal().locator('.xterm')).toBeVisible();

  // 1. isolation: the container's sleep is PID 1 inside, an ordinary PID on the host.
  await lesson.expectViewing('isolation');
  await lesson.run('docker run -d --name sleeper ubuntu sleep 3600');
  await lesson.run('docker exec sleeper ps aux', /root\s+1\s.*sleep 3600/);
  await lesson.run('ps aux', '/usr/bin/containerd-shim-runc-v2');
  await lesson.answer('1');
  await lesson.doneThenNext('isolation', 'host-pid');

  // 2. host-pid: the same sleep has another PID in the host's namespace; answered with a button.
  await lesson.stepView('host-pid').getByRole('group', { name: 'Or choose:' }).getByRole('button', { name: '1, the same as inside' }).click();
  await lesson.expectNotDone('host-pid');
  await lesson.stepView('host-pid').getByRole('group', { name: 'Or choose:' }).getByRole('button', { name: "Another number, from the host's PID namespace" }).click();
  await lesson.doneThenNext('host-pid', 'user-flag');

  // 3. user-flag: the host sees the sleep run as UID 1000.
  await lesson.run('docker run -d --user=1000 ubuntu sleep 3600');
  await lesson.run('ps aux', /1000\s+\d+\s.*sleep 3600/);
  await lesson.answer('1000');
  await lesson.doneThenNext('user-flag', 'dockerfile-user');

  // 4. dockerfile-user: USER 1000 typed under FROM ubuntu, then build and run the image.
  await lesson.insertLineAfter('Dockerfile', 'FROM ubuntu', 'USER 1000');
  await lesson.expectFile('Dockerfile', 'FROM ubuntu\nUSER 1000\n');
  await lesson.expectNotDone('dockerfile-user'); // edited, not built yet
  await lesson.run('docker build -t my-ubuntu-image .', 'Successfully tagged my-ubuntu-image:latest');
  await lesson.run('docker run -d --name built my-ubuntu-image sleep 3600');
  await lesson.clearTerminal();
  await lesson.run('docker exec built whoami', 'ubuntu'); // uid 1000 is `ubuntu` in the image's /etc/passwd
  await lesson.doneThenNext('dockerfile-user', 'capabilities');

  // 5. capabilities: add one, drop one, then everything; the answer names the last option.
  await lesson.run('docker run --cap-add MAC_ADMIN ubuntu');
  await lesson.run('docker run --cap-drop KILL ubuntu');
  await lesson.expectNotDone('capabilities');
  await lesson.run('docker run --privileged ubuntu');
  await lesson.answer('--privileged');
  await lesson.doneThenNext('capabilities', 'sys-time');

  // 6. sys-time: refused without SYS_TIME (GNU date's words, exit 1), set with --cap-add SYS_TIME.
  await lesson.clearTerminal();
  await lesson.run("docker run ubuntu date -s '2012-04-19 11:14:00'", 'date: cannot set date: Operation not permitted');
  await lesson.run("docker run --cap-add SYS_TIME ubuntu date -s '2012-04-19 11:14:00'", 'Thu Apr 19 11:14:00 UTC 2012');
  await lesson.answer('SYS_TIME');
  await lesson.expectDone('sys-time');

  await lesson.completeThenReset(LESSON, STEPS, async () => {
    // The reset also starts a fresh Docker host: the containers run before are gone.
    await lesson.clearTerminal();
    await lesson.run('docker ps', 'CONTAINER ID');
    await expect(lesson.terminalRows()).not.toContainText('sleeper');
  });
});
