import { main } from '../cli/main.js';

/** Runs the CLI in-process with captured output (tests). */
export async function runCli(argv: readonly string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => stdin });
  return { code, stdout, stderr };
}
