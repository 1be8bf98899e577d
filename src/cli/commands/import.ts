import { UsageError, type Command } from '../context.ts';

/** Placeholder until the command lands; see the open issues. */
export const importCommand: Command = async () => {
  throw new UsageError('"import" is not implemented yet');
};
