import { describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { OnnxModelBuilder, float } from '../../fixtures/onnx-builder.ts';
import { layerOf, parse, thrown } from './helpers.ts';
import { runOrt } from './ort-oracle.ts';

const C = 6;
/** 64 samples over [−20, 20): both asymptotes of every function, and the kinks near 0 */
const samples = Array.from({ length: 64 }, (_, s) => Float32Array.from({ length: C }, (_, i) => Math.fround(((s * C + i) * 37 % 400) / 10 - 20)));

function unary(op: string, attrs = {}): OnnxModelBuilder {
  return new OnnxModelBuilder({ opset: 13 }).input('x', ['N', C]).node(op, ['x'], ['y'], attrs, 'act').output('y', ['N', C]);
}
function prelu(slope: number[], dims: number[]): OnnxModelBuilder {
  const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', C]).initializer('slope', dims, slope);
  return m.node('PRelu', ['x', 'slope'], ['y'], {}, 'act').output('y', ['N', C]);
}

/** Worst relative error of our float mode (the emulator's double kernels) against ONNX Runtime's float32 run. */
async function worstAgainstOrt(m: OnnxModelBuilder): Promise<number> {
  const g = parse(m);
  const ort = await runOrt(m.encode(), samples, [C]);
  const ours = emulate(g, Float64Array.from(samples.flatMap((s) => Array.from(s))), samples.length, { mode: 'float' }).output;
  let worst = 0;
  ort.forEach((o, k) => o.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - ours[k * C + j]) / Math.max(Math.abs(ours[k * C + j]), 1e-6)))));
  return worst;
}

const CASES: [string, OnnxModelBuilder, string][] = [
  ['Elu (default alpha)', unary('Elu'), 'elu'],
  ['Elu (alpha 0.3)', unary('Elu', { alpha: float(0.3) }), 'elu'],
  ['Selu (default constants)', unary('Selu'), 'selu'],
  ['Selu (alpha 1.5, gamma 2)', unary('Selu', { alpha: float(1.5), gamma: float(2) }), 'selu'],
  ['PRelu (one slope per channel)', prelu([0.1, -0.2, 0.3, 0.5, 1.5, 0], [C]), 'prelu'],
  ['PRelu (scalar slope)', prelu([0.25], [1]), 'prelu'],
  ['Softplus', unary('Softplus'), 'softplus'],
  ['Softsign', unary('Softsign'), 'softsign'],
  ['HardSigmoid (defaults, Keras 2)', unary('HardSigmoid'), 'hard_sigmoid'],
  ['HardSigmoid (alpha 1/6, Keras 3)', unary('HardSigmoid', { alpha: float(1 / 6) }), 'hard_sigmoid'],
  ['ThresholdedRelu (default alpha)', unary('ThresholdedRelu'), 'thresholded_relu'],
  ['ThresholdedRelu (alpha −0.5)', unary('ThresholdedRelu', { alpha: float(-0.5) }), 'thresholded_relu'],
];

describe('ONNX activations beyond ReLU and sigmoid', () => {
  for (const [name, model, kind] of CASES) {
    it(`translates ${name} into ${kind} and agrees with onnxruntime in float mode`, async () => {
      const g = parse(model);
      expect(layerOf(g, 'act', kind as 'elu').shape).toEqual([C]);
      const worst = await worstAgainstOrt(model);
      console.log(`${name}: worst relative error vs onnxruntime ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(1e-6);
    });
  }

  it('reads the attributes as float32', () => {
    expect(layerOf(parse(unary('HardSigmoid')), 'act', 'hard_sigmoid')).toMatchObject({ alpha: Math.fround(0.2), beta: 0.5 });
    expect(layerOf(parse(unary('Selu')), 'act', 'selu')).toMatchObject({ alpha: Math.fround(1.6732632423543772), scale: Math.fround(1.0507009873554805) });
    expect(layerOf(parse(unary('ThresholdedRelu', { alpha: float(2) })), 'act', 'thresholded_relu').theta).toBe(2);
    expect(Array.from(layerOf(parse(prelu([0.25], [])), 'act', 'prelu').alpha)).toEqual(Array(C).fill(0.25));
  });

  it('refuses a PRelu slope that is not per channel of the last axis', () => {
    const e = thrown(() => parse(prelu([0.1, 0.2, 0.3], [3, 1])));
    expect(e.code).toBe('shape-mismatch');
    expect(e.message).toBe("test.onnx: layer 'act' (PRelu): shape mismatch: slope must be a scalar or have shape [6] (one per channel of the last axis), not [3, 1]");
  });
});
