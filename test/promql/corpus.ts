import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mutations } from './mutations.ts';

const DIR = join(import.meta.dirname, 'corpus');

/** Expressions of one corpus file, one per line. */
export function corpusFile(name: string): string[] {
  return readFileSync(join(DIR, `${name}.promql`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/** The whole differential corpus: every committed file plus mutations of the valid real-world ones. */
export function fullCorpus(): string[] {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.promql'))
    .sort()
    .map((f) => f.slice(0, -'.promql'.length));
  const committed = files.flatMap(corpusFile);
  const real = [...corpusFile('debian-rules'), ...corpusFile('handwritten')];
  return [...new Set([...committed, ...mutations(real)])];
}
