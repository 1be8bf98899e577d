/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress lines are shown only there). @default false */
  readonly stderrIsTTY?: boolean;
}

/** A command parses its own arguments and returns the exit code; only main.ts exits the process. */
export type Command = (args: readonly string[], ctx: CliContext) => Promise<number>;

/** Exit codes shared by every command: 0 done, 1 findings (nothing written), 2 usage or internal error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export { UsageError } from '../model/usage-error.ts';
