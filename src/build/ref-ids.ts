/** `A`…`Z`, then `AA`, `AB`, … like Grafana's query editor. */
export function refIdAt(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/**
 * refIds for a panel's targets: existing non-empty unique refIds are kept; the others get the first unused letters
 * in order. Grafana needs a unique refId per target to match results, transformations and overrides.
 */
export function assignRefIds(existing: readonly unknown[]): string[] {
  const kept = new Set<string>();
  const result: Array<string | undefined> = existing.map((r) => {
    if (typeof r === 'string' && r.trim() !== '' && !kept.has(r)) {
      kept.add(r);
      return r;
    }
    return undefined;
  });
  let next = 0;
  return result.map((r) => {
    if (r !== undefined) return r;
    while (kept.has(refIdAt(next))) next++;
    const id = refIdAt(next);
    kept.add(id);
    return id;
  });
}
