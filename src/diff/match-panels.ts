import type { PanelEntry } from './panel-entry.ts';

/** A panel paired across the two sides; one side is missing for added or removed panels. */
export interface PanelPair {
  readonly before?: PanelEntry;
  readonly after?: PanelEntry;
}

/**
 * Pairs panels so that reordering or renumbering is not a remove + add. Stages, each on what is still unpaired:
 * 1. same id and same title; 2. same title and type, k-th with k-th; 3. same title, k-th with k-th;
 * 4. the most similar leftovers (same queries, same position, same type), which is how renames are found.
 * Output order: after-side document order, then removed panels in before-side order.
 */
export function matchPanels(before: readonly PanelEntry[], after: readonly PanelEntry[]): PanelPair[] {
  const pairOf = new Map<PanelEntry, PanelEntry>(); // after → before
  const taken = new Set<PanelEntry>();
  const pair = (b: PanelEntry, a: PanelEntry) => {
    pairOf.set(a, b);
    taken.add(b);
  };
  const freeBefore = () => before.filter((b) => !taken.has(b));
  const freeAfter = () => after.filter((a) => !pairOf.has(a));

  for (const a of freeAfter()) {
    if (a.id === undefined) continue;
    const b = freeBefore().find((c) => c.id === a.id && c.title === a.title);
    if (b) pair(b, a);
  }
  pairByKey(freeBefore(), freeAfter(), (p) => `${p.title}\u0000${p.type}`, pair);
  pairByKey(freeBefore(), freeAfter(), (p) => p.title, pair);
  pairBySimilarity(freeBefore(), freeAfter(), pair);

  const out: PanelPair[] = after.map((a) => {
    const b = pairOf.get(a);
    return b ? { before: b, after: a } : { after: a };
  });
  for (const b of before) if (!taken.has(b)) out.push({ before: b });
  return out;
}

function pairByKey(
  before: readonly PanelEntry[],
  after: readonly PanelEntry[],
  key: (p: PanelEntry) => string,
  pair: (b: PanelEntry, a: PanelEntry) => void,
): void {
  const queues = new Map<string, PanelEntry[]>();
  for (const b of before) {
    const k = key(b);
    const queue = queues.get(k);
    if (queue) queue.push(b);
    else queues.set(k, [b]);
  }
  for (const a of after) {
    const b = queues.get(key(a))?.shift();
    if (b) pair(b, a);
  }
}

/** Similarity of two leftover panels; 0 means "not the same panel". */
function similarity(b: PanelEntry, a: PanelEntry): number {
  const sameQueries = b.queryKey !== '' && b.queryKey === a.queryKey;
  const samePos =
    b.gridPos !== undefined &&
    a.gridPos !== undefined &&
    b.gridPos.x === a.gridPos.x &&
    b.gridPos.y === a.gridPos.y &&
    b.gridPos.w === a.gridPos.w &&
    b.gridPos.h === a.gridPos.h;
  const sameType = b.type === a.type;
  // A pairing needs real evidence: the same queries, or the same type at the same place.
  if (!sameQueries && !(samePos && sameType)) return 0;
  return (sameQueries ? 4 : 0) + (samePos ? 2 : 0) + (sameType ? 1 : 0);
}

function pairBySimilarity(
  before: readonly PanelEntry[],
  after: readonly PanelEntry[],
  pair: (b: PanelEntry, a: PanelEntry) => void,
): void {
  const candidates: { b: PanelEntry; a: PanelEntry; score: number }[] = [];
  for (const a of after)
    for (const b of before) {
      const score = similarity(b, a);
      if (score > 0) candidates.push({ b, a, score });
    }
  candidates.sort((x, y) => y.score - x.score || x.a.index - y.a.index || x.b.index - y.b.index);
  const usedB = new Set<PanelEntry>();
  const usedA = new Set<PanelEntry>();
  for (const { b, a } of candidates) {
    if (usedB.has(b) || usedA.has(a)) continue;
    usedB.add(b);
    usedA.add(a);
    pair(b, a);
  }
}
