#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx compiles on the fly), so `npm ci && npx hlsforge` needs no build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
