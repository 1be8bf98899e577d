import { describe, expect, it } from 'vitest';
import {
  replaceVariableReferences,
  variableReferenceAt,
  variableReferences,
  wholeVariableReference,
} from '../../src/model/grafana-variable.ts';

describe('Grafana variable syntax', () => {
  it('finds every syntax with its name, format and field path', () => {
    expect(variableReferences('$job [[inst]] [[inst:csv]] ${a} ${a:regex} ${__field.labels.x} ${b.c:raw}')).toEqual([
      { name: 'job', text: '$job', index: 0 },
      { name: 'inst', text: '[[inst]]', index: 5 },
      { name: 'inst', text: '[[inst:csv]]', index: 14, format: 'csv' },
      { name: 'a', text: '${a}', index: 27 },
      { name: 'a', text: '${a:regex}', index: 32, format: 'regex' },
      { name: '__field', text: '${__field.labels.x}', index: 43, fieldPath: 'labels.x' },
      { name: 'b', text: '${b.c:raw}', index: 63, fieldPath: 'c', format: 'raw' },
    ]);
  });

  it('rejects what Grafana does not interpolate: an empty format, an empty field path, a format with "-"', () => {
    expect(variableReferences('${a:} ${a.} [[a:b-c]] $ {a}')).toEqual([]);
  });

  it('reads a reference at an offset and a whole-string reference', () => {
    expect(variableReferenceAt('x{job="$job"}', 7)).toEqual({ name: 'job', text: '$job', index: 7 });
    expect(variableReferenceAt('x{job="$job"}', 6)).toBeUndefined();
    expect(
      ['${ds}', '$ds', '[[ds]]', '${ds:text}', '$ds2x', 'pre$ds', '${ds}x'].map((t) => wholeVariableReference(t)?.name),
    ).toEqual(['ds', 'ds', 'ds', 'ds', 'ds2x', undefined, undefined]);
  });

  it('replaces references and keeps the text between them', () => {
    expect(replaceVariableReferences('a $x b ${y:csv} c', (r) => `<${r.name}${r.format ?? ''}>`)).toBe(
      'a <x> b <ycsv> c',
    );
    expect(replaceVariableReferences('no refs', () => 'never')).toBe('no refs');
  });
});
