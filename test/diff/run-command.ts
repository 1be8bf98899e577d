import type { CliContext, Command } from '../../src/cli/context.ts';

/** Runs a command in-process with captured output. */
export async function runCommand(
  command: Command,
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = { cwd, env: {}, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await command(args, ctx);
  return { code, stdout, stderr };
}
