import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import { emulate } from '../../src/emulator/index.ts';
import { fixedType, quantizeArray, valueRangeOf, type FixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer, LayerOf, PrecisionVar } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { windowIndex, windowTaps } from '../../src/ir/window.ts';
import { inferPrecision } from '../../src/passes/infer-precision.ts';
import { chain, conv, crop, depthwiseConv, pad, pool, randomArray, rng, upsample, type LayerSpec } from '../emulator/build-graph.ts';

/**
 * Auto precisions through the convolution family: the inferred types never overflow on inputs at the extremes of the
 * input type, and they are minimal: one integer bit fewer overflows on an input crafted for the extreme output.
 */
const IN = fixedType(8, 3);
const config = { file: 'model.onnx' } as ProjectConfig;

function cnn(vars: PrecisionVar[]): Graph {
  const random = rng(21);
  const p = { weight: 'ap_fixed<6,1,AP_RND>', bias: 'ap_fixed<6,1,AP_RND>' };
  // each layer reads the previous one's shape
  const steps: ((inShape: readonly number[]) => LayerSpec)[] = [
    (s) => conv('c1', s, 3, { kernel: [3, 3], padding: 'same', random, zeros: 0.2, precision: p }),
    (s) => pool('p1', s, 'average', { kernel: [2, 2], strides: [2, 2], padBegin: [1, 1], padEnd: [0, 0] }),
    (s) => depthwiseConv('d1', s, 2, { kernel: [2, 2], dilations: [1, 2], padBegin: [0, 1], padEnd: [1, 1], random, precision: p }),
    (s) => pool('p2', s, 'max', { kernel: [2, 3], strides: [1, 1], padding: 'same' }),
    (s) => pad('z', s, [1, 0], [0, 2]),
    (s) => upsample('u', s, [2, 1]),
    (s) => crop('k', s, [1, 1], [2, 0]),
    (s) => pool('p3', s, 'average', { kernel: [3, 3], strides: [2, 2], padding: 'same', countPad: true }),
  ];
  const specs: LayerSpec[] = [{ kind: 'input', name: 'x', shape: [6, 6, 2], precision: { result: IN } }];
  for (const step of steps) specs.push(step(specs[specs.length - 1].shape));
  const g = chain(specs);
  const auto = (l: Layer): Layer => (l.kind === 'input' ? l : ({ ...l, autoPrecision: { vars: vars.filter((v) => v === 'result' || 'weights' in l) } } as Layer));
  return { ...g, layers: g.layers.map(auto) };
}

function extremes(n: number, t: FixedType): { data: Float64Array; batch: number } {
  const { min, max } = valueRangeOf(t);
  const random = rng(5);
  const rows: number[][] = [Array(n).fill(min), Array(n).fill(max)];
  for (let k = 0; k < 300; k++) rows.push(Array.from({ length: n }, () => (random() < 0.5 ? min : max)));
  return { data: Float64Array.from(rows.flat()), batch: rows.length };
}

const overflowsOf = (g: Graph, x: { data: Float64Array; batch: number }) => emulate(g, x.data, x.batch).overflowsByVar;

describe('infer-precision through convolutions, pooling and data movement', () => {
  it('chooses types that never overflow on inputs at the extremes of the input type', () => {
    const g = inferPrecision.run(cnn(['accum', 'result']), config);
    verifyGraph(g, { configured: true });
    expect(g.layers.some((l) => l.autoPrecision)).toBe(false);
    expect(overflowsOf(g, extremes(72, IN))).toEqual({});
  });

  it('chooses a minimal conv accum and result: one integer bit fewer overflows on a crafted input', () => {
    const g = inferPrecision.run(cnn(['accum', 'result']), config);
    const c1 = g.layers[1] as LayerOf<'conv'>;
    // for output (p, f) and sign ±1: each input the filter reads at its extreme of the same sign as its weight
    const w = quantizeArray(c1.weights, c1.precision.weight!);
    const index = windowIndex([6, 6], c1);
    const taps = windowTaps(c1);
    const { min, max } = valueRangeOf(IN);
    const rows: number[][] = [];
    for (let p = 0; p < index.length / taps; p++)
      for (let f = 0; f < 3; f++)
        for (const sign of [1, -1]) {
          const row = Array<number>(72).fill(0);
          for (let t = 0; t < taps; t++)
            for (let ch = 0; ch < 2; ch++) if (index[p * taps + t] >= 0) row[index[p * taps + t] * 2 + ch] = w[(t * 2 + ch) * 3 + f] * sign > 0 ? max : min;
          rows.push(row);
        }
    const crafted = { data: Float64Array.from(rows.flat()), batch: rows.length };
    const only = (x: Graph): Graph => ({ ...x, layers: x.layers.slice(0, 2), outputs: ['c1'] });
    expect(overflowsOf(only(g), crafted)).toEqual({});
    for (const v of ['accum', 'result'] as const) {
      const t = c1.precision[v]!;
      const narrow = fixedType(t.width - 1, t.integer - 1, { signed: t.signed, quant: t.quant, overflow: t.overflow });
      const h = only({ ...g, layers: g.layers.map((l) => (l.name === 'c1' ? ({ ...l, precision: { ...l.precision, [v]: narrow } } as Layer) : l)) });
      expect(overflowsOf(h, crafted).c1?.[v], v).toBeGreaterThan(0);
    }
  });

  it('keeps a conv exact with auto types: it equals the float conv with the quantized weights', () => {
    // inputs on the input grid, weights quantized: with exact accum and result nothing rounds, nothing overflows
    const g = inferPrecision.run(cnn(['accum', 'result']), config);
    const x = quantizeArray(randomArray(rng(3), 72 * 20, 4), IN);
    const c1 = g.layers[1] as LayerOf<'conv'>;
    const quantized = { ...c1, weights: quantizeArray(c1.weights, c1.precision.weight!), bias: quantizeArray(c1.bias, c1.precision.bias!) };
    const float = emulate({ ...g, layers: [g.layers[0], quantized], outputs: ['c1'] }, x, 20, { mode: 'float' }).output;
    expect(Array.from(emulate(g, x, 20, { trace: true }).trace!.c1)).toEqual(Array.from(float));
  });
});
