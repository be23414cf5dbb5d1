/**
 * `node bin/run-ts.js bench/estimate.ts [--synth [--synth-only] [--only <name,…>]]`: the estimator and the sweep on the jet tagger.
 *   - estimate time (RTL netlist + HLS model) of the jet tagger
 *   - sweep: 5 precisions × 3 reuse factors on 10 000 inputs (must finish in under 30 s)
 *   - the calibration table: today's estimate against the Yosys counts recorded in bench/yosys-jet-tagger.json
 *   - the same for a small CNN (a conv layer, pooling, dense) against bench/yosys-small-cnn.json
 *   - with --synth: the same table with Yosys synth_xilinx -family xcup run now for each configuration
 *     (3 to 15 minutes of Yosys time each: the flattened jet tagger at 16 bits has ~4 000 multipliers)
 * Figures are printed, never asserted (docs/estimation.md holds the measured tables).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from '../src/cli/summary.ts';
import { randomInputs } from '../src/data/random-inputs.ts';
import { emulate } from '../src/emulator/index.ts';
import { estimate } from '../src/estimate/index.ts';
import { estimateRtl } from '../src/estimate/rtl/estimate-rtl.ts';
import type { Graph } from '../src/ir/graph.ts';
import type { LayerOf } from '../src/ir/layers.ts';
import { prunedWeights } from '../src/passes/prune-weights.ts';
import { compile, writeProject } from '../src/pipeline.ts';
import { runSweep } from '../src/sweep/sweep.ts';
import { compareResources, formatPercent, synthesize } from '../src/synth/index.ts';
import { best } from './timing.ts';
import { configFor } from '../tests/rtlsim/rtl-harness.ts';
import { smallCnn } from '../tests/rtlsim/conv-graphs.ts';

const MODEL = 'examples/jet_tagger/jet_tagger.onnx';
const CONFIG = 'examples/jet_tagger/config.yml';
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;

export const CALIBRATION = [
  { name: '16b-rf1', precision: 'ap_fixed<16,6>', reuse: 1 },
  { name: '16b-rf4', precision: 'ap_fixed<16,6>', reuse: 4 },
  { name: '8b-rf1', precision: 'ap_fixed<8,3>', reuse: 1 },
  { name: '8b-rf4', precision: 'ap_fixed<8,3>', reuse: 4 },
  { name: '6b-rf1', precision: 'ap_fixed<6,2>', reuse: 1 },
  { name: '6b-rf4', precision: 'ap_fixed<6,2>', reuse: 4 },
  { name: '8b-rf1-pruned70', precision: 'ap_fixed<8,3>', reuse: 1, sparsity: 0.7 },
] as const;

const compileAt = (precision: string, reuse: number) =>
  compile({ model: MODEL, configFile: CONFIG, overrides: { precision, reuseFactor: reuse, strategy: reuse > 1 ? 'resource' : 'latency', backend: 'RTL' } });

/** Zero the 70 % smallest weights of every dense layer (the prune-weights pass's rule), as a test-built graph. */
const prune = (g: Graph, sparsity: number): Graph => ({
  ...g,
  layers: g.layers.map((l) => (l.kind === 'dense' ? ({ ...l, weights: prunedWeights(l.weights, { sparsity }) } satisfies LayerOf<'dense'>) : l)),
});

if (!args.includes('--synth-only')) {
  const { config, graph } = compileAt('ap_fixed<16,6>', 1);
  console.log(`estimate jet tagger (RTL netlist + HLS model), best of 3: ${(best(3, () => estimate(graph, config)) * 1000).toFixed(0)} ms`);
  const x = randomInputs(10_000, 16, 5);
  const sweep = await runSweep({ model: MODEL, configFile: CONFIG, widths: [8, 10, 12, 14, 16], reuseFactors: [1, 2, 4], inputs: x.data, batch: x.batch });
  console.log(`sweep 5 precisions × 3 reuse factors on 10 000 inputs: ${sweep.seconds.toFixed(1)} s (${sweep.points.filter((p) => p.pareto).length} Pareto points)`);
}

const HEADER = ['config', ...['LUT', 'FF', 'DSP', 'CARRY', 'BRAM'].flatMap((m) => [`${m} est`, `${m} yosys`, 'err']), 'yosys s'];
const tableRow = (name: string, cmp: ReturnType<typeof compareResources>, seconds: number) => [
  name,
  ...cmp.flatMap((m) => [m.estimate, m.yosys, formatPercent(m.errorPercent)]),
  seconds.toFixed(0),
];

/** The estimate of one calibration configuration, on the graph the Yosys runs synthesized. */
function estimateOf(c: (typeof CALIBRATION)[number]) {
  const compiled = compileAt(c.precision, c.reuse);
  const g = 'sparsity' in c ? prune(compiled.graph, c.sparsity) : compiled.graph;
  return { ...compiled, graph: g, rtl: estimate(g, compiled.config).rtl! };
}

if (!args.includes('--synth')) {
  const recorded = JSON.parse(readFileSync(new URL('./yosys-jet-tagger.json', import.meta.url), 'utf8'));
  const rows = CALIBRATION.filter((c) => !only || only.includes(c.name)).map((c) => {
    const y = recorded.results[c.name];
    return tableRow(c.name, compareResources(estimateOf(c).rtl.total, y), y.seconds);
  });
  console.log(`\ncalibration: estimate now vs Yosys counts recorded ${recorded.recorded} (${recorded.tool}); re-run Yosys with --synth`);
  console.log(table(HEADER, rows));
}

if (!args.includes('--synth')) {
  const recorded = JSON.parse(readFileSync(new URL('./yosys-small-cnn.json', import.meta.url), 'utf8'));
  const rows = Object.entries(recorded.results as Record<string, { precision: string; reuse: number; seconds: number }>).map(([name, y]) => {
    const config = { ...configFor(), projectName: 'calib', backend: 'RTL' as const };
    return tableRow(name, compareResources(estimateRtl(smallCnn(y.precision, y.reuse), config).total, y as never), y.seconds);
  });
  console.log(`\nconv layer calibration (${recorded.model}): estimate now vs Yosys counts recorded ${recorded.recorded}`);
  console.log(table(HEADER, rows));
}

if (args.includes('--synth')) {
  const work = mkdtempSync(join(tmpdir(), 'hlsforge-estimate-'));
  const rows: (string | number)[][] = [];
  try {
    for (const c of CALIBRATION) {
      if (only && !only.includes(c.name)) continue;
      const { graph: g, config, rtl: e } = estimateOf(c);
      const dir = join(work, c.name);
      const v = randomInputs(4, 16, 1);
      await writeProject(g, config, dir, { inputs: v.data, predictions: emulate(g, v.data, v.batch).output, batch: v.batch });
      const s = await synthesize(dir, { onProgress: (m) => process.stderr.write(`\r${c.name}: ${m}      `) });
      process.stderr.write('\n');
      const cmp = compareResources(e.total, s.resources);
      console.log(JSON.stringify({ config: c.name, comparison: cmp, cells: s.cells, seconds: s.seconds }));
      rows.push(tableRow(c.name, cmp, s.seconds));
    }
    console.log(table(HEADER, rows));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
