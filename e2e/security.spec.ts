import { expect, test } from './fixtures.js';
import { ubuntuSleeper } from './scenario.js';

test('a pod with runAsUser 1010 runs as uid 1010 with an empty effective capability set', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario([{ name: 'ubuntu-sleeper.yaml', text: ubuntuSleeper }]);
  await lab.waitForEditor();

  // The engine's facts, then the same facts as the student reads them in the inspector.
  const pod = (await lab.analysis()).pods.find((p) => p.key === 'default/ubuntu-sleeper');
  expect(pod?.containers[0]?.uid).toBe(1010);
  expect(pod?.containers[0]?.effective).toEqual([]);
  expect(pod?.containers[0]?.bounding).toContain('SYS_TIME');

  // A click on the pod in the graph opens the inspector tab.
  await lab.clickInGraph({ kind: 'pod', id: 'default/ubuntu-sleeper' });
  await expect(page.getByTestId('side-inspector')).toHaveAttribute('aria-selected', 'true');
  const card = lab.inspector().getByTestId('container-ubuntu-sleeper');
  await expect(card.getByTestId('uid')).toHaveText('1010');
  await expect(card.getByTestId('effective-caps')).toHaveText('empty');
  await expect(card.getByTestId('bounding-caps')).toContainText('SYS_TIME');
  await expect(card).toContainText('runs as uid 1010, not root, so its effective set is empty');
  await lab.screenshot('journey-inspector');

  // The matrix's row header opens the same inspector (the keyboard path to it).
  await lab.select(null);
  await page.getByTestId('side-explain').click();
  await lab.showMatrix();
  await page.getByTestId('inspect-default/ubuntu-sleeper').click();
  await expect(page.getByTestId('side-inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(lab.inspector().getByTestId('uid')).toHaveText('1010');
});
