/**
 * `node bin/run-ts.js bench/estimate.ts [--synth [--synth-only] [--only <name,…>] [--per-module]]`: the estimator and the sweep on the jet tagger.
 *   - estimate time (RTL netlist + HLS model) of the jet tagger
 *   - sweep: 5 precisions × 3 reuse factors on 10 000 inputs (must finish in under 30 s)
 *   - the calibration tables: today's estimate against the Yosys counts recorded in bench/yosys-jet-tagger.json (jet
 *     tagger at 16/8/6 bits, RF 1 and 4, pruned) and bench/yosys-small-cnn.json (a small CNN, RF 1 and 3, io_parallel
 *     and io_stream); the designs are tests/estimate/rtl/yosys-designs.ts
 *   - with --synth: Yosys synth_xilinx -family xcup -abc9 runs now on each design (`--only` picks some), one at a time,
 *     and each record is rewritten as its run finishes (minutes to over an hour each on a shared 2-core machine)
 * Figures are printed, never asserted (docs/estimation.md holds the measured tables).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from '../src/cli/summary.ts';
import { randomInputs } from '../src/data/random-inputs.ts';
import { emulate } from '../src/emulator/index.ts';
import { estimate } from '../src/estimate/index.ts';
import { estimateRtl } from '../src/estimate/rtl/estimate-rtl.ts';
import { inputLayers, sizeOf } from '../src/ir/graph.ts';
import { compile, writeProject } from '../src/pipeline.ts';
import { runSweep } from '../src/sweep/sweep.ts';
import { compareResources, formatPercent, synthesize } from '../src/synth/index.ts';
import { best } from './timing.ts';
import { recordFile, YOSYS_DESIGNS, type YosysRecord } from '../tests/estimate/rtl/yosys-designs.ts';

const MODEL = 'examples/jet_tagger/jet_tagger.onnx';
const CONFIG = 'examples/jet_tagger/config.yml';
const args = process.argv.slice(2);
/** --per-module: each module synthesized on its own, all cores at once (docs/estimation.md, "Per-module synthesis") */
const perModule = args.includes('--per-module');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;

const compileAt = (precision: string, reuse: number) =>
  compile({ model: MODEL, configFile: CONFIG, overrides: { precision, reuseFactor: reuse, strategy: reuse > 1 ? 'resource' : 'latency', backend: 'RTL' } });

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

const fail = (m: string): never => {
  throw new Error(m);
};
const readRecord = (r: YosysRecord) => {
  const f = recordFile(r);
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : { tool: 'Debian yosys 0.23, synth_xilinx -family xcup -abc9 (hlsforge synth)', results: {} };
};
/** in the order `--only` names them (the first to synthesize first) */
const designs = only ? only.map((n) => YOSYS_DESIGNS.find((d) => d.name === n) ?? fail(`no calibration design '${n}'`)) : YOSYS_DESIGNS;

if (args.includes('--synth')) {
  const work = mkdtempSync(join(tmpdir(), 'hlsforge-estimate-'));
  try {
    for (const d of designs) {
      const { graph, config } = d.build();
      const dir = join(work, d.name);
      const v = randomInputs(4, inputLayers(graph).reduce((n, l) => n + sizeOf(l.shape), 0), 1);
      await writeProject(graph, { ...config, outputDir: dir }, dir, { inputs: v.data, predictions: emulate(graph, v.data, v.batch).output, batch: v.batch });
      const s = await synthesize(dir, { perModule, jobs: availableParallelism(), onProgress: (m) => process.stderr.write(`\r${d.name}: ${m}      `) });
      process.stderr.write('\n');
      const { lut, ff, dsp, carry, bram } = s.resources;
      const record = readRecord(d.record);
      record.results[d.name] = { ...d.describe, lut, ff, dsp, carry, bram, mode: s.mode, seconds: Math.round(s.seconds), recorded: new Date().toISOString().slice(0, 10) };
      writeFileSync(recordFile(d.record), JSON.stringify(record, null, 2) + '\n');
      console.log(table(HEADER, [tableRow(d.name, compareResources(estimateRtl(graph, config).total, s.resources), s.seconds)]));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

for (const r of ['jet-tagger', 'small-cnn'] as const) {
  const recorded = readRecord(r);
  const rows = designs
    .filter((d) => d.record === r && recorded.results[d.name])
    .map((d) => {
      const { graph, config } = d.build();
      const y = recorded.results[d.name];
      return tableRow(`${d.name} (${y.recorded ?? recorded.recorded})`, compareResources(estimateRtl(graph, config).total, y), y.seconds);
    });
  console.log(`\ncalibration (${recorded.model}): estimate now vs the Yosys counts recorded in bench/yosys-${r}.json (${recorded.tool}); re-run Yosys with --synth`);
  console.log(table(HEADER, rows));
  const missing = designs.filter((d) => d.record === r && !recorded.results[d.name]).map((d) => d.name);
  if (missing.length) console.log(`not recorded on today's netlists: ${missing.join(', ')} (--synth --only ${missing.join(',')})`);
}
