import type { Command } from 'commander';
import { compile, testVectors } from '../pipeline.ts';
import { emulate } from '../emulator/index.ts';
import { formatOf, formatVectors } from '../data/vectors.ts';
import { compareToFloat } from '../emulator/compare.ts';
import { addModelOptions, overridesFrom, type ModelFlags } from './options.ts';
import { table } from './summary.ts';
import { writeOutputFile } from '../util/write-output.ts';

export function registerPredict(program: Command): void {
  addModelOptions(
    program
      .command('predict')
      .description('run the bit-exact emulator (or --float) on input vectors; report overflows and the error against float')
      .argument('[model]', 'model file (.onnx); defaults to OnnxModel in the config'),
  )
    .requiredOption('-i, --input <file>', 'input vectors (.dat, .csv or .json)')
    .option('-o, --output <file>', 'write predictions here (.dat, .csv or .json by extension); default: stdout')
    .option('--float', 'floating-point evaluation instead of fixed point')
    .action((model: string | undefined, f: ModelFlags & { input: string; float?: boolean }) => {
      const { config, graph } = compile({ model, configFile: f.config, overrides: overridesFrom(f, false) });
      const v = testVectors(graph, config, { input: f.input });
      const fixed = emulate(graph, v.data, v.batch, { mode: f.float ? 'float' : 'fixed' });
      const outWidth = fixed.output.length / v.batch;
      const out = { data: fixed.output, batch: v.batch, width: outWidth };
      const error = f.float ? undefined : compareToFloat(fixed.output, emulate(graph, v.data, v.batch, { mode: 'float' }).output, outWidth);
      if (f.output) writeOutputFile(f.output, formatVectors(out, formatOf(f.output)), '--output');
      if (f.json) {
        const predictions = f.output ? undefined : Array.from({ length: v.batch }, (_, s) => Array.from(out.data.subarray(s * outWidth, (s + 1) * outWidth)));
        process.stdout.write(JSON.stringify({ mode: f.float ? 'float' : 'fixed', samples: v.batch, overflows: fixed.overflows, errorVsFloat: error, predictions }, null, 2) + '\n');
        return;
      }
      if (!f.output) process.stdout.write(formatVectors(out, 'dat'));
      const report = process.stderr;
      if (!f.float) {
        const rows = Object.entries(fixed.overflows).map(([name, n]) => [name, n]);
        report.write(`\noverflows per layer (${v.batch} samples):\n${table(['layer', 'overflows'], rows)}\n`);
        report.write(
          `error vs float: max |Δ| ${error!.maxAbs.toPrecision(4)}, mean |Δ| ${error!.meanAbs.toPrecision(4)}` +
            (error!.argmaxAgreement !== undefined ? `, argmax agreement ${(100 * error!.argmaxAgreement).toFixed(2)}%` : '') +
            '\n',
        );
      }
      if (f.output) report.write(`wrote ${v.batch} predictions to ${f.output}\n`);
    });
}
