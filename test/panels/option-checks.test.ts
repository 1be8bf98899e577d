import { describe, expect, it } from 'vitest';
import {
  clientGolang,
  goServiceOverview,
  latency,
  requestRate,
  scopeVariables,
  teachingDemo,
} from '../../src/index.ts';
import type { Locale } from '../../src/i18n/locale.ts';

const convention = clientGolang();
const zh = 'zh' as Locale; // what plain JavaScript or a cast lets through

describe('presets and panels reject bad options by name', () => {
  it('locale names the option and the allowed values, never a TypeError', () => {
    expect(() => goServiceOverview({ convention, locale: zh })).toThrow(
      "goServiceOverview(): locale 'zh' is not one of 'en', 'zh-CN'",
    );
    expect(() => teachingDemo({ convention, locale: zh })).toThrow(
      "teachingDemo(): locale 'zh' is not one of 'en', 'zh-CN'",
    );
    expect(() => requestRate({ convention, locale: zh })).toThrow("locale 'zh' is not one of 'en', 'zh-CN'");
    expect(() => scopeVariables({ convention, locale: zh })).toThrow(
      "scopeVariables(): locale 'zh' is not one of 'en', 'zh-CN'",
    );
  });

  it('quantiles must be fractions, at least one, no repeats', () => {
    expect(() => latency({ convention, quantiles: [95] })).toThrow(
      'latency panel "Latency": quantile 95 must be a fraction between 0 and 1 exclusive (0.95 for P95)',
    );
    expect(() => latency({ convention, quantiles: [] })).toThrow('quantiles must be a non-empty list of fractions');
    expect(() => latency({ convention, quantiles: [0.5, 0.5] })).toThrow('quantile 0.5 is listed twice');
  });

  it('span names the panel and the allowed range', () => {
    expect(() => requestRate({ convention, span: 30 })).toThrow('span must be an integer 1-24, got 30');
  });
});

describe('titles follow the options', () => {
  it('latency({ quantiles: [0.5, 0.99] }) is titled P50 / P99', () => {
    expect(latency({ convention, quantiles: [0.5, 0.99] }).build().title).toBe('Latency P50 / P99');
    expect(latency({ convention, quantiles: [0.5, 0.99], locale: 'zh-CN' }).build().title).toBe('延迟 P50 / P99');
    expect(latency({ convention }).build().title).toBe('Latency P50 / P95 / P99');
  });

  it('scopeVariables defaults its locale to English', () => {
    expect(scopeVariables({ convention }).variables).toHaveLength(3);
  });
});
