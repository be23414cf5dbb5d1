import { resolve } from 'node:path';
import { CATALOG } from '../diagnostics/catalog.ts';
import type { Command } from 'commander';
import { runRtlSim } from '../rtlsim/index.ts';
import { endProgress, progress } from './options.ts';

export function registerRtlSim(program: Command): void {
  program
    .command('rtl-sim')
    .description('build the generated Verilog with Verilator, stream the test vectors through it, and compare every output with the emulator exactly')
    .argument('<project-dir>', 'a project written by hlsforge convert with Backend: RTL')
    .option('-i, --inputs <file>', 'test vectors (.dat, .csv or .json) instead of tb_data/tb_input_features.dat')
    .option('--predictions <file>', 'the exact expected outputs for --inputs (e.g. from hlsforge predict)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (dir: string, f: { inputs?: string; predictions?: string; json?: boolean }) => {
      const r = await runRtlSim(dir, { inputs: f.inputs, predictions: f.predictions, onProgress: progress(f.json) });
      endProgress(f.json);
      if (f.json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      else {
        const check = (got: number, want: number) => (got === want ? 'as planned' : `PLANNED ${want}`);
        process.stdout.write(
          `RTL simulation: ${r.samples} samples, ${r.outputsCompared} outputs compared with the emulator, ${r.mismatches} differ\n` +
            `latency ${r.latencyCycles} cycles (${check(r.latencyCycles, r.expectedLatencyCycles)}), II ${r.ii} (${check(r.ii, r.expectedIi)})\n` +
            `build ${r.built ? `${r.buildSeconds.toFixed(1)} s` : 'cached'}, run ${r.runSeconds.toFixed(2)} s, ${Math.round(r.samplesPerSecond)} samples/s simulated\n` +
            (r.stalled
              ? `io_stream: the second run with random stalls (${r.stalled.inputGaps} input gaps, ${r.stalled.backPressureCycles} back-pressure cycles): ${r.stalled.mismatches} differ\n`
              : ''),
        );
        const differing = Object.entries(r.mismatchesByOutput).filter(([, n]) => n > 0);
        if (differing.length && Object.keys(r.mismatchesByOutput).length > 1)
          process.stdout.write(`differing outputs: ${differing.map(([name, n]) => `'${name}' ${n}`).join(', ')}\n`);
        for (const m of r.firstMismatches) process.stdout.write(`  mismatch: ${JSON.stringify(m)}\n`);
      }
      const timingOff = r.latencyCycles !== r.expectedLatencyCycles || r.ii !== r.expectedIi;
      if (r.outputsCompared === 0) process.stderr.write(`hlsforge: error[tool-failed]: ${resolve(dir)}: ${CATALOG['tool-failed']}: the RTL simulation must compare at least one output, not 0 (the project has no test vectors)\n`);
      if (r.mismatches > 0 || r.outputsCompared === 0 || timingOff) process.exitCode = 1;
    });
}
