/**
 * Deterministic mutations of valid PromQL, each the kind of mistake people make by hand: a dropped
 * paren, a range where an instant vector is expected, a bad regex, a missing `bool`, …
 * Mutations that do not apply to an expression are skipped.
 */
const MUTATORS: ReadonlyArray<(e: string) => string | undefined> = [
  (e) => (e.lastIndexOf(')') >= 0 ? e.slice(0, e.lastIndexOf(')')) + e.slice(e.lastIndexOf(')') + 1) : undefined),
  (e) => (e.includes('rate(') ? e.replace('rate(', 'rates(') : undefined),
  (e) => (/\[\d+[smhdwy]\]/.test(e) ? e.replace(/\[\d+[smhdwy]\]/, '') : undefined),
  (e) => (/\)\s*$/.test(e) && /^[a-z_]+\(/.test(e) ? `${e}[5m]` : undefined),
  (e) => (e.includes('=~"') ? e.replace('=~"', '=~"(?=x)') : undefined),
  (e) => (e.includes('="') ? e.replace('="', '=~"a**') : undefined),
  (e) => (/ (==|>|<|>=|<=|!=) \d/.test(e) ? e.replace(/^.*? (==|>|<|>=|<=|!=) (\d)/, '1 $1 $2') : undefined),
  (e) => (e.includes('by (') ? e.replace('by (', 'by (le:x, ') : undefined),
  (e) => (/^(sum|avg|max|min|count)\s*\(/.test(e) ? e.replace(/^(sum|avg|max|min|count)\s*\(/, '$1(1, ') : undefined),
  (e) => (/^(sum|avg|max|min|count)\b.*\)$/.test(e) ? `${e} offset 5m` : undefined),
  (e) => (e.includes(', ') ? e.replace(', ', ',, ') : undefined),
  (e) => (e.includes('[5m]') ? e.replace('[5m]', '[5m5m]') : undefined),
  (e) => (e.includes('{') ? e.replace('{', '{__name__="x",') : undefined),
  (e) => (e.includes(' and ') ? e.replace(' and ', ' and 1 + ') : undefined),
  (e) => (e.includes(' / ') ? e.replace(' / ', ' / bool ') : undefined),
  (e) =>
    e.includes('histogram_quantile(')
      ? e.replace(/histogram_quantile\(([^,]+),/, 'histogram_quantile("$1",')
      : undefined,
  (e) => (e.includes('on(') ? `${e.replace('on(', 'on(')} and on(a) group_left y` : undefined),
  (e) => `${e} @ start()`,
  (e) => `(${e})[10m:1m]`,
  (e) => `-(${e})`,
];

export function mutations(valid: readonly string[]): string[] {
  const out = new Set<string>();
  valid.forEach((expr, i) => {
    const mutate = MUTATORS[i % MUTATORS.length]!;
    const alt = MUTATORS[(i * 7 + 3) % MUTATORS.length]!;
    for (const m of [mutate(expr), alt(expr)]) if (m !== undefined && m !== expr) out.add(m);
  });
  return [...out];
}
