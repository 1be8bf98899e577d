/**
 * A number in plain machine form: shortest round-trip digits, `.` as the decimal mark, never an exponent
 * (`1e-7` → `0.0000001`), so every spreadsheet and parser reads it the same way.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`plainNumber: ${n} is not a finite number`);
  const text = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text === '-0' ? '0' : text;
  const [, sign, lead, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = `${lead}${frac}`;
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.padEnd(exp + 1, '0')}`;
}
