import { isJsonObject } from '../../../model/json.ts';
import { parsePrometheusDuration as parseDuration } from '../../../model/prometheus-duration.ts';
import type { Finding } from '../../../model/diagnostic.ts';
import type { RuleFileRule } from '../rule-file-rule.ts';
import { ruleEntries } from '../rule-file-document.ts';

const SEVERITIES = ['critical', 'warning', 'info'];
const TEMPLATED = /\{\{-?\s*(\$labels|\$value|\$externalLabels|\.Labels|\.Value)/;

function alerts(doc: Parameters<RuleFileRule['check']>[0]) {
  return ruleEntries(doc).filter((e) => e.kind === 'alert');
}

/** mixtool: alert names in CamelCase (`GoServiceDown`), so they read the same in every receiver. */
export const alertNameCamelcase: RuleFileRule = {
  id: 'alert-name-camelcase',
  description: 'alert names must be CamelCase',
  defaultSeverity: 'error',
  check(doc) {
    return alerts(doc)
      .filter((e) => !/^[A-Z][a-zA-Z0-9]*$/.test(e.name))
      .map(
        (e): Finding => ({
          pointer: `${e.pointer}/alert`,
          message: `alert ${e.name}: name is not CamelCase`,
          fix: `rename it, e.g. ${camel(e.name)}`,
        }),
      );
  },
};

/** mixtool: every alert has a `severity` label, one of critical, warning, info (routing depends on it). */
export const alertSeverity: RuleFileRule = {
  id: 'alert-severity',
  description: 'alerts must have a severity label: critical, warning or info',
  defaultSeverity: 'error',
  check(doc) {
    return alerts(doc).flatMap((e): Finding[] => {
      const severity = isJsonObject(e.rule.labels) ? e.rule.labels.severity : undefined;
      if (typeof severity === 'string' && SEVERITIES.includes(severity)) return [];
      return [
        {
          pointer: `${e.pointer}/labels`,
          message: `alert ${e.name}: ${severity === undefined ? 'has no severity label' : `severity ${JSON.stringify(severity)} is not one of ${SEVERITIES.join(', ')}`}`,
          fix: 'set severity: critical (pages), warning (ticket) or info',
        },
      ];
    });
  },
};

/** mixtool: `summary` and `description` present, and templated, so the page says which job or instance and how bad. */
export const alertAnnotations: RuleFileRule = {
  id: 'alert-annotations',
  description: 'alerts must have summary and description annotations that use $labels or $value',
  defaultSeverity: 'error',
  check(doc) {
    return alerts(doc).flatMap((e): Finding[] => {
      const annotations = isJsonObject(e.rule.annotations) ? e.rule.annotations : {};
      return (['summary', 'description'] as const).flatMap((key): Finding[] => {
        const value = annotations[key];
        if (typeof value !== 'string' || value.trim() === '') {
          return [
            {
              pointer: `${e.pointer}/annotations`,
              message: `alert ${e.name}: no ${key} annotation`,
              fix: `add a ${key} that names what is wrong, e.g. '{{ $labels.job }} …'`,
            },
          ];
        }
        if (!TEMPLATED.test(value)) {
          return [
            {
              pointer: `${e.pointer}/annotations/${key}`,
              message: `alert ${e.name}: ${key} ${JSON.stringify(value.slice(0, 60))} uses no template`,
              fix: 'say which target and how bad with {{ $labels.<label> }} and {{ $value }}',
            },
          ];
        }
        return [];
      });
    });
  },
};

/** mixtool: alerts that do not page wait (`for`) before firing, so a blip does not open a ticket. */
export const alertFor: RuleFileRule = {
  id: 'alert-for',
  description: 'non-page alerts (severity other than critical) must have a for duration',
  defaultSeverity: 'error',
  check(doc) {
    return alerts(doc).flatMap((e): Finding[] => {
      const severity = isJsonObject(e.rule.labels) ? e.rule.labels.severity : undefined;
      if (severity === 'critical') return [];
      const waited = typeof e.rule.for === 'string' ? parseDuration(e.rule.for) : undefined;
      if (waited !== undefined && 'ms' in waited && waited.ms > 0) return [];
      return [
        {
          pointer: `${e.pointer}/for`,
          message: `alert ${e.name}: severity ${JSON.stringify(severity ?? null)} but no \`for\`; it fires on the first evaluation`,
          fix: 'add for: 5m (or longer), or make it a page with severity: critical',
        },
      ];
    });
  },
};

function camel(name: string): string {
  return (
    name
      .split(/[^a-zA-Z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('') || 'AlertName'
  );
}
