import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { verify } from '../verify.ts';
import { addModelOptions, MAX_SAMPLES, nonNegativeInteger, positiveInteger, endProgress, overridesFrom, progress, type ModelFlags } from './options.ts';
import { table } from './summary.ts';
import { onInterrupt } from '../util/interrupt.ts';

export function registerVerify(program: Command): void {
  addModelOptions(
    program
      .command('verify')
      .description('run the emulator, the HLS C simulation and the RTL simulation on the same inputs and compare every output bit for bit')
      .argument('[model]', 'model file (.onnx, Keras .json/.h5/.keras); defaults to the model in the config'),
  )
    .option('-i, --input <file>', 'input vectors (.dat, .csv, .json); default: random, seeded')
    .option('-n, --samples <n>', 'number of random inputs', positiveInteger('--samples', MAX_SAMPLES), 1000)
    .option('--force', 'with -o: replace existing hls/ and rtl/ folders even if they hold files hlsforge did not write')
    .option('--seed <n>', 'seed of the random inputs', nonNegativeInteger('--seed'), 1)
    .option('-o, --output <dir>', 'keep the generated projects here (hls/ and rtl/); default: a temporary folder, removed')
    .action(async (model: string | undefined, f: ModelFlags & { input?: string; samples: number; seed: number }) => {
      const workDir = f.output ? resolve(f.output) : mkdtempSync(join(tmpdir(), 'hlsforge-verify-'));
      const undo = f.output ? () => {} : onInterrupt(() => rmSync(workDir, { recursive: true, force: true }));
      try {
        const r = await verify({ model, configFile: f.config, overrides: overridesFrom(f, false), input: f.input, samples: f.samples, seed: f.seed, workDir, force: f.force, onProgress: progress(f.json) });
        endProgress(f.json);
        if (f.json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
        else {
          const rows = r.rows.map((row) => [
            row.backend,
            row.outputsCompared,
            row.backend === 'emulator' ? '(reference)' : row.mismatches,
            row.latencyCycles === undefined ? '' : `${row.latencyCycles} cycles (predicted ${row.expectedLatencyCycles})`,
            row.ii === undefined ? '' : `${row.ii} (predicted ${row.expectedIi})`,
            `${row.seconds.toFixed(1)} s`,
          ]);
          process.stdout.write(`${r.project}: ${r.samples} samples\n${table(['backend', 'outputs', 'mismatches', 'latency', 'II', 'time'], rows)}\n`);
          process.stdout.write(r.ok ? 'verify: all implementations agree bit for bit\n' : 'verify: FAILED — implementations disagree (see mismatches)\n');
        }
        if (!r.ok) process.exitCode = 1;
      } finally {
        if (!f.output) rmSync(workDir, { recursive: true, force: true });
        undo();
      }
    });
}
