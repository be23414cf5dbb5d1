import { describe, expect, it } from 'vitest';
import { randomInputs } from '../../src/data/random-inputs.ts';
import { emulate } from '../../src/emulator/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { fuseBatchNorm } from '../../src/passes/fuse-batchnorm.ts';
import { mlpGraph } from '../helpers/graphs.ts';
import { configured } from './pass-helpers.ts';
import { chain, conv, depthwiseConv, randomArray, rng } from '../emulator/build-graph.ts';

/** Insert a BatchNormalization after the named layer (its readers then read the BN). */
function withBatchNorm(g: Graph, after: string, name: string): Graph {
  const at = g.layers.findIndex((l) => l.name === after);
  const c = g.layers[at].shape[g.layers[at].shape.length - 1];
  const bn = {
    ...g.layers[at], kind: 'batchnorm', name, inputs: [after],
    scale: Float64Array.from({ length: c }, (_, k) => 0.5 + 0.1 * k), bias: Float64Array.from({ length: c }, (_, k) => 0.05 * k - 0.1),
  } as Layer;
  const layers = g.layers.map((l) => (l.inputs.includes(after) ? ({ ...l, inputs: l.inputs.map((i) => (i === after ? name : i)) } as Layer) : l));
  layers.splice(at + 1, 0, bn);
  return { ...g, layers, outputs: g.outputs.map((o) => (o === after ? name : o)) };
}

const X = randomInputs(200, 6, 11);
const floatOut = (g: Graph) => emulate(g, X.data, 200, { mode: 'float' }).output;

describe('fuse-batchnorm', () => {
  it('folds a BatchNormalization into the preceding Dense, float outputs equal within 1e-12', () => {
    const g = configured(withBatchNorm(mlpGraph([6, 5, 4, 3]), 'dense_1', 'bn'));
    verifyGraph(g);
    const fused = fuseBatchNorm.run(g, undefined as never);
    verifyGraph(fused, { configured: true });
    expect(fused.layers.map((l) => l.kind)).not.toContain('batchnorm');
    expect(fused.layers.find((l) => l.name === 'relu_1')!.inputs).toEqual(['dense_1']);
    const [a, b] = [floatOut(g), floatOut(fused)];
    // the fold is exact in real arithmetic: only double rounding differs (values are O(1))
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-12);
    // the fused layer produces the BN's result type
    expect(fused.layers.find((l) => l.name === 'dense_1')!.precision.result).toBe(g.layers.find((l) => l.name === 'bn')!.precision.result);
    expect(emulate(fused, X.data, 200).output.length).toBe(600);
  });

  it('keeps a BatchNormalization after a Dense whose result type the model declares (QONNX), fixed outputs unchanged', () => {
    const g0 = configured(withBatchNorm(mlpGraph([6, 5, 4, 3]), 'dense_1', 'bn'));
    const g = { ...g0, layers: g0.layers.map((l) => (l.name === 'dense_1' ? ({ ...l, declared: { result: l.precision.result } } as Layer) : l)) };
    const out = fuseBatchNorm.run(g, undefined as never);
    expect(out.layers.map((l) => l.name)).toContain('bn');
    expect(Array.from(emulate(out, X.data, 200).output)).toEqual(Array.from(emulate(g, X.data, 200).output));
  });

  it('keeps a BatchNormalization that does not follow a Dense', () => {
    const g = configured(withBatchNorm(mlpGraph([6, 5, 3]), 'relu_1', 'bn'));
    const out = fuseBatchNorm.run(g, undefined as never);
    verifyGraph(out, { configured: true });
    expect(out).toBe(g);
  });

  it('keeps a BatchNormalization when the Dense has another reader', () => {
    const g = withBatchNorm(mlpGraph([6, 5, 3]), 'dense_2', 'bn');
    const twoReaders = configured({ ...g, outputs: ['dense_2', ...g.outputs] });
    const out = fuseBatchNorm.run(twoReaders, undefined as never);
    verifyGraph(out, { configured: true });
    expect(out.layers.map((l) => l.name)).toContain('bn');
    expect(Array.from(floatOut(out))).toEqual(Array.from(floatOut(twoReaders)));
  });

  for (const kind of ['conv', 'depthwise_conv'] as const)
    it(`folds a BatchNormalization into the preceding ${kind}, per output channel, float outputs equal within 1e-12`, () => {
      const random = rng(kind.length);
      const layer = kind === 'conv'
        ? conv('c', [6, 5, 3], 4, { kernel: [3, 2], strides: [2, 1], padding: 'same', random })
        : depthwiseConv('c', [6, 5, 3], 2, { kernel: [3, 2], dilations: [1, 2], padBegin: [1, 0], padEnd: [0, 1], random });
      const g = chain([{ kind: 'input', name: 'x', shape: [6, 5, 3] }, layer, { kind: 'relu', name: 'r', shape: layer.shape }]);
      const bnAfter = withBatchNorm(g, 'c', 'bn');
      verifyGraph(bnAfter, { configured: true });
      const fused = fuseBatchNorm.run(bnAfter, undefined as never);
      verifyGraph(fused, { configured: true });
      expect(fused.layers.map((l) => l.kind)).toEqual(['input', kind, 'relu']);
      const x = randomArray(random, 50 * 90, 2);
      const [a, b] = [emulate(bnAfter, x, 50, { mode: 'float' }).output, emulate(fused, x, 50, { mode: 'float' }).output];
      expect(a.length).toBe(b.length);
      // the fold is exact in real arithmetic: only double rounding differs (values are O(1))
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-12);
      expect(fused.layers[1].precision.result).toBe(bnAfter.layers.find((l) => l.name === 'bn')!.precision.result);
    });
});
