/** Escapes text so Markdown shows it literally (also inside a table cell). */
export function mdText(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#~&]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
  );
}

/** Inline code that survives backticks in the value and sits safely in a table cell. */
export function mdCode(text: string): string {
  const value = oneLine(text);
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value === '' ? ' ' : '';
  return `${fence}${pad}${value.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function mdCodeBlock(language: string, text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Escapes text for HTML (the `<summary>` line). */
export function htmlText(text: string): string {
  return oneLine(text).replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}
