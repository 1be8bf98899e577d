import { UsageError, type Command } from '../context.ts';

/** Placeholder until the command lands; see the open issues. */
export const dev: Command = async () => {
  throw new UsageError('"dev" is not implemented yet');
};
