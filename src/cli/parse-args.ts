/**
 * The flag parser every command uses, in its own module so commands never import the dispatcher (`main.ts`
 * imports the commands, not the other way round). `node:util`'s parser: strict, with errors the dispatcher turns
 * into usage errors (exit 2).
 */
export { parseArgs } from 'node:util';
