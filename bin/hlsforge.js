#!/usr/bin/env node
// Runs the TypeScript CLI with no build step for the user (bin/load-cli.js bundles and caches it on first use).
// `--version` answers before loading anything.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(new URL('../src/version.ts', import.meta.url), 'utf8');
  process.stdout.write(`${/VERSION = '([^']+)'/.exec(source)[1]}\n`);
} else {
  const { loadCli } = await import('./load-cli.js');
  const { main } = await loadCli();
  process.exitCode = await main(process.argv);
}
