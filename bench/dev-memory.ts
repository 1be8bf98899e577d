// Memory of `panelcraft dev` over many reloads: saves one dashboard by rename (as vim and JetBrains do) N times,
// waits for each rebuild, and samples the process's RSS. Run: npx tsx bench/dev-memory.ts [reloads=1000]
import { tempProject } from '../test/support/temp-project.ts';
import { reloadLoop } from '../test/support/dev-reload-loop.ts';
import { sdkDashboardSource } from '../test/support/temp-project.ts';

const reloads = Number(process.argv[2] ?? 1000);
const project = await tempProject({ 'dashboards/demo/service.ts': sdkDashboardSource('Demo reload 0') });
try {
  const { rss, ms } = await reloadLoop(project.root, reloads);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const at = (i: number) => rss[Math.min(i, rss.length - 1)]!;
  console.log(`dev-memory: ${reloads} reloads in ${(ms / 1000).toFixed(1)} s (${(ms / reloads).toFixed(0)} ms each)`);
  for (const i of [0, 10, 50, 100, 250, 500, 750, 1000, reloads].filter(
    (i, k, a) => i <= reloads && a.indexOf(i) === k,
  ))
    console.log(`  RSS after ${String(i).padStart(5)} reloads: ${mb(at(i))}`);
  const tail = rss.slice(Math.floor(rss.length / 2));
  console.log(`  peak ${mb(Math.max(...rss))}; growth over the second half: ${mb(tail.at(-1)! - tail[0]!)}`);
} finally {
  await project.dispose();
}
