import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../engine/index.js';

/** The scenario folders under src/testing/scenarios (course examples), as the CLI reads them. */
export const SCENARIO_ROOT = 'src/testing/scenarios';

export function scenarioNames(): string[] {
  return readdirSync(SCENARIO_ROOT).sort();
}

export function scenarioFiles(name: string): SourceFile[] {
  const dir = join(SCENARIO_ROOT, name);
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => ({ name: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}
