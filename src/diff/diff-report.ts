import type { JsonValue } from '../model/json.ts';

/** One field that differs; `before`/`after` are absent when the field is absent on that side. */
export interface ValueChange {
  /** Human name of the field, e.g. `unit`, `layout`, `options.tooltip`. */
  readonly field: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

/** A panel query (target) as the diff shows it. */
export interface QuerySnapshot {
  readonly refId: string;
  readonly expr?: string;
  readonly legendFormat?: string;
  /** `range`, `instant` or `range+instant`. */
  readonly mode: string;
  readonly hide: boolean;
}

export interface QueryChange {
  readonly kind: ChangeKind;
  /** refId on the after side (before side for removed queries). */
  readonly refId: string;
  readonly before?: QuerySnapshot;
  readonly after?: QuerySnapshot;
  /** Fields that differ, for `changed` (`expr`, `legendFormat`, `mode`, `hide`, `refId`, any other target key). */
  readonly changes: readonly ValueChange[];
}

/** A grid position `x,y w×h`. */
export interface GridBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PanelChange {
  readonly kind: ChangeKind;
  /** Title on the after side (before side for removed panels). */
  readonly title: string;
  /** Set when the panel was renamed. */
  readonly previousTitle?: string;
  readonly type: string;
  readonly gridPos?: GridBox;
  /** Non-query fields that differ (`changed` only). */
  readonly changes: readonly ValueChange[];
  readonly queries: readonly QueryChange[];
}

export interface VariableChange {
  readonly kind: ChangeKind;
  readonly name: string;
  readonly type: string;
  readonly changes: readonly ValueChange[];
}

export interface DashboardChange {
  readonly kind: ChangeKind;
  /** The identity the sets are keyed by: uid, or file path when the dashboard has none. */
  readonly key: string;
  readonly uid?: string;
  readonly title: string;
  /** File on the after side (before side for removed dashboards). */
  readonly file: string;
  /** Dashboard-level settings that differ (title, tags, refresh, time, links, …). */
  readonly settings: readonly ValueChange[];
  readonly panels: readonly PanelChange[];
  readonly variables: readonly VariableChange[];
}

/** What an alert or recording rule looks like on one side, for added, removed and changed rules. */
export interface RuleSnapshot {
  readonly expr?: string;
  readonly for?: string;
  /** Comparisons against number literals, e.g. `> 0.005` (alerts only). */
  readonly thresholds?: readonly string[];
  /** The group's evaluation interval, when it sets one. */
  readonly interval?: string;
}

/** One alerting or recording rule of the Prometheus rule files that differs. */
export interface RuleChange {
  readonly kind: ChangeKind;
  readonly ruleKind: 'alert' | 'record';
  readonly name: string;
  /** Group and file on the after side (before side for removed rules). */
  readonly group: string;
  readonly file: string;
  readonly severity?: string;
  /** Fields that differ, for `changed`: `expr`, `thresholds`, `for`, `keep_firing_for`, `interval`, `group`, `labels.<name>`, `annotations.<name>`. */
  readonly changes: readonly ValueChange[];
  readonly before?: RuleSnapshot;
  readonly after?: RuleSnapshot;
}

/** What changed between two sets of dashboards and rule files; unchanged dashboards and rules are not listed. */
export interface DiffReport {
  readonly dashboards: readonly DashboardChange[];
  /** Absent when no rule files were compared. */
  readonly rules?: readonly RuleChange[];
}
