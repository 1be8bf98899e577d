import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { CATALOGS, LOCALES, text } from '../../src/i18n/locale.ts';

describe('i18n catalogs', () => {
  it('have exactly the same keys in every locale, none empty', () => {
    const keys = Object.keys(en).sort();
    for (const locale of LOCALES) {
      const catalog = CATALOGS[locale];
      expect(Object.keys(catalog).sort()).toEqual(keys);
      for (const key of keys) expect(catalog[key as keyof typeof en], `${locale} ${key}`).toMatch(/\S/);
    }
  });

  it('keep the same placeholders in every locale', () => {
    const placeholders = (s: string) => (s.match(/\{\{?[a-zA-Z]+\}\}?|\$[a-zA-Z]+/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(CATALOGS['zh-CN'][key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills {name} placeholders and leaves Grafana {{legend}} templates alone', () => {
    expect(text('en', 'moduleErrors.title', { label: 'module' })).toBe('Error rate by module');
    expect(text('zh-CN', 'moduleErrors.title', { label: 'module' })).toBe('按 module 的错误率');
    expect(text('en', 'memory.rss', { instance: 'x' })).toBe('RSS {{instance}}');
  });
});
