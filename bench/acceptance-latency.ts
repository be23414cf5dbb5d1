/**
 * `node bin/run-ts.js bench/acceptance-latency.ts [--only <name,…>]`: the latency column of issue 13's acceptance
 * table, measured. Each acceptance design (bench/acceptance.ts) is written as an RTL project with 500 random inputs and
 * the emulator's predictions, then `hlsforge rtl-sim` builds it with Verilator, compares every output bit and measures
 * latency and II; the figures go to bench/acceptance-latency.json (a few minutes per design).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInputs } from '../src/data/random-inputs.ts';
import { emulate } from '../src/emulator/index.ts';
import { inputLayers, sizeOf } from '../src/ir/graph.ts';
import { compile, writeProject } from '../src/pipeline.ts';
import { sharedPath } from '../tests/helpers/shared.ts';

const FILE = new URL('./acceptance-latency.json', import.meta.url);
const DESIGNS = [
  { name: 'jet-16b-rf1', model: 'models/onnx/three_layer_keras.onnx', precision: 'ap_fixed<16,6>' as string | undefined, dspCost: undefined as number | undefined },
  { name: 'qkeras-6b-rf1', model: 'models/QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx', precision: undefined, dspCost: undefined },
  // DspCost none: no DSP at all (the softmax products are LUT arrays)
  { name: 'qkeras-6b-rf1-nodsp', model: 'models/QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx', precision: undefined, dspCost: Infinity },
];

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const record = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : { tool: 'hlsforge rtl-sim (Verilator), 500 random inputs', results: {} };
for (const d of DESIGNS) {
  if (only && !only.includes(d.name)) continue;
  const compiled = compile({ model: sharedPath(d.model), overrides: { precision: d.precision, reuseFactor: 1, backend: 'RTL' } });
  const { graph } = compiled;
  const config = d.dspCost === undefined ? compiled.config : { ...compiled.config, dspCost: d.dspCost };
  const dir = mkdtempSync(join(tmpdir(), `hlsforge-latency-${d.name}-`));
  try {
    const width = inputLayers(graph).reduce((n, l) => n + sizeOf(l.shape), 0);
    const v = randomInputs(500, width, 7);
    await writeProject(graph, { ...config, outputDir: dir }, dir, { inputs: v.data, predictions: emulate(graph, v.data, v.batch).output, batch: v.batch });
    let out: string;
    try {
      out = execFileSync('nice', ['-n', '10', process.execPath, 'bin/hlsforge.js', 'rtl-sim', dir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? '');
    }
    const r = JSON.parse(out.slice(out.indexOf('{')));
    record.results[d.name] = { planned: r.expectedLatencyCycles, measured: r.latencyCycles, ii: r.ii, mismatches: r.mismatches, outputsCompared: r.outputsCompared, recorded: new Date().toISOString().slice(0, 10) };
    writeFileSync(FILE, JSON.stringify(record, null, 2) + '\n');
    console.log(`${d.name}: planned ${r.expectedLatencyCycles}, Verilator ${r.latencyCycles} cycles, II ${r.ii}, ${r.mismatches} mismatches of ${r.outputsCompared}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
