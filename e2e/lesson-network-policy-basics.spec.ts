import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

const LESSON = 'network-policy-basics';
const STEPS = [
  'default-allow', 'direction', 'probe-open', 'isolate-db', 'probe-blocked', 'allow-api', 'probe-as-api',
  'dns-egress', 'dns-rule', 'default-types', 'ingress-only', 'egress-back', 'service-port', 'target-port', 'count',
] as const;

const DB_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
  - Ingress
`;

/** api may only leave for db on 3306: its lookups of `db` are dropped too. */
const API_EGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress
spec:
  podSelector:
    matchLabels:
      role: api
  policyTypes:
  - Egress
  egress:
  - to:
    - podSelector:
        matchLabels:
          role: db
    ports:
    - protocol: TCP
      port: 3306
`;

/** The exam's throwaway probes, typed as a student types them. */
const NC = 'kubectl run probe --rm -it --image=busybox --restart=Never -- nc -zv -w 2 db 3306';
const NC_AS_API = 'kubectl run as-api --rm -it --image=busybox --restart=Never --labels=role=api -- nc -zv -w 2 db 3306';
const CURL = 'kubectl exec api -- curl -sS -m 2 db:3306';
const WGET = 'kubectl run probe --rm -it --image=busybox --restart=Never -- wget -qO- -T 2 http://web:8080';
const OPEN = /db \(10\.\d+\.\d+\.\d+:3306\) open/;
const TIMED_OUT = /nc: db \(10\.\d+\.\d+\.\d+:3306\): Connection timed out/;

test('lesson 4 (NetworkPolicy basics): a student probes, writes policies, probes again to green, then resets', async ({ lab, page }) => {
  test.setTimeout(180_000);
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  for (const id of STEPS) await lesson.expectNotDone(id);
  await lab.showMatrix();
  const port = page.getByTestId('port-picker');
  await port.selectOption('3306/TCP');
  const webToDb = lab.matrixCell('default/web', 'default/db');
  const apiToDb = lab.matrixCell('default/api', 'default/db');
  const bar = page.getByTestId('probe-bar');
  /** A fresh screen, then the command: what is expected can only come from this run. */
  const probe = async (command: string, expectOutput: string | RegExp) => {
    await lesson.clearTerminal();
    await lesson.run(command, expectOutput);
  };

  // 1. default-allow: no policy selects db, so web reaches it.
  await lesson.expectViewing('default-allow');
  await expect(webToDb).toHaveAttribute('data-status', 'allowed');
  // The answer is one of two: buttons, used from the keyboard. A wrong one is refused with ✗ and
  // says what kind of answer is wanted, never the answer; the chosen one is pressed and marked ✓.
  const choices = lesson.stepView('default-allow').getByRole('group', { name: 'Or choose:' });
  const status = lesson.stepView('default-allow').getByTestId('answer-status');
  await expect(choices.getByRole('button')).toHaveText(['Yes', 'No']);
  await choices.getByRole('button', { name: 'No' }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('✗ Not quite. Look again, or open the hint. Answer with yes or no.');
  await expect(choices.getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true');
  await lesson.expectNotDone('default-allow');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(choices.getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');
  await expect(choices.getByRole('button', { name: 'Yes' })).toHaveText('✓ Yes');
  await expect(choices.getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'false');
  await lesson.doneThenNext('default-allow', 'direction');

  // 2. direction: web → api is ingress for api. Typing still works, synonyms included.
  await lesson.answer('egress');
  await expect(lesson.stepView('direction').getByText('Not quite')).toBeVisible();
  await expect(lesson.stepView('direction').getByTestId('answer-status')).toContainText('Answer with ingress or egress.');
  await lesson.answer('incoming');
  await lesson.doneThenNext('direction', 'probe-open');

  // 3. probe-open: a throwaway busybox pod reaches db through its Service.
  await probe(NC, OPEN);
  await expect(lesson.terminalRows()).toContainText('pod "probe" deleted');
  await expect(bar).toContainText('allowed');
  await expect(bar).toContainText('default/probe → default/db:3306/TCP');
  await lesson.doneThenNext('probe-open', 'isolate-db');

  // 4. isolate-db: a new document, db-policy.yaml, with no ingress rule: db takes nothing.
  await lab.setFile('db-policy.yaml', DB_POLICY);
  await expect(lab.tab('db-policy.yaml')).toBeVisible();
  await expect(webToDb).toHaveAttribute('data-status', 'denied');
  await expect(apiToDb).toHaveAttribute('data-status', 'denied');
  await lesson.doneThenNext('isolate-db', 'probe-blocked');

  // 5. probe-blocked: the same probe now times out (dropped, not refused), and exits 1.
  await lesson.expectNotDone('probe-blocked');
  await probe(NC, TIMED_OUT);
  await expect(lesson.terminalRows()).toContainText('pod default/probe terminated (Error)');
  await expect(bar).toContainText('blocked by NetworkPolicy');
  await lesson.doneThenNext('probe-blocked', 'allow-api');

  // 6. allow-api: one flow-YAML ingress rule typed at the end of the policy.
  await lesson.appendToFile('db-policy.yaml', '  ingress: [{from: [{podSelector: {matchLabels: {role: api}}}], ports: [{protocol: TCP, port: 3306}]}]');
  await lesson.expectFile('db-policy.yaml', `${DB_POLICY}  ingress: [{from: [{podSelector: {matchLabels: {role: api}}}], ports: [{protocol: TCP, port: 3306}]}]`);
  await expect(apiToDb).toHaveAttribute('data-status', 'allowed');
  await expect(webToDb).toHaveAttribute('data-status', 'denied');
  await port.selectOption('5000/TCP');
  await expect(lab.matrixCell('default/web', 'default/api')).toHaveAttribute('data-status', 'allowed');
  await lesson.doneThenNext('allow-api', 'probe-as-api');

  // 7. probe-as-api: the label decides; the same probe without the label, run after it, still times
  // out (the timeout of step 5 does not count: the step asks for both, in this order).
  await probe(NC_AS_API, OPEN);
  await expect(bar).toContainText('default/as-api → default/db:3306/TCP');
  await lesson.expectNotDone('probe-as-api');
  await probe(NC, TIMED_OUT);
  await lesson.doneThenNext('probe-as-api', 'dns-egress');

  // 8. dns-egress: api may leave only for db:3306, so the lookup of `db` itself is dropped.
  await lab.setFile('api-egress.yaml', API_EGRESS);
  await expect(lab.tab('api-egress.yaml')).toBeVisible();
  await probe(CURL, 'curl: (28) Resolving timed out after 2001 milliseconds');
  await expect(lesson.terminalRows()).toContainText('command terminated with exit code 28');
  await expect(bar).toContainText('curl (DNS lookup): default/api → kube-system/coredns-');
  await expect(bar).toContainText('blocked by NetworkPolicy');
  // Why? The lookup is a flow to CoreDNS on 53/UDP, and api-egress has no rule for it.
  await bar.getByRole('button', { name: 'Why?' }).click();
  await expect(lab.sidePanel()).toContainText('api-egress');
  await lesson.doneThenNext('dns-egress', 'dns-rule');

  // 9. dns-rule: the usual DNS item typed at the end of the egress list; MySQL answers curl.
  await lesson.appendToFile('api-egress.yaml',
    '  - {to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}');
  await expect.poll(() => lesson.fileText('api-egress.yaml')).toContain('      port: 3306\n  - {to: [{namespaceSelector:');
  await probe(CURL, 'curl: (1) Received HTTP/0.9 when not allowed');
  await expect(bar).toContainText('default/api → default/db:3306/TCP');
  await expect(bar).toContainText('allowed');
  await lesson.doneThenNext('dns-rule', 'default-types');

  // 10. default-types: without policyTypes the API server stores Ingress and Egress: web → api is cut.
  await lesson.deleteLine('api-egress.yaml', '- Egress');
  await lesson.deleteLine('api-egress.yaml', 'policyTypes:');
  await lesson.clearTerminal();
  await lesson.run('kubectl describe netpol api-egress', 'Policy Types: Ingress, Egress');
  await lesson.stepView('default-types').getByRole('group', { name: 'Or choose:' }).getByRole('button', { name: 'Ingress and Egress' }).click();
  await lesson.doneThenNext('default-types', 'ingress-only');

  // 11. ingress-only: with [Ingress] the egress rules are ignored: api may leave for anywhere again.
  await lesson.insertLineBefore('api-egress.yaml', 'egress:', 'policyTypes: [Ingress]');
  await expect.poll(() => lesson.fileText('api-egress.yaml')).toContain('      role: api\n  policyTypes: [Ingress]\n  egress:\n');
  await lesson.answer('yes');
  await lesson.doneThenNext('ingress-only', 'egress-back');

  // 12. egress-back: [Egress], written out: web → api allowed again, api reaches db and DNS only.
  await lesson.replaceLineEnd('api-egress.yaml', 'policyTypes: [Ingress]', 'Ingress]'.length, 'Egress]');
  await expect.poll(() => lesson.fileText('api-egress.yaml')).toContain('  policyTypes: [Egress]\n');
  await lesson.expectDone('egress-back');
  await lesson.next();
  await lesson.expectViewing('service-port');

  // 13. service-port: through the Service first (nginx answers), then the policy names the Service port.
  await probe(WGET, 'Thank you for using nginx.');
  await lesson.expectNotDone('service-port');
  await lesson.replaceLineEnd('web-policy.yaml', 'port: 80', 2, '8080');
  await expect.poll(() => lesson.fileText('web-policy.yaml')).toContain('      port: 8080\n');
  await probe(WGET, 'wget: download timed out');
  await expect(bar).toContainText('default/probe → default/web:80/TCP');
  await expect(bar).toContainText('through Service default/web:8080');
  await expect(bar).toContainText('blocked by NetworkPolicy');
  await lesson.doneThenNext('service-port', 'target-port');

  // 14. target-port: back to the pod's port; the page comes back; 8080 is not the answer.
  await lesson.replaceLineEnd('web-policy.yaml', 'port: 8080', 4, '80');
  await expect.poll(() => lesson.fileText('web-policy.yaml')).toContain('      port: 80\n');
  await probe(WGET, 'Thank you for using nginx.');
  await lesson.answer('8080');
  await expect(lesson.stepView('target-port').getByText('Not quite')).toBeVisible();
  await lesson.answer('the target port');
  await lesson.doneThenNext('target-port', 'count');

  // 15. count: kubectl lists the three policies.
  await lesson.run('kubectl get netpol', 'api-egress');
  await expect(lesson.terminalRows()).toContainText('db-policy');
  await expect(lesson.terminalRows()).toContainText('web-policy');
  await lesson.answer('3 policies');
  await lesson.expectDone('count');

  await lesson.completeThenReset(LESSON, STEPS, async () => {
    await expect(lab.tab('db-policy.yaml')).toHaveCount(0);
    await expect(lab.tab('api-egress.yaml')).toHaveCount(0);
    await port.selectOption('3306/TCP');
    await expect(webToDb).toHaveAttribute('data-status', 'allowed');
  });
});

// The exam's throwaway client (`kubectl run probe --rm`) is gone when "Why?" is pressed: the probe is
// told as it was judged when it ran (ProbeRecord.text), trap included.
test('lesson 4: Why? after a throwaway wget through the Service names the service-port trap', async ({ lab, page }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  const start = (await lab.files()).find((f) => f.name === 'web-policy.yaml')?.text ?? '';
  await lab.setFile('web-policy.yaml', start.replace('      port: 80\n', '      port: 8080\n'));
  await lesson.run(WGET, 'wget: download timed out');
  const bar = page.getByTestId('probe-bar');
  await bar.getByRole('button', { name: 'Why?' }).click();
  await expect(page.getByTestId('probe-summary')).toContainText(
    "The Service forwards 8080 to pod port 80; NetworkPolicy 'default/web-policy' allows 8080, not 80.", { timeout: 5_000 });
});

// In Korean the choices, their group and the refusal are Korean too, and the terminal's button the
// lesson quotes (이유 보기) is the one on screen.
test('lesson 4 in Korean: the choice buttons are named in Korean; a refusal says 필요한 답', async ({ lab, page }) => {
  const lesson = new LessonPage(lab);
  await lesson.start(LESSON);
  await lesson.run(WGET);
  await page.getByTestId('lang-ko').click();
  const choices = lesson.stepView('default-allow').getByRole('group', { name: '또는 선택하세요:' });
  await expect(choices.getByRole('button')).toHaveText(['예', '아니요']);
  await choices.getByRole('button', { name: '아니요' }).click();
  await expect(lesson.stepView('default-allow').getByTestId('answer-status'))
    .toHaveText('✗ 정답이 아닙니다. 다시 살펴보거나 힌트를 열어 보세요. 필요한 답: 예 또는 아니요.');
  await choices.getByRole('button', { name: '예' }).click();
  await expect(lesson.stepView('default-allow').getByTestId('answer-status')).toHaveText('✓ 정답입니다!');
  await expect(lesson.stepView('default-allow').getByTestId('step-status')).toHaveText('✓ 완료했습니다. 잘하셨습니다!');
  await expect(page.getByTestId('probe-bar').getByRole('button', { name: '이유 보기' })).toBeVisible();
});
