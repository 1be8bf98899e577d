/** A rule file every lint rule accepts. */
export const CLEAN_RULES = [
  'groups:',
  '  - name: api',
  '    rules:',
  '      - alert: ApiDown',
  '        expr: up{job="api"} == 0',
  '        for: 1m',
  '        labels:',
  '          severity: critical',
  '        annotations:',
  "          summary: '{{ $labels.instance }} is down'",
  "          description: 'up is {{ $value }} for {{ $labels.job }}'",
  '',
].join('\n');
