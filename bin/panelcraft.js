#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ (no build step after `npm ci`): tsx's loader is
// registered in-process, so dashboards and panelcraft share one module graph.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
