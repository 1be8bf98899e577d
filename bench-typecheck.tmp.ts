import { buildProject } from './src/tooling/build-project.ts';
const typecheck = process.argv[2] === 'checked';
const t = performance.now();
const r = await buildProject({ root: process.cwd(), typecheck });
const ms = performance.now() - t;
console.log(JSON.stringify({ typecheck, ms: Math.round(ms), tc: Math.round(r.timings.typecheck), n: r.dashboards.length, errors: r.diagnostics.filter((d) => d.severity === 'error').length }));
