import type { CliContext } from '../../src/cli/context.ts';
import { main } from '../../src/cli/main.ts';

/** Runs `panelcraft …` in-process and captures what it prints. */
export async function runCli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = { cwd, env: {}, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(args, ctx);
  return { code, stdout, stderr };
}
