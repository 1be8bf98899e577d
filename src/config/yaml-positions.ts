import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** 1-based line and column in the YAML text. */
export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Where the setting at a JSON pointer (`/datasource/url`, `/exclusions/0/rule`) is written in the YAML text: the
 * position of its key (of the item, in a list), or of the nearest parent that exists. Undefined for `''` and for
 * text that does not parse.
 */
export function yamlPositions(text: string): (pointer: string) => YamlPosition | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  if (doc.errors.length > 0) return () => undefined;
  const at = (offset: number): YamlPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (pointer) => {
    if (pointer === '') return undefined;
    const segments = pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = doc.contents;
    let found: YamlPosition | undefined;
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
        if (!pair) break;
        const key = pair.key as Node | null;
        if (key?.range) found = at(key.range[0]);
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) break;
        if (item.range) found = at(item.range[0]);
        node = item;
      } else break;
    }
    return found;
  };
}
