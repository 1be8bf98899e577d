/** Grafana's dashboard grid: 24 columns, rows of 30 px. */
export const GRID_COLUMNS = 24;

export interface GridPos {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function overlaps(a: GridPos, b: GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * For each box that overlaps a box placed before it (boxes taken top to bottom, then in list order), the pair
 * `[earlier, later]`; each box appears at most once as `later`, so the answer has fewer entries than boxes.
 * A sweep over y with a segment tree over the x edges: O(n log n) for any input, no recursion deeper than log n.
 * Boxes without area (w or h not positive, or not finite) overlap nothing.
 */
export function overlapsWithEarlier(
  boxes: readonly GridPos[],
  /** Up to this many boxes, each is compared with those before it instead (tests set 0 to compare both ways). */
  pairwiseMax = PAIRWISE_MAX,
): Array<readonly [number, number]> {
  const valid = boxes.flatMap((b, i) => (Number.isFinite(b.x + b.y + b.w + b.h) && b.w > 0 && b.h > 0 ? [i] : []));
  if (valid.length < 2) return [];
  if (valid.length <= pairwiseMax) return pairwiseOverlaps(boxes, sweepOrder(boxes, valid));
  const edges = [...new Set(valid.flatMap((i) => [boxes[i]!.x, boxes[i]!.x + boxes[i]!.w]))].sort((a, b) => a - b);
  const edgeIndex = new Map(edges.map((x, i) => [x, i]));
  const tree = new CoverTree(edges.length - 1);
  const order = sweepOrder(boxes, valid);
  const active = new Set<number>();
  const ending = new MinHeap();
  const out: Array<readonly [number, number]> = [];
  for (const i of order) {
    const box = boxes[i]!;
    while (ending.size > 0 && ending.peekKey() <= box.y) {
      const j = ending.pop();
      active.delete(j);
      tree.add(edgeIndex.get(boxes[j]!.x)!, edgeIndex.get(boxes[j]!.x + boxes[j]!.w)!, -1);
    }
    const from = edgeIndex.get(box.x)!;
    const to = edgeIndex.get(box.x + box.w)!;
    if (tree.max(from, to) > 0) {
      // Name one of the overlapped boxes; with the count above known to be positive, a bounded look suffices in
      // practice, and the first active box is the partner when all of them are stacked in one place.
      let partner = -1;
      let looked = 0;
      for (const j of active) {
        if (overlaps(boxes[j]!, box)) {
          partner = j;
          break;
        }
        if (++looked >= 256) break;
      }
      out.push([partner, i]);
    }
    active.add(i);
    ending.push(box.y + box.h, i);
    tree.add(from, to, 1);
  }
  return out.sort((a, b) => a[1] - b[1]);
}

/**
 * Below this many boxes (a dashboard has ~20 per level) comparing each with the boxes before it costs less than the
 * sweep's tree, heap and maps: grid-overlap took ~60 ms at 1 000 dashboards of the bench with the sweep alone.
 */
const PAIRWISE_MAX = 48;

function sweepOrder(boxes: readonly GridPos[], valid: readonly number[]): number[] {
  return [...valid].sort((a, b) => boxes[a]!.y - boxes[b]!.y || a - b);
}

/**
 * The sweep's answer, box by box: a box is flagged when a box taken before it and still open at its top (bottom edge
 * below its y) shares an interval between x edges with it, which is what the sweep's tree counts; the partner is the
 * first such open box, in sweep order, that `overlaps` it (-1 when none does), as the sweep names it.
 */
function pairwiseOverlaps(boxes: readonly GridPos[], order: readonly number[]): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (let k = 1; k < order.length; k++) {
    const i = order[k]!;
    const box = boxes[i]!;
    const right = box.x + box.w;
    if (!(box.x < right)) continue; // no interval between x edges: the tree never counts it
    let flagged = false;
    let partner = -1;
    for (let m = 0; m < k; m++) {
      const j = order[m]!;
      const other = boxes[j]!;
      if (!(other.y + other.h > box.y)) continue; // closed before this box's top
      const otherRight = other.x + other.w;
      if (other.x < otherRight && other.x < right && box.x < otherRight) flagged = true;
      if (partner === -1 && overlaps(other, box)) partner = j;
      if (flagged && partner !== -1) break;
    }
    if (flagged) out.push([partner, i]);
  }
  return out.sort((a, b) => a[1] - b[1]);
}

/** Range add and range maximum over `n` slots (leaves are the intervals between consecutive x edges). */
class CoverTree {
  private readonly size: number;
  private readonly best: Float64Array;
  private readonly pending: Float64Array;
  constructor(n: number) {
    this.size = Math.max(1, n);
    this.best = new Float64Array(4 * this.size);
    this.pending = new Float64Array(4 * this.size);
  }
  /** Adds `delta` to slots [from, to). */
  add(from: number, to: number, delta: number): void {
    if (from < to) this.update(1, 0, this.size, from, to, delta);
  }
  /** Largest value among slots [from, to). */
  max(from: number, to: number): number {
    return from < to ? this.query(1, 0, this.size, from, to) : 0;
  }
  private update(node: number, lo: number, hi: number, from: number, to: number, delta: number): void {
    if (to <= lo || hi <= from) return;
    if (from <= lo && hi <= to) {
      this.best[node]! += delta;
      this.pending[node]! += delta;
      return;
    }
    const mid = (lo + hi) >> 1;
    this.update(2 * node, lo, mid, from, to, delta);
    this.update(2 * node + 1, mid, hi, from, to, delta);
    this.best[node] = this.pending[node]! + Math.max(this.best[2 * node]!, this.best[2 * node + 1]!);
  }
  private query(node: number, lo: number, hi: number, from: number, to: number): number {
    if (to <= lo || hi <= from) return Number.NEGATIVE_INFINITY;
    if (from <= lo && hi <= to) return this.best[node]!;
    const mid = (lo + hi) >> 1;
    return (
      this.pending[node]! +
      Math.max(this.query(2 * node, lo, mid, from, to), this.query(2 * node + 1, mid, hi, from, to))
    );
  }
}

/** Indexes ordered by a numeric key (the bottom edge of a box). */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  peekKey(): number {
    return this.keys[0]!;
  }
  push(key: number, value: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): number {
    const top = this.values[0]!;
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.keys[l]! < this.keys[m]!) m = l;
        if (r < this.keys.length && this.keys[r]! < this.keys[m]!) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.values[a], this.values[b]] = [this.values[b]!, this.values[a]!];
  }
}
