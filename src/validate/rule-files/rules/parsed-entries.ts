import type { Expr } from '../../../promql/ast.ts';
import { parsePromql } from '../../../promql/parser.ts';
import { ruleEntries, type RuleEntry, type RuleFileDocument } from '../rule-file-document.ts';

/** Each parsable expression of the file with its syntax tree (the syntax rule reports the others). */
export function parsedEntries(doc: RuleFileDocument): { entry: RuleEntry; expr: string; ast: Expr }[] {
  return ruleEntries(doc).flatMap((entry) => {
    if (entry.expr === undefined) return [];
    const parsed = parsePromql(entry.expr);
    return parsed.expr === undefined || parsed.problems.length > 0
      ? []
      : [{ entry, expr: entry.expr, ast: parsed.expr }];
  });
}
