import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { estimateRtl } from '../estimate/rtl/estimate-rtl.ts';
import type { Resources } from '../estimate/types.ts';
import { compile } from '../pipeline.ts';
import { compareResources, formatPercent, synthesize, YOSYS_TARGET } from '../synth/index.ts';
import { addModelOptions, endProgress, overridesFrom, positiveInteger, progress, type ModelFlags } from './options.ts';
import { table } from './summary.ts';

export function registerSynth(program: Command): void {
  addModelOptions(
    program
      .command('synth')
      .description('synthesize an RTL project with Yosys (synth_xilinx -family xcup -abc9) and report LUT, FF, DSP, CARRY, BRAM; with the model (and the options it was converted with), beside the estimate and its error')
      .argument('<rtl-project-dir>', 'a project written by hlsforge convert --backend RTL')
      .argument('[model]', 'the model the project was converted from (.onnx), to compare with the estimate; or give -c')
      .option('--per-module', 'synthesize each module on its own (out of context) and add them up: faster on large designs, with per-layer counts')
      .option('--jobs <n>', 'Yosys processes at a time with --per-module (default: the number of cores)', positiveInteger('--jobs', 1024), availableParallelism()),
  ).action(async (dir: string, model: string | undefined, f: ModelFlags & { perModule?: boolean; jobs: number }) => {
    const estimated = model !== undefined || f.config !== undefined ? estimateOf(model, f) : undefined;
    const r = await synthesize(dir, { onProgress: progress(f.json), perModule: f.perModule, jobs: f.jobs });
    endProgress(f.json);
    const comparison = estimated ? compareResources(estimated, r.resources) : undefined;
    if (f.json) {
      const modules = r.modules?.map((m) => ({ module: m.module, yosys: m.resources, instances: m.instances, seconds: m.seconds, log: m.log }));
      process.stdout.write(JSON.stringify({ project: r.project, top: r.top, mode: r.mode, seconds: r.seconds, log: r.log, cells: r.cells, yosys: r.resources, modules, estimate: estimated, comparison }, null, 2) + '\n');
      return;
    }
    const rows = comparison
      ? comparison.map((m) => [m.metric.toUpperCase(), m.yosys, round(m.estimate), formatPercent(m.errorPercent)])
      : Object.entries(r.resources).map(([k, v]) => [k.toUpperCase(), v]);
    process.stdout.write(
      `${r.project}: Yosys ${YOSYS_TARGET}${r.mode === 'flat' ? ' -flatten' : ', each module on its own'}, ${r.seconds.toFixed(0)} s (log${r.mode === 'flat' ? '' : 's'}: ${r.log})\n\n` +
        (r.modules ? table(['module', 'LUT', 'FF', 'DSP', 'CARRY', 'BRAM', 'seconds'], r.modules.map((m) => [m.module, m.resources.lut, m.resources.ff, m.resources.dsp, m.resources.carry, m.resources.bram, m.seconds.toFixed(0)])) + '\n\n' : '') +
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
