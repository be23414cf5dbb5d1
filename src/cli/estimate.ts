import type { Command } from 'commander';
import { estimate, formatEstimate } from '../estimate/index.ts';
import { compile } from '../pipeline.ts';
import { addModelOptions, overridesFrom, type ModelFlags } from './options.ts';

export function registerEstimate(program: Command): void {
  addModelOptions(
    program
      .command('estimate')
      .description('pre-synthesis estimate of LUT, FF, DSP, BRAM, latency and II per layer, for the RTL backend (counted on its netlist) and the HLS backend (a model)')
      .argument('[model]', 'model file (.onnx, Keras .json/.h5/.keras); defaults to the model in the config'),
  ).action((model: string | undefined, f: ModelFlags) => {
    const { config, graph } = compile({ model, configFile: f.config, overrides: overridesFrom(f, false) });
    const e = estimate(graph, config);
    if (f.json) process.stdout.write(JSON.stringify({ project: config.projectName, clockPeriod: config.clockPeriod, ...e }, null, 2) + '\n');
    else process.stdout.write(`${config.projectName}: estimate at ${config.clockPeriod} ns\n\n${formatEstimate(e)}`);
  });
}
