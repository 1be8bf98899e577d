import { editDistance } from './edit-distance.ts';

/**
 * Up to `max` candidates closest to `word` by case-insensitive edit distance, ties broken by case-sensitive distance,
 * then by longer common prefix, then alphabetically. Only candidates within a
 * third of the longer word's length (at least 1 edit) count, so unrelated names are never suggested.
 */
export function suggest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const scored: Array<{ name: string; d: number; exact: number; prefix: number }> = [];
  for (const name of candidates) {
    if (name === word) continue;
    const limit = Math.max(1, Math.floor(Math.max(word.length, name.length) / 3));
    if (Math.abs(name.length - word.length) > limit) continue;
    const d = editDistance(word.toLowerCase(), name.toLowerCase());
    if (d <= limit) scored.push({ name, d, exact: editDistance(word, name), prefix: commonPrefix(word, name) });
  }
  scored.sort(
    (a, b) => a.d - b.d || a.exact - b.exact || b.prefix - a.prefix || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return scored.slice(0, max).map((s) => s.name);
}

/** ` (did you mean "a", "b"?)` or `''`. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const found = suggest(word, candidates);
  return found.length === 0 ? '' : ` (did you mean ${found.map((s) => `"${s}"`).join(', ')}?)`;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
