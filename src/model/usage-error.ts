/**
 * A mistake in how panelcraft was called (a flag, a path, a setting given on the command line): the CLI prints it
 * without a stack and exits 2. Here rather than in cli/ so that shell code below the CLI can raise it too.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
