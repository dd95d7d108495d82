import { expect, test, type LabFixtures } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

/** A fresh lab with one note, then `kubectl run … --dry-run=client -o yaml > pod.yaml`: its tab is open. */
async function podYamlFromDryRun(lab: LabFixtures['lab']): Promise<LessonPage> {
  const term = new LessonPage(lab);
  await lab.openFresh();
  await lab.waitForEditor();
  await lab.loadScenario([{ name: 'notes.yaml', text: '# nothing yet\n' }]);
  await term.run('kubectl run web --image=nginx --dry-run=client -o yaml > pod.yaml');
  await expect(lab.tab('pod.yaml')).toBeVisible();
  return term;
}

// The exam's workflow: generate YAML imperatively into a file, open it with vi (the lab's editor),
// edit it, apply it, then see the pod in the graph and in `kubectl get pods -o wide`.
test('dry-run to a file, vi, edit, apply: the pod is in the graph and scheduled on a node', async ({ lab, page }) => {
  const term = await podYamlFromDryRun(lab);
  await term.run('cat pod.yaml | head -3', 'kind: Pod');

  // `vi pod.yaml` hands the file to the editor and says so in the terminal.
  await term.run('vi pod.yaml', 'pod.yaml is open in the editor');
  await expect(lab.tab('pod.yaml')).toHaveAttribute('aria-selected', 'true');
  await term.insertLineAfter('pod.yaml', 'run: web', 'tier: front');
  await expect.poll(async () => (await lab.files()).find((f) => f.name === 'pod.yaml')?.text ?? '').toContain('    run: web\n    tier: front\n');

  await term.run('kubectl apply -f pod.yaml', 'pod/web created');
  await expect.poll(async () => (await lab.analysis()).pods.map((p) => p.key)).toContain('default/web');
  await term.run('kubectl get pods -o wide --show-labels', /web\s+1\/1\s+Running\s+0\s+10m\s+10\.244\.\d+\.\d+\s+node0[12]\s+<none>\s+<none>\s+run=web,tier=front/);

  // The same file, changed in a way a running pod refuses: the API server's own words.
  await term.insertLineAfter('pod.yaml', 'spec:', 'securityContext: {runAsUser: 1000}');
  // The error and its diff are long: read its first line through a pipe, as one does on the exam.
  await term.run('kubectl apply -f pod.yaml 2>&1 | head -1', 'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than');
  await expect(page.getByRole('region', { name: 'Lab terminal' })).toBeVisible();
});

// The same workflow with the exam's stream tools: sed -i edits the file the editor shows, awk picks
// a column of kubectl's output.
test('sed -i changes the image in the editor\'s file, apply, awk reads the column', async ({ lab }) => {
  const term = await podYamlFromDryRun(lab);
  await term.run("sed -i 's/image: nginx$/image: nginx:1.27/' pod.yaml && echo EDITED", 'EDITED');
  await expect.poll(async () => (await lab.files()).find((f) => f.name === 'pod.yaml')?.text ?? '').toContain('  - image: nginx:1.27\n');
  await term.run('kubectl apply -f pod.yaml', 'pod/web created');
  await term.run("kubectl get pods -o wide | awk 'NR > 1 {print $1 \"@\" $7}'", /web@node0[12]/);
});
