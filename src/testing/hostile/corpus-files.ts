import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../engine/index.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

/** Every YAML file of the project's scenarios and lessons: real manifests, as students write them. */
export function projectManifests(): SourceFile[] {
  return [...yamlFiles('src/testing/scenarios'), ...yamlFiles('lessons')].map((name) => ({ name, text: readFileSync(name, 'utf8') }));
}
