import { DEFAULT_PROMETHEUS, type PrometheusVersion } from '../../model/prometheus-version.ts';
import { GO_BUILTIN_FUNCTIONS, parseGoTemplate, type GoTemplateError } from './go-template-parse.ts';

/**
 * The functions Prometheus adds to alert templates (template/template.go `NewTemplateExpander`): the same list in
 * 2.42 (checked one by one against promtool 2.42) and in the 3.x sources. `tmpl` exists only in console templates.
 */
export const PROMETHEUS_TEMPLATE_FUNCTIONS: readonly string[] = [
  'query',
  'first',
  'label',
  'value',
  'strvalue',
  'args',
  'reReplaceAll',
  'safeHtml',
  'match',
  'title',
  'toUpper',
  'toLower',
  'graphLink',
  'tableLink',
  'sortByLabel',
  'stripPort',
  'stripDomain',
  'humanize',
  'humanize1024',
  'humanizeDuration',
  'humanizePercentage',
  'humanizeTimestamp',
  'toTime',
  'pathPrefix',
  'externalURL',
  'parseDuration',
];

/** What rulefmt's `testTemplateParsing` declares before each label and annotation of an alerting rule. */
export const PROMETHEUS_TEMPLATE_VARIABLES: readonly string[] = [
  '$labels',
  '$externalLabels',
  '$externalURL',
  '$value',
];

const FUNCTIONS = new Set([...GO_BUILTIN_FUNCTIONS, ...PROMETHEUS_TEMPLATE_FUNCTIONS]);

/**
 * Parses a label or annotation value of alert `alert` as Prometheus does when it loads a rule file (and as
 * `promtool check rules` does): Go's text/template with Prometheus's functions and variables. Prometheus 2.x is
 * built with Go ≤ 1.22 (Debian's 2.42 with 1.19), 3.x with Go ≥ 1.23, which added `{{else with …}}`.
 */
export function parsePrometheusTemplate(
  text: string,
  alert: string,
  version: PrometheusVersion = DEFAULT_PROMETHEUS,
): GoTemplateError | undefined {
  return parseGoTemplate(text, {
    functions: FUNCTIONS,
    variables: PROMETHEUS_TEMPLATE_VARIABLES,
    elseWith: version[0] >= 3,
    name: `__alert_${alert}`,
  });
}

/** 1-based line and column (in characters) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}
