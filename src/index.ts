// Public API of panelcraft: re-exports only.
export * from './conventions/index.ts';
/** Named PromQL queries (`queries.requestRate(ctx)`); a namespace because panels share their names. */
export * as queries from './queries/index.ts';
export {
  selector,
  escapeLabelValue,
  scopeMatchers,
  type Matcher,
  type Matchers,
  type QueryContext,
  type ScopeLabel,
} from './queries/index.ts';
export * from './panels/index.ts';
export * from './presets/index.ts';
export * from './alerts/index.ts';
export { LOCALES, type Locale } from './i18n/locale.ts';
