import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { fixedType } from '../../src/fixed/index.ts';
import { loadOnnx } from '../../src/frontends/onnx/index.ts';
import { verify } from '../../src/verify.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { expandQuant } from './qonnx-expand.ts';
import { compareLayers } from './qonnx-trace.ts';

// verify compiles a 784-input dense layer with g++ and Verilator: minutes; CI runs it, a developer sets HLSFORGE_SLOW=1
const SLOW = !!(process.env.CI || process.env.HLSFORGE_SLOW);
if (!SLOW) console.warn('[hlsforge tests] FINN TFC verify SKIPPED: set HLSFORGE_SLOW=1 (CI runs it)');

const MODEL = sharedPath('models/QONNX_model_zoo/models/MNIST/Brevitas_FINN_TFC/TFC/TFC_2W2A.onnx');
const work = mkdtempSync(join(tmpdir(), 'hlsforge-qonnx-tfc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The model states the 2-bit weights and activations; precision inference sizes accumulators and results; the input
// is 8-bit pixels in [0, 1); the batchnorm constants (γ/σ, β − μγ/σ, from float BatchNormalization, Sub/Div/Mul/Add)
// are not powers of two, so they get 36 fractional bits.
const CONFIG = join(work, 'config.yml');
writeFileSync(
  CONFIG,
  `OnnxModel: ${MODEL}
ProjectName: tfc
HLSConfig:
  Model: { Precision: auto }
  LayerName:
    '0': { Precision: { result: 'ap_ufixed<8,0>' } }
  LayerType:
    BatchNormalization: { Precision: { scale: 'ap_fixed<48,12>', bias: 'ap_fixed<48,12>' } }
    Dense: { Precision: { bias: 'ap_fixed<40,8>' } }
`,
);

/** MNIST-like pixels: batch × 784 values k/256 */
const pixels = (batch: number, seed: number) => Float64Array.from({ length: batch * 784 }, (_, i) => ((i * 7919 + seed * 104729) % 256) / 256);

describe.skipIf(!hasShared)('FINN TFC_2W2A (QONNX_model_zoo, Brevitas): shape subgraph, input scaling, transposed weights', () => {
  it('translates to input → reshape → scale → bias … → dense → Sub/Div/Mul/Add, shapes folded from Shape/Gather/Unsqueeze/Concat', () => {
    const g = loadOnnx(MODEL, { defaultPrecision: fixedType(16, 6) });
    expect(g.layers.slice(0, 5).map((l) => [l.name, l.kind, l.shape])).toEqual([
      ['0', 'input', [1, 28, 28]],
      ['Reshape_5', 'reshape', [784]],
      ['Mul_7', 'batchnorm', [784]],
      ['Sub_9', 'batchnorm', [784]],
      ['Quant_13', 'quant', [784]],
    ]);
    expect(g.layers.filter((l) => l.kind === 'dense').map((l) => l.kind === 'dense' && [l.nIn, l.nOut])).toEqual([[784, 64], [64, 64], [64, 64], [64, 10]]);
  });

  it('evaluates in float what onnxruntime computes on the model with its Quant nodes expanded into standard ops (1e-5)', async () => {
    const g = loadOnnx(MODEL, { defaultPrecision: fixedType(16, 6) });
    const batch = 200;
    const x = Float64Array.from(pixels(batch, 1), Math.fround);
    const ours = emulate(g, x, batch, { mode: 'float' }).output;
    const session = await ort.InferenceSession.create(expandQuant(readFileSync(MODEL)));
    let worst = 0;
    for (let s = 0; s < batch; s++) {
      const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', Float32Array.from(x.subarray(s * 784, (s + 1) * 784)), [1, 1, 28, 28]) };
      const y = (await session.run(feeds))[session.outputNames[0]].data as Float32Array;
      for (let j = 0; j < 10; j++) worst = Math.max(worst, Math.abs(y[j] - ours[s * 10 + j]) / Math.max(1, Math.abs(ours[s * 10 + j])));
    }
    console.log(`TFC_2W2A: float evaluation vs onnxruntime (Quant expanded), worst relative error ${worst.toExponential(2)} on ${batch} inputs`);
    expect(worst).toBeLessThan(1e-5);
    expect(new Set(ours).size).toBeGreaterThan(20); // 2-bit activations and weights: few distinct logits, not a constant
  });

  it('emulates every layer up to the last dense exactly like the float evaluation of the QONNX graph on 1000 inputs', () => {
    const { rows } = compareLayers(CONFIG, pixels(1000, 2), 1000);
    const affine = ['Div_60', 'Mul_61', 'Add_62'];
    const exact = rows.filter((r) => !affine.includes(r.layer));
    expect(exact.map((r) => `${r.layer}=${r.qonnxLayer}`)).toEqual([
      '0=0', 'Reshape_5=Reshape_5', 'Mul_7=Mul_7', 'Sub_9=Quant_13', 'MatMul_20=MatMul_20', 'BatchNormalization_21=Quant_25',
      'MatMul_32=MatMul_32', 'BatchNormalization_33=Quant_37', 'MatMul_44=MatMul_44', 'BatchNormalization_45=Quant_49', 'MatMul_56=MatMul_56',
    ]);
    expect(exact.filter((r) => r.mismatches > 0)).toEqual([]);
    // the final float affine map (x − μ)/σ·γ + β with constants quantized to 36 fractional bits
    for (const r of rows.filter((r) => affine.includes(r.layer))) expect(r.maxAbsError).toBeLessThan(1e-9);
  });

  it.skipIf(!SLOW || !hasVerilator)('passes hlsforge verify: emulator = C simulation = RTL simulation on 200 inputs, with the planned latency', async () => {
    const r = await verify({ configFile: CONFIG, samples: 200, seed: 4, workDir: join(work, 'verify') });
    expect(r.rows.map((row) => [row.backend, row.outputsCompared, row.mismatches])).toEqual([['emulator', 2000, 0], ['hls-csim', 2000, 0], ['rtl-sim', 2000, 0]]);
    expect(r.rows[2].latencyCycles).toBe(r.rows[2].expectedLatencyCycles);
    expect(r.ok).toBe(true);
  }, 1_800_000);
});
