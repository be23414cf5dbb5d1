import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { fracBits, parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { parseQuantizer } from '../../../src/frontends/keras/qkeras/parse-quantizer.ts';
import { compile } from '../../../src/pipeline.ts';
import { tempDirForFile } from '../../helpers/temp.ts';
import { quantizedBits, quantizedPo2, quantizedRelu, roundEven } from './reference-mlp.ts';

const dir = tempDirForFile('keras');

/** Sequential: InputLayer [n] → QActivation(activation) */
function activationModel(name: string, activation: unknown, n: number): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({
    class_name: 'Sequential',
    config: { name, layers: [{ class_name: 'InputLayer', config: { name: 'x', batch_input_shape: [null, n] } }, { class_name: 'QActivation', config: { name: 'q', activation } }] },
  }));
  return file;
}

/** every value of ap_fixed<10,4> from −8 to 8: ties, saturation and both signs */
const GRID = Float64Array.from({ length: 1024 }, (_, i) => (i - 512) / 64);

const hardSigmoid = (x: number) => Math.min(1, Math.max(0, 0.5 * x + 0.5));
/** QKeras formulas in inference mode (quantizers.py), written independently of the frontend */
const FORMULAS: [string, unknown, (x: number) => number][] = [
  ['quantized_relu(4,1)', 'quantized_relu(4,1)', quantizedRelu(4, 1)],
  ['quantized_relu as a dict', { class_name: 'quantized_relu', config: { bits: 6, integer: 0 } }, quantizedRelu(6, 0)],
  ['quantized_bits(5,2)', 'quantized_bits(5,2)', quantizedBits(5, 2)],
  ['quantized_bits(4,0,1) (symmetric)', 'quantized_bits(4,0,1)', quantizedBits(4, 0, 1)],
  ['quantized_bits(6,2,keep_negative=False)', 'quantized_bits(6,2,keep_negative=False)', (x) => 4 * Math.min(63, Math.max(0, roundEven(x * 16))) / 64],
  ['quantized_tanh(4)', 'quantized_tanh(4)', (x) => Math.min(7 / 8, Math.max(-7 / 8, roundEven((2 * hardSigmoid(x) - 1) * 8) / 8))],
  ['quantized_sigmoid(4)', 'quantized_sigmoid(4)', (x) => Math.min(15 / 16, Math.max(1 / 16, roundEven(hardSigmoid(x) * 16) / 16))],
  ['binary()', 'binary()', (x) => (x >= 0 ? 1 : -1)],
  ['quantized_bits(1,0) (one signed bit)', 'quantized_bits(1,0)', (x) => (x >= 0 ? 1 : -1)],
];

describe('QKeras activation quantizers become exact fixed-point operations', () => {
  for (const [title, activation, f] of FORMULAS) {
    it(`${title}: the fixed-point emulation equals the QKeras formula on every ap_fixed<10,4> value`, () => {
      const file = activationModel(title.replace(/\W+/g, '_'), activation, 8);
      const { graph } = compile({ model: file, overrides: { precision: 'ap_fixed<10,4>' } });
      expect(graph.layers.some((l) => l.kind === 'quant')).toBe(false); // lowered by import-qonnx
      const fixed = emulate(graph, GRID, GRID.length / 8).output;
      const float = emulate(loadKeras(file, { defaultPrecision: parseFixedType('ap_fixed<10,4>') }), GRID, GRID.length / 8, { mode: 'float' }).output;
      for (let i = 0; i < GRID.length; i++) {
        expect([GRID[i], fixed[i]]).toEqual([GRID[i], f(GRID[i])]);
        expect([GRID[i], float[i]]).toEqual([GRID[i], f(GRID[i])]);
      }
    });
  }

  it('refuses quantized_relu with a negative slope, saying why', () => {
    const file = activationModel('leaky_q', 'quantized_relu(4, 0, 0, 0.25)', 4);
    expect(() => loadKeras(file, { defaultPrecision: parseFixedType('ap_fixed<16,6>') })).toThrow(
      `${file}: layer 'q' (QActivation): unsupported quantizer: activation quantized_relu(4, 0, 0, 0.25): negative_slope must be 0, not 0.25 (two roundings are not one fixed-point cast)`,
    );
  });

  it('refuses a ternary quantizer on activations, naming the layer kind it needs', () => {
    const file = activationModel('tern', 'ternary()', 4);
    expect(() => loadKeras(file, { defaultPrecision: parseFixedType('ap_fixed<16,6>') })).toThrow(
      `${file}: layer 'q' (QActivation): unsupported quantizer: activation ternary() must be an exact fixed-point cast, not a ternary quantizer on activations (a threshold at ±0.33) is not a fixed-point cast; it needs the ternary tanh layer, not supported yet`,
    );
  });
});

/** Sequential: InputLayer [4] → QDense(3) with the given kernel quantizer; weights from a JSON-only model are absent, so H5 is written */
describe('QKeras weight quantizers are folded into the weights with an exact declared type', () => {
  const W = [0.9, -0.3, 0.04, -0.001, 0.26, 0.5, -0.74, 2.7, -1.6, 0.33, -0.33, 0.0];
  const cases: [string, unknown, (x: number) => number][] = [
    ['quantized_po2(4,1)', 'quantized_po2(4,1)', quantizedPo2(4, 1)],
    ['quantized_bits(4,2,alpha=0.5)', 'quantized_bits(4,2,alpha=0.5)', (x) => 0.5 * quantizedBits(4, 2)(x)],
    ['ternary(alpha=0.5)', 'ternary(alpha=0.5)', (x) => (Math.abs(x) >= Math.fround(0.33) ? 0.5 * Math.sign(x) : 0)],
    ['binary(alpha=0.25)', 'binary(alpha=0.25)', (x) => (x >= 0 ? 0.25 : -0.25)],
    // no sign bit for x and none for the exponent (max_value ≤ 1): exponents −2^4 … 2^4 − 1
    ['quantized_relu_po2(4,1)', 'quantized_relu_po2(4,1)', (x) => 2 ** Math.max(-16, Math.min(15, x < 1e-7 ? -16 : roundEven(Math.log2(Math.min(x, 1)))))],
  ];
  for (const [title, q, f] of cases) {
    it(`${title}: the kernel holds the QKeras values, each exact in the declared weight type`, async () => {
      const { ready, writeKeras2Weights } = await import('./fixtures.ts');
      await ready();
      const name = title.replace(/\W+/g, '_');
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify({
        class_name: 'Sequential',
        config: { name, layers: [{ class_name: 'InputLayer', config: { name: 'x', batch_input_shape: [null, 4] } }, { class_name: 'QDense', config: { name: 'd', units: 3, kernel_quantizer: q, use_bias: false } }] },
      }));
      writeKeras2Weights(join(dir, `${name}_weights.h5`), { d: { 'd/kernel:0': { shape: [4, 3], data: W } } }, ['x', 'd']);
      const d = loadKeras(file, { defaultPrecision: parseFixedType('ap_fixed<16,6>') }).layers[1];
      if (d.kind !== 'dense') throw new Error('expected a dense layer');
      expect(Array.from(d.weights)).toEqual(W.map((w) => f(Math.fround(w))));
      const t = d.declared!.weight!;
      for (const w of d.weights) {
        const m = w * 2 ** fracBits(t);
        expect(Number.isInteger(m)).toBe(true);
        expect(m).toBeLessThanOrEqual(2 ** (t.width - (t.signed ? 1 : 0)) - 1);
        expect(m).toBeGreaterThanOrEqual(t.signed ? -(2 ** (t.width - 1)) : 0);
      }
    });
  }
});

describe('QKeras quantizers written as Python call strings', () => {
  it('reads positional and keyword arguments in the constructor order', () => {
    expect(parseQuantizer('quantized_relu(3,1)')?.args).toEqual({ bits: 3, integer: 1 });
    expect(parseQuantizer("quantized_bits(6, 0, alpha=1, use_stochastic_rounding=False)")?.args).toEqual({ bits: 6, integer: 0, alpha: 1, use_stochastic_rounding: false });
    expect(parseQuantizer("binary(alpha='auto_po2')")?.args).toEqual({ alpha: 'auto_po2' });
    expect(parseQuantizer('binary')).toEqual({ className: 'binary', args: {}, text: 'binary' });
    expect(parseQuantizer(42)).toBeUndefined();
  });
});

describe('QBatchNormalization', () => {
  it('normalizes with its quantized γ, β, mean and variance, as QKeras does at inference', async () => {
    const { ready, writeKeras2Weights } = await import('./fixtures.ts');
    await ready();
    const file = join(dir, 'qbn.json');
    const quantizers = { gamma_quantizer: 'quantized_relu_po2(4,1)', beta_quantizer: 'quantized_po2(5)', mean_quantizer: 'quantized_po2(5)', variance_quantizer: 'quantized_relu_po2(4)' };
    writeFileSync(file, JSON.stringify({
      class_name: 'Sequential',
      config: { name: 'qbn', layers: [{ class_name: 'InputLayer', config: { name: 'x', batch_input_shape: [null, 4] } }, { class_name: 'QBatchNormalization', config: { name: 'bn', epsilon: 0.001, ...quantizers } }] },
    }));
    const p = { gamma: [0.7, 1.3, 0.2, 0.9], beta: [0.1, -0.3, 0.6, 0], moving_mean: [0.4, -1.2, 0.05, 2.5], moving_variance: [0.3, 2.2, 0.9, 5] };
    writeKeras2Weights(join(dir, 'qbn_weights.h5'), { bn: Object.fromEntries(Object.entries(p).map(([k, v]) => [`bn/${k}:0`, { shape: [4], data: v }])) }, ['x', 'bn']);
    const g = loadKeras(file, { defaultPrecision: parseFixedType('ap_fixed<16,6>') });
    const x = Float64Array.of(1, -2, 0.5, 3);
    const y = emulate(g, x, 1, { mode: 'float' }).output;
    // quantized_relu_po2(4,1): exponents −16 … 15 (no sign bits); quantized_relu_po2(4) (an exponent sign bit): −8 … 7
    const reluPo2 = (v: number, max?: number) => {
      const lim = max !== undefined && max <= 1 ? 16 : 8;
      return 2 ** Math.max(-lim, Math.min(lim - 1, roundEven(Math.log2(max === undefined ? Math.fround(v) : Math.min(Math.fround(v), max)))));
    };
    const po2 = quantizedPo2Signed(5);
    for (let c = 0; c < 4; c++) {
      const [gq, bq, mq, vq] = [reluPo2(p.gamma[c], 1), po2(p.beta[c]), po2(p.moving_mean[c]), reluPo2(p.moving_variance[c])];
      expect(y[c]).toBeCloseTo(((x[c] - mq) / Math.sqrt(vq + 0.001)) * gq + bq, 12);
    }
  });
});

/** quantized_po2(bits) without max_value: x and the exponent have sign bits, exponents −2^(bits−2) … 2^(bits−2) − 1 */
function quantizedPo2Signed(bits: number) {
  const lim = 2 ** (bits - 2);
  return (x: number): number => {
    const v = Math.fround(x);
    if (Math.abs(v) < 1e-7) return 2 ** -lim;
    return (v >= 0 ? 1 : -1) * 2 ** Math.max(-lim, Math.min(lim - 1, roundEven(Math.log2(Math.abs(v)))));
  };
}
