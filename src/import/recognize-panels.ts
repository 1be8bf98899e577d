import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import { clientGolang, gin, otel } from '../conventions/index.ts';
import type { Convention } from '../conventions/convention.ts';
import { arrayAt, isJsonObject, type JsonObject } from '../model/json.ts';
import * as panels from '../panels/index.ts';
import type { PanelOptions } from '../panels/panel-options.ts';

/** A panel whose queries are exactly what a panelcraft panel function writes for a convention. */
export interface RecognizedPanel {
  /** The panel function (`requestRate`) and, for KPI cards, its kind. */
  readonly fn: string;
  readonly kpi?: string;
  /** The convention factory (`clientGolang`). */
  readonly convention: string;
  /** The call, as code: `requestRate({ convention: clientGolang() })`. */
  readonly call: string;
}

const CONVENTIONS: readonly (readonly [string, () => Convention])[] = [
  ['clientGolang', clientGolang],
  ['otel', otel],
  ['gin', gin],
];

/** The panel functions a dashboard is made of, each called with nothing but a convention. */
const FUNCTIONS: readonly (readonly [string, (o: PanelOptions) => Builder<unknown>])[] = [
  ['availability', panels.availability],
  ['availabilityRatio', panels.availabilityRatio],
  ['requestRate', panels.requestRate],
  ['errorRate', panels.errorRate],
  ['latency', panels.latency],
  ['routeMatrixTable', panels.routeMatrixTable],
  ['goroutines', panels.goroutines],
  ['goroutineHeatmap', panels.goroutineHeatmap],
  ['handleLeak', panels.handleLeak],
  ['fdUsage', panels.fdUsage],
  ['fdHeatmap', panels.fdHeatmap],
  ['memory', panels.memory],
  ['gcFrequency', panels.gcFrequency],
  ['gcPause', panels.gcPause],
  ['inFlightRequests', panels.inFlightRequests],
  ['cpu', panels.cpu],
  ['moduleErrors', panels.moduleErrors],
];

/**
 * Recognizes panels by what they query: the panel type and the exact set of PromQL expressions each panelcraft
 * panel function writes for each convention (with the default job/instance scope). Built once per import run.
 */
export function panelRecognizer(): (panel: JsonObject) => RecognizedPanel | undefined {
  const bySignature = new Map<string, { title: unknown; recognized: RecognizedPanel }[]>();
  const add = (built: unknown, recognized: RecognizedPanel) => {
    if (!isJsonObject(built)) return;
    const key = signature(built);
    if (key !== undefined) bySignature.set(key, [...(bySignature.get(key) ?? []), { title: built.title, recognized }]);
  };
  for (const [convention, make] of CONVENTIONS) {
    const options = { convention: make() };
    for (const [fn, build] of FUNCTIONS) {
      try {
        add(JSON.parse(JSON.stringify(build(options).build())), {
          fn,
          convention,
          call: `${fn}({ convention: ${convention}() })`,
        });
      } catch {
        // A panel the convention cannot draw (no histogram for a quantile) has no queries to recognize.
      }
    }
    for (const kpi of panels.KPI_KINDS) {
      try {
        const built = panels.kpiStat({ ...options, kpi }).build();
        add(JSON.parse(JSON.stringify(built)), {
          fn: 'kpiStat',
          kpi,
          convention,
          call: `kpiStat({ convention: ${convention}(), kpi: '${kpi}' })`,
        });
      } catch {
        // as above
      }
    }
  }
  // Two functions can write the same queries (the availability card and availabilityRatio): the title decides.
  return (panel) => {
    const key = signature(panel);
    const candidates = key === undefined ? [] : (bySignature.get(key) ?? []);
    return (candidates.find((c) => c.title === panel.title) ?? candidates[0])?.recognized;
  };
}

/** `type` and the sorted expressions of a panel's targets; `undefined` for a panel without queries. */
function signature(panel: JsonObject): string | undefined {
  const exprs = arrayAt(panel, 'targets')
    .filter(isJsonObject)
    .map((t) => (typeof t.expr === 'string' ? t.expr.replace(/\s+/g, ' ').trim() : ''))
    .filter((e) => e !== '')
    .sort();
  return exprs.length === 0 ? undefined : JSON.stringify([panel.type, exprs]);
}
