import { spawnSync } from 'node:child_process';

/** CI must run every test: there, a missing oracle is a failure, never a skip. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Whether an oracle (a tool, the shared model corpus) is available. Locally a missing one skips its tests with a loud
 * console message; with CI=true it throws, so the test file fails instead of passing by skipping.
 */
export function oracle(name: string, available: boolean, install: string): boolean {
  if (available) return true;
  const message = `${name} is missing (${install}): its tests are SKIPPED`;
  if (IN_CI) throw new Error(`[hlsforge tests] CI=true and ${message.replace('are SKIPPED', 'cannot run')}; a CI run must not pass by skipping`);
  console.warn(`\n[hlsforge tests] ${message}\n`);
  return false;
}

/** A program that answers `--version` (or `-V`). */
export const runs = (program: string, flag = '--version'): boolean => {
  const r = spawnSync(program, [flag], { stdio: 'ignore' });
  return !r.error && r.status === 0;
};

let cached: Record<string, boolean> = {};
/** g++, checked once per test file (and failing in CI when absent). */
export const hasGxx = (): boolean => (cached.gxx ??= oracle('g++', runs('g++'), 'apt-get install -y g++'));
export const hasVerilator = (): boolean => (cached.verilator ??= oracle('verilator', runs('verilator'), 'apt-get install -y verilator'));
export const hasYosys = (program = 'yosys'): boolean => (cached[program] ??= oracle(program, runs(program, '-V'), 'apt-get install -y yosys'));
export const resetOracleCache = (): void => void (cached = {});
