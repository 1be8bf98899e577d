import type { KpiStatus } from './kpis.ts';

/** Colours of the threshold states, Grafana's green / yellow / red as hex, grey without a threshold. */
export const STATUS_COLORS: Readonly<Record<KpiStatus, string>> = {
  ok: '#1a7f37',
  warn: '#b58900',
  bad: '#c62828',
  none: '#57606a',
  'no-data': '#8c959f',
};
