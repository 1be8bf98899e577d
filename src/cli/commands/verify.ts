import { UsageError, type Command } from '../context.ts';

/** Placeholder until the command lands; see the open issues. */
export const verify: Command = async () => {
  throw new UsageError('"verify" is not implemented yet');
};
