import { createHash } from 'node:crypto';

/**
 * How the dashboard sources are split into compiler programs (pure). One TypeScript 7 program over 5 000
 * dashboards takes ~870 MB; programs of about `maxRoots` roots, at most `maxShards` of them, are checked one after
 * the other, so the compiler's peak stays near one program's. A root's shard is fixed by a hash of its path (and the
 * number of shards, which changes only when the project crosses a multiple of `maxRoots`), so editing one dashboard
 * re-checks one shard, and adding one moves no other.
 */
export function shardRoots(
  /** Posix paths relative to the project root. */
  roots: readonly string[],
  /**
   * Roots per shard, on average (a hash spreads them, not exactly; the last gets fewer), while there are at most
   * `maxShards`.
   */
  maxRoots: number,
  /** Shards at most: past `maxRoots × maxShards` roots, each shard holds more. */
  maxShards = Number.POSITIVE_INFINITY,
): string[][] {
  const unique = [...new Set(roots)].sort();
  const count = Math.min(Math.max(1, maxShards), Math.max(1, Math.ceil(unique.length / Math.max(1, maxRoots))));
  const shards: string[][] = Array.from({ length: count }, () => []);
  for (const root of unique) shards[count === 1 ? 0 : bucket(root, count)]!.push(root);
  return shards.filter((s) => s.length > 0);
}

/**
 * The last program's share of roots against each other one's. A cold build checks its programs one after the other
 * while it renders, and the last one runs beside the most rendered output. A cold build of 1 000 dashboards (V8's old
 * generation at 128 MB before its first full collection, bin/panelcraft.js) peaked at 290-300 MB, this process and
 * the compiler, with two programs of ~500 roots, and at 279-283 MB with 562 and 438, its wall time unchanged (16
 * alternating pairs).
 */
const LAST_SHARD_WEIGHT = 2 / 3;

/** A root's shard: a hash of its path spread over `count` shards, the last one weighing `LAST_SHARD_WEIGHT`. */
function bucket(file: string, count: number): number {
  const at = createHash('sha1').update(file).digest().readUInt32BE(0) / 2 ** 32;
  return Math.min(count - 1, Math.floor(at * (count - 1 + LAST_SHARD_WEIGHT)));
}

/**
 * Whether a TypeScript source may add to the global scope every file sees: a script (no top-level `import` or
 * `export`), `declare global`, or `declare module '…'` (an ambient module or a module augmentation). Errors of a
 * file depend on such files even when it does not import them, so each shard's program gets every such file of the
 * full program as a root too. Errs towards yes (text, not syntax): a wrong yes costs only time.
 */
export function mayDeclareGlobals(file: string, text: string): boolean {
  if (file.endsWith('.json')) return false;
  if (/\bdeclare\s+global\b/.test(text) || /\bdeclare\s+module\s+['"]/.test(text)) return true;
  return !/^\s*(import|export)\b/m.test(text);
}
