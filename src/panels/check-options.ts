import { LOCALES, type Locale } from '../i18n/locale.ts';

/**
 * Checks of options that TypeScript cannot enforce (numbers in a range) or that arrive from plain JavaScript or a
 * cast (`locale: 'zh'`). Each throws an error naming the panel or preset, the option, the bad value and what is
 * allowed, instead of failing later with a TypeError from deep inside.
 */
export function checkLocale(where: string, locale: unknown): Locale {
  if (locale === undefined) return 'en';
  if (typeof locale === 'string' && (LOCALES as readonly string[]).includes(locale)) return locale as Locale;
  throw new Error(`${where}: locale ${show(locale)} is not one of ${LOCALES.map((l) => `'${l}'`).join(', ')}`);
}

/** Percentiles as fractions: each strictly between 0 and 1, no repeats, at least one. */
export function checkQuantiles(where: string, quantiles: readonly number[]): readonly number[] {
  if (!Array.isArray(quantiles) || quantiles.length === 0) {
    throw new Error(
      `${where}: quantiles must be a non-empty list of fractions such as [0.5, 0.95, 0.99], got ${show(quantiles)}`,
    );
  }
  for (const q of quantiles) {
    if (typeof q !== 'number' || !Number.isFinite(q) || q <= 0 || q >= 1) {
      throw new Error(`${where}: quantile ${show(q)} must be a fraction between 0 and 1 exclusive (0.95 for P95)`);
    }
  }
  const repeated = quantiles.find((q, i) => quantiles.indexOf(q) !== i);
  if (repeated !== undefined) throw new Error(`${where}: quantile ${repeated} is listed twice`);
  return quantiles;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
