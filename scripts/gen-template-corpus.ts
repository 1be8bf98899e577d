/**
 * Records promtool's verdict on every template of the alert-template corpus in
 * test/validate/template-corpus/verdicts.json (needs Debian's promtool 2.42: `apt-get install prometheus`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateCorpus } from '../test/validate/template-corpus/cases.ts';
import { promtoolVerdicts } from '../test/validate/template-corpus/promtool-verdicts.ts';

const templates = templateCorpus();
const verdicts = await promtoolVerdicts(templates);
const cases = templates.map((template, i) => ({ template, promtool: verdicts[i]! }));
const file = join(import.meta.dirname, '..', 'test', 'validate', 'template-corpus', 'verdicts.json');
writeFileSync(file, `${JSON.stringify(cases, null, 2)}\n`);
const invalid = cases.filter((c) => c.promtool !== 'valid').length;
console.log(`${cases.length} templates: ${cases.length - invalid} valid, ${invalid} invalid → ${file}`);
