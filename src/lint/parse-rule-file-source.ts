import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { JsonValue } from '../model/json.ts';
import { MAX_JSON_BYTES } from './parse-json-source.ts';

export type ParsedRuleFile =
  | {
      readonly ok: true;
      readonly value: JsonValue;
      /** 1-based line of the YAML node a JSON pointer (`/groups/0/rules/3/expr`) lands in, or of its nearest parent. */
      readonly lineOf: (pointer: string) => number | undefined;
    }
  | { readonly ok: false; readonly message: string; readonly fix: string };

/** Aliases a rule file may use; more is a billion-laughs attempt, not a rule file. */
const MAX_ALIASES = 100;

/**
 * Parses a Prometheus rule file (YAML) as Prometheus would read it: one document, plain data. Failures name the line
 * and column instead of throwing; sizes and alias expansion are bounded.
 */
export function parseRuleFileSource(text: string): ParsedRuleFile {
  if (text.length > MAX_JSON_BYTES) {
    return {
      ok: false,
      message: `file is ${text.length} bytes, more than the ${MAX_JSON_BYTES} lint reads`,
      fix: 'split the rules into several files',
    };
  }
  if (text.trim() === '')
    return { ok: false, message: 'file is empty', fix: 'write `groups: [{ name: …, rules: [...] }]`' };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const at = lines.linePos(error.pos[0]);
    return {
      ok: false,
      message: `file is not valid YAML at line ${at.line}, column ${at.col}: ${firstLine(error.message)}`,
      fix: 'fix the YAML syntax',
    };
  }
  let value: JsonValue;
  try {
    value = (doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? null) as JsonValue;
  } catch (err) {
    return {
      ok: false,
      message: `file cannot be read as plain data: ${firstLine(err instanceof Error ? err.message : String(err))}`,
      fix: 'remove anchors, aliases and tags that expand too much',
    };
  }
  return {
    ok: true,
    value,
    lineOf: (pointer) => {
      let node: unknown = doc.contents;
      let line = startLine(node, lines);
      for (const part of pointer
        .split('/')
        .slice(1)
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === part);
          if (!pair) break;
          node = pair.value;
          // A key's finding sits on the key's line, also when its value is a block that starts below it.
          line = startLine(pair.key, lines) ?? line;
        } else if (isSeq(node)) {
          node = node.items[Number(part)];
          if (node === undefined) break;
          line = startLine(node, lines) ?? line;
        } else break;
      }
      return line;
    },
  };
}

function startLine(node: unknown, lines: LineCounter): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? lines.linePos(range[0]).line : undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
