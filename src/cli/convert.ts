import type { Command } from 'commander';
import { convert } from '../pipeline.ts';
import { addModelOptions, MAX_SAMPLES, nonNegativeInteger, positiveInteger, endProgress, overridesFrom, progress, type ModelFlags } from './options.ts';
import { deferInterrupts } from '../util/interrupt.ts';
import { layerRows, layerTable, totalParameters } from './summary.ts';
import { formatPruneReport, trackPruning } from '../passes/prune-report.ts';
import { emulate } from '../emulator/index.ts';
import { warn } from '../diagnostics/warnings.ts';
import type { ConvertResult } from '../pipeline.ts';
import { compareToReference, formatReference, type ReferenceReport } from './reference.ts';

export function registerConvert(program: Command): void {
  addModelOptions(
    program
      .command('convert')
      .description('convert a model into a Vivado/Vitis HLS project (C++), with test vectors from the bit-exact emulator')
      .argument('[model]', 'model file (.onnx, Keras .json/.h5/.keras); defaults to the model in the config'),
  )
    .option('-o, --output <dir>', 'OutputDir')
    .option('-i, --input <file>', 'test vectors for tb_data (.dat, .csv, .json); default: random, seeded')
    .option('-n, --samples <n>', 'number of random test vectors', positiveInteger('--samples', MAX_SAMPLES), 1000)
    .option('--force', 'replace an existing output folder even if it holds files hlsforge did not write')
    .option('--seed <n>', 'seed of the random test vectors', nonNegativeInteger('--seed'), 1)
    .option('--reference <file>', 'reference outputs for the test vectors (hls4ml OutputPredictions; default: OutputPredictions in the config, with its InputData)')
    .option('--no-report', 'do not write report.html (the profiling page, docs/report.md) into the project')
    .action(async (model: string | undefined, f: ModelFlags & { input?: string; samples: number; seed: number; reference?: string; report: boolean }) => {
      const say = progress(f.json);
      const release = deferInterrupts();
      const passes: string[] = [];
      const pruning = trackPruning();
      const r = await convert({
        model,
        configFile: f.config,
        overrides: { ...overridesFrom(f, true), inputData: f.input },
        samples: f.samples,
        seed: f.seed,
        force: f.force,
        report: f.report,
        onStep: say,
        onPass: (p, g) => (passes.push(`${p.name}: ${p.description}`), pruning.onPass(p, g)),
      }).finally(release);
      const pruned = pruning.report(r.vectors.data, r.vectors.batch);
      const reference = referenceReport(r, f);
      endProgress(f.json);
      const rows = layerRows(r.graph, r.emulation.overflows);
      if (f.json) {
        const rtl = r.rtl && { latencyCycles: r.rtl.latencyCycles, ii: r.rtl.ii, latencyNs: r.rtl.latencyCycles * r.config.clockPeriod };
        process.stdout.write(JSON.stringify({ project: r.config.projectName, outputDir: r.config.outputDir, backend: r.config.backend, part: r.config.part, clockPeriod: r.config.clockPeriod, passes, layers: rows, testVectors: r.vectors.batch, rtl, pruning: pruned, reference }, null, 2) + '\n');
        return;
      }
      if (f.verbose) process.stdout.write(`passes:\n${passes.map((p, i) => `  ${i + 1}. ${p}`).join('\n')}\n\n`);
      process.stdout.write(`${layerTable(rows)}\n\n`);
      if (pruned) process.stdout.write(`${formatPruneReport(pruned)}\n\n`);
      if (reference) process.stdout.write(`${formatReference(reference)}\n`);
      const kind = r.config.backend === 'RTL' ? 'Verilog (RTL)' : `${r.config.backend} HLS`;
      process.stdout.write(
        `${r.config.projectName}: ${totalParameters(r.graph)} parameters, ${kind}, part ${r.config.part}, clock ${r.config.clockPeriod} ns\n` +
          (r.rtl ? `latency ${r.rtl.latencyCycles} cycles (${(r.rtl.latencyCycles * r.config.clockPeriod).toFixed(1)} ns), II ${r.rtl.ii}\n` : '') +
          `wrote ${r.config.outputDir} (tb_data: ${r.vectors.batch} test vectors with emulator predictions${f.report ? '; report.html: distributions, overflows, errors, estimate' : ''})\n` +
          `next: hlsforge ${r.rtl ? 'rtl-sim' : 'csim'} ${r.config.outputDir}\n`,
      );
    });
}

/**
 * The emulator's fixed-point and float outputs on the test vectors against reference outputs: `--reference`, or the
 * config's OutputPredictions when the test vectors are its InputData (the two belong together).
 */
function referenceReport(r: ConvertResult, f: { input?: string; reference?: string }): ReferenceReport | undefined {
  const { config, graph, vectors } = r;
  let file = f.reference;
  if (!file && config.outputPredictions) {
    if (f.input === undefined && config.inputData) file = config.outputPredictions;
    else
      warn('reference-skipped', { file: config.file, key: 'OutputPredictions' }, f.input !== undefined
        ? `it holds the outputs for InputData, not for ${f.input}; pass --reference to compare`
        : 'it needs InputData (the inputs it was computed from); the test vectors are random');
  }
  if (!file) return undefined;
  const float = emulate(graph, vectors.data, vectors.batch, { mode: 'float' }).output;
  return compareToReference(file, { fixed: r.emulation.output, float, batch: vectors.batch, width: r.emulation.output.length / vectors.batch });
}
