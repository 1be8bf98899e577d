import { UsageError, type Command } from '../context.ts';

/** Placeholder until the command lands; see the open issues. */
export const lint: Command = async () => {
  throw new UsageError('"lint" is not implemented yet');
};
