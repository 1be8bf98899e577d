import { UsageError, type Command } from '../context.ts';

/** Placeholder until the command lands; see the open issues. */
export const diff: Command = async () => {
  throw new UsageError('"diff" is not implemented yet');
};
