/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts the sequences that clear the screen or
 * rewrite lines, CR returns to the line start), DEL, C1 controls (U+0080–U+009F, CSI among them), the line and
 * paragraph separators and the bidirectional overrides that make text read differently than it is stored.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to escape
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to escape
const ACTIVE_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const asEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Output text with every active character written as `\u001b` (the JSON escape, so `--json` output stays valid JSON
 * with the same data); line feeds and tabs stay. The last guard on everything a command prints.
 */
export function escapeTerminal(text: string): string {
  return text.replace(ACTIVE, asEscape);
}

/** One value inside a line (a title, a path, a message): line breaks are escaped too, so it cannot fake a line. */
export function escapeField(text: string): string {
  return text.replace(ACTIVE_OR_BREAK, asEscape);
}
