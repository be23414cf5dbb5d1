/**
 * `node bin/run-ts.js bench/acceptance.ts [--synth [--only <name,…>] [--per-module]]`: issue 13's acceptance table. For the two jet
 * taggers of hls4ml's paper (Fahim et al. 2021: Vivado HLS, VU9P, 200 MHz): our RTL estimate now, our Yosys 0.23
 * synth_xilinx -family xcup -abc9 counts recorded in bench/yosys-acceptance.json, hls4ml's published figures, and the
 * ratio of LUT + 55·DSP. With --synth, Yosys runs again on each design (tens of minutes each on a shared machine) and
 * the record is updated. The latency column is the planned one, and the Verilator-measured one recorded by
 * bench/acceptance-latency.ts. Needs the shared model corpus (tests/helpers/shared.ts finds it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from '../src/cli/summary.ts';
import { randomInputs } from '../src/data/random-inputs.ts';
import { emulate } from '../src/emulator/index.ts';
import { estimateRtl } from '../src/estimate/rtl/estimate-rtl.ts';
import { inputLayers, sizeOf } from '../src/ir/graph.ts';
import { compile, writeProject } from '../src/pipeline.ts';
import { synthKey } from '../src/synth/cache.ts';
import { synthesize } from '../src/synth/index.ts';
import { synthInputs } from '../src/synth/job.ts';
import { sharedPath } from '../tests/helpers/shared.ts';

const FILE = new URL('./yosys-acceptance.json', import.meta.url);
/** Verilator-measured latencies (bench/acceptance-latency.ts) */
const LATENCY_FILE = new URL('./acceptance-latency.json', import.meta.url);
const measured: Record<string, { measured: number; planned: number; mismatches: number }> = existsSync(LATENCY_FILE) ? JSON.parse(readFileSync(LATENCY_FILE, 'utf8')).results : {};
const DSP_WEIGHT = 55;

/** hls4ml's published figures, as quoted in issue 13 */
const DESIGNS = [
  { name: 'jet-16b-rf1', model: 'models/onnx/three_layer_keras.onnx', precision: 'ap_fixed<16,6>' as string | undefined, dspCost: undefined as number | undefined, hls4ml: { lut: 89_200, dsp: 1852, ns: 50 } },
  { name: 'qkeras-6b-rf1', model: 'models/QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx', precision: undefined, dspCost: undefined, hls4ml: { lut: 63_300, dsp: 38, ns: 45 } },
  { name: 'qkeras-6b-rf1-nodsp', model: 'models/QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx', precision: undefined, dspCost: Infinity, hls4ml: { lut: 63_300, dsp: 38, ns: 45 } },
];

const args = process.argv.slice(2);
/** --per-module: each module synthesized on its own, all cores at once (docs/estimation.md, "Per-module synthesis") */
const perModule = args.includes('--per-module');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const score = (r: { lut: number; dsp: number }) => r.lut + DSP_WEIGHT * r.dsp;
const k = (n: number) => `${(n / 1000).toFixed(1)}k`;

function build(d: (typeof DESIGNS)[number]) {
  const { config, graph } = compile({ model: sharedPath(d.model), overrides: { precision: d.precision, reuseFactor: 1, backend: 'RTL' } });
  const c = { ...config, dspCost: d.dspCost };
  return { config: c, graph, estimate: estimateRtl(graph, c) };
}

const record = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : { tool: 'Debian yosys 0.23, synth_xilinx -family xcup -abc9 (hlsforge synth)', results: {} };
if (args.includes('--synth')) {
  const synthesized = new Map<string, string>();
  const work = mkdtempSync(join(tmpdir(), 'hlsforge-acceptance-'));
  try {
    for (const d of DESIGNS) {
      if (only && !only.includes(d.name)) continue;
      const { config, graph } = build(d);
      const dir = join(work, d.name);
      const width = inputLayers(graph).reduce((n, l) => n + sizeOf(l.shape), 0);
      const v = randomInputs(4, width, 1);
      await writeProject(graph, { ...config, outputDir: dir }, dir, { inputs: v.data, predictions: emulate(graph, v.data, v.batch).output, batch: v.batch });
      // a design whose Verilog equals one synthesized in this run (e.g. DspCost none when no product takes a DSP anyway):
      // the content hash of the synthesis cache, over what Yosys reads
      const verilog = synthKey(synthInputs(dir), '', '');
      const same = synthesized.get(verilog);
      if (same) {
        record.results[d.name] = { ...record.results[same], sameVerilogAs: same };
      } else {
        const s = await synthesize(dir, { perModule, jobs: availableParallelism(), onProgress: (m) => process.stderr.write(`\r${d.name}: ${m}      `) });
        const { lut, ff, dsp, carry } = s.resources;
        record.results[d.name] = { lut, ff, dsp, carry, mode: s.mode, seconds: Math.round(s.seconds), recorded: new Date().toISOString().slice(0, 10) };
        synthesized.set(verilog, d.name);
      }
      writeFileSync(FILE, JSON.stringify(record, null, 2) + '\n');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const rows = DESIGNS.map((d) => {
  const { estimate: e } = build(d);
  const y = record.results[d.name] as { lut: number; dsp: number } | undefined;
  const ours = y ?? e.total;
  return [
    d.name,
    `${k(e.total.lut)} + ${e.total.dsp} DSP = ${k(score(e.total))}`,
    y ? `${k(y.lut)} + ${y.dsp} DSP = ${k(score(y))}` : 'not recorded',
    `${e.latencyCycles} (${e.latencyNs} ns)${measured[d.name] ? `; Verilator ${measured[d.name].measured}` : ''}`,
    `${k(d.hls4ml.lut)} + ${d.hls4ml.dsp} DSP = ${k(score(d.hls4ml))}, ${d.hls4ml.ns} ns`,
    `${(score(ours) / score(d.hls4ml)).toFixed(2)}${y ? '' : ' (estimate)'}`,
  ];
});
console.log(`\nissue 13 acceptance: LUT + ${DSP_WEIGHT}·DSP, ours (RTL backend, 5 ns; Yosys: ${record.tool}) against hls4ml's published (Vivado HLS, VU9P, 200 MHz)`);
console.log(table(['design', 'ours: estimate', 'ours: Yosys (recorded)', 'latency cycles: planned; Verilator', 'hls4ml', 'ratio ours / hls4ml'], rows));
