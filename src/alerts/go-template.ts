/**
 * The part of Prometheus's alert templating panelcraft's own annotations use, rendered the way Prometheus does, so
 * generated promtool tests can state the exact annotations an alert fires with (promtool compares them verbatim):
 * `{{ $labels.x }}`, `{{ $value }}`, `{{ $value | humanize }}`, `{{ $value | humanizePercentage }}`. Anything else
 * throws, naming the action, rather than guessing.
 */
export function renderAlertTemplate(template: string, labels: Readonly<Record<string, string>>, value: number): string {
  return template.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (_, action: string) => {
    const label = /^\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(action);
    if (label) return labels[label[1]!] ?? '';
    const piped = /^\$value(?:\s*\|\s*(humanize|humanizePercentage))?$/.exec(action);
    if (!piped)
      throw new Error(
        `renderAlertTemplate(): cannot render {{ ${action} }}; use $labels.<name>, $value, humanize or humanizePercentage`,
      );
    if (piped[1] === 'humanize') return humanize(value);
    if (piped[1] === 'humanizePercentage') return `${goG(value * 100, 4)}%`;
    return goShortest(value);
  });
}

/** Prometheus's `humanize`: SI prefixes (k, M, … or m, u, …) and 4 significant digits. */
export function humanize(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return goG(value, 4);
  let v = value;
  let prefix = '';
  if (Math.abs(v) >= 1) {
    for (const p of ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y']) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
  } else {
    for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) {
      if (Math.abs(v) >= 1) break;
      prefix = p;
      v *= 1000;
    }
  }
  return `${goG(v, 4)}${prefix}`;
}

/** Go's `%.<precision>g`: exponent form when the exponent is < -4 or >= precision, trailing zeros dropped. */
export function goG(value: number, precision: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return '0';
  const [mantissa, exp] = value.toExponential(precision - 1).split('e') as [string, string];
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= precision)
    return `${stripZeros(mantissa)}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return stripZeros(value.toFixed(Math.max(0, precision - 1 - exponent)));
}

/** Go's `%v` of a float64: shortest representation, exponent form when the exponent is < -4 or >= 21. */
function goShortest(value: number): string {
  if (!Number.isFinite(value)) return goG(value, 1);
  const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -4 || exponent >= 6) {
    const [m, e] = value.toExponential().split('e') as [string, string];
    return `${m}e${Number(e) < 0 ? '-' : '+'}${String(Math.abs(Number(e))).padStart(2, '0')}`;
  }
  return String(value);
}

function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
