/**
 * The results of `start(0)` … `start(count - 1)`, in that order, with at most `limit` of them started and not yet
 * taken: task i + limit starts when the caller asks for result i + 1, so the caller works on result i while the next
 * `limit - 1` tasks run. Every started task's rejection is handled here; the caller sees it when it reaches that task.
 */
export async function* inOrderAhead<T>(
  count: number,
  limit: number,
  start: (index: number) => Promise<T>,
): AsyncGenerator<T, void, undefined> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`inOrderAhead: limit must be a whole number ≥ 1, got ${limit}`);
  const started = new Map<number, Promise<T>>();
  let next = 0;
  for (let taken = 0; taken < count; taken++) {
    while (next < count && next < taken + limit) {
      const task = start(next);
      task.catch(() => {}); // awaited in order below
      started.set(next++, task);
    }
    const task = started.get(taken)!;
    started.delete(taken); // a taken result is the caller's to keep or drop
    yield await task;
  }
}
