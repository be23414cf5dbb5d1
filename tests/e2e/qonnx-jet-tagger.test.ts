import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCsim } from '../../src/csim/index.ts';
import { mulberry32 } from '../../src/data/random-inputs.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import { convert } from '../../src/pipeline.ts';
import { verify } from '../../src/verify.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { compareLayers } from './qonnx-trace.ts';
import { tempDirForFile } from '../helpers/temp.ts';

// building the jet tagger's Verilator model takes minutes: CI runs it, a developer sets HLSFORGE_SLOW=1
const SLOW = !!(process.env.CI || process.env.HLSFORGE_SLOW);
if (!SLOW) console.warn('[hlsforge tests] QONNX jet tagger RTL verification SKIPPED: set HLSFORGE_SLOW=1 (CI runs it)');

const MODEL = sharedPath('models/QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx');
const work = tempDirForFile('qonnx-jets');
// The QONNX graph states weight, bias and activation types; the accumulators and the dense results (not quantized
// in the model: the last one feeds the softmax) must be wide enough to be exact: 16 products of 16-bit inputs and
// 6-bit weights, 15 fractional bits.
const CONFIG = join(work, 'config.yml');
writeFileSync(
  CONFIG,
  `OnnxModel: ${MODEL}
ProjectName: qonnx_jets
HLSConfig:
  Model: { Precision: 'ap_fixed<16,6>', ReuseFactor: 1 }
  LayerType:
    Dense: { Precision: { accum: 'ap_fixed<40,20>', result: 'ap_fixed<40,20>' } }
`,
);

/** 1000 samples of 16 features ~ N(0, 1.5²), on the grid of the input type ap_fixed<16,6> (the model does not quantize its input) */
function inputs(batch: number): Float64Array {
  const rnd = mulberry32(2024);
  return Float64Array.from({ length: batch * 16 }, () => {
    const g = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()) * 1.5;
    return Math.max(-31, Math.min(31, Math.round(g * 1024) / 1024));
  });
}

describe.skipIf(!hasShared)('QONNX jet tagger (QONNX_model_zoo, QKeras 6-bit) imported exactly', () => {
  it('emulates every layer up to the softmax exactly like the float evaluation of the QONNX graph on 1000 inputs', () => {
    const { rows, float } = compareLayers(CONFIG, inputs(1000), 1000);
    const exact = rows.filter((r) => r.layer !== 'Softmax_0');
    expect(exact.map((r) => `${r.layer}=${r.qonnxLayer}`)).toEqual([
      'global_in=global_in', 'MatMul_0=MatMul_0', 'Relu_0=Quant_8', 'MatMul_1=MatMul_1', 'Relu_1=Quant_9',
      'MatMul_2=MatMul_2', 'Relu_2=Quant_10', 'MatMul_3=MatMul_3',
    ]);
    expect(exact.map((r) => [r.layer, r.mismatches])).toEqual(exact.map((r) => [r.layer, 0]));
    // the inputs exercise the quantizers: ties (where half-to-even matters) and saturation at 63/64
    const relu = ['Relu_0', 'Relu_1', 'Relu_2'].flatMap((n) => Array.from(float[n]));
    expect(relu.filter((v) => (v * 64) % 1 === 0.5).length).toBeGreaterThan(10);
    expect(relu.filter((v) => v > 63 / 64).length).toBeGreaterThan(10);
    const softmax = rows.find((r) => r.layer === 'Softmax_0')!;
    console.log(`QONNX jet tagger: softmax (lookup tables) max |error| vs exact softmax of the same logits: ${softmax.maxAbsError}`);
    expect(softmax.maxAbsError).toBeLessThan(0.05); // sanity only: the tables approximate exp and 1/x
  });

  it('stays exact with Precision: auto, where precision inference sizes the accumulators the model leaves open', () => {
    const auto = join(work, 'auto.yml');
    writeFileSync(auto, `OnnxModel: ${MODEL}\nProjectName: qonnx_auto\nHLSConfig:\n  Model: { Precision: auto }\n  LayerName:\n    global_in: { Precision: { result: 'ap_fixed<16,6>' } }\n`);
    const { rows, graph } = compareLayers(auto, inputs(1000), 1000);
    expect(rows.filter((r) => r.layer !== 'Softmax_0' && r.mismatches > 0)).toEqual([]);
    expect(rows.length).toBe(9);
    // the stated types survive inference: the quantizers' types on weights, biases and activations
    const relu = graph.layers.find((l) => l.name === 'Relu_1')!;
    expect(formatFixedType(relu.precision.result)).toBe('ap_ufixed<6,0,AP_RND_CONV,AP_SAT>');
  });

  it('converts and passes bit-exact C simulation on 1000 inputs', async () => {
    const outputDir = join(work, 'hls');
    const r = await convert({ configFile: CONFIG, overrides: { outputDir }, samples: 1000, seed: 5 });
    expect(new Set(r.emulation.output).size).toBeGreaterThan(20);
    const cs = await runCsim(outputDir, {});
    expect([cs.outputsCompared, cs.mismatches]).toEqual([5000, 0]);
  }, 120_000);

  it.skipIf(!hasVerilator || !SLOW)('verifies with 0 mismatches across emulator, C simulation and RTL simulation', async () => {
    const r = await verify({ configFile: CONFIG, samples: 200, seed: 6, workDir: join(work, 'verify') });
    expect(r.rows.map((row) => [row.backend, row.outputsCompared, row.mismatches])).toEqual([
      ['emulator', 1000, 0],
      ['hls-csim', 1000, 0],
      ['rtl-sim', 1000, 0],
    ]);
    expect(r.ok).toBe(true);
  }, 400_000);
});
