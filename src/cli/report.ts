import { resolve } from 'node:path';
import type { Command } from 'commander';
import { compile, DEFAULT_SAMPLES, testVectors } from '../pipeline.ts';
import { checkEmulationBatch } from '../config/size-limits.ts';
import type { ProjectConfig } from '../config/project-config.ts';
import { warn } from '../diagnostics/warnings.ts';
import { buildReport } from '../report/build-report.ts';
import { reportHtml } from '../report/html.ts';
import { outputWidth, referenceComparer } from '../report/reference.ts';
import { readSweepFile } from '../report/sweep-file.ts';
import { writeOutputFile } from '../util/write-output.ts';
import { deferInterrupts, yieldToSignals } from '../util/interrupt.ts';
import { addModelOptions, endProgress, MAX_SAMPLES, nonNegativeInteger, overridesFrom, positiveInteger, progress, type ModelFlags } from './options.ts';

type ReportFlags = ModelFlags & { input?: string; samples: number; seed: number; reference?: string; sweep?: string };

export function registerReport(program: Command): void {
  addModelOptions(
    program
      .command('report')
      .description('one self-contained HTML page: weight and activation distributions against their types, overflows, error against float and reference, estimated resources and latency, and a sweep\'s Pareto plot')
      .argument('[model]', 'model file (.onnx, Keras .json/.h5/.keras); defaults to the model in the config'),
  )
    .option('-i, --input <file>', 'input vectors (.dat, .csv, .json); default: InputData in the config, else random, seeded')
    .option('-n, --samples <n>', 'number of random input vectors', positiveInteger('--samples', MAX_SAMPLES), DEFAULT_SAMPLES)
    .option('--seed <n>', 'seed of the random input vectors', nonNegativeInteger('--seed'), 1)
    .option('--reference <file>', 'reference outputs for the inputs (hls4ml OutputPredictions; default: OutputPredictions in the config with its InputData)')
    .option('--sweep <file>', 'the output of `hlsforge sweep --json`: adds the Pareto plot of error vs cost vs latency')
    .option('-o, --output <file>', 'the HTML page to write (default: report.html; with --json only when given)')
    .action(async (model: string | undefined, f: ReportFlags) => {
      const release = deferInterrupts();
      try {
        await report(model, f);
      } finally {
        release();
      }
    });
}

async function report(model: string | undefined, f: ReportFlags): Promise<void> {
  const say = progress(f.json);
  const sweep = f.sweep ? readSweepFile(f.sweep) : undefined;
  const { config, graph } = compile({ model, configFile: f.config, overrides: overridesFrom(f, false), onStep: say });
  const input = f.input ?? config.inputData;
  if (!input) checkEmulationBatch(graph, f.samples);
  const vectors = testVectors(graph, config, { input, samples: f.samples, seed: f.seed });
  if (input) checkEmulationBatch(graph, vectors.batch);
  const refFile = referenceFile(f, config);
  const reference = refFile ? referenceComparer(refFile, vectors.batch, outputWidth(graph)) : undefined;
  const data = await buildReport(graph, config, vectors, {
    inputs: input ? resolve(input) : `random (${vectors.batch} normal vectors, seed ${f.seed})`,
    reference,
    sweep,
    pause: yieldToSignals,
    onStep: say,
  });
  endProgress(f.json);
  const out = f.output ?? (f.json ? undefined : 'report.html');
  if (out) writeOutputFile(out, reportHtml(data), '--output');
  if (f.json) process.stdout.write(JSON.stringify(data, null, 2) + '\n');
  else process.stdout.write(`wrote ${out}: ${data.layers.length} layers, ${data.samples} samples${sweep ? `, ${sweep.points.length} sweep points` : ''}\n`);
}

/** `--reference`, or OutputPredictions when the inputs are the config's InputData (they belong together). */
function referenceFile(f: ReportFlags, config: ProjectConfig): string | undefined {
  if (f.reference) return resolve(f.reference);
  if (!config.outputPredictions) return undefined;
  if (config.inputData && (f.input === undefined || resolve(f.input) === config.inputData)) return config.outputPredictions;
  warn('reference-skipped', { file: config.file, key: 'OutputPredictions' }, f.input !== undefined ? `it holds the outputs for InputData, not for ${f.input}; pass --reference to compare` : 'it needs InputData (the inputs it was computed from); the inputs are random');
  return undefined;
}
