import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { leftBehind, sampleTree } from '../../bench/tree-sampler.ts';

// A parent node process that starts a child holding 200 MB resident and prints the child's pid once it is ready.
const PARENT = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['-e', "globalThis.b = Buffer.alloc(200 * 1024 * 1024, 1); process.stdout.write('ready'); setInterval(() => {}, 1000)"], { stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.once('data', () => process.stdout.write(String(child.pid)));
setInterval(() => {}, 1000);
`;

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
});

async function startTree() {
  const parent = spawn(process.execPath, ['-e', PARENT], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(parent.pid!);
  const [data] = (await once(parent.stdout, 'data')) as [Buffer];
  const childPid = Number(data.toString());
  started.push(childPid);
  return { parent, childPid };
}

describe('sampleTree on real processes', () => {
  it("counts a child's memory in the tree's sum, which GNU time's largest-process number would not add up", async () => {
    const { parent, childPid } = await startTree();
    const sampling = sampleTree(parent.pid!, { includeRoot: true }).stop();
    expect([...sampling.met.keys()]).toEqual([parent.pid, childPid]);
    expect(sampling.maxProcessRssMb).toBeGreaterThan(200);
    expect(sampling.peakRssMb).toBeGreaterThan(sampling.maxProcessRssMb + 20); // + the parent node's own RSS
  });

  it('leaves the root out when asked', async () => {
    const { parent, childPid } = await startTree();
    expect([...sampleTree(parent.pid!, { includeRoot: false }).stop().met.keys()]).toEqual([childPid]);
  });

  it('names a child that outlives its exited parent, and nothing once it is gone', async () => {
    const { parent, childPid } = await startTree();
    const { met } = sampleTree(parent.pid!, { includeRoot: false }).stop();
    parent.kill('SIGKILL');
    await once(parent, 'exit');
    expect(await leftBehind(met, 0)).toEqual([`${childPid} (node)`]);
    process.kill(childPid, 'SIGKILL');
    expect(await leftBehind(met, 5000)).toEqual([]);
  });
});
