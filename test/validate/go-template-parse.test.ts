import { describe, expect, it } from 'vitest';
import { lineColumn, parsePrometheusTemplate } from '../../src/validate/rule-files/prometheus-template.ts';

const v2 = (t: string) => parsePrometheusTemplate(t, 'A', [2, 42])?.message ?? 'valid';
const v3 = (t: string) => parsePrometheusTemplate(t, 'A', [3, 5])?.message ?? 'valid';

describe('Prometheus alert templates by Go version (no promtool 3.x here: Go 1.23 parse.go read instead)', () => {
  it('{{else with}} chains only inside with, from Go 1.23 (Prometheus 3.x)', () => {
    const elseWith = '{{ with $labels.a }}a{{ else with $labels.b }}b{{ end }}';
    expect(v2(elseWith)).toBe('unexpected <with> in else');
    expect(v3(elseWith)).toBe('valid');
    expect(v3('{{ if $labels.a }}a{{ else with $labels.b }}b{{ end }}')).toBe('unexpected <with> in input');
    expect(v3('{{ with $labels.a }}a{{ else if $labels.b }}b{{ end }}')).toBe('unexpected <if> in input');
    expect(v2('{{ with $labels.a }}a{{ else if $labels.b }}b{{ end }}')).toBe('unexpected <if> in input');
  });

  it('a define has its own variables, and a second non-empty definition of the alert template is an error', () => {
    expect(v3('{{ define "t" }}{{ $ }}{{ end }}')).toBe('valid');
    expect(v3('{{ define "t" }}{{ $value }}{{ end }}')).toBe('undefined variable "$value"');
    expect(v3('{{ define "__alert_A" }}x{{ end }}')).toBe('template: multiple definition of template "__alert_A"');
    expect(v3('{{ define "__alert_A" }} {{ end }}')).toBe('valid');
  });

  it('reports where: offsets become 1-based line and column in characters', () => {
    const text = '第一行\n{{ $valu }}';
    const error = parsePrometheusTemplate(text, 'A')!;
    expect(lineColumn(text, error.offset)).toEqual({ line: 2, column: 4 });
  });
});
