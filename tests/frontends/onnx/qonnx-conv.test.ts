import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import { emulate } from '../../../src/emulator/index.ts';
import { formatFixedType } from '../../../src/fixed/index.ts';
import { parseOnnx } from '../../../src/frontends/onnx/index.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { PASSES } from '../../../src/passes/index.ts';
import { runPasses } from '../../../src/passes/pass.ts';
import { int, ints, OnnxModelBuilder } from '../../fixtures/onnx-builder.ts';
import { quantValue } from '../../../src/ir/quantizer.ts';
import { cancelTranspose } from '../../../src/passes/cancel-transpose.ts';
import { kinds, layerOf, parse, PRECISION, ramp } from './helpers.ts';
import { runOrt } from './ort-oracle.ts';
import { samples } from './window-oracle.ts';

const QONNX = 'qonnx.custom_op.general';
/** np.round: half to even */
const roundEven = (v: number): number => (Math.abs(v - Math.trunc(v)) === 0.5 ? 2 * Math.round(v / 2) : Math.round(v));

/**
 * x [1, 2, 6, 6] → Quant (8 bits, 2^−4) → Conv 3×3 (3 filters, weights Quant 4 bits with one power-of-two scale per
 * filter, bias Quant 6 bits 2^−3) → Quant (8 bits, 2^−3) → Relu → MaxPool 2×2 → y, channels-first as Brevitas exports.
 */
function model(): OnnxModelBuilder {
  const m = new OnnxModelBuilder({ opset: 13 }).input('x', [1, 2, 6, 6]);
  m.initializer('W', [3, 2, 3, 3], ramp(54, 1).map((v) => v * 0.7)).initializer('B', [3], [0.3, -0.45, 0.1]);
  m.initializer('ws', [3, 1, 1, 1], [0.25, 0.125, 0.5]).initializer('z', [], [0]).initializer('b4', [], [4]).initializer('b6', [], [6]).initializer('b8', [], [8]);
  m.initializer('s16', [], [1 / 16]).initializer('s8', [], [1 / 8]);
  m.node('Quant', ['x', 's16', 'z', 'b8'], ['xq'], { signed: int(1) }, 'quant_in', QONNX);
  m.node('Quant', ['W', 'ws', 'z', 'b4'], ['Wq'], { narrow: int(1) }, 'quant_w', QONNX);
  m.node('Quant', ['B', 's8', 'z', 'b6'], ['Bq'], {}, 'quant_b', QONNX);
  m.node('Conv', ['xq', 'Wq', 'Bq'], ['c'], {}, 'conv').node('Quant', ['c', 's8', 'z', 'b8'], ['cq'], {}, 'quant_act', QONNX);
  m.node('Relu', ['cq'], ['r'], {}, 'relu').node('MaxPool', ['r'], ['y'], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }, 'pool');
  return m.output('y');
}

describe('QONNX quantizers around a channels-first Conv', () => {
  it('folds the weight and bias quantizers into the conv with their types and lowers the activation ones to casts', () => {
    const config = loadConfig({ model: 'm.onnx' });
    const g = runPasses(parseOnnx(model().encode(), 'q.onnx', { defaultPrecision: PRECISION }), config, PASSES);
    verifyGraph(g, { configured: true });
    expect(kinds(g)).toEqual(['input', 'transpose', 'conv', 'relu', 'pool', 'transpose']);
    const conv = layerOf(g, 'conv', 'conv');
    expect([formatFixedType(conv.precision.weight!), formatFixedType(conv.precision.bias!), formatFixedType(conv.precision.result)]).toEqual([
      'ap_fixed<6,3>', // holds every per-filter value: ±7 · 2^−1 … on the finest grid 2^−3
      'ap_fixed<6,3,AP_RND_CONV,AP_SAT>',
      'ap_fixed<8,5,AP_RND_CONV,AP_SAT>',
    ]);
    // weight of filter f, channel c, tap t: round-half-even(w / s_f) · s_f in the 4-bit narrow range −7 … 7
    const w = ramp(54, 1).map((v) => v * 0.7);
    const s = [0.25, 0.125, 0.5];
    for (let f = 0; f < 3; f++) for (let c = 0; c < 2; c++) for (let t = 0; t < 9; t++) {
      const q = Math.min(7, Math.max(-7, roundEven(w[(f * 2 + c) * 9 + t] / s[f]))) * s[f];
      expect(Math.abs(conv.weights[(t * 2 + c) * 3 + f] - q)).toBeLessThanOrEqual(Math.abs(q) * 1e-12 + 1e-12);
    }
    const input = g.layers[0];
    expect(formatFixedType(input.precision.result)).toBe('ap_fixed<8,4,AP_RND_CONV,AP_SAT>');
    const out = emulate(g, Float64Array.from({ length: 72 }, (_v, i) => Math.sin(i) * 3), 1).output;
    expect(out.every((v) => v >= 0 && Number.isInteger(v * 8))).toBe(true);
  });

  it('quantizes a channels-first activation per channel (scale [1, C, 1, 1]) on the right channel, with no transposes left around it', async () => {
    const conv = () => new OnnxModelBuilder({ opset: 13 }).input('x', [1, 2, 5, 5]).initializer('W', [3, 2, 3, 3], ramp(54, 2));
    const scales = [0.25, 0.0625, 0.5];
    const m = conv().initializer('s', [1, 3, 1, 1], scales).initializer('z', [], [0]).initializer('b', [], [5]);
    m.node('Conv', ['x', 'W'], ['c'], {}, 'conv').node('Quant', ['c', 's', 'z', 'b'], ['y'], {}, 'q', QONNX).output('y');
    const g = parse(m);
    expect(kinds(cancelTranspose.run(g, loadConfig({ model: 'm.onnx' })))).toEqual(['input', 'transpose', 'conv', 'quant', 'transpose']);
    const q = layerOf(g, 'q', 'quant');
    expect(Array.from(q.scale)).toEqual(scales);
    const xs = samples(50);
    const [c] = await runOrt(conv().node('Conv', ['x', 'W'], ['y'], {}, 'conv').output('y').encode(), xs, [2, 5, 5]);
    const ours = emulate(g, Float64Array.from(xs[0]), 1, { mode: 'float' }).output;
    // NCHW: element j is in channel ⌊j / 9⌋
    const expected = Array.from(c, (v, j) => quantValue({ ...q, scale: Float64Array.of(scales[Math.floor(j / 9)]), zeroPoint: Float64Array.of(0) }, v));
    expect(Array.from(ours)).toEqual(expected);
  });
});
