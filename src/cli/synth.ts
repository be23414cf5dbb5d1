import type { Command } from 'commander';
import { estimateRtl } from '../estimate/rtl/estimate-rtl.ts';
import type { Resources } from '../estimate/types.ts';
import { compile } from '../pipeline.ts';
import { compareResources, formatPercent, synthesize } from '../synth/index.ts';
import { addModelOptions, endProgress, overridesFrom, progress, type ModelFlags } from './options.ts';
import { table } from './summary.ts';

export function registerSynth(program: Command): void {
  addModelOptions(
    program
      .command('synth')
      .description('synthesize an RTL project with Yosys (synth_xilinx -family xcup -abc9) and report LUT, FF, DSP, CARRY, BRAM; with the model (and the options it was converted with), beside the estimate and its error')
      .argument('<rtl-project-dir>', 'a project written by hlsforge convert --backend RTL')
      .argument('[model]', 'the model the project was converted from (.onnx), to compare with the estimate; or give -c'),
  ).action(async (dir: string, model: string | undefined, f: ModelFlags) => {
    const estimated = model !== undefined || f.config !== undefined ? estimateOf(model, f) : undefined;
    const r = await synthesize(dir, { onProgress: progress(f.json) });
    endProgress(f.json);
    const comparison = estimated ? compareResources(estimated, r.resources) : undefined;
    if (f.json) {
      process.stdout.write(JSON.stringify({ project: r.project, top: r.top, seconds: r.seconds, log: r.log, cells: r.cells, yosys: r.resources, estimate: estimated, comparison }, null, 2) + '\n');
      return;
    }
    const rows = comparison
      ? comparison.map((m) => [m.metric.toUpperCase(), m.yosys, round(m.estimate), formatPercent(m.errorPercent)])
      : Object.entries(r.resources).map(([k, v]) => [k.toUpperCase(), v]);
    process.stdout.write(
      `${r.project}: Yosys synth_xilinx -family xcup -abc9 -flatten, ${r.seconds.toFixed(0)} s (log: ${r.log})\n\n` +
        table(comparison ? ['resource', 'yosys', 'estimate', 'error'] : ['resource', 'yosys'], rows) +
        '\n' +
        (comparison ? '' : '\n(give the model or -c config, with the options it was converted with, to compare with the estimate)\n'),
    );
  });
}

function estimateOf(model: string | undefined, f: ModelFlags): Resources {
  const { config, graph } = compile({ model, configFile: f.config, overrides: { ...overridesFrom(f, false), backend: 'RTL' } });
  return estimateRtl(graph, config).total;
}

const round = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));
