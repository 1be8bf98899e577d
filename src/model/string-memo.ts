/**
 * `compute` remembered per string, for at most `limit` strings (all are forgotten once that many are held, so a
 * long run with ever new strings holds a bounded map). For pure answers that a build asks for the same few strings
 * again and again: a matcher's pattern, `${datasource}`, a query repeated in every panel. `compute` must depend on
 * its argument only, and callers must not change what it returns.
 */
export function stringMemo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const value = known.get(key);
    if (value !== undefined || known.has(key)) return value as T;
    const computed = compute(key);
    if (known.size >= limit) known.clear();
    known.set(key, computed);
    return computed;
  };
}
