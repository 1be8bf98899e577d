/**
 * A small XML well-formedness check (no XML parser is installed): one root element, tags nest and match,
 * attributes are quoted and unique, `&` only starts a known entity, no `<` in text or attribute values, only
 * characters XML 1.0 allows. Returns the problems found, `[]` when well-formed.
 */
export function checkWellFormedXml(xml: string): string[] {
  const errors: string[] = [];
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) errors.push('character not allowed in XML');
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const name = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
  const checkText = (text: string, where: string) => {
    if (text.includes('<')) errors.push(`"<" in ${where}`);
    for (const m of text.matchAll(/&([^;]*);?/g)) {
      if (!/^(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+)$/.test(m[1] ?? '') || !m[0].endsWith(';'))
        errors.push(`bad entity "${m[0]}" in ${where}`);
    }
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  while (i < xml.length && errors.length === 0) {
    const lt = xml.indexOf('<', i);
    const text = lt === -1 ? xml.slice(i) : xml.slice(i, lt);
    if (stack.length === 0 && text.trim() !== '') errors.push(`text outside the root: "${text.trim().slice(0, 20)}"`);
    checkText(text, 'text');
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) errors.push('unclosed comment');
      i = end + 3;
      continue;
    }
    const closing = xml[lt + 1] === '/';
    name.lastIndex = lt + (closing ? 2 : 1);
    const m = name.exec(xml);
    if (!m) {
      errors.push(`bad tag at ${lt}`);
      break;
    }
    let j = name.lastIndex;
    if (closing) {
      const gt = xml.indexOf('>', j);
      if (gt === -1 || xml.slice(j, gt).trim() !== '') errors.push(`bad closing tag </${m[0]}`);
      if (stack.pop() !== m[0]) errors.push(`</${m[0]}> does not close the open element`);
      i = gt + 1;
      continue;
    }
    const seen = new Set<string>();
    for (;;) {
      const rest = /\s*(\/?>|([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)'))/y;
      rest.lastIndex = j;
      const a = rest.exec(xml);
      if (!a) {
        errors.push(`bad attribute in <${m[0]}> at ${j}`);
        return errors;
      }
      j = rest.lastIndex;
      if (a[1] === '>' || a[1] === '/>') {
        if (a[1] === '>') stack.push(m[0]);
        else if (stack.length === 0) roots++;
        if (stack.length === 1 && a[1] === '>') roots++;
        break;
      }
      if (!/\s/.test(xml[rest.lastIndex - a[0].length] ?? ''))
        errors.push(`attributes of <${m[0]}> not separated by space`);
      if (seen.has(a[2]!)) errors.push(`duplicate attribute ${a[2]}`);
      seen.add(a[2]!);
      checkText(a[4] ?? a[5] ?? '', `attribute ${a[2]}`);
    }
    i = j;
  }
  if (stack.length) errors.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) errors.push(`expected one root element, found ${roots}`);
  return errors;
}
