import { SCRAPE_SERIES, type CatalogMetric, type MetricCatalog } from './metric-catalog.ts';

/** A line the parser could not read; the rest of the exposition is still used. */
export interface ExpositionProblem {
  readonly line: number;
  readonly message: string;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  histogram: ['_bucket', '_sum', '_count'],
  gaugehistogram: ['_bucket', '_gsum', '_gcount'],
  summary: ['', '_sum', '_count'],
};

/** Sample names a `# TYPE family type` line implies (OpenMetrics counters drop `_total` from the family name). */
function declaredNames(family: string, type: string): string[] {
  if (type === 'counter' && !family.endsWith('_total')) return [`${family}_total`];
  return (SUFFIXES[type] ?? ['']).map((s) => family + s);
}

interface Mutable {
  type?: string;
  help?: string;
  labels: Set<string>;
  labelsKnown: boolean;
}

/**
 * Reads the Prometheus text exposition format (and OpenMetrics text): `# HELP`, `# TYPE`, samples with labels
 * (escapes `\\`, `\"`, `\n` in values; quoted UTF-8 names in braces). Pure; never throws.
 */
export function parseExposition(
  text: string,
  source: string,
): { catalog: MetricCatalog; problems: ExpositionProblem[] } {
  const metrics = new Map<string, Mutable>();
  const familyType = new Map<string, string>();
  const familyHelp = new Map<string, string>();
  const problems: ExpositionProblem[] = [];
  const entry = (name: string): Mutable => {
    let m = metrics.get(name);
    if (!m) metrics.set(name, (m = { labels: new Set(), labelsKnown: false }));
    return m;
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line === '# EOF') return;
    if (line.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE|UNIT)\s+(\S+)(?:\s+(.*))?$/.exec(line);
      if (!m) return; // a plain comment
      const [, kind, family, rest = ''] = m as unknown as [string, string, string, string | undefined];
      if (kind === 'TYPE') familyType.set(family, rest.trim().toLowerCase());
      if (kind === 'HELP') familyHelp.set(family, rest.replace(/\\n/g, '\n').replace(/\\\\/g, '\\'));
      return;
    }
    const sample = readSample(line);
    if (typeof sample === 'string') {
      problems.push({ line: i + 1, message: sample });
      return;
    }
    const m = entry(sample.name);
    m.labelsKnown = true;
    for (const l of sample.labels) m.labels.add(l);
  });
  // A declared family without samples (an empty vector): its names exist, its labels are unknown.
  for (const [family, type] of familyType) {
    const names = declaredNames(family, type);
    if (!names.some((n) => metrics.has(n))) for (const n of names) entry(n);
  }
  for (const name of SCRAPE_SERIES) if (!metrics.has(name)) metrics.set(name, { labels: new Set(), labelsKnown: true });
  const out = new Map<string, CatalogMetric>();
  for (const [name, m] of metrics) {
    const family = familyOf(name, familyType);
    const type = family !== undefined ? familyType.get(family) : undefined;
    const help = familyHelp.get(family ?? name);
    out.set(name, {
      name,
      ...(type !== undefined ? { type } : {}),
      ...(help !== undefined ? { help } : {}),
      labels: m.labels,
      labelsKnown: m.labelsKnown,
    });
  }
  return { catalog: { metrics: out, sources: [source] }, problems };
}

function familyOf(name: string, types: ReadonlyMap<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const suffix of ['_bucket', '_sum', '_count', '_total', '_created', '_gsum', '_gcount']) {
    if (name.endsWith(suffix) && types.has(name.slice(0, -suffix.length))) return name.slice(0, -suffix.length);
  }
  return undefined;
}

/** `name{l="v",…} value [timestamp]` → its name and label names, or a message. */
function readSample(line: string): { name: string; labels: string[] } | string {
  let rest = line;
  let name: string | undefined;
  const nameMatch = NAME.exec(rest);
  if (nameMatch) {
    name = nameMatch[0];
    rest = rest.slice(name.length);
  }
  const labels: string[] = [];
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith('}')) {
        rest = rest.slice(1);
        break;
      }
      let label: string | undefined;
      if (rest.startsWith('"')) {
        const q = readQuoted(rest);
        if (q === undefined) return `unterminated quoted name in "${line}"`;
        [label, rest] = q;
      } else {
        const l = LABEL.exec(rest);
        if (!l) return `expected a label name at "${rest.slice(0, 20)}"`;
        label = l[0];
        rest = rest.slice(label.length);
      }
      rest = rest.trimStart();
      if (!rest.startsWith('=')) {
        // OpenMetrics 2 / UTF-8: a quoted name alone in braces is the metric name.
        if (name === undefined && (rest.startsWith(',') || rest.startsWith('}'))) name = label;
        else return `expected "=" after label "${label}"`;
      } else {
        rest = rest.slice(1).trimStart();
        const v = readQuoted(rest);
        if (v === undefined) return `label "${label}" has no properly quoted value`;
        rest = v[1];
        labels.push(label);
      }
      rest = rest.trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) return `expected "," or "}" after label "${label}"`;
    }
  }
  if (name === undefined) return `expected a metric name in "${line.slice(0, 40)}"`;
  const value = rest.trim().split(/\s+/)[0];
  if (value === undefined || value === '' || !/^[-+]?(?:[0-9.eE+-]+|Inf|inf|NaN|nan)$/.test(value))
    return `sample "${name}" has no value`;
  return { name, labels };
}

/** Reads a `"…"` string with `\\`, `\"`, `\n` escapes; returns [value, rest]. */
function readQuoted(text: string): [string, string] | undefined {
  if (!text.startsWith('"')) return undefined;
  let out = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return [out, text.slice(i + 1)];
    if (c === '\\') {
      const e = text[++i];
      if (e === undefined) return undefined;
      out += e === 'n' ? '\n' : e;
    } else out += c;
  }
  return undefined;
}
