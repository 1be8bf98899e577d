import type { AlertTest } from '../alerts/alert-test.ts';
import type { AlertingRule, RuleGroup } from '../alerts/rule-types.ts';
import type { ResolvedPanel } from './render-prometheus-rules.ts';

/** One `alerts/**.ts` module, rendered. */
export interface RenderedRuleFile {
  /** The `.ts` source, relative to the root. */
  readonly source: string;
  readonly folder?: string;
  /** File name without extension (`go-service` of `alerts/go-services/go-service.ts`). */
  readonly name: string;
  readonly groups: readonly RuleGroup[];
  /** User-written tests of the file (`ruleFile(groups, tests)`). */
  readonly tests: readonly AlertTest[];
  /** Output path relative to the root, e.g. `prometheus/rules/go-services/go-service.yaml`. */
  readonly output: string;
  /** The Prometheus rule file (also rendered for the Grafana target: `test-alerts` runs promtool on it). */
  readonly prometheusYaml: string;
  readonly panels: ReadonlyMap<AlertingRule, ResolvedPanel>;
}
