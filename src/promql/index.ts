export { checkPromql, type PromqlProblem } from './check.ts';
export {
  expandMacros,
  toOriginalOffset,
  type Expansion,
  type ExpansionSegment,
  type ExpandOptions,
  type MacroContext,
} from './expand-macros.ts';
export { extractSelectors, type LabelMatcher, type MatchOperator, type VectorSelector } from './selectors.ts';
export { parsePromql, type ParseResult } from './parser.ts';
export { typeOf, typeCheck } from './type-check.ts';
export { walk, children, type Expr } from './ast.ts';
export { PROMQL_FUNCTIONS, type PromqlFunction } from './functions.ts';
export { isCounterName, isGaugeName } from './metric-kind.ts';
export { checkRe2, type Re2Verdict } from './re2.ts';
export type { ValueType } from './value-type.ts';
