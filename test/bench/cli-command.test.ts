import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCommand } from '../../bench/installed-cli.ts';

describe('cliCommand', () => {
  it("runs the shipped CLI with its #! line's node flags, as npm's bin link does", () => {
    const bin = path.resolve('bin/panelcraft.js');
    expect(cliCommand(bin)).toEqual(['--max-semi-space-size=8', '--initial-old-space-size=128', bin]);
  });

  it('reads a plain `#!/usr/bin/env node` line as no flags, and refuses a script node does not run', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-cli-command-'));
    try {
      await writeFile(path.join(dir, 'plain.js'), '#!/usr/bin/env node\nconsole.log(1);\n');
      expect(cliCommand(path.join(dir, 'plain.js'))).toEqual([path.join(dir, 'plain.js')]);
      await writeFile(path.join(dir, 'sh.js'), '#!/bin/sh\necho 1\n');
      expect(() => cliCommand(path.join(dir, 'sh.js'))).toThrow('its #! line does not run node: #!/bin/sh');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
