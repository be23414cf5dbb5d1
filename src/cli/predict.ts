import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { compile, testVectors } from '../pipeline.ts';
import { emulatePausing, type EmulationResult } from '../emulator/index.ts';
import { isQuantizerCast, splitOverflows } from '../emulator/saturation.ts';
import type { Graph } from '../ir/graph.ts';
import { formatOf, formatVectors } from '../data/vectors.ts';
import { compareToFloat } from '../emulator/compare.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { warn } from '../diagnostics/warnings.ts';
import type { ProjectConfig } from '../config/project-config.ts';
import { addModelOptions, endProgress, overridesFrom, progress, type ModelFlags } from './options.ts';
import { deferInterrupts, yieldToSignals } from '../util/interrupt.ts';
import { table } from './summary.ts';
import { compareToReference, formatReference } from './reference.ts';
import { tracedLayers } from './trace-selection.ts';
import { layerTraces, traceJson, writeTraceFolder } from './trace-writer.ts';

type PredictFlags = ModelFlags & { input?: string; float?: boolean; trace?: boolean; reference?: string };
import { writeOutputFile } from '../util/write-output.ts';

export function registerPredict(program: Command): void {
  addModelOptions(
    program
      .command('predict')
      .description('run the bit-exact emulator (or --float) on input vectors; report overflows, the error against float, and against reference outputs')
      .argument('[model]', 'model file (.onnx, Keras .json/.h5/.keras); defaults to the model in the config'),
  )
    .option('-i, --input <file>', 'input vectors (.dat, .csv or .json); default: InputData in the config')
    .option('-o, --output <path>', 'write predictions here (.dat, .csv or .json by extension); with --trace: the trace (.json file, or a folder); default: stdout')
    .option('--float', 'floating-point evaluation instead of fixed point')
    .option('--trace', 'write every layer\'s output, fixed point and float side by side (layers with Trace: true in the config, when any)')
    .option('--reference <file>', 'reference outputs to compare against (hls4ml OutputPredictions; default: OutputPredictions in the config when the inputs are its InputData)')
    .action(async (model: string | undefined, f: PredictFlags) => {
      // a signal is handled between the steps (exit 130, one `interrupted` line); output files are written atomically
      const release = deferInterrupts();
      try {
        await predict(model, f);
      } finally {
        release();
      }
    });
}

async function predict(model: string | undefined, f: PredictFlags): Promise<void> {
  const say = progress(f.json);
  const { config, graph } = compile({ model, configFile: f.config, overrides: overridesFrom(f, false), onStep: say });
  const input = f.input ?? config.inputData;
  if (!input) throw fail('config-bad-value', { file: config.file, key: 'InputData' }, 'must name the input vectors (or pass -i), not nothing');
  await yieldToSignals();
  const v = testVectors(graph, config, { input });
  const trace = !!f.trace;
  await yieldToSignals();
  say('emulate (fixed point)');
  const fixed = await emulatePausing(graph, v.data, v.batch, yieldToSignals, { mode: 'fixed', trace });
  await yieldToSignals();
  say('emulate (float)');
  const float = await emulatePausing(graph, v.data, v.batch, yieldToSignals, { mode: 'float', trace });
  await yieldToSignals();
  endProgress(f.json);
  const outWidth = fixed.output.length / v.batch;
  const out = { data: f.float ? float.output : fixed.output, batch: v.batch, width: outWidth };
  const error = f.float ? undefined : compareToFloat(fixed.output, float.output, outWidth);
  const refFile = referenceFile(f, config);
  const reference = refFile ? compareToReference(refFile, { fixed: fixed.output, float: float.output, batch: v.batch, width: outWidth }) : undefined;
  const traces = trace ? layerTraces(graph, tracedLayers(graph, config), fixed.trace!, float.trace!) : undefined;

  if (traces && f.output) {
    if (extname(f.output).toLowerCase() === '.json') writeOutputFile(f.output, JSON.stringify(traceJson(traces, v.batch)) + '\n', '--output');
    else writeTraceFolder(f.output, traces, v.batch);
  } else if (f.output) writeOutputFile(f.output, formatVectors(out, formatOf(f.output)), '--output');

  if (f.json) {
    const predictions = f.output ? undefined : Array.from({ length: v.batch }, (_, s) => Array.from(out.data.subarray(s * outWidth, (s + 1) * outWidth)));
    const traceField = traces ? (f.output ? resolve(f.output) : traceJson(traces, v.batch)) : undefined;
    const { overflows, saturation } = splitOverflows(graph, fixed);
    process.stdout.write(JSON.stringify({ mode: f.float ? 'float' : 'fixed', samples: v.batch, overflows, quantizerSaturation: saturation, errorVsFloat: error, reference, predictions, trace: traceField }, null, 2) + '\n');
    return;
  }
  if (!f.output) process.stdout.write(traces ? JSON.stringify(traceJson(traces, v.batch)) + '\n' : formatVectors(out, 'dat'));
  const report = process.stderr;
  if (!f.float) {
    report.write(`\n${overflowTable(graph, fixed, v.batch)}\n`);
    report.write(
      `error vs float${quantized(graph) ? ' (the model with its quantizers)' : ''}: max |Δ| ${error!.maxAbs.toPrecision(4)}, mean |Δ| ${error!.meanAbs.toPrecision(4)}` +
        (error!.argmaxAgreement !== undefined ? `, argmax agreement ${(100 * error!.argmaxAgreement).toFixed(2)}%` : '') +
        '\n',
    );
  }
  if (reference) report.write(formatReference(reference));
  if (traces && f.output) report.write(`wrote the outputs of ${traces.length} layers for ${v.batch} samples to ${f.output}\n`);
  else if (f.output) report.write(`wrote ${v.batch} predictions to ${f.output}\n`);
}

/** `--reference`, or the config's OutputPredictions when the inputs are the config's InputData (they belong together). */
function referenceFile(f: PredictFlags, config: ProjectConfig): string | undefined {
  if (f.reference) return resolve(f.reference);
  if (!config.outputPredictions) return undefined;
  if (f.input === undefined || resolve(f.input) === config.inputData) return config.outputPredictions;
  warn('reference-skipped', { file: config.file, key: 'OutputPredictions' }, `it holds the outputs for InputData, not for ${f.input}; pass --reference to compare`);
  return undefined;
}

const quantized = (graph: Graph): boolean => graph.layers.some((l) => l.quantizedAs);

/** Real overflows per layer; for a quantized model also the saturation its quantizers intend, apart. */
function overflowTable(graph: Graph, fixed: EmulationResult, batch: number): string {
  const { overflows, saturation } = splitOverflows(graph, fixed);
  if (!quantized(graph)) return `overflows per layer (${batch} samples):\n${table(['layer', 'overflows'], graph.layers.map((l) => [l.name, overflows[l.name]]))}`;
  const rows = graph.layers.map((l) => [l.name, overflows[l.name], isQuantizerCast(l) ? saturation[l.name] : '']);
  return `overflows per layer (${batch} samples; quantizer saturation is the model's own clipping, intended):\n${table(['layer', 'overflows', 'quantizer saturation'], rows)}`;
}
