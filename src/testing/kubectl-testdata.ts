import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reference outputs for the kubectl unit tables (src/testing/kubectl/README.md says where each comes from). */
export function kubectlTestdata(name: string): string {
  return readFileSync(join(import.meta.dirname, 'kubectl', name), 'utf8');
}
