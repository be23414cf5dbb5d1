import { beforeAll, describe, expect, it } from 'vitest';
import { formatFixedType, parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import type { Layer, LayerOf } from '../../../src/ir/layers.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { sequential, tensor, type LayerVars, type Spec } from './cnn-fixtures.ts';
import { ready } from './fixtures.ts';
import { tempDirForFile } from '../../helpers/temp.ts';
import { quantizedBits } from './reference-mlp.ts';

const dir = tempDirForFile('keras');
beforeAll(ready);
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };

const bits = (b: number, i: number) => ({ class_name: 'quantized_bits', config: { bits: b, integer: i, symmetric: 0, alpha: 1, keep_negative: true } });
/** seeded values in [−2, 2): wide enough that quantized_bits(·, 0) saturates some */
const wide = (shape: number[], seed: number) => {
  const t = tensor(shape, seed);
  return { shape, data: t.data.map((v) => 2 * v) };
};

function translate(name: string, input: number[], spec: Spec, vars: LayerVars): Layer[] {
  const g = loadKeras(sequential(dir, name, input, [spec], vars), P);
  verifyGraph(g);
  return g.layers.slice(1);
}

const declared = (l: Layer) => Object.fromEntries(Object.entries(l.declared ?? {}).map(([k, t]) => [k, formatFixedType(t!)]));
const folded = (data: number[], q: (x: number) => number) => data.map(q);

describe('QKeras convolutions fold their quantizers into the weights and declare their types', () => {
  for (const rank of [1, 2] as const) {
    it(`QConv${rank}D: kernel and bias hold quantized_bits(6,0) and quantized_bits(4,1) values; activation quantized_relu becomes relu + quant`, () => {
      const kernel = rank === 1 ? [3] : [2, 2];
      const vars = { l0: { kernel: wide([...kernel, 2, 3], 1), bias: wide([3], 2) } };
      const spec = { class_name: `QConv${rank}D`, config: { filters: 3, kernel_size: kernel, kernel_quantizer: bits(6, 0), bias_quantizer: 'quantized_bits(4,1,alpha=1)', activation: 'quantized_relu(4,0)' } };
      const [conv, relu, quant] = translate(`qconv${rank}`, rank === 1 ? [5, 2] : [4, 4, 2], spec, vars) as [LayerOf<'conv'>, Layer, Layer];
      expect(Array.from(conv.weights)).toEqual(folded(vars.l0.kernel.data, quantizedBits(6, 0)));
      expect(Array.from(conv.bias)).toEqual(folded(vars.l0.bias.data, quantizedBits(4, 1)));
      expect(declared(conv)).toEqual({ weight: 'ap_fixed<6,1,AP_RND_CONV,AP_SAT>', bias: 'ap_fixed<4,2,AP_RND_CONV,AP_SAT>' });
      expect([relu.name, relu.kind, quant.name, quant.kind]).toEqual(['l0_quantized_relu_relu', 'relu', 'l0_quantized_relu', 'quant']);
    });
  }

  it('QDepthwiseConv2D: the depthwise kernel through depthwise_quantizer, the bias through bias_quantizer', () => {
    const vars = { l0: { depthwise_kernel: wide([3, 3, 2, 2], 3), bias: wide([4], 4) } };
    const spec = { class_name: 'QDepthwiseConv2D', config: { kernel_size: [3, 3], depth_multiplier: 2, padding: 'same', depthwise_quantizer: bits(5, 0), bias_quantizer: bits(8, 2) } };
    const [dw] = translate('qdepthwise', [4, 4, 2], spec, vars) as [LayerOf<'depthwise_conv'>];
    expect(Array.from(dw.weights)).toEqual(folded(vars.l0.depthwise_kernel.data, quantizedBits(5, 0)));
    expect(Array.from(dw.bias)).toEqual(folded(vars.l0.bias.data, quantizedBits(8, 2)));
    expect(declared(dw)).toEqual({ weight: 'ap_fixed<5,1,AP_RND_CONV,AP_SAT>', bias: 'ap_fixed<8,3,AP_RND_CONV,AP_SAT>' });
  });

  for (const rank of [1, 2] as const) {
    it(`QSeparableConv${rank}D: depthwise_quantizer on <name>_depthwise, pointwise_quantizer and bias_quantizer on <name>`, () => {
      const kernel = rank === 1 ? [3] : [3, 3];
      const ones = kernel.map(() => 1);
      const vars = { l0: { depthwise_kernel: wide([...kernel, 2, 1], 5), pointwise_kernel: wide([...ones, 2, 3], 6), bias: wide([3], 7) } };
      const spec = {
        class_name: `QSeparableConv${rank}D`,
        config: { filters: 3, kernel_size: kernel, depthwise_quantizer: bits(4, 0), pointwise_quantizer: bits(6, 0), bias_quantizer: bits(6, 1) },
      };
      const [dw, pw] = translate(`qseparable${rank}`, rank === 1 ? [6, 2] : [5, 5, 2], spec, vars) as [LayerOf<'depthwise_conv'>, LayerOf<'conv'>];
      expect([dw.name, pw.name]).toEqual(['l0_depthwise', 'l0']);
      expect(Array.from(dw.weights)).toEqual(folded(vars.l0.depthwise_kernel.data, quantizedBits(4, 0)));
      expect(declared(dw)).toEqual({ weight: 'ap_fixed<4,1,AP_RND_CONV,AP_SAT>' });
      expect(Array.from(pw.weights)).toEqual(folded(vars.l0.pointwise_kernel.data, quantizedBits(6, 0)));
      expect(Array.from(pw.bias)).toEqual(folded(vars.l0.bias.data, quantizedBits(6, 1)));
      expect(declared(pw)).toEqual({ weight: 'ap_fixed<6,1,AP_RND_CONV,AP_SAT>', bias: 'ap_fixed<6,2,AP_RND_CONV,AP_SAT>' });
    });
  }

  it("QSeparableConv2D's depthwise_activation becomes layers between the halves, its activation after them", () => {
    const vars = { l0: { depthwise_kernel: wide([2, 2, 2, 1], 8), pointwise_kernel: wide([1, 1, 2, 2], 9), bias: wide([2], 10) } };
    const spec = { class_name: 'QSeparableConv2D', config: { filters: 2, kernel_size: [2, 2], depthwise_activation: 'quantized_relu(4,0)', activation: 'quantized_bits(8,3)' } };
    const layers = translate('qseparable_acts', [3, 3, 2], spec, vars);
    expect(layers.map((l) => [l.name, l.kind, l.inputs])).toEqual([
      ['l0_depthwise', 'depthwise_conv', ['x']], ['l0_quantized_relu_relu', 'relu', ['l0_depthwise']], ['l0_quantized_relu', 'quant', ['l0_quantized_relu_relu']],
      ['l0', 'conv', ['l0_quantized_relu']], ['l0_quantized_bits', 'quant', ['l0']],
    ]);
  });

  it('QAveragePooling2D with an average_quantizer that keeps 1/4 exact is an average pool, its activation a quant layer', () => {
    const spec = { class_name: 'QAveragePooling2D', config: { pool_size: [2, 2], average_quantizer: bits(8, 0), activation: 'quantized_bits(6,2,alpha=1)' } };
    const [pool, quant] = translate('qavg', [4, 6, 3], spec, {});
    expect([pool.name, pool.kind, pool.shape, quant.name, quant.kind]).toEqual(['l0', 'pool', [2, 3, 3], 'l0_quantized_bits', 'quant']);
    expect((pool as LayerOf<'pool'>).op).toBe('average');
  });

  it('QGlobalAveragePooling2D keeps 1/16 of a 4×4 image exact with quantized_bits(8,0) and becomes a pool + reshape', () => {
    const layers = translate('qgap', [4, 4, 2], { class_name: 'QGlobalAveragePooling2D', config: { average_quantizer: bits(8, 0) } }, {});
    expect(layers.map((l) => [l.name, l.kind, l.shape])).toEqual([['l0', 'pool', [1, 1, 2]], ['l0_reshape', 'reshape', [2]]]);
  });
});
