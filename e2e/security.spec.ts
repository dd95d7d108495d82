import { expect, test } from './fixtures.js';
import { ubuntuSleeper } from './scenario.js';

test('a pod with runAsUser 1010 runs as uid 1010 with an empty effective capability set', async ({ lab }) => {
  await lab.openFresh();
  await lab.loadScenario([{ name: 'ubuntu-sleeper.yaml', text: ubuntuSleeper }]);
  await lab.waitForEditor();

  const pod = (await lab.analysis()).pods.find((p) => p.key === 'default/ubuntu-sleeper');
  expect(pod?.containers[0]?.uid).toBe(1010);
  expect(pod?.containers[0]?.effective).toEqual([]);
  expect(pod?.containers[0]?.bounding).toContain('SYS_TIME');

  await lab.select({ kind: 'pod', id: 'default/ubuntu-sleeper' });
  await expect(lab.page.getByTestId('side-inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(lab.sidePanel()).toContainText('1010');
  await expect(lab.sidePanel()).toContainText('SYS_TIME');
  await lab.screenshot('journey-inspector');
});
