import { isJsonObject } from '../../../model/json.ts';
import type { Finding } from '../../../model/diagnostic.ts';
import type { RuleFileRule } from '../rule-file-rule.ts';
import { ruleEntries } from '../rule-file-document.ts';
import { lineColumn, parsePrometheusTemplate } from '../prometheus-template.ts';

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Labels and annotations of alerting rules are Go templates, and Prometheus refuses to load a rule file in which one
 * does not parse (rulefmt `testTemplateParsing`; `promtool check rules` says the same). Each is parsed as Prometheus
 * parses it; the finding names the alert, the field and the line and column in its value.
 */
export const alertTemplate: RuleFileRule = {
  id: 'alert-template',
  description: 'alert labels and annotations must parse as Prometheus templates (Go text/template)',
  defaultSeverity: 'error',
  check(doc, settings) {
    const findings: Finding[] = [];
    for (const entry of ruleEntries(doc)) {
      if (entry.kind !== 'alert') continue;
      for (const field of ['labels', 'annotations'] as const) {
        const values = entry.rule[field];
        if (!isJsonObject(values)) continue;
        for (const [key, value] of Object.entries(values)) {
          if (typeof value !== 'string') continue;
          const error = parsePrometheusTemplate(value, entry.name, settings.prometheusVersion);
          if (error === undefined) continue;
          const { line, column } = lineColumn(value, error.offset);
          const near = value.slice(Math.max(0, error.offset - 15), error.offset + 15).replace(/\s+/g, ' ');
          findings.push({
            pointer: `${entry.pointer}/${field}/${escapePointer(key)}`,
            message: `alert ${entry.name}: ${field === 'labels' ? 'label' : 'annotation'} ${JSON.stringify(key)} is not a valid template at ${line}:${column} (near ${JSON.stringify(near)}): ${error.message}`,
            fix: fixFor(error.message),
          });
        }
      }
    }
    return findings;
  },
};

function fixFor(message: string): string {
  if (/^function ".*" not defined$/.test(message))
    return 'use a function Prometheus templates have: humanize, humanize1024, humanizeDuration, humanizePercentage, humanizeTimestamp, printf, title, toUpper, toLower, reReplaceAll, match, query, first, label, value, … (https://prometheus.io/docs/prometheus/latest/configuration/template_reference/)';
  if (/^undefined variable/.test(message))
    return 'alert templates know $labels, $value, $externalLabels, $externalURL and $, plus variables declared earlier with :=';
  if (/unclosed|unexpected EOF|unterminated/.test(message))
    return 'close every action with }}, every quote and paren, and every {{if}}, {{range}}, {{with}}, {{define}} and {{block}} with {{end}}';
  return 'write it as Go text/template: {{ $labels.job }}, {{ $value | humanize }}, {{ if … }}…{{ end }}';
}
