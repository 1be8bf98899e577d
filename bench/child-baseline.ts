// Bare foundation SDK: build every dashboard in one process and write its JSON, nothing else.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDashboard, folderOf } from './synthetic.ts';

const [outDir, countArg] = process.argv.slice(2);
const count = Number(countArg);
const t0 = performance.now();
for (let i = 0; i < count; i++) {
  const dir = path.join(outDir!, folderOf(i));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `svc-${i}.json`), JSON.stringify(buildDashboard(i).build(), null, 2));
}
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
