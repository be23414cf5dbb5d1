import type { Command } from 'commander';
import { estimate, formatEstimate } from '../estimate/index.ts';
import { compile } from '../pipeline.ts';
import { addModelOptions, endProgress, overridesFrom, progress, type ModelFlags } from './options.ts';
import { deferInterrupts, yieldToSignals } from '../util/interrupt.ts';

export function registerEstimate(program: Command): void {
  addModelOptions(
    program
      .command('estimate')
      .description('pre-synthesis estimate of LUT, FF, DSP, BRAM, latency and II per layer, for the RTL backend (counted on its netlist) and the HLS backend (a model)')
      .argument('[model]', 'model file (.onnx, Keras .json/.h5/.keras); defaults to the model in the config'),
  ).action(async (model: string | undefined, f: ModelFlags) => {
    // a signal is handled between parsing and estimating: exit 130 with one `interrupted` line
    const release = deferInterrupts();
    let e: ReturnType<typeof estimate>, config: ReturnType<typeof compile>['config'];
    try {
      const say = progress(f.json);
      const c = compile({ model, configFile: f.config, overrides: overridesFrom(f, false), onStep: say });
      config = c.config;
      await yieldToSignals();
      say('estimate');
      e = estimate(c.graph, config);
      await yieldToSignals();
      endProgress(f.json);
    } finally {
      release();
    }
    if (f.json) process.stdout.write(JSON.stringify({ project: config.projectName, clockPeriod: config.clockPeriod, ...e }, null, 2) + '\n');
    else process.stdout.write(`${config.projectName}: estimate at ${config.clockPeriod} ns\n\n${formatEstimate(e)}`);
  });
}
