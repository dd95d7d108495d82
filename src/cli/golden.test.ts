import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../testing/golden.js';
import { runCli } from '../testing/run-cli.js';

// One golden file per scenario: the CLI contract's JSON (engine-spec.md section 7).
// A missing or different golden fails; update deliberately with `npm run test:unit -- -u`, then
// read the diff as a reviewer would.
const root = 'src/testing/scenarios';
const scenarios = readdirSync(root).sort();

describe('kslab analyze --json goldens', () => {
  it.each(scenarios)('%s', async (name) => {
    const dir = join(root, name);
    const { code, stdout, stderr } = await runCli(['analyze', '--json', dir]);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as { diagnostics: { severity: string }[] };
    expect(code).toBe(json.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
    expectGolden(stdout, join('src/testing/goldens', `${name}.json`));
  });
});
