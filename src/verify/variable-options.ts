/** One choice of a template variable. */
export interface VariableOption {
  readonly text: string;
  readonly value: string;
}

/** Grafana's `stringToJsRegex`: `/pattern/flags`, or a bare pattern anchored at both ends. */
export function variableRegex(text: string): RegExp | undefined {
  try {
    const m = /^\/(.*)\/([gimsuy]*)$/s.exec(text);
    if (m) return new RegExp(m[1]!, m[2]!.replace('g', ''));
    return new RegExp(`^${text}$`);
  } catch {
    return undefined;
  }
}

/**
 * Turns raw values into options the way Grafana's query variables do: the variable's regex filters and extracts
 * (first capture group, or the named groups `text` and `value`), duplicates are dropped, then `sort` applies.
 */
export function toOptions(raw: readonly string[], regex: RegExp | undefined, sort: number): VariableOption[] {
  const seen = new Set<string>();
  const out: VariableOption[] = [];
  for (const item of raw) {
    let text = item;
    let value = item;
    if (regex) {
      const m = regex.exec(item);
      if (!m) continue;
      const groups = m.groups;
      if (groups && (groups.text !== undefined || groups.value !== undefined)) {
        value = groups.value ?? groups.text ?? item;
        text = groups.text ?? groups.value ?? item;
      } else if (m.length > 1 && m[1] !== undefined) {
        value = m[1];
        text = m[1];
      }
    }
    if (seen.has(value)) continue;
    seen.add(value);
    out.push({ text, value });
  }
  return sortOptions(out, sort);
}

/** Grafana's variable sort modes: 1/2 alphabetical, 3/4 numerical, 5/6 alphabetical case-insensitive. */
export function sortOptions(options: VariableOption[], sort: number): VariableOption[] {
  const num = (t: string) => {
    const m = /(\d+)/.exec(t);
    return m ? Number(m[1]) : Number.NEGATIVE_INFINITY;
  };
  const byText = (a: VariableOption, b: VariableOption) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  const byLower = (a: VariableOption, b: VariableOption) =>
    byText({ text: a.text.toLowerCase(), value: '' }, { text: b.text.toLowerCase(), value: '' });
  const sorted = [...options];
  switch (sort) {
    case 1:
      return sorted.sort(byText);
    case 2:
      return sorted.sort(byText).reverse();
    case 3:
      return sorted.sort((a, b) => num(a.text) - num(b.text));
    case 4:
      return sorted.sort((a, b) => num(b.text) - num(a.text));
    case 5:
      return sorted.sort(byLower);
    case 6:
      return sorted.sort(byLower).reverse();
    default:
      return sorted;
  }
}

/** Options of a `custom` variable: comma-separated, `\,` escapes a comma, `text : value` pairs allowed. */
export function customOptions(query: string): VariableOption[] {
  const parts = query.match(/(?:\\,|[^,])+/g) ?? [];
  return parts.map((part) => {
    const item = part.trim().replace(/\\,/g, ',');
    const pair = /^(.+?)\s:\s(.+)$/.exec(item);
    return pair ? { text: pair[1]!.trim(), value: pair[2]!.trim() } : { text: item, value: item };
  });
}
