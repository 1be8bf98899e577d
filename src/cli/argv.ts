import { didYouMean } from '../catalog/suggest.ts';

/** What the words on the command line ask for, before any command parses its own options. */
export type Invocation =
  | { readonly kind: 'overview'; readonly explicit: boolean }
  | { readonly kind: 'help'; readonly command: string }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: string; readonly args: readonly string[]; readonly json: boolean }
  | { readonly kind: 'unknown'; readonly word: string; readonly hint: string; readonly json: boolean };

/** Options any command takes that may also come before the command name (`panelcraft --json build`). */
const GLOBAL_FLAGS = new Set(['--json']);
const GLOBAL_WITH_VALUE = new Set(['--root']);

/**
 * Splits the command line: global options before the command move behind it (so each command parses them as its
 * own), `--help`/`-h` anywhere before `--` and `help CMD` ask for help, `--version`/`-v` for the version.
 * Pure: the caller prints and exits.
 */
export function parseInvocation(argv: readonly string[], commands: readonly string[]): Invocation {
  const leading: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--version' || word === '-v') return { kind: 'version' };
    if (word === '--help' || word === '-h') return { kind: 'overview', explicit: true };
    if (GLOBAL_FLAGS.has(word) || [...GLOBAL_WITH_VALUE].some((f) => word.startsWith(`${f}=`))) leading.push(word);
    else if (GLOBAL_WITH_VALUE.has(word)) {
      leading.push(word);
      if (argv[i + 1] !== undefined) leading.push(argv[++i]!);
    } else break;
  }
  const json = leading.includes('--json');
  const name = argv[i];
  if (name === undefined)
    return leading.length > 0
      ? { kind: 'unknown', word: '', hint: 'no command given', json }
      : { kind: 'overview', explicit: false };
  const rest = argv.slice(i + 1);
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { kind: 'overview', explicit: true };
    if (!commands.includes(topic)) return { kind: 'unknown', word: topic, hint: commandHint(topic, commands), json };
    return { kind: 'help', command: topic };
  }
  if (name.startsWith('-'))
    return {
      kind: 'unknown',
      word: name,
      hint: `options go after the command${didYouMean(name, [...GLOBAL_FLAGS, ...GLOBAL_WITH_VALUE, '--help', '--version'])}`,
      json,
    };
  if (!commands.includes(name)) return { kind: 'unknown', word: name, hint: commandHint(name, commands), json };
  const end = rest.indexOf('--');
  const own = end === -1 ? rest : rest.slice(0, end);
  if (own.includes('--help') || own.includes('-h')) return { kind: 'help', command: name };
  return { kind: 'run', command: name, args: [...rest, ...leading], json: json || own.includes('--json') };
}

/** "did you mean" for a command name; two swapped letters (`biuld`) count as one typo. */
function commandHint(word: string, commands: readonly string[]): string {
  const hint = didYouMean(word, commands);
  if (hint !== '') return hint;
  const letters = (w: string) => [...w.toLowerCase()].sort().join('');
  const swapped = commands.filter((c) => c.length === word.length && letters(c) === letters(word));
  return swapped.length === 0 ? '' : ` (did you mean ${swapped.map((c) => `"${c}"`).join(', ')}?)`;
}
