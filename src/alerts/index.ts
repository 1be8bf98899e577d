export type {
  AlertCase,
  AlertingRule,
  AlertSeverity,
  PanelLink,
  RecordingRule,
  Rule,
  RuleFile,
  RuleGroup,
  TestSeries,
} from './rule-types.ts';
export { alertRule, type AlertRuleOptions } from './alert-rule.ts';
export { recordingRule } from './recording-rule.ts';
export { ruleGroup, type RuleGroupOptions } from './rule-group.ts';
export type { AlertPresetOptions } from './alert-preset-options.ts';
export {
  goServiceAlerts,
  type GoServiceAlertsOptions,
  type GoServiceAlertTiming,
  type GoServiceThresholds,
} from './go-service-alerts.ts';
export { goServiceSlo, type GoServiceSloOptions, type LatencyObjective, type SloObjectives } from './go-service-slo.ts';
export { PAGE_WINDOWS, TICKET_WINDOWS, burnFactor, type BurnWindow } from './burn-rate-windows.ts';
export { alertTest, type AlertTest } from './alert-test.ts';
export { ruleFile } from './rule-file.ts';
