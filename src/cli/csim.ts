import { resolve } from 'node:path';
import { CATALOG } from '../diagnostics/catalog.ts';
import type { Command } from 'commander';
import { runCsim } from '../csim/index.ts';
import { endProgress, progress } from './options.ts';

export function registerCsim(program: Command): void {
  program
    .command('csim')
    .description('compile the generated HLS testbench with g++ against our ap_fixed headers, run it, and compare every output with the emulator')
    .argument('<project-dir>', 'a project written by hlsforge convert')
    .option('--json', 'machine-readable output on stdout')
    .action(async (dir: string, f: { json?: boolean }) => {
      const r = await runCsim(dir, { onProgress: progress(f.json) });
      endProgress(f.json);
      if (f.json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      else {
        process.stdout.write(
          `C simulation: ${r.samples} samples, ${r.outputsCompared} outputs compared with the emulator, ${r.mismatches} differ\n` +
            `compile ${r.compileSeconds.toFixed(1)} s, run ${r.runSeconds.toFixed(2)} s\n`,
        );
        for (const m of r.firstMismatches ?? []) process.stdout.write(`  mismatch: ${JSON.stringify(m)}\n`);
      }
      if (r.outputsCompared === 0) process.stderr.write(`hlsforge: error[tool-failed]: ${resolve(dir)}: ${CATALOG['tool-failed']}: the C simulation must compare at least one output, not 0 (the project has no test vectors)\n`);
      if (r.mismatches > 0 || r.outputsCompared === 0) process.exitCode = 1;
    });
}
