import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './child-process.ts';

export type ExampleName = 'go-service' | 'otel-service' | 'gin-service';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

/**
 * Builds `examples/<name>` offline in GOPATH mode against Debian's Go packages, into `outDir`. Go's own build cache
 * makes repeated builds cheap; a private cache is used when the environment has none (no HOME in some CI shells).
 */
export async function buildGoExample(name: ExampleName, outDir: string): Promise<string> {
  const out = path.join(outDir, name);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH: '/usr/share/gocode',
    GOFLAGS: '',
    CGO_ENABLED: '0',
  };
  if (!env.GOCACHE && !env.HOME && !env.XDG_CACHE_HOME)
    env.GOCACHE = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-gocache-'));
  await run('go', ['build', '-o', out, '.'], { cwd: path.join(EXAMPLES, name), env });
  return out;
}
