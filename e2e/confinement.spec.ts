import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.js';

/** The hardened and default pods of the inside-confinement transcript (src/testing/transcripts). */
const pods = readFileSync(fileURLToPath(new URL('../src/testing/transcripts/inside-confinement/pods.yaml', import.meta.url)), 'utf8');

test('the inspector says what confines each container', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario([{ name: 'pods.yaml', text: pods }]);
  await lab.waitForEditor();

  await lab.clickInGraph({ kind: 'pod', id: 'default/tight' });
  await expect(page.getByTestId('side-inspector')).toHaveAttribute('aria-selected', 'true');
  const tight = lab.inspector().getByTestId('container-app');
  await expect(tight.getByTestId('seccomp')).toContainText('RuntimeDefault (from pod)');
  await expect(tight.getByTestId('seccomp')).toContainText('Seccomp: 2');
  await expect(tight.getByTestId('apparmor')).toContainText('cri-containerd.apparmor.d');
  await expect(tight.getByTestId('no-new-privs')).toContainText('NoNewPrivs: 1');
  await expect(tight.getByTestId('read-only-root')).toContainText('Read-only file system');

  await lab.clickInGraph({ kind: 'pod', id: 'default/loose' });
  const loose = lab.inspector().getByTestId('container-app');
  await expect(loose.getByTestId('seccomp')).toContainText('Seccomp: 0');
  await expect(loose.getByTestId('no-new-privs')).toContainText('NoNewPrivs: 0');
});
