import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import type { LabPage } from './pages/LabPage.js';

/**
 * The classic service-port trap, as a student meets it in the graph: a client, an nginx pod
 * behind a Service 8080 → 80, and a policy that admits 8080 (the Service's port) instead of 80.
 */
const pods = `apiVersion: v1
kind: Namespace
metadata:
  name: prod
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: prod
  labels: {app: client}
spec:
  containers:
  - name: c
    image: busybox
    command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: prod
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
`;
const service = `apiVersion: v1
kind: Service
metadata:
  name: web-svc
  namespace: prod
spec:
  selector: {app: web}
  ports:
  - port: 8080
    targetPort: 80
`;
const policy = (port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-in
  namespace: prod
spec:
  podSelector:
    matchLabels: {app: web}
  ingress:
  - from:
    - podSelector:
        matchLabels: {app: client}
    ports:
    - port: ${port}
`;
const scenario = [
  { name: 'pods.yaml', text: pods },
  { name: 'service.yaml', text: service },
  { name: 'netpol.yaml', text: policy(8080) },
];

type Target = { kind: 'pod' | 'service'; id: string };

/** Clicks where the graph draws a pod or a Service (a canvas: the test API says where). */
async function clickNode(page: Page, target: Target) {
  let point: { x: number; y: number } | null = null;
  await expect.poll(async () => {
    point = await page.evaluate((s) => window.__lab?.graphPoint(s) ?? null, target);
    return point;
  }).not.toBeNull();
  const { x, y } = point as unknown as { x: number; y: number };
  await page.mouse.click(x, y);
}

async function start(lab: LabPage) {
  await lab.openFresh();
  await lab.loadScenario(scenario);
  await lab.waitForEditor();
  await expect(lab.page.getByTestId('graph-canvas')).toBeVisible();
}

test('Services on: select the Service from the client and see the service-port trap', async ({ lab, page }) => {
  await start(lab);
  const toggle = page.getByRole('checkbox', { name: 'Show Services' });
  await expect(toggle).not.toBeChecked();
  // Off: the graph draws no Service.
  expect(await page.evaluate(() => window.__lab?.graphPoint({ kind: 'service', id: 'prod/web-svc' }) ?? null)).toBeNull();

  await toggle.check();
  await expect.poll(() => page.evaluate(() => window.__lab?.graphPoint({ kind: 'service', id: 'prod/web-svc' }) ?? null)).not.toBeNull();
  await page.getByRole('button', { name: 'Fit to view' }).click();
  await lab.screenshot('services-graph');

  // The client first, then the Service: "from this pod, through that Service".
  await clickNode(page, { kind: 'pod', id: 'prod/client' });
  await expect(lab.inspector()).toBeVisible();
  await clickNode(page, { kind: 'service', id: 'prod/web-svc' });

  const panel = page.getByTestId('service-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3 })).toContainText('prod/web-svc');
  await expect(panel.getByLabel('Client pod')).toHaveValue('prod/client');
  await expect(panel.getByTestId('service-trap')).toContainText("The Service forwards 8080 to pod port 80; NetworkPolicy 'prod/web-in' allows 8080, not 80.");
  await expect(panel.getByTestId('service-endpoint-prod/web')).toContainText('denied on 80/TCP');
  await expect(panel.getByTestId('service-result')).toContainText('TIMEOUT');
  await lab.screenshot('services-trap-panel');
  await page.getByRole('button', { name: 'Hide lesson' }).click();
  await panel.getByText(/^Step by step/).click();
  await panel.screenshot({ path: '/tmp/services-panel.png' });

  // The fix: the policy admits the pod's port. No trap, the endpoint is allowed.
  await lab.setFile('netpol.yaml', policy(80));
  await expect(panel.getByTestId('service-trap')).toHaveCount(0);
  await expect(panel.getByTestId('service-endpoint-prod/web')).toContainText('allowed on 80/TCP');
  await expect(panel.getByTestId('service-result')).toContainText('CONNECTED');
});

test('from the keyboard: toggle, pick a client, open the rule-by-rule explanation; the matrix stays pods', async ({ lab, page }) => {
  await start(lab);
  const toggle = page.getByRole('checkbox', { name: 'Show Services' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();

  // Arrow keys on the graph reach the Service after the pods (client, web, then web-svc).
  await page.getByTestId('graph-canvas').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  const panel = page.getByTestId('service-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('service-trap')).toHaveCount(0); // no client yet
  await panel.getByLabel('Client pod').selectOption('prod/client');
  await expect(panel.getByTestId('service-trap')).toContainText('allows 8080, not 80');

  await panel.getByRole('button', { name: /Explain prod\/client → prod\/web on 80\/TCP/ }).click();
  await expect(page.getByTestId('explain-verdict')).toHaveAttribute('data-status', 'denied');
  await expect(page.getByTestId('port-picker')).toHaveValue('80/TCP');

  // In Korean the same sentence comes from the engine's Korean text.
  await page.getByTestId('lang-ko').click();
  await page.evaluate(() => window.__lab?.select({ kind: 'service', id: 'prod/web-svc' }));
  await expect(page.getByRole('checkbox', { name: '서비스 표시' })).toBeChecked();
  await expect(panel.getByTestId('service-trap')).toContainText('서비스 포트 함정');
  await expect(panel.getByTestId('service-trap')).toContainText("NetworkPolicy 'prod/web-in' 정책은 80번이 아니라 8080번을 허용하고 있습니다");
  await page.getByTestId('lang-en').click();

  // The matrix lists endpoints only (Services are not endpoints); its toggle is the graph's.
  await lab.showMatrix();
  await expect(lab.matrixCell('prod/client', 'prod/web')).toBeVisible();
  await expect(page.locator('[data-testid^="cell-"][data-testid*="web-svc"]')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Show Services' })).toHaveCount(0);
});
