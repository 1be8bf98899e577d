import fc from 'fast-check';
import { outputNameProblems } from '../../src/build/output-names.ts';
import { planWrites } from '../../src/build/plan-writes.ts';
import { parseExposition } from '../../src/catalog/parse-exposition.ts';
import { datasourceUrlSecrets } from '../../src/config/datasource-url-secrets.ts';
import { redactSecrets } from '../../src/io/redact.ts';
import { formatDiagnostics, summaryLine } from '../../src/tooling/format-diagnostics.ts';
import { lintFiles } from '../../src/tooling/lint-files.ts';
import { escapeTerminal } from '../../src/tooling/terminal-text.ts';
import { parseApiBody, queryResultOf, seriesOf, stringListOf } from '../../src/verify/prometheus-response.ts';
import { dashboardLike } from '../lint/dashboard-arbitrary.ts';

/** How large the generated inputs get: `npm test` stays small, `npm run bench:fuzz` goes far. */
export interface FuzzScale {
  /** Deepest nesting generated. */
  readonly depth: number;
  /** Most panels in one dashboard. */
  readonly panels: number;
  /** Longest hostile string. */
  readonly stringLength: number;
}

export const SMALL: FuzzScale = { depth: 3_000, panels: 1_500, stringLength: 5_000 };
export const LARGE: FuzzScale = { depth: 200_000, panels: 12_000, stringLength: 500_000 };

/** Strings that attack terminals, file systems, templating, PromQL and JSON readers. */
export function hostileString(scale: FuzzScale): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '\u001b[2J\u001b[H0 errors',
      '\u001b]0;title\u0007',
      '\u009b31m',
      'a\u0000b',
      '\u202eevil',
      'line\nbreak\r\n',
      '../../../package',
      '..',
      '.',
      'CON',
      'aux.json',
      'COM1',
      'Dash',
      'dash',
      '__proto__',
      'constructor',
      '${__proto__}',
      '$__all',
      '${datasource}',
      '[[job]]',
      '{job=~"$job"}',
      'rate(up[5m]',
      '\ud800',
      '\udfff\ud800',
      'ﬀ',
      'é',
      'é',
      '😀'.repeat(100),
      'http://user:secret@host/?access_token=abc',
    ),
    fc.string({ unit: 'binary', maxLength: 64 }),
    fc.string({ unit: 'grapheme-composite', maxLength: 32 }),
    fc
      .tuple(
        fc.constantFrom('a', '\u001b', '/', '\\', '"', '%', '(', '{', '$'),
        fc.integer({ min: 1, max: scale.stringLength }),
      )
      .map(([c, n]) => c.repeat(n)),
  );
}

/** JSON text of a value nested `depth` levels deep (arrays or objects) around the JSON text `leaf`. */
function nestedText(depth: number, kind: 'array' | 'object', leaf: string): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`
    : `${'{"k":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

/** Dashboards with hostile strings, deep values and many panels spliced into plausible shapes. */
export function hostileDashboardText(scale: FuzzScale): fc.Arbitrary<string> {
  const s = hostileString(scale);
  const deep = fc.record({
    depth: fc.integer({ min: 1, max: scale.depth }),
    kind: fc.constantFrom('array' as const, 'object' as const),
    leaf: s,
  });
  const manyPanels = fc
    .record({ n: fc.integer({ min: 1, max: scale.panels }), stacked: fc.boolean(), title: s })
    .map(({ n, stacked, title }) =>
      Array.from({ length: n }, (_, i) => ({
        id: i + 1,
        type: 'timeseries',
        title: `${title.slice(0, 200)}${i}`,
        gridPos: stacked ? { x: 0, y: 0, w: 24, h: 8 } : { x: (i * 7) % 24, y: Math.floor(i / 3) * 8, w: 8, h: 8 },
        targets: [
          {
            refId: 'A',
            expr: 'sum(rate(http_requests_total{job="$job"}[$__rate_interval]))',
            datasource: { type: 'prometheus', uid: '${datasource}' },
          },
        ],
      })),
    );
  return fc.oneof(
    // Plausible dashboards with hostile strings in titles, uids, expressions, variables.
    fc.tuple(dashboardLike, s, s, s, s).map(([d, title, uid, expr, name]) =>
      JSON.stringify({
        ...(d as object),
        title,
        uid,
        panels: [
          {
            id: 1,
            type: 'timeseries',
            title,
            gridPos: { x: 0, y: 0, w: 12, h: 8 },
            targets: [{ refId: 'A', expr }],
            description: expr,
          },
        ],
        templating: { list: [{ name, type: 'query', query: expr, current: { value: title } }] },
      }),
    ),
    // Deep values where rules walk: datasource refs, target fields, variable queries, panel options. Written as
    // text: JSON.stringify itself cannot write 200 000 levels.
    fc
      .tuple(deep, fc.constantFrom('datasource', 'target', 'variable', 'options', 'panels'))
      .map(([{ depth, kind, leaf }, where]) => {
        const value = nestedText(depth, kind, JSON.stringify(leaf));
        const target = where === 'target' ? `{"refId":"A","expr":"up","x":${value}}` : '{"refId":"A","expr":"up"}';
        const panel = `{"id":1,"type":"timeseries","title":"t","gridPos":{"x":0,"y":0,"w":12,"h":8},"targets":[${target}]${where === 'datasource' ? `,"datasource":${value}` : ''}${where === 'options' ? `,"options":${value}` : ''}}`;
        const panels = where === 'panels' ? nestedText(depth, 'array', panel) : `[${panel}]`;
        const templating =
          where === 'variable' ? `,"templating":{"list":[{"name":"v","type":"query","query":${value}}]}` : '';
        return `{"uid":"deep","title":"deep","schemaVersion":41,"panels":${panels}${templating}}`;
      }),
    // Many panels, stacked (every one overlaps) or laid out.
    manyPanels.map((panels) => JSON.stringify({ uid: 'many', title: 'many', schemaVersion: 41, panels })),
    // Raw deep brackets (also unbalanced), and truncated JSON.
    fc.integer({ min: 1, max: scale.depth }).map((n) => `{"panels":${'['.repeat(n)}${']'.repeat(Math.max(0, n - 1))}}`),
    fc.tuple(dashboardLike, fc.nat()).map(([d, cut]) => {
      const text = JSON.stringify(d);
      return text.slice(0, cut % (text.length + 1));
    }),
  );
}

const metricsCatalog = parseExposition('http_requests_total{code="200",handler="/"} 1\nup 1\n', 'fuzz.prom').catalog;

/** Arbitrary JSON (also hostile and deep) as Prometheus would send it. */
function apiBody(scale: FuzzScale): fc.Arbitrary<string> {
  const s = hostileString(scale);
  const value = fc.oneof(fc.jsonValue({ maxDepth: 4 }), s);
  const deepText = fc.integer({ min: 1, max: scale.depth }).map((n) => nestedText(n, 'array', '1'));
  return fc.oneof(
    fc
      .tuple(fc.constantFrom('success', 'error', 'ok', 1), value, value)
      .map(([status, data, error]) => JSON.stringify({ status, data, error, errorType: error })),
    fc
      .tuple(fc.constantFrom('matrix', 'vector', 'scalar', 'string', 'x'), value)
      .map(([resultType, result]) => JSON.stringify({ status: 'success', data: { resultType, result } })),
    deepText.map((t) => `{"status":"success","data":${t}}`),
    deepText.map((t) => `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":${t}}]}}`),
    deepText.map((t) => `{"status":"error","error":${t}}`),
    fc
      .tuple(
        fc.constantFrom('matrix', 'vector'),
        fc.array(
          fc.record(
            {
              metric: fc.oneof(fc.dictionary(s, s, { maxKeys: 3 }), value),
              value: value,
              values: fc.oneof(value, fc.array(fc.tuple(fc.double(), s), { maxLength: 3 })),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
      )
      .map(([resultType, result]) => JSON.stringify({ status: 'success', data: { resultType, result } })),
    s,
  );
}

/** One thing the fuzzer drives: inputs and a check that throws when a promise is broken. */
export interface FuzzTarget<T = unknown> {
  readonly name: string;
  readonly input: fc.Arbitrary<T>;
  readonly run: (input: T) => void;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: what must never reach a terminal
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function fail(message: string): never {
  throw new Error(message);
}

export function fuzzTargets(scale: FuzzScale): FuzzTarget[] {
  const s = hostileString(scale);
  const lint: FuzzTarget<string[]> = {
    name: 'lint: malformed, deep, large and hostile dashboards',
    input: fc.array(hostileDashboardText(scale), { minLength: 1, maxLength: 2 }),
    run(texts) {
      const result = lintFiles(
        texts.map((text, i) => ({ file: `f${i}.json`, text })),
        { catalog: metricsCatalog },
      );
      for (const d of result.diagnostics) if (/ crashed: /.test(d.message)) fail(`${d.rule}: ${d.message}`);
      const report = escapeTerminal(
        `${formatDiagnostics(result.diagnostics)}${summaryLine(result.diagnostics, result.files)}\n`,
      );
      if (ACTIVE.test(report)) fail('the lint report holds a terminal control character');
    },
  };
  const names: FuzzTarget<string[]> = {
    name: 'writer: hostile output paths are refused before writing, never thrown',
    input: fc.array(
      fc.tuple(s, s).map(([folder, uid]) => `dashboards/${folder}/${uid}.json`),
      { minLength: 1, maxLength: 6 },
    ),
    run(paths) {
      const problems = outputNameProblems(paths, (p) => `provisioning/${p}`);
      const bad = new Set(problems.map((p) => p.file));
      for (const p of paths) {
        const parts = p.split('/');
        const escapes = parts.some((x) => x === '..' || x === '.' || x === '') || p.includes('\u0000');
        if (escapes && !bad.has(`provisioning/${p}`))
          fail(`path ${JSON.stringify(p)} would leave the output folder but was accepted`);
      }
      planWrites(
        paths.map((path) => ({ path, contents: '{}\n' })),
        { files: new Map() },
        { outLabel: 'provisioning' },
      );
    },
  };
  const prometheus: FuzzTarget<string> = {
    name: 'verify: any answer becomes data or a clear error',
    input: apiBody(scale),
    run(text) {
      const answer = parseApiBody('/api/v1/query', 200, text);
      const results = answer.ok
        ? [queryResultOf('/q', answer.data), stringListOf('/l', answer.data), seriesOf('/s', answer.data)]
        : [answer];
      for (const r of results) {
        if (!r.ok) {
          if (r.error.includes('[object Object]')) fail(`error says [object Object]: ${r.error}`);
          if (r.error.length > 2_000) fail(`error of ${r.error.length} characters`);
        }
      }
    },
  };
  const secrets: FuzzTarget<[string, string]> = {
    name: 'secrets: redaction and datasource URL checks',
    input: fc.tuple(
      s,
      fc.oneof(
        fc.stringMatching(/^[0-9a-f]{8,24}$/),
        fc.stringMatching(/^[!$%()+,.:;=~0-9A-Za-z-]{8,24}$/).filter((x) => /\d/.test(x) && /[^\w]/.test(x)),
      ),
    ),
    run([text, secret]) {
      if (text.includes(secret) || secret.includes(text)) return; // the secret would be shown as ordinary text
      const out = redactSecrets(`${text} ${secret} ${encodeURIComponent(secret)}`, [secret]);
      if (out.includes(secret)) fail(`secret ${JSON.stringify(secret)} left in ${JSON.stringify(out.slice(0, 200))}`);
      for (const found of datasourceUrlSecrets(`http://u:${secret}@h/?access_token=${secret}&x=${text}`)) {
        if (found.message.split(text).join('').includes(secret)) fail(`datasource secret shown: ${found.message}`);
      }
    },
  };
  return [lint, names, prometheus, secrets] as FuzzTarget[];
}
