import * as units from '@grafana/grafana-foundation-sdk/units';

/** Every unit id the foundation SDK's `units` module names. */
const KNOWN_UNITS: ReadonlySet<string> = new Set(
  (Object.values(units) as unknown[]).filter((v): v is string => typeof v === 'string'),
);

/** Grafana's parameterised unit forms, e.g. `suffix: req`, `currency:€`, `time:YYYY-MM-DD`, `bool:on/off`. */
const DYNAMIC_PREFIXES = ['prefix:', 'suffix:', 'si:', 'count:', 'currency:', 'time:', 'bool:'] as const;

/** Whether Grafana formats values with `unit` as a unit (an unknown id is shown as a literal suffix instead). */
export function isGrafanaUnit(unit: string): boolean {
  return KNOWN_UNITS.has(unit) || DYNAMIC_PREFIXES.some((p) => unit.startsWith(p) && unit.length > p.length);
}

/** Known ids closest to a bad one, for "did you mean". */
export function knownUnitIds(): readonly string[] {
  return [...KNOWN_UNITS];
}
